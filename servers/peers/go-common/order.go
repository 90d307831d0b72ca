package peer

import (
	"encoding/json"
	"errors"
	"sync/atomic"
)

// Order is the request body of POST /orders. Pointers tell a missing member
// from a zero one; encoding/json ignores unknown members, as the contract says.
type Order struct {
	Customer *string     `json:"customer"`
	Items    []OrderItem `json:"items"`
	Note     *string     `json:"note"`
}

// OrderItem is one line of an order.
type OrderItem struct {
	Sku        *string `json:"sku"`
	Qty        *int64  `json:"qty"`
	PriceCents *int64  `json:"price_cents"`
}

// OrderReceipt is the 201 body of POST /orders.
type OrderReceipt struct {
	ID         uint64     `json:"id"`
	Customer   string     `json:"customer"`
	Items      int        `json:"items"`
	TotalCents int64      `json:"total_cents"`
	Lines      []LineItem `json:"lines"`
}

// LineItem is one line of a receipt.
type LineItem struct {
	Sku           string `json:"sku"`
	SubtotalCents int64  `json:"subtotal_cents"`
}

// OrderBook numbers accepted orders; the ids increase per process.
type OrderBook struct {
	lastID atomic.Uint64
}

// Place decodes and validates body and returns the receipt, or
// ErrInvalidJSON / ErrInvalidOrder.
func (b *OrderBook) Place(body []byte) (*OrderReceipt, error) {
	order, err := decodeOrder(body)
	if err != nil {
		return nil, err
	}
	receipt := &OrderReceipt{
		Customer: *order.Customer,
		Items:    len(order.Items),
		Lines:    make([]LineItem, len(order.Items)),
	}
	for i, item := range order.Items {
		subtotal := *item.Qty * *item.PriceCents // at most 1e12: no overflow
		receipt.Lines[i] = LineItem{Sku: *item.Sku, SubtotalCents: subtotal}
		receipt.TotalCents += subtotal
	}
	receipt.ID = b.lastID.Add(1)
	return receipt, nil
}

func decodeOrder(body []byte) (*Order, error) {
	var order Order
	if err := json.Unmarshal(body, &order); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, ErrInvalidOrder // valid JSON of the wrong shape
		}
		return nil, ErrInvalidJSON
	}
	// encoding/json keeps the last of a repeated member; the contract refuses
	// it. This second pass over the body is the price of that rule in Go.
	if hasDuplicateMember(body) || !order.valid() {
		return nil, ErrInvalidOrder
	}
	return &order, nil
}

func (o *Order) valid() bool {
	if o.Customer == nil || !lenIn(*o.Customer, 1, maxCustomer) {
		return false
	}
	if o.Note != nil && len(*o.Note) > maxNote {
		return false
	}
	if len(o.Items) < 1 || len(o.Items) > maxItems {
		return false
	}
	for _, item := range o.Items {
		if !item.valid() {
			return false
		}
	}
	return true
}

func (i *OrderItem) valid() bool {
	return i.Sku != nil && lenIn(*i.Sku, 1, maxSku) &&
		i.Qty != nil && *i.Qty >= 1 && *i.Qty <= maxQty &&
		i.PriceCents != nil && *i.PriceCents >= 0 && *i.PriceCents <= maxPriceCents
}

func lenIn(s string, min, max int) bool { return len(s) >= min && len(s) <= max }

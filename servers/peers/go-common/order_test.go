package peer

import "testing"

const validOrder = `{"customer":"acme","items":[{"sku":"A-1","qty":2,"price_cents":1250},` +
	`{"sku":"B","qty":3,"price_cents":1}],"note":"n","extra":{"x":[1,{"y":2}]}}`

func TestPlaceComputesTheReceiptAndNumbersOrders(t *testing.T) {
	var book OrderBook
	r, err := book.Place([]byte(validOrder))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != 1 || r.Customer != "acme" || r.Items != 2 || r.TotalCents != 2503 || r.Lines[0].SubtotalCents != 2500 {
		t.Fatalf("receipt = %+v", r)
	}
	if r2, _ := book.Place([]byte(validOrder)); r2.ID != 2 {
		t.Fatalf("second id = %d, want 2", r2.ID)
	}
}

func TestPlaceTellsInvalidJSONFromAnInvalidOrder(t *testing.T) {
	cases := map[string]error{
		`{"customer":`:    ErrInvalidJSON,
		validOrder + ` x`: ErrInvalidJSON,
		`[1]`:             ErrInvalidOrder,
		`{"items":[{"sku":"A","qty":1,"price_cents":1}]}`:                               ErrInvalidOrder,
		`{"customer":"a","items":[]}`:                                                   ErrInvalidOrder,
		`{"customer":"a","items":[{"sku":"A","qty":"1","price_cents":1}]}`:              ErrInvalidOrder,
		`{"customer":"a","items":[{"sku":"A","qty":1.5,"price_cents":1}]}`:              ErrInvalidOrder,
		`{"customer":"a","items":[{"sku":"A","qty":1001,"price_cents":1}]}`:             ErrInvalidOrder,
		`{"customer":"a","items":[{"sku":"A","qty":1,"price_cents":-1}]}`:               ErrInvalidOrder,
		`{"customer":"a","customer":"b","items":[{"sku":"A","qty":1,"price_cents":1}]}`: ErrInvalidOrder,
		`{"customer":"a","items":[{"sku":"A","sku":"B","qty":1,"price_cents":1}]}`:      ErrInvalidOrder,
	}
	for body, want := range cases {
		var book OrderBook
		if _, err := book.Place([]byte(body)); err != want {
			t.Errorf("%s: err = %v, want %v", body, err, want)
		}
	}
}

func TestDuplicateMembersAreFoundOnlyWithinOneObject(t *testing.T) {
	if hasDuplicateMember([]byte(`{"a":{"a":1},"b":[{"a":1},{"a":2}]}`)) {
		t.Fatal("the same name in different objects is no duplicate")
	}
	if !hasDuplicateMember([]byte(`{"a":[1,{"b":1,"b":2}]}`)) {
		t.Fatal("a nested duplicate was missed")
	}
	if hasDuplicateMember([]byte(`{"a":"b","b":"a"}`)) {
		t.Fatal("string values were taken for names")
	}
}

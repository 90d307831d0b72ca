//! POST /orders: the typed request and receipt, and the contract's checks.
//! Serde ignores unknown members and refuses a known member given twice.
//! Each peer deserializes an `Order` with its framework's JSON extractor (or
//! `OrderBook::parse`), then checks it with `Order::validate`.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::errors::ApiError;

const MAX_CUSTOMER: usize = 64;
const MAX_SKU: usize = 32;
const MAX_ITEMS: usize = 1000;
const MAX_QTY: i64 = 1000;
const MAX_PRICE_CENTS: i64 = 1_000_000_000;
const MAX_NOTE: usize = 1024;

#[derive(Deserialize)]
pub struct Order {
    customer: String,
    items: Vec<Item>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct Item {
    sku: String,
    qty: i64,
    price_cents: i64,
}

#[derive(Serialize)]
pub struct Receipt<'a> {
    id: u64,
    customer: &'a str,
    items: usize,
    total_cents: i64,
    lines: Vec<Line<'a>>,
}

#[derive(Serialize)]
struct Line<'a> {
    sku: &'a str,
    subtotal_cents: i64,
}

/// Numbers accepted orders; ids increase per process.
#[derive(Default)]
pub struct OrderBook {
    last_id: AtomicU64,
}

impl OrderBook {
    /// A valid order from a JSON body.
    pub fn parse(body: &[u8]) -> Result<Order, ApiError> {
        let order: Order =
            serde_json::from_slice(body).map_err(|err| ApiError::of_order_json(&err))?;
        order.validate()?;
        Ok(order)
    }

    pub fn place<'a>(&self, order: &'a Order) -> Receipt<'a> {
        let lines: Vec<Line> = order
            .items
            .iter()
            .map(|item| Line {
                sku: &item.sku,
                subtotal_cents: item.qty * item.price_cents,
            })
            .collect();
        Receipt {
            id: self.last_id.fetch_add(1, Ordering::Relaxed) + 1,
            customer: &order.customer,
            items: order.items.len(),
            total_cents: lines.iter().map(|line| line.subtotal_cents).sum(),
            lines,
        }
    }
}

impl Order {
    /// The contract's ranges, which the types alone do not say.
    pub fn validate(&self) -> Result<(), ApiError> {
        if self.is_valid() {
            Ok(())
        } else {
            Err(ApiError::InvalidOrder)
        }
    }

    fn is_valid(&self) -> bool {
        (1..=MAX_CUSTOMER).contains(&self.customer.len())
            && (1..=MAX_ITEMS).contains(&self.items.len())
            && self.note.as_ref().is_none_or(|note| note.len() <= MAX_NOTE)
            && self.items.iter().all(Item::is_valid)
    }
}

impl Item {
    fn is_valid(&self) -> bool {
        (1..=MAX_SKU).contains(&self.sku.len())
            && (1..=MAX_QTY).contains(&self.qty)
            && (0..=MAX_PRICE_CENTS).contains(&self.price_cents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"{"customer":"acme","items":[{"sku":"A-1","qty":2,"price_cents":1250},
        {"sku":"B","qty":3,"price_cents":1}],"note":"n","extra":{"x":[1,{"y":2}]}}"#;

    #[test]
    fn place_computes_the_receipt_and_numbers_orders() {
        let book = OrderBook::default();
        let order = OrderBook::parse(VALID.as_bytes()).unwrap();
        let json = serde_json::to_string(&book.place(&order)).unwrap();
        assert_eq!(
            json,
            r#"{"id":1,"customer":"acme","items":2,"total_cents":2503,"lines":[{"sku":"A-1","subtotal_cents":2500},{"sku":"B","subtotal_cents":3}]}"#
        );
        assert_eq!(book.place(&order).id, 2);
    }

    #[test]
    fn tells_invalid_json_from_an_invalid_order() {
        let long_customer = format!(
            r#"{{"customer":"{}","items":[{{"sku":"A","qty":1,"price_cents":1}}]}}"#,
            "c".repeat(65)
        );
        let cases = [
            (r#"{"customer":"#, ApiError::InvalidJson),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":1,"price_cents":1}]} x"#,
                ApiError::InvalidJson,
            ),
            ("[1]", ApiError::InvalidOrder),
            (
                r#"{"items":[{"sku":"A","qty":1,"price_cents":1}]}"#,
                ApiError::InvalidOrder,
            ),
            (r#"{"customer":"a","items":[]}"#, ApiError::InvalidOrder),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":"1","price_cents":1}]}"#,
                ApiError::InvalidOrder,
            ),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":1.5,"price_cents":1}]}"#,
                ApiError::InvalidOrder,
            ),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":1001,"price_cents":1}]}"#,
                ApiError::InvalidOrder,
            ),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":1,"price_cents":-1}]}"#,
                ApiError::InvalidOrder,
            ),
            (
                r#"{"customer":"a","customer":"b","items":[{"sku":"A","qty":1,"price_cents":1}]}"#,
                ApiError::InvalidOrder,
            ),
            (
                r#"{"customer":"a","items":[{"sku":"A","qty":1,"price_cents":1}],"note":5}"#,
                ApiError::InvalidOrder,
            ),
            (long_customer.as_str(), ApiError::InvalidOrder),
        ];
        for (body, want) in cases {
            assert_eq!(
                OrderBook::parse(body.as_bytes()).err(),
                Some(want),
                "{body}"
            );
        }
    }

    #[test]
    fn deep_nesting_in_an_ignored_member_is_skipped_without_recursion() {
        let depth = 100_000;
        let body = format!(
            r#"{{"customer":"a","items":[{{"sku":"A","qty":1,"price_cents":1}}],"extra":{}1{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(OrderBook::parse(body.as_bytes()).is_ok());
    }
}

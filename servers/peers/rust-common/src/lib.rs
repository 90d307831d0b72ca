//! The apibench API contract (docs/api.md) as the Rust peers share it,
//! independent of any HTTP framework: the byte-bounded cache, orders and
//! their totals, routes and request-target rules, /metrics, error bodies,
//! limits, the command line and `--version`. Each peer adds only its
//! framework's routing, extractors and responses (as go-common does for Go).
//!
//! With the `tokio` feature, the SIGTERM/SIGINT future; with `hyper`, the
//! hyper 1 connection loop that rust-hyper and rust-axum serve through.

pub mod cache;
pub mod content;
pub mod errors;
pub mod limits;
pub mod metrics;
pub mod options;
pub mod orders;
pub mod routes;
pub mod version;

#[cfg(feature = "tokio")]
pub mod signals;

#[cfg(feature = "hyper")]
pub mod serve;

pub use cache::{Cache, Stored};
pub use errors::ApiError;
pub use metrics::Metrics;
pub use options::Options;
pub use orders::{Order, OrderBook};
pub use routes::Route;

/// What every request of a peer shares.
pub struct AppState {
    pub cache: Cache,
    pub orders: OrderBook,
    pub metrics: std::sync::Arc<Metrics>,
    pub body_limit: u64,
}

impl AppState {
    pub fn new(options: &Options) -> AppState {
        AppState {
            cache: Cache::new(options.cache_bytes),
            orders: OrderBook::default(),
            metrics: Default::default(),
            body_limit: options.body_limit,
        }
    }

    /// The text of GET /metrics.
    pub fn metrics_text(&self) -> String {
        self.metrics.render(&self.cache.stats())
    }
}

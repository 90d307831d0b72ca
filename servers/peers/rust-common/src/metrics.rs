//! /metrics: request counts by route and status, connection counts, and the
//! Prometheus text exposition (format 0.0.4) of docs/api.md.

use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::cache::CacheStats;
use crate::routes::Route;

const STATUS_CODES: [u16; 14] = [
    200, 201, 204, 400, 404, 405, 408, 411, 413, 415, 431, 500, 501, 503,
];
pub const METRICS_CONTENT_TYPE: &str = "text/plain; version=0.0.4";
const OTHER_STATUS_SLOT: usize = 11; // statuses outside the contract count as 500, as in the C++ servers

/// Fixed tables of atomics: counting a request takes no lock.
#[derive(Default)]
pub struct Metrics {
    requests: [[AtomicU64; STATUS_CODES.len()]; Route::ALL.len()],
    connections_open: AtomicU64,
    connections_total: AtomicU64,
    connections_rejected: AtomicU64,
}

/// One open connection, counted in /metrics while it lives.
pub struct OpenConnection {
    metrics: Arc<Metrics>,
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.metrics
            .connections_open
            .fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    /// Admits a new connection, or counts it rejected past `max_conns`
    /// (0: no limit); the caller closes a rejected connection at once.
    pub fn admit_connection(self: &Arc<Self>, max_conns: usize) -> Option<OpenConnection> {
        let open = self.connections_open.fetch_add(1, Ordering::Relaxed);
        if max_conns > 0 && open >= max_conns as u64 {
            self.connections_open.fetch_sub(1, Ordering::Relaxed);
            self.connections_rejected.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        self.connections_total.fetch_add(1, Ordering::Relaxed);
        Some(OpenConnection {
            metrics: self.clone(),
        })
    }

    /// Counts one answered request under its route and status.
    pub fn count_request(&self, route: Route, status: u16) {
        let slot = STATUS_CODES
            .iter()
            .position(|&code| code == status)
            .unwrap_or(OTHER_STATUS_SLOT);
        self.requests[route as usize][slot].fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text of docs/api.md, served as `METRICS_CONTENT_TYPE`.
    pub fn render(&self, cache: &CacheStats) -> String {
        let mut out = String::with_capacity(2048);
        out.push_str("# HELP apibench_requests_total Requests answered, by route and status.\n");
        out.push_str("# TYPE apibench_requests_total counter\n");
        for route in Route::ALL {
            for (slot, status) in STATUS_CODES.iter().enumerate() {
                let count = self.requests[route as usize][slot].load(Ordering::Relaxed);
                if count > 0 {
                    let name = route.name();
                    let _ = writeln!(
                        out,
                        "apibench_requests_total{{route=\"{name}\",status=\"{status}\"}} {count}"
                    );
                }
            }
        }
        let load = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        let rows: [(&str, &str, &str, u64); 8] = [
            (
                "apibench_connections_open",
                "Connections open now.",
                "gauge",
                load(&self.connections_open),
            ),
            (
                "apibench_connections_total",
                "Connections accepted.",
                "counter",
                load(&self.connections_total),
            ),
            (
                "apibench_connections_rejected_total",
                "Connections closed at once past --max-conns.",
                "counter",
                load(&self.connections_rejected),
            ),
            (
                "apibench_cache_entries",
                "Entries in the cache.",
                "gauge",
                cache.entries,
            ),
            (
                "apibench_cache_bytes",
                "Bytes of keys and values in the cache.",
                "gauge",
                cache.bytes,
            ),
            (
                "apibench_cache_hits_total",
                "Cache lookups that found their key.",
                "counter",
                cache.hits,
            ),
            (
                "apibench_cache_misses_total",
                "Cache lookups that did not.",
                "counter",
                cache.misses,
            ),
            (
                "apibench_cache_evictions_total",
                "Entries evicted to keep the byte bound.",
                "counter",
                cache.evictions,
            ),
        ];
        for (name, help, kind, value) in rows {
            let _ = write!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_requests_by_route_and_status() {
        let metrics = Metrics::default();
        metrics.count_request(Route::Json, 200);
        metrics.count_request(Route::Json, 200);
        metrics.count_request(Route::NotFound, 404);
        metrics.count_request(Route::Cache, 418); // outside the contract: counted as 500
        let text = metrics.render(&CacheStats::default());
        assert!(text.contains("apibench_requests_total{route=\"json\",status=\"200\"} 2\n"));
        assert!(text.contains("apibench_requests_total{route=\"not_found\",status=\"404\"} 1\n"));
        assert!(text.contains("apibench_requests_total{route=\"cache\",status=\"500\"} 1\n"));
        assert!(text.contains("\napibench_cache_evictions_total 0\n"));
    }

    #[test]
    fn connections_past_the_limit_are_rejected_and_counted() {
        let metrics = Arc::new(Metrics::default());
        let first = metrics.admit_connection(1);
        assert!(first.is_some());
        assert!(metrics.admit_connection(1).is_none());
        let text = metrics.render(&CacheStats::default());
        assert!(text.contains("\napibench_connections_open 1\n"));
        assert!(text.contains("\napibench_connections_rejected_total 1\n"));
        drop(first);
        let text = metrics.render(&CacheStats::default());
        assert!(text.contains("\napibench_connections_open 0\n"));
        assert!(text.contains("\napibench_connections_total 1\n"));
    }
}

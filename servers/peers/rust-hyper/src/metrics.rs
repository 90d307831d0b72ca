//! /metrics: request counts by route and status, connection counts, and the
//! Prometheus text exposition (format 0.0.4) of docs/api.md.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::cache::CacheStats;
use crate::routes::Route;

const STATUS_CODES: [u16; 14] = [
    200, 201, 204, 400, 404, 405, 408, 411, 413, 415, 431, 500, 501, 503,
];
const OTHER_STATUS_SLOT: usize = 11; // statuses outside the contract count as 500, as in the C++ servers

/// Fixed tables of atomics: counting a request takes no lock.
#[derive(Default)]
pub struct Metrics {
    requests: [[AtomicU64; STATUS_CODES.len()]; Route::ALL.len()],
    pub connections_open: AtomicU64,
    pub connections_total: AtomicU64,
    pub connections_rejected: AtomicU64,
}

impl Metrics {
    pub fn count_request(&self, route: Route, status: u16) {
        let slot = STATUS_CODES
            .iter()
            .position(|&code| code == status)
            .unwrap_or(OTHER_STATUS_SLOT);
        self.requests[route as usize][slot].fetch_add(1, Ordering::Relaxed);
    }

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

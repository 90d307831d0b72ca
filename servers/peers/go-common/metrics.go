package peer

import (
	"fmt"
	"io"
	"slices"
	"sync/atomic"
)

var routeNames = [...]string{
	RouteJSON, RoutePlaintext, RouteHealth, RouteOrders, RouteCache, RouteWork, RouteMetrics, RouteNotFound,
}

// statusCodes are the contract's statuses, and the redirects a router may
// send: ServeMux answers a path that is not clean ("/cache/..") with a 307 to
// its clean form.
var statusCodes = [...]int{200, 201, 204, 301, 307, 308, 400, 404, 405, 408, 411, 413, 415, 431, 500, 501, 503}

// otherStatusSlot counts the statuses outside the list as 500, as the C++
// servers do.
var otherStatusSlot = slices.Index(statusCodes[:], 500)

// Metrics counts requests by route and status, and connections. Fixed arrays
// of atomics: counting a request takes no lock.
type Metrics struct {
	requests            [len(routeNames)][len(statusCodes)]atomic.Uint64
	connectionsOpen     atomic.Int64
	connectionsTotal    atomic.Uint64
	connectionsRejected atomic.Uint64
}

// CountRequest counts one answered request.
func (m *Metrics) CountRequest(route string, status int) {
	m.requests[routeSlot(route)][statusSlot(status)].Add(1)
}

// routeSlot is the row of route; an unknown name counts as not_found.
func routeSlot(route string) int {
	if i := slices.Index(routeNames[:], route); i >= 0 {
		return i
	}
	return len(routeNames) - 1
}

func statusSlot(status int) int {
	if i := slices.Index(statusCodes[:], status); i >= 0 {
		return i
	}
	return otherStatusSlot
}

// Write renders the Prometheus text exposition (format 0.0.4) of /metrics;
// request rows with a zero count are left out.
func (m *Metrics) Write(w io.Writer, cache CacheStats) {
	fmt.Fprint(w, "# HELP apibench_requests_total Requests answered, by route and status.\n"+
		"# TYPE apibench_requests_total counter\n")
	for r, route := range routeNames {
		for s, status := range statusCodes {
			if n := m.requests[r][s].Load(); n > 0 {
				fmt.Fprintf(w, "apibench_requests_total{route=%q,status=\"%d\"} %d\n", route, status, n)
			}
		}
	}
	open := m.connectionsOpen.Load()
	if open < 0 {
		open = 0
	}
	metric(w, "apibench_connections_open", "Connections open now.", "gauge", uint64(open))
	metric(w, "apibench_connections_total", "Connections accepted.", "counter", m.connectionsTotal.Load())
	metric(w, "apibench_connections_rejected_total", "Connections closed at once past --max-conns.", "counter",
		m.connectionsRejected.Load())
	metric(w, "apibench_cache_entries", "Entries in the cache.", "gauge", cache.Entries)
	metric(w, "apibench_cache_bytes", "Bytes of keys and values in the cache.", "gauge", cache.Bytes)
	metric(w, "apibench_cache_hits_total", "Cache lookups that found their key.", "counter", cache.Hits)
	metric(w, "apibench_cache_misses_total", "Cache lookups that did not.", "counter", cache.Misses)
	metric(w, "apibench_cache_evictions_total", "Entries evicted to keep the byte bound.", "counter", cache.Evictions)
}

func metric(w io.Writer, name, help, kind string, value uint64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %d\n", name, help, name, kind, name, value)
}

// MetricsContentType is the Content-Type of /metrics.
const MetricsContentType = "text/plain; version=0.0.4"

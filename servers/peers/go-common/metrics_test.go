package peer

import (
	"bytes"
	"strings"
	"testing"
)

func TestMetricsRenderCountsAndGauges(t *testing.T) {
	var m Metrics
	m.CountRequest(RouteJSON, 200)
	m.CountRequest(RouteJSON, 200)
	m.CountRequest(RouteNotFound, 404)
	m.CountRequest(RouteWork, 299) // outside the contract: counted as 500
	m.CountRequest(RouteCache, 307)
	m.CountRequest("no such route", 404)
	var out bytes.Buffer
	m.Write(&out, CacheStats{Entries: 3, Bytes: 40})
	text := out.String()
	for _, line := range []string{
		`apibench_requests_total{route="json",status="200"} 2`,
		`apibench_requests_total{route="not_found",status="404"} 2`,
		`apibench_requests_total{route="cache",status="307"} 1`,
		`apibench_requests_total{route="work",status="500"} 1`,
		"apibench_connections_open 0",
		"apibench_cache_entries 3",
		"apibench_cache_bytes 40",
		"# TYPE apibench_cache_evictions_total counter",
	} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("missing %q in:\n%s", line, text)
		}
	}
	if strings.Contains(text, `route="health"`) {
		t.Error("rows with a zero count should be left out")
	}
}

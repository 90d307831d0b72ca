package peer

import (
	"strconv"
	"strings"
)

// Route names are the values of the route label in /metrics.
const (
	RouteJSON      = "json"
	RoutePlaintext = "plaintext"
	RouteHealth    = "health"
	RouteOrders    = "orders"
	RouteCache     = "cache"
	RouteWork      = "work"
	RouteMetrics   = "metrics"
	RouteNotFound  = "not_found"
)

// CachePrefix starts every cache path; the key is the raw rest of the path.
const CachePrefix = "/cache/"

// allowByPath is the Allow header of each fixed path, for go-fasthttp, which
// routes by hand (ServeMux, Gin and Echo send their own), and the route names
// of /metrics.
var allowByPath = map[string]string{
	"/json":      "GET",
	"/plaintext": "GET",
	"/health":    "GET",
	"/orders":    "POST",
	"/work":      "GET",
	"/metrics":   "GET",
}

const cacheAllow = "GET, PUT, DELETE"

// RouteOf names the route of a request path, for the metrics label.
func RouteOf(path string) string {
	if strings.HasPrefix(path, CachePrefix) {
		return RouteCache
	}
	if _, ok := allowByPath[path]; ok {
		return path[1:]
	}
	return RouteNotFound
}

// Allow is the Allow header for a 405 on path, "" for an unknown path.
func Allow(path string) string {
	if strings.HasPrefix(path, CachePrefix) {
		return cacheAllow
	}
	return allowByPath[path]
}

// ValidCacheKey: 1..250 bytes of [A-Za-z0-9._~-], never "." or "..", so a key
// can never read as a path step. Keys are not percent-decoded.
func ValidCacheKey(key string) bool {
	if key == "" || len(key) > MaxCacheKey || key == "." || key == ".." {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isKeyByte(key[i]) {
			return false
		}
	}
	return true
}

func isKeyByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '.' || c == '_' || c == '~' || c == '-'
}

// ParseWorkMs reads the raw query of /work: exactly "ms=N", N in 0..1000.
func ParseWorkMs(rawQuery string) (int, error) {
	digits, ok := strings.CutPrefix(rawQuery, "ms=")
	if !ok || digits == "" || len(digits) > 4 || strings.ContainsAny(digits, "+-") {
		return 0, ErrInvalidMs
	}
	ms, err := strconv.Atoi(digits)
	if err != nil || ms > MaxWorkMs {
		return 0, ErrInvalidMs
	}
	return ms, nil
}

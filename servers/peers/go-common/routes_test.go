package peer

import "testing"

func TestValidCacheKey(t *testing.T) {
	long := string(make([]byte, MaxCacheKey+1))
	for key, want := range map[string]bool{
		"a": true, "A-z_0.9~": true, "": false, ".": false, "..": false, "...": true,
		"a%41": false, "a/b": false, long: false,
	} {
		if got := ValidCacheKey(key); got != want {
			t.Errorf("ValidCacheKey(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestParseWorkMs(t *testing.T) {
	for query, want := range map[string]int{"ms=0": 0, "ms=1000": 1000, "ms=0010": 10} {
		if got, err := ParseWorkMs(query); err != nil || got != want {
			t.Errorf("ParseWorkMs(%q) = %d, %v", query, got, err)
		}
	}
	for _, query := range []string{"", "ms=", "ms=1001", "ms=-1", "ms=+1", "ms=1x", "ms=10000", "x=1", "ms=1&x=2"} {
		if _, err := ParseWorkMs(query); err == nil {
			t.Errorf("ParseWorkMs(%q) accepted", query)
		}
	}
}

func TestRouteOfAndAllow(t *testing.T) {
	if RouteOf("/json") != RouteJSON || RouteOf("/cache/k") != RouteCache || RouteOf("/x") != RouteNotFound {
		t.Fatal("RouteOf misnamed a path")
	}
	if Allow("/orders") != "POST" || Allow("/cache/") != "GET, PUT, DELETE" || Allow("/x") != "" {
		t.Fatal("Allow gave a wrong header")
	}
}

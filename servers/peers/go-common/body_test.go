package peer

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// put is a PUT with a body, its length declared as a client would.
func put(body string) *http.Request {
	r := httptest.NewRequest("PUT", "/cache/k", strings.NewReader(body))
	r.Header.Set("Content-Length", strconv.Itoa(len(body)))
	return r
}

func TestReadBodyReadsABodyWithinTheLimit(t *testing.T) {
	r := put("value")
	w := httptest.NewRecorder()
	body, err := ReadBody(w, r, 5)
	if err != nil || string(body) != "value" {
		t.Fatalf("ReadBody = %q, %v", body, err)
	}
	if w.Header().Get("Connection") != "" {
		t.Fatal("a body read in full should keep the connection")
	}
}

func TestReadBodyRefusesABodyOverTheLimitAndCloses(t *testing.T) {
	for name, declared := range map[string]bool{"declared": true, "chunked": false} {
		r := put("value!")
		if !declared { // a chunked body: the length is known only once read
			r.Header.Del("Content-Length")
			r.ContentLength = -1
			r.TransferEncoding = []string{"chunked"}
		}
		w := httptest.NewRecorder()
		if _, err := ReadBody(w, r, 5); err != ErrBodyTooLarge {
			t.Errorf("%s: err = %v, want ErrBodyTooLarge", name, err)
		}
		if w.Header().Get("Connection") != "close" {
			t.Errorf("%s: the connection should close", name)
		}
	}
}

func TestReadBodyWantsALength(t *testing.T) {
	r := httptest.NewRequest("POST", "/orders", strings.NewReader("{}"))
	if _, err := ReadBody(httptest.NewRecorder(), r, 100); err != ErrLengthRequired {
		t.Fatalf("err = %v, want ErrLengthRequired", err)
	}
}

func TestIsJSONAllowsParameters(t *testing.T) {
	for contentType, want := range map[string]bool{
		"application/json": true, "application/json; charset=utf-8": true, "Application/JSON": true,
		"text/plain": false, "": false, "application/jsonx": false,
	} {
		if got := IsJSON(contentType); got != want {
			t.Errorf("IsJSON(%q) = %v, want %v", contentType, got, want)
		}
	}
}

func TestCacheValueLimitIsOneMiBOrTheBodyLimitIfSmaller(t *testing.T) {
	if got := (Options{BodyLimit: 100}).CacheValueLimit(); got != 100 {
		t.Errorf("limit = %d, want 100", got)
	}
	if got := (Options{BodyLimit: 8 << 20}).CacheValueLimit(); got != MaxCacheValue {
		t.Errorf("limit = %d, want %d", got, MaxCacheValue)
	}
}

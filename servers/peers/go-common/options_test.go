package peer

import (
	"testing"
	"time"
)

func TestParseOptionsReadsEveryFlag(t *testing.T) {
	o, err := ParseOptions("t", []string{"--host", "::1", "--port=8080", "--threads", "3", "--cache-mb", "2",
		"--body-limit", "100", "--idle-timeout-ms", "7", "--header-timeout-ms", "8", "--max-conns", "9"})
	if err != nil {
		t.Fatal(err)
	}
	want := Options{Host: "::1", Port: 8080, Threads: 3, CacheBytes: 2 << 20, BodyLimit: 100,
		IdleTimeout: 7 * time.Millisecond, HeaderTimeout: 8 * time.Millisecond, MaxConns: 9}
	if o != want {
		t.Fatalf("options = %+v, want %+v", o, want)
	}
}

func TestParseOptionsRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--threads", "0"}, {"--port", "70000"}, {"--bogus"}, {"--cache-mb", "x"}, {"extra"}} {
		if _, err := ParseOptions("t", args); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

func TestParseOptionsAsksForTheVersion(t *testing.T) {
	if _, err := ParseOptions("t", []string{"--version"}); err != ErrVersion {
		t.Fatalf("err = %v, want ErrVersion", err)
	}
}

func TestParseOptionsDefaultsAreTheContracts(t *testing.T) {
	o, err := ParseOptions("t", nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.Host != "127.0.0.1" || o.Port != 0 || o.CacheBytes != 256<<20 || o.BodyLimit != 1<<20 ||
		o.IdleTimeout != 10*time.Second || o.HeaderTimeout != 5*time.Second || o.MaxConns != 0 || o.Threads < 1 {
		t.Fatalf("defaults = %+v", o)
	}
}

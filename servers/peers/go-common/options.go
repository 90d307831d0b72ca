package peer

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"time"
)

// Options are the flags every apibench server takes (docs/api.md).
type Options struct {
	Host          string
	Port          int
	Threads       int
	CacheBytes    int64
	BodyLimit     int64
	IdleTimeout   time.Duration
	HeaderTimeout time.Duration
	MaxConns      int
}

// ErrVersion asks for the --version line, as flag.ErrHelp asks for usage.
var ErrVersion = errors.New("--version")

// ParseOptions reads args (without the program name). The error is one line
// fit for stderr; the caller exits 2 with it. flag.ErrHelp asks for usage,
// ErrVersion for the version.
func ParseOptions(name string, args []string) (Options, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the caller prints one line, not flag's usage dump
	host := fs.String("host", "127.0.0.1", "address to bind")
	port := fs.Int("port", 0, "port to bind; 0 picks a free one")
	threads := fs.Int("threads", runtime.NumCPU(), "worker threads (GOMAXPROCS)")
	cacheMB := fs.Int64("cache-mb", DefaultCacheMB, "cache bound in MiB (keys and values)")
	bodyLimit := fs.Int64("body-limit", DefaultBodyLimit, "largest request body in bytes")
	idleMs := fs.Int("idle-timeout-ms", DefaultIdleMs, "close a keep-alive connection idle this long")
	headerMs := fs.Int("header-timeout-ms", DefaultHeaderMs, "close a connection whose headers take longer")
	maxConns := fs.Int("max-conns", 0, "connections held at once; 0: no limit")
	version := fs.Bool("version", false, "print the framework's and Go's versions and exit")
	if err := fs.Parse(args); err != nil {
		return Options{}, err
	}
	if *version {
		return Options{}, ErrVersion
	}
	if fs.NArg() > 0 {
		return Options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	checks := []struct {
		name     string
		value    int64
		min, max int64
	}{
		{"port", int64(*port), 0, 65535},
		{"threads", int64(*threads), 1, 1024},
		{"cache-mb", *cacheMB, 1, 1 << 20},
		{"body-limit", *bodyLimit, 1, 1 << 30},
		{"idle-timeout-ms", int64(*idleMs), 1, 3600000},
		{"header-timeout-ms", int64(*headerMs), 1, 3600000},
		{"max-conns", int64(*maxConns), 0, 1 << 30},
	}
	for _, c := range checks {
		if c.value < c.min || c.value > c.max {
			return Options{}, fmt.Errorf("--%s %d is outside %d..%d", c.name, c.value, c.min, c.max)
		}
	}
	return Options{
		Host:          *host,
		Port:          *port,
		Threads:       *threads,
		CacheBytes:    *cacheMB << 20,
		BodyLimit:     *bodyLimit,
		IdleTimeout:   time.Duration(*idleMs) * time.Millisecond,
		HeaderTimeout: time.Duration(*headerMs) * time.Millisecond,
		MaxConns:      *maxConns,
	}, nil
}

package peer

import (
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"syscall"
	"time"
)

// App is the state one peer's handlers share.
type App struct {
	Name    string
	Options Options
	Cache   *Cache
	Orders  OrderBook
	Metrics Metrics
}

// JSONMessage is the body of GET /json, built for every request.
type JSONMessage struct {
	Message string `json:"message"`
}

// WorkReply is the body of GET /work.
type WorkReply struct {
	SleptMs int `json:"slept_ms"`
}

// Fixed bodies of the contract.
const (
	HelloWorld = "Hello, World!"
	HealthBody = `{"status":"ok"}`
)

// Sleep blocks for ms milliseconds in a nanosleep system call, as a blocking
// downstream call would: docs/api.md asks for a real blocking sleep, not a
// timer (time.Sleep parks the goroutine and blocks no thread). The thread
// blocks in the system call and Go's runtime is meant to hand its P to another
// thread so the other goroutines keep running, the behaviour the article
// credits to Go. At GOMAXPROCS=1 that hand-off mostly waits for a returning
// sleeper and the server stalls (servers/peers/README.md says why).
func Sleep(ms int) {
	left := syscall.NsecToTimespec(int64(ms) * int64(time.Millisecond))
	for {
		var rest syscall.Timespec
		// The runtime's preemption signals interrupt the sleep: sleep what is left.
		if err := syscall.Nanosleep(&left, &rest); err != syscall.EINTR {
			return
		}
		left = rest
	}
}

// Main runs a net/http peer: the handler newHandler builds is served by the
// shared http.Server (NewHTTPServer). It never returns.
func Main(info Info, newHandler func(*App) http.Handler) {
	Run(info, func(app *App) Server { return NewHTTPServer(app, newHandler(app)) })
}

// Run runs a peer: it parses the command line, builds the server with
// newServer and serves until SIGTERM or SIGINT. It never returns.
func Run(info Info, newServer func(*App) Server) {
	opts, err := ParseOptions(info.Name, os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Printf("usage: %s [--host H] [--port P] [--threads N] [--cache-mb M] [--body-limit B]"+
			" [--idle-timeout-ms T] [--header-timeout-ms T] [--max-conns C] [--version]\n", info.Name)
		os.Exit(0)
	case errors.Is(err, ErrVersion):
		fmt.Println(Version(info))
		os.Exit(0)
	case err != nil:
		fmt.Fprintf(os.Stderr, "%s: %v\nRun '%s --help' for usage.\n", info.Name, err, info.Name)
		os.Exit(2)
	}
	runtime.GOMAXPROCS(opts.Threads)
	app := &App{Name: info.Name, Options: opts, Cache: NewCache(opts.CacheBytes)}
	os.Exit(serve(app, newServer(app)))
}

// PutStatus is the status of PUT /cache: 201 for a new key, 204 for a
// replaced one.
func PutStatus(created bool) int {
	if created {
		return http.StatusCreated
	}
	return http.StatusNoContent
}

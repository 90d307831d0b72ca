package peer

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// shutdownGrace bounds how long requests in flight may take to finish.
const shutdownGrace = 10 * time.Second

// Server is what the lifecycle needs of a framework's server. net/http's
// *http.Server has both methods; go-fasthttp adapts fasthttp's.
type Server interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

// serve listens, prints the ready line, serves until SIGTERM or SIGINT, then
// lets the requests in flight finish. It returns the exit code.
func serve(app *App, srv Server) int {
	address := net.JoinHostPort(app.Options.Host, strconv.Itoa(app.Options.Port))
	ln, err := net.Listen("tcp", address)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", app.Name, err)
		return 1
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	served := make(chan error, 1)
	go func() {
		served <- srv.Serve(&countingListener{Listener: ln, metrics: &app.Metrics, maxConns: int64(app.Options.MaxConns)})
	}()
	fmt.Printf("listening on %s:%d\n", app.Options.Host, port)

	select {
	case err := <-served:
		fmt.Fprintf(os.Stderr, "%s: %v\n", app.Name, err)
		return 1
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintf(os.Stderr, "%s: shutdown: %v\n", app.Name, err)
		return 1
	}
	return 0
}

// NewHTTPServer is the http.Server of the net/http peers: the contract's
// header limit and timeouts, and the Server header and request counts around
// whatever router answers.
func NewHTTPServer(app *App, handler http.Handler) *http.Server {
	return &http.Server{
		Handler:           instrument(app, handler),
		ReadHeaderTimeout: app.Options.HeaderTimeout,
		IdleTimeout:       app.Options.IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// instrument sets the Server header and counts every answered request by
// route and status, whatever router answered it.
func instrument(app *App, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", app.Name)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		app.Metrics.CountRequest(RouteOf(r.URL.Path), rec.status)
	})
}

// statusRecorder remembers the status a handler sent.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// Unwrap gives http.ResponseController (and the frameworks that use it) the
// connection's own ResponseWriter.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

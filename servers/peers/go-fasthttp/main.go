// Command apibench-go-fasthttp serves the apibench contract (docs/api.md) with
// valyala/fasthttp: its own HTTP/1.1 server and request context in place of
// net/http, so the benchmark shows how much of Go's gap is net/http's design.
package main

import peer "apibench/peers/go-common"

func main() {
	peer.Run(peer.Info{Name: "go-fasthttp", FrameworkModule: "github.com/valyala/fasthttp"}, newServer)
}

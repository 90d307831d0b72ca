// Command apibench-go-nethttp serves the apibench contract (docs/api.md) with
// nothing but Go's standard library: net/http's ServeMux and encoding/json.
package main

import peer "apibench/peers/go-common"

func main() { peer.Main(peer.Info{Name: "go-nethttp"}, newRouter) }

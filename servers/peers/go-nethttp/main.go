// Command apibench-go-nethttp serves the apibench contract (docs/api.md) with
// nothing but Go's standard library: net/http and encoding/json.
package main

import "apibench/peer"

func main() { peer.Main("go-nethttp", newRouter) }

// Command apibench-go-echo serves the apibench contract (docs/api.md) with the
// Echo web framework (Debian's golang-github-labstack-echo-dev, v4).
package main

import "apibench/peer"

func main() { peer.Main("go-echo", newRouter) }

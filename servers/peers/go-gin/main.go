// Command apibench-go-gin serves the apibench contract (docs/api.md) with the
// Gin web framework (Debian's golang-github-gin-gonic-gin-dev).
package main

import "apibench/peer"

func main() { peer.Main("go-gin", newRouter) }

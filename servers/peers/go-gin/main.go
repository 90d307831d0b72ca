// Command apibench-go-gin serves the apibench contract (docs/api.md) with the
// Gin web framework.
package main

import peer "apibench/peers/go-common"

func main() {
	peer.Main(peer.Info{Name: "go-gin", FrameworkModule: "github.com/gin-gonic/gin"}, newRouter)
}

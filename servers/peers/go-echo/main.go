// Command apibench-go-echo serves the apibench contract (docs/api.md) with the
// Echo web framework, v5.
package main

import peer "apibench/peers/go-common"

func main() {
	peer.Main(peer.Info{Name: "go-echo", FrameworkModule: "github.com/labstack/echo/v5"}, newRouter)
}

// Package peer holds what the Go peers of apibench (go-nethttp, go-gin,
// go-echo, go-fasthttp) share: the command line and --version, the
// byte-bounded LRU cache, the order types and their validation, the /metrics
// counters, the contract's errors and limits, and the server lifecycle
// (listen, ready line, graceful shutdown). Each peer keeps only its
// framework's routing and handlers, so the peers differ where the frameworks
// differ and nowhere else. The contract is docs/api.md.
//
// It is a package of the module apibench/peers (../go.mod), imported as
// "apibench/peers/go-common".
package peer

// Package peer holds what the three Go peers of apibench (go-nethttp, go-gin,
// go-echo) share: the command line, the byte-bounded LRU cache, the order
// types and their validation, the /metrics counters and the server lifecycle
// (listen, ready line, graceful shutdown). Each peer keeps only its
// framework's routing and handlers, so the peers differ where the frameworks
// differ and nowhere else. The contract is docs/api.md.
//
// Debian ships gin and echo for GOPATH mode only, so this package is built in
// GOPATH mode as import path "apibench/peer" (see ../CMakeLists.txt).
package peer

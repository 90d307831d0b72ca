#pragma once
// What reproduce compares, read from the "reproduce" object of suites/claims.json:
// the families (the C++ reproductions first, then the real peers), each with its
// Rust-design and Go-design servers, every Rust server judged against every Go server;
// the workload names each claim reads; the folders whose lines of code stand for each server.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace apibench::reproduce {

struct ServerPair {
  std::string rust, go;
};

struct Family {
  std::string name;               // "real peers"
  std::vector<std::string> rust;  // the servers in the Rust design ("rust-hyper", "rust-axum")
  std::vector<std::string> go;    // the servers in the Go design ("go-nethttp", "go-gin")

  std::vector<ServerPair> pairs() const;  // every Rust server against every Go server
};

// The workload names of the claims suite each claim reads.
struct ClaimWorkloads {
  std::string json = "json";                    // GET /json, closed loop, several connection counts
  std::string orders = "orders";                // POST /orders, closed loop
  std::string orders_sweep = "orders-sweep";    // POST /orders, sweep to the SLO
  std::string json_sweep = "json-sweep";        // GET /json, sweep to the SLO
  std::string cache = "cache";                  // GET/PUT /cache/{key}, 90/10
  std::string json_blocking = "json-blocking";  // GET /json beside a background group in /work
  // Open loop at rates taken from the sweeps (claims 2 and 6):
  std::string orders_half_max = "orders-half-max";                // 50% of each server's own orders maximum
  std::string orders_four_fifths_max = "orders-four-fifths-max";  // 80% of it
  std::string json_common_load = "json-common-load";              // 50% of the lowest json maximum, for all
  std::string idle = "idle-10k";                // idle keep-alive connections
  unsigned reference_connections = 64;          // the connection count single-count claims read
};

struct ReproduceConfig {
  std::vector<Family> families;
  ClaimWorkloads workloads;
  double slo_ms = 10;  // the sweeps' p99 objective, for the text
  // Source folders counted for a server's lines of code, relative to the source tree;
  // a server not listed counts its manifest's folder.
  std::map<std::string, std::vector<std::string>> loc_dirs;

  std::vector<std::string> servers() const;  // every server of every family, in order
  // The same families with only the servers in `present` (a run's), and without the
  // families that are left with no server: servers a run did not have are simply absent.
  ReproduceConfig only(const std::set<std::string>& present) const;
};

ReproduceConfig default_config();
// suite: the whole claims suite file; its "reproduce" object overrides the defaults. A
// family's "rust" is a list of servers, or one name as in older suite files.
// Throws std::runtime_error for a malformed object.
ReproduceConfig config_from_suite(const nlohmann::json& suite);

}  // namespace apibench::reproduce

#pragma once
// What reproduce compares, read from the "reproduce" object of suites/claims.json:
// the two families (the C++ reproductions and the real peers), the workload names
// each claim reads, and the folders whose lines of code stand for each server.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace apibench::reproduce {

struct Family {
  std::string name;             // "C++ reproductions"
  std::string rust;             // the server in the Rust design ("rust-style")
  std::vector<std::string> go;  // the servers in the Go design ("go-style")
};

// The workload names of the claims suite each claim reads.
struct ClaimWorkloads {
  std::string json = "json";                    // GET /json, closed loop, several connection counts
  std::string orders = "orders";                // POST /orders, closed loop
  std::string orders_sweep = "orders-sweep";    // POST /orders, sweep to the SLO
  std::string json_sweep = "json-sweep";        // GET /json, sweep to the SLO
  std::string cache = "cache";                  // GET/PUT /cache/{key}, 90/10
  std::string json_blocking = "json-blocking";  // GET /json beside a background group in /work
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
};

ReproduceConfig default_config();
// suite: the whole claims suite file; its "reproduce" object overrides the defaults.
// Throws std::runtime_error for a malformed object.
ReproduceConfig config_from_suite(const nlohmann::json& suite);

}  // namespace apibench::reproduce

#pragma once
// A scenario file (schema "apibench.scenario/1", docs/loadgen.md): weighted requests with
// placeholders and body sources, and an optional key space for cache workloads. Parsing
// only checks and loads; scenario_expand.hpp turns a Scenario into ready request bytes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "loadgen/key_distribution.hpp"

namespace apibench::loadgen {

inline constexpr const char* kScenarioSchema = "apibench.scenario/1";

struct BodySource {
  enum class Kind { kNone, kText, kFile, kOrders, kRandomBytes };
  Kind kind = Kind::kNone;
  std::string bytes;          // kText: the text; kFile: the file's contents, read at parse time
  std::size_t count = 0;      // kOrders: items per order; kRandomBytes: value size
  std::size_t variants = 1;   // generated bodies to pre-render; picks cycle through them
  std::string content_type;   // empty: no Content-Type header
};

struct ScenarioRequest {
  std::string name;    // endpoint name in reports; requests sharing it are reported together
  std::string method = "GET";
  std::string path;    // may contain {key}
  std::vector<std::string> headers;  // "Name: value"; values may contain {key}
  BodySource body;
  double weight = 1;
  bool uses_key() const;
};

struct KeySpace {
  std::size_t count = 1000;
  KeyDistributionKind distribution = KeyDistributionKind::kUniform;
  double zipf_s = 1.0;
  std::string prefix = "key-";
  // When set, every key is PUT with a value of this many bytes before the run, so GETs hit.
  std::optional<std::size_t> preload_value_bytes;
  std::string key(std::size_t index) const { return prefix + std::to_string(index); }
};

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  std::size_t sequence_length = 65536;  // picks drawn at setup; the run cycles through them
  std::vector<ScenarioRequest> requests;
  std::optional<KeySpace> keys;
};

// The scenario in `path`, or a one-line error naming the file and the field
// ("scenarios/x.json: requests[1].body.orders: must be an integer in 1..1000").
// Body files are resolved relative to the scenario file's folder.
std::variant<Scenario, std::string> load_scenario(const std::filesystem::path& path);

}  // namespace apibench::loadgen

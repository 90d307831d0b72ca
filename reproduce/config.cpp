#include "reproduce/config.hpp"

#include <stdexcept>

namespace apibench::reproduce {
using nlohmann::json;

std::vector<std::string> ReproduceConfig::servers() const {
  std::vector<std::string> out;
  for (const auto& f : families) {
    out.push_back(f.rust);
    out.insert(out.end(), f.go.begin(), f.go.end());
  }
  return out;
}

ReproduceConfig default_config() {
  ReproduceConfig c;
  c.families = {{"C++ reproductions", "rust-style", {"go-style"}},
                {"real peers", "rust-hyper", {"go-nethttp", "go-gin", "go-echo"}}};
  return c;
}

ReproduceConfig config_from_suite(const json& suite) {
  ReproduceConfig c = default_config();
  auto it = suite.find("reproduce");
  if (it == suite.end()) return c;
  try {
    const json& r = *it;
    if (r.contains("families")) {
      c.families.clear();
      for (const auto& f : r.at("families")) {
        c.families.push_back({f.at("name").get<std::string>(), f.at("rust").get<std::string>(),
                              f.at("go").get<std::vector<std::string>>()});
      }
    }
    c.slo_ms = r.value("slo_ms", c.slo_ms);
    c.workloads.reference_connections = r.value("reference_connections", c.workloads.reference_connections);
    c.loc_dirs = r.value("loc_dirs", c.loc_dirs);
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("the suite's \"reproduce\" object: ") + e.what());
  }
  return c;
}

}  // namespace apibench::reproduce

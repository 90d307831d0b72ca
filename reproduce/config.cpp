#include "reproduce/config.hpp"

#include <algorithm>
#include <stdexcept>

namespace apibench::reproduce {
using nlohmann::json;

namespace {

std::vector<std::string> present_only(const std::vector<std::string>& servers, const std::set<std::string>& present) {
  std::vector<std::string> out;
  for (const auto& s : servers) {
    if (present.contains(s)) out.push_back(s);
  }
  return out;
}

std::vector<std::string> server_list(const json& names) {
  return names.is_string() ? std::vector<std::string>{names.get<std::string>()} : names.get<std::vector<std::string>>();
}

}  // namespace

std::vector<ServerPair> Family::pairs() const {
  std::vector<ServerPair> out;
  for (const auto& r : rust) {
    for (const auto& g : go) out.push_back({r, g});
  }
  return out;
}

std::vector<std::string> ReproduceConfig::servers() const {
  std::vector<std::string> out;
  for (const auto& f : families) {
    for (const auto* side : {&f.rust, &f.go}) {
      for (const auto& s : *side) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
      }
    }
  }
  return out;
}

ReproduceConfig ReproduceConfig::only(const std::set<std::string>& present) const {
  ReproduceConfig c = *this;
  c.families.clear();
  for (const auto& f : families) {
    Family kept{f.name, present_only(f.rust, present), present_only(f.go, present)};
    if (!kept.rust.empty() || !kept.go.empty()) c.families.push_back(std::move(kept));
  }
  return c;
}

ReproduceConfig default_config() {
  ReproduceConfig c;
  c.families = {{"C++ reproductions", {"rust-style"}, {"go-style"}},
                {"real peers",
                 {"rust-hyper", "rust-axum", "rust-actix", "rust-rocket"},
                 {"go-nethttp", "go-gin", "go-echo", "go-fasthttp"}}};
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
        c.families.push_back({f.at("name").get<std::string>(), server_list(f.at("rust")), server_list(f.at("go"))});
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

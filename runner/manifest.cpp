#include "runner/manifest.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

void collect(const fs::path& dir, ManifestSet& set) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    fs::path file = entry.path() / "server.json";
    if (!fs::is_regular_file(file, ec)) continue;
    try {
      set.servers.push_back(parse_manifest(file));
    } catch (const std::exception& e) {
      set.errors.push_back({file, e.what()});
    }
  }
}

}  // namespace

bool ServerManifest::serves(const std::string& route) const {
  return std::find(routes.begin(), routes.end(), route) != routes.end();
}

ServerManifest parse_manifest(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error(file.string() + ": not a JSON object");
  try {
    ServerManifest m;
    m.name = j.at("name").get<std::string>();
    m.language = j.value("language", "");
    m.framework = j.value("framework", "");
    m.design = j.at("design").get<std::string>();
    m.run = j.at("run").get<std::vector<std::string>>();
    m.routes = j.at("routes").get<std::vector<std::string>>();
    m.version_command = j.value("version_command", std::vector<std::string>{});
    m.differences = j.value("differences", std::map<std::string, std::string>{});
    m.path = file;
    if (m.run.empty()) throw std::runtime_error("\"run\" is empty");
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

ManifestSet load_manifests(const fs::path& source_dir) { return load_manifests_from(source_dir / "servers"); }

ManifestSet load_manifests_from(const fs::path& servers_dir) {
  ManifestSet set;
  collect(servers_dir, set);
  collect(servers_dir / "peers", set);
  std::sort(set.servers.begin(), set.servers.end(),
            [](const ServerManifest& a, const ServerManifest& b) { return a.name < b.name; });
  return set;
}

std::vector<std::string> expand_command(const ServerManifest& m, const Placeholders& p) {
  return expand_placeholders(m.run, p);
}

std::vector<std::string> expand_placeholders(std::vector<std::string> argv, const Placeholders& p) {
  for (auto& arg : argv) {
    replace_all(arg, "{build_dir}", p.build_dir.string());
    replace_all(arg, "{source_dir}", p.source_dir.string());
    replace_all(arg, "{port}", std::to_string(p.port));
    replace_all(arg, "{threads}", std::to_string(p.threads));
  }
  return argv;
}

std::string unavailable_reason(const ServerManifest& m, const Placeholders& p) {
  std::string program = expand_command(m, p).front();
  if (::access(program.c_str(), X_OK) != 0) return "not built: " + program + " is missing";
  return {};
}

}  // namespace apibench::runner

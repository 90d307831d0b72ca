#include "reproduce/artifacts.hpp"

#include <algorithm>

#include "reproduce/cold_build.hpp"
#include "runner/manifest.hpp"

namespace apibench::reproduce {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

constexpr const char* kColdBuildOff =
    "not measured: a cold build of every server takes minutes each on 2 cores (Boost.Asio/Beast for the C++ "
    "servers, the crates of the Rust peers' workspace, the Go standard library and modules for the Go peers), past "
    "the claims suite's 20-minute budget; `apibench reproduce --cold-build` times them";

std::vector<std::string> loc_dirs_for(const ReproduceConfig& config, const runner::ServerManifest& m,
                                      const fs::path& source_dir) {
  if (auto it = config.loc_dirs.find(m.name); it != config.loc_dirs.end()) return it->second;
  return {fs::relative(m.path.parent_path(), source_dir).string()};
}

void read_binary(ServerArtifacts& a, const runner::ServerManifest& m, const ArtifactOptions& o) {
  auto argv = runner::expand_command(m, {o.build_dir, o.source_dir, 0, 1});
  if (argv.empty()) {
    a.elf_note = "the manifest has no run command";
    return;
  }
  a.binary = argv.front();
  auto elf = read_elf_info(a.binary);
  if (auto* info = std::get_if<ElfInfo>(&elf)) a.elf = *info;
  else a.elf_note = std::get<std::string>(elf);
}

ServerArtifacts artifacts_of(const ReproduceConfig& config, const runner::ServerManifest& m, const ArtifactOptions& o) {
  ServerArtifacts a;
  a.server = m.name;
  read_binary(a, m, o);
  a.loc_dirs = loc_dirs_for(config, m, o.source_dir);
  std::vector<fs::path> dirs;
  for (const auto& d : a.loc_dirs) dirs.push_back(o.source_dir / d);
  a.loc = count_lines_of_code(dirs);
  if (o.time_cold_builds) {
    ColdBuild b = time_cold_build(m.path, o.source_dir);
    a.cold_build_seconds = b.seconds;
    a.cold_build_note = b.note;
  } else {
    a.cold_build_note = kColdBuildOff;
  }
  return a;
}

}  // namespace

std::vector<ServerArtifacts> collect_artifacts(const ReproduceConfig& config, const ArtifactOptions& options) {
  runner::ManifestSet manifests = runner::load_manifests(options.source_dir);
  std::vector<ServerArtifacts> out;
  for (const auto& name : config.servers()) {
    auto it = std::find_if(manifests.servers.begin(), manifests.servers.end(), [&](const auto& m) { return m.name == name; });
    if (it == manifests.servers.end()) {
      ServerArtifacts missing;
      missing.server = name;
      missing.elf_note = "no manifest for this server";
      missing.cold_build_note = "no manifest for this server";
      out.push_back(std::move(missing));
      continue;
    }
    out.push_back(artifacts_of(config, *it, options));
  }
  return out;
}

json to_json(const std::vector<ServerArtifacts>& artifacts) {
  json list = json::array();
  for (const auto& a : artifacts) {
    json j = {{"server", a.server}, {"binary", a.binary}, {"loc_dirs", a.loc_dirs}, {"cold_build_note", a.cold_build_note}};
    if (a.elf) {
      j["file_bytes"] = a.elf->file_bytes;
      j["interpreter"] = a.elf->interpreter;
      j["needed"] = a.elf->needed;
    } else {
      j["elf_note"] = a.elf_note;
    }
    if (a.loc) j["loc"] = {{"lines", a.loc->lines}, {"files", a.loc->files}};
    j["cold_build_seconds"] = a.cold_build_seconds ? json(*a.cold_build_seconds) : json();
    list.push_back(std::move(j));
  }
  return list;
}

const ServerArtifacts* find_artifacts(const std::vector<ServerArtifacts>& all, const std::string& server) {
  for (const auto& a : all) {
    if (a.server == server) return &a;
  }
  return nullptr;
}

}  // namespace apibench::reproduce

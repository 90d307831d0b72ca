#pragma once
// What the servers are as files, for claims 7 and 8: each binary's size and its
// dynamic library dependencies (from the manifest's program, read as ELF), lines of
// code per implementation, and optionally the cold build time of its build target.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reproduce/config.hpp"
#include "reproduce/elf_info.hpp"
#include "reproduce/loc_count.hpp"

namespace apibench::reproduce {

struct ServerArtifacts {
  std::string server;
  std::string binary;  // the manifest's program, expanded
  std::optional<ElfInfo> elf;
  std::string elf_note;  // why there is no ELF information
  std::optional<LocCount> loc;
  std::vector<std::string> loc_dirs;  // relative to the source tree
  std::optional<double> cold_build_seconds;
  std::string cold_build_note;  // what was timed, or why it was not
};

struct ArtifactOptions {
  std::filesystem::path source_dir;
  std::filesystem::path build_dir;
  bool time_cold_builds = false;  // minutes per server on 2 cores: off unless asked
};

std::vector<ServerArtifacts> collect_artifacts(const ReproduceConfig& config, const ArtifactOptions& options);

nlohmann::json to_json(const std::vector<ServerArtifacts>& artifacts);
const ServerArtifacts* find_artifacts(const std::vector<ServerArtifacts>& all, const std::string& server);

}  // namespace apibench::reproduce

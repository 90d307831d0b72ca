#pragma once
// Which build of each server a run measured: its version (the manifest's
// version_command, or `<program> --version`) and the toolchain that built the
// program (`go version` for Go binaries, the ELF .comment section otherwise:
// "GCC: (Debian 12.2.0-14) 12.2.0", "rustc version 1.63.0").
#include <nlohmann/json.hpp>
#include <string>

#include "runner/manifest.hpp"

namespace apibench::runner {

struct ServerBuild {
  std::string program;    // the manifest's program, placeholders expanded
  std::string version;    // empty when the server cannot say
  std::string toolchain;  // empty when not readable (a script)
  std::string modified;   // the program file's modification time, UTC
};

ServerBuild describe_server_build(const ServerManifest& m, const Placeholders& p);
nlohmann::json to_json(const ServerBuild& b);

}  // namespace apibench::runner

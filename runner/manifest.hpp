#pragma once
// Servers are described by manifests (servers/*/server.json,
// servers/peers/*/server.json); nothing else in apibench lists them.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace apibench::runner {

struct ServerManifest {
  std::string name;
  std::string language;
  std::string framework;
  std::string design;  // "rust-style", "go-style" or "anchor"
  std::vector<std::string> run;     // argv with {build_dir} {source_dir} {port} {threads}
  // Prints the server's version (optional; argv with the same placeholders):
  // ["nginx", "-v"]. Without it the runner tries `<program> --version`.
  std::vector<std::string> version_command;
  std::vector<std::string> routes;  // contract routes it serves ("json", "orders", ...)
  // Conformance tests ("Suite.Test") where the server's framework departs from
  // the contract in a way users accept, with the reason; docs/api.md lists them.
  std::map<std::string, std::string> differences;
  std::filesystem::path path;       // the manifest file

  bool serves(const std::string& route) const;
};

struct ManifestError {
  std::filesystem::path path;
  std::string message;
};

struct ManifestSet {
  std::vector<ServerManifest> servers;  // sorted by name
  std::vector<ManifestError> errors;    // manifests that could not be read: reported, not fatal
};

// The manifests in source_dir/servers and source_dir/servers/peers.
ManifestSet load_manifests(const std::filesystem::path& source_dir);
// The manifests in servers_dir/*/ and servers_dir/peers/*/ (apibench run --servers-dir).
ManifestSet load_manifests_from(const std::filesystem::path& servers_dir);
ServerManifest parse_manifest(const std::filesystem::path& file);  // throws std::runtime_error

struct Placeholders {
  std::filesystem::path build_dir;
  std::filesystem::path source_dir;
  unsigned port = 0;
  unsigned threads = 1;
};

std::vector<std::string> expand_command(const ServerManifest& m, const Placeholders& p);
std::vector<std::string> expand_placeholders(std::vector<std::string> argv, const Placeholders& p);

// Empty when the server's program exists and is executable; otherwise why it cannot run.
std::string unavailable_reason(const ServerManifest& m, const Placeholders& p);

}  // namespace apibench::runner

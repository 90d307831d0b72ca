#include "harness_fixture.hpp"

#include <unistd.h>

#include <fstream>

namespace harness {
namespace fs = std::filesystem;
namespace {

constexpr auto kRunBound = std::chrono::seconds(60);  // "it did not hang", not a timing check

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

std::string shell_quoted(const std::string& s) { return "'" + s + "'"; }

nlohmann::json manifest(const std::string& name, const std::vector<std::string>& run) {
  return {{"name", name}, {"design", "anchor"}, {"run", run}, {"routes", {"json", "work", "health"}}};
}

}  // namespace

void HarnessTest::SetUp() {
  char tmpl[] = "/tmp/apibench-harness-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  root_ = tmpl;
  servers_ = root_ / "servers";
  results_ = root_ / "results";
  suite_ = root_ / "suite.json";
  fs::create_directories(servers_);
}

void HarnessTest::TearDown() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void HarnessTest::add_server(const std::string& name, const std::vector<std::string>& flags) {
  std::vector<std::string> run{FAKE_SERVER_EXE, "--port", "{port}"};
  run.insert(run.end(), flags.begin(), flags.end());
  write(servers_ / name / "server.json", manifest(name, run).dump(2));
}

void HarnessTest::add_wrapped_server(const std::string& name, const std::vector<std::string>& flags) {
  std::string command = shell_quoted(FAKE_SERVER_EXE) + " --port {port}";
  for (const auto& f : flags) command += " " + shell_quoted(f);
  // Like nginx's run.sh: on SIGTERM (which reaches the whole group) wait for the child, then exit 0.
  std::string script = command + " & child=$!; trap 'wait $child; exit 0' TERM; wait";
  write(servers_ / name / "server.json", manifest(name, {"/bin/sh", "-c", script}).dump(2));
}

void HarnessTest::write_suite(const std::vector<std::string>& servers, const std::vector<unsigned>& connections,
                              const nlohmann::json& extra) {
  nlohmann::json suite = {
      {"name", "harness"},
      {"servers", servers},
      {"workloads", {{{"name", "json"}, {"route", "json"}, {"requests", {{{"path", "/json"}}}}, {"connections", connections}}}},
      {"duration_ms", 300},
      {"warmup_ms", 0},
      {"repetitions", 2}};
  suite.update(extra);
  write(suite_, suite.dump(2));
}

std::vector<std::string> HarnessTest::run_args(const std::vector<std::string>& extra) const {
  std::vector<std::string> args{"run", "--suite", suite_.string(), "--servers-dir", servers_.string(),
                                "--results", results_.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

Exit HarnessTest::run_apibench(const std::vector<std::string>& extra) {
  ApibenchProcess p(run_args(extra), root_);
  return p.wait(kRunBound);
}

fs::path HarnessTest::run_dir() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(results_, ec)) {
    if (entry.is_directory()) return entry.path();
  }
  return {};
}

nlohmann::json HarnessTest::run_json() const {
  return nlohmann::json::parse(read_file(run_dir() / "run.json"), nullptr, /*allow_exceptions=*/false);
}

}  // namespace harness

#pragma once
// A server from its manifest (the conformance suite's ServerTest starts and
// stops it) driven by a client program nobody here wrote: curl, wrk, ab or
// h2load. Tests skip, saying why, when the program is not installed or the
// server is not built.
#include <chrono>
#include <string>
#include <vector>

#include "report/subprocess.hpp"
#include "tests/conformance/server_under_test.hpp"

namespace apibench::clients {

// True when `program` is an executable file in one of PATH's directories.
bool on_path(const std::string& program);

class ClientTest : public conformance::ServerTest {
 protected:
  explicit ClientTest(std::string program) : program_(std::move(program)) {}
  // Skips before the server starts when the client program is not installed.
  void SetUp() override;

  // http://127.0.0.1:<port><path>
  std::string url(const std::string& path) const;
  // A file in this test's scratch directory holding `content`; returns its path.
  std::string write_file(const std::string& name, const std::string& content);
  // Runs argv to completion (time-limited) with the scratch directory for its
  // output files; a program that cannot start, times out or exits non-zero
  // fails the test with its stderr.
  report::ProgramResult run(const std::vector<std::string>& argv, std::chrono::seconds limit);
  const std::filesystem::path& scratch() const { return scratch_.path(); }

 private:
  std::string program_;
  report::TempDir scratch_{"apibench-clients"};
};

// A 10-item POST /orders body, and the total_cents its receipt must carry.
std::string sample_order();
long long sample_order_total_cents();

}  // namespace apibench::clients

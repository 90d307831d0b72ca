// Every hostile case of cases.json against every server, over real sockets:
// the C++ reference servers must give the contract's answer, keep serving
// /health after each case, and give back the memory the cases took. Peer
// servers run the same cases; where they answer otherwise it is reported as a
// difference, never a failure, since their frameworks are not ours to fix.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "tests/conformance/server_under_test.hpp"
#include "tests/hostile/case_runner.hpp"
#include "tests/hostile/hostile_case.hpp"
#include "tests/hostile/process_memory.hpp"

namespace apibench::hostile {
namespace {

// Generous: allocator caches and thread stacks may stay; a leak per case would not.
constexpr std::uint64_t kRssGrowthBound = 64ull * 1024 * 1024;
constexpr int kWarmUpRequests = 50;

const std::vector<HostileCase>& cases() {
  static const std::vector<HostileCase> all = load_cases(APIBENCH_HOSTILE_DIR);
  return all;
}

bool is_cpp_server(const runner::ServerManifest& m) { return m.language.starts_with("C++"); }

std::vector<runner::ServerManifest> servers_where(bool cpp) {
  std::vector<runner::ServerManifest> out = conformance::all_servers();
  std::erase_if(out, [cpp](const auto& m) { return is_cpp_server(m) != cpp; });
  return out;
}

class HostileTest : public conformance::ServerTest {
 protected:
  std::uint64_t warm_rss() {
    for (int i = 0; i < kWarmUpRequests; ++i) answers_health(port());
    return resident_bytes(process().pid()).value_or(0);
  }

  // Runs every case; calls report(what went wrong) for each case answered wrongly.
  // Stops early, reporting why, when the server dies.
  template <typename Report>
  void run_cases(Report report) {
    for (const HostileCase& c : cases()) {
      if (std::string wrong = judge(c, deliver(port(), c)); !wrong.empty()) report(wrong);
      if (!process().running()) {
        return report(c.name + ": the server died: " + process().stderr_tail());
      }
      if (!answers_health(port())) report(c.name + ": GET /health is not answered 200 after this case");
    }
  }
};

using HostileCppServer = HostileTest;
using HostilePeerServer = HostileTest;

TEST_P(HostileCppServer, EveryCaseGetsTheContractsAnswer) {
  const std::uint64_t baseline = warm_rss();
  run_cases([](const std::string& wrong) { ADD_FAILURE() << wrong; });
  ASSERT_TRUE(process().running());
  const std::uint64_t after = resident_bytes(process().pid()).value_or(0);
  EXPECT_LT(after, baseline + kRssGrowthBound) << "RSS grew from " << baseline << " to " << after << " bytes";
}

TEST_P(HostilePeerServer, DifferencesAreReported) {
  int differences = 0;
  run_cases([&](const std::string& wrong) {
    ++differences;
    std::cout << "difference (" << GetParam().name << "): " << wrong << "\n";
  });
  RecordProperty("differences", differences);
}

INSTANTIATE_TEST_SUITE_P(Servers, HostileCppServer, ::testing::ValuesIn(servers_where(true)),
                         conformance::server_param_name);
INSTANTIATE_TEST_SUITE_P(Servers, HostilePeerServer, ::testing::ValuesIn(servers_where(false)),
                         conformance::server_param_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(HostilePeerServer);

}  // namespace
}  // namespace apibench::hostile

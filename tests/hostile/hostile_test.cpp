// Every hostile case of cases.json against every server, over real sockets:
// the C++ reference servers must give the contract's answer, keep serving
// /health after each case, and give back the memory the cases took (RSS back near its warmed-up baseline). Peer
// servers run the same cases; where they answer otherwise it is reported as a
// difference, never a failure, since their frameworks are not ours to fix.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

#include "tests/conformance/server_under_test.hpp"
#include "tests/hostile/case_runner.hpp"
#include "tests/hostile/hostile_case.hpp"
#include "tests/hostile/process_memory.hpp"
#include "tests/hostile/rss_growth.hpp"

namespace apibench::hostile {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr int kWarmUpRounds = 20;
// How many of the cases that grew RSS most a failed memory check names.
constexpr std::size_t kCasesNamed = 5;
// How far RSS may stay above the warmed-up baseline once the cases are done:
// 8 MiB or a quarter of the baseline, whichever is larger. Generous for
// allocator caches; the corpus sends over 13 MiB, so keeping any large case's
// bytes, or a few KiB per case, shows.
std::uint64_t allowed_rss(std::uint64_t baseline) { return baseline + std::max(8 * kMiB, baseline / 4); }

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
  // RSS once every route has been served, with the largest body the limits allow,
  // so buffers and pools have grown to their working size.
  std::uint64_t warm_rss() {
    const std::string largest_value(kMiB, 'w');
    const std::string order = R"({"customer":"acme","items":[{"sku":"A-1","qty":2,"price_cents":1250}]})";
    for (int i = 0; i < kWarmUpRounds; ++i) {
      answers_health(port());
      send(testing::get_request("/json"));
      send(testing::request_with_body("POST", "/orders", "application/json", order));
      send(testing::request_with_body("PUT", "/cache/warm-up", "application/octet-stream", largest_value));
      send(testing::get_request("/cache/warm-up"));
    }
    send(testing::request_with_body("DELETE", "/cache/warm-up", "application/octet-stream", ""));
    return resident_bytes(process().pid()).value_or(0);
  }

  // RSS after the cases, given a few seconds to come back (closed connections'
  // buffers and task stacks are released on the server's own time).
  std::uint64_t settled_rss(std::uint64_t baseline) {
    std::uint64_t rss = 0;
    for (int i = 0; i < 30; ++i) {
      rss = resident_bytes(process().pid()).value_or(0);
      if (rss <= allowed_rss(baseline)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return rss;
  }

  // Runs every case; calls report(what went wrong) for each case answered wrongly.
  // Stops early, reporting why, when the server dies. With growth, records the
  // server's RSS after each case.
  template <typename Report>
  void run_cases(Report report, RssGrowth* growth = nullptr) {
    for (const HostileCase& c : cases()) {
      if (std::string wrong = judge(c, deliver(port(), c)); !wrong.empty()) report(wrong);
      if (!process().running()) {
        return report(c.name + ": the server died: " + process().stderr_tail());
      }
      if (!answers_health(port())) report(c.name + ": GET /health is not answered 200 after this case");
      if (growth) record_rss(*growth, c.name);
    }
  }

  void record_rss(RssGrowth& growth, const std::string& case_name) {
    if (std::optional<std::uint64_t> rss = resident_bytes(process().pid())) growth.record(case_name, *rss);
  }
};

using HostileCppServer = HostileTest;
using HostilePeerServer = HostileTest;

TEST_P(HostileCppServer, EveryCaseGetsTheContractsAnswer) {
  const std::uint64_t baseline = warm_rss();
  RssGrowth growth(baseline);
  run_cases([](const std::string& wrong) { ADD_FAILURE() << wrong; }, &growth);
  ASSERT_TRUE(process().running());
  const std::uint64_t after = settled_rss(baseline);
  std::cout << GetParam().name << ": RSS " << baseline / 1024 << " KiB after warm-up, " << after / 1024
            << " KiB after the cases (allowed " << allowed_rss(baseline) / 1024 << " KiB)\n";
  if (kRssIsMeaningful) {
    EXPECT_LE(after, allowed_rss(baseline)) << "RSS grew from " << baseline << " to " << after
                                            << " bytes; the cases that grew it most (RSS after the case minus before it):\n"
                                            << growth.largest(kCasesNamed);
  }
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

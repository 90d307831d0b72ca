#include "tests/conformance/server_under_test.hpp"

#include <nlohmann/json.hpp>
#include <regex>

#include "runner/cell.hpp"

namespace apibench::conformance {
using namespace std::chrono_literals;

std::vector<runner::ServerManifest> all_servers() { return runner::load_manifests(APIBENCH_SOURCE_DIR).servers; }

std::string server_param_name(const ::testing::TestParamInfo<runner::ServerManifest>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

void ServerTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string suite = info->test_suite_name();
  std::string test = suite.substr(suite.find('/') + 1) + "." + info->name();
  test = test.substr(0, test.find('/'));
  if (auto it = GetParam().differences.find(test); it != GetParam().differences.end()) {
    GTEST_SKIP() << "known difference from the contract: " << it->second;
  }
  runner::Placeholders p{APIBENCH_BUILD_DIR, APIBENCH_SOURCE_DIR, runner::free_port(), 1};
  if (std::string why = runner::unavailable_reason(GetParam(), p); !why.empty()) GTEST_SKIP() << why;
  child_ = std::make_unique<runner::ChildProcess>(runner::SpawnOptions{runner::expand_command(GetParam(), p), {}, {}, {}});
  port_ = child_->wait_ready(15s).port;
}

void ServerTest::TearDown() {
  if (child_) {
    auto exit = child_->stop(5s);
    EXPECT_TRUE(exit.clean) << "SIGTERM must end the server with exit 0, got " << exit.description;
  }
}

void expect_common_headers(const testing::HttpResponse& r) {
  auto length = r.header("Content-Length");
  ASSERT_TRUE(length.has_value()) << "no Content-Length";
  EXPECT_EQ(std::stoul(*length), r.body.size());
  EXPECT_TRUE(r.header("Server").has_value()) << "no Server header";
  auto date = r.header("Date");
  ASSERT_TRUE(date.has_value()) << "no Date header";
  static const std::regex imf_fixdate(
      R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT)");
  EXPECT_TRUE(std::regex_match(*date, imf_fixdate)) << *date;
}

void expect_error(const std::optional<testing::HttpResponse>& r, int status) {
  ASSERT_TRUE(r.has_value()) << "no response";
  EXPECT_EQ(r->status, status) << r->body;
  auto body = nlohmann::json::parse(r->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << "error body is not a JSON object: " << r->body;
  ASSERT_TRUE(body.contains("error") && body["error"].is_string()) << r->body;
  EXPECT_FALSE(body["error"].get<std::string>().empty());
}

}  // namespace apibench::conformance

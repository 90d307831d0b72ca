#include "tests/clients/client_fixture.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace apibench::clients {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

void ClientTest::SetUp() {
  if (!on_path(program_)) GTEST_SKIP() << program_ << " is not installed (scripts/setup.sh installs it)";
  ServerTest::SetUp();
}

std::string ClientTest::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

std::string ClientTest::write_file(const std::string& name, const std::string& content) {
  const auto file = scratch_.path() / name;
  std::ofstream(file, std::ios::binary) << content;
  return file.string();
}

report::ProgramResult ClientTest::run(const std::vector<std::string>& argv, std::chrono::seconds limit) {
  report::ProgramResult result = report::run_program(argv, scratch_.path(), limit);
  EXPECT_TRUE(result.started) << argv[0] << " did not start: " << result.errors;
  EXPECT_FALSE(result.timed_out) << argv[0] << " ran past " << limit.count() << " s";
  EXPECT_EQ(result.exit_code, 0) << argv[0] << " failed: " << result.errors << "\n" << result.output;
  return result;
}

namespace {

nlohmann::json sample_order_json() {
  nlohmann::json items = nlohmann::json::array();
  for (int i = 1; i <= 10; ++i) items.push_back({{"sku", "SKU-" + std::to_string(i)}, {"qty", i}, {"price_cents", 100 * i}});
  return {{"customer", "client-tests"}, {"items", items}, {"note", "from a client nobody here wrote"}};
}

}  // namespace

std::string sample_order() { return sample_order_json().dump(); }

long long sample_order_total_cents() {
  const nlohmann::json order = sample_order_json();
  long long total = 0;
  for (const auto& item : order["items"]) total += item["qty"].get<long long>() * item["price_cents"].get<long long>();
  return total;
}

}  // namespace apibench::clients

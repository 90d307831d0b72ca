// Scenario files: the shipped ones load, and bad ones get one line naming the file and field.
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "loadgen/scenario.hpp"
#include "loadgen/tests/scenario_files.hpp"

namespace apibench::loadgen {
namespace {

using testing::write_temp_file;

std::string error_of(const std::string& text) {
  const auto path = write_temp_file("bad.json", text);
  const auto loaded = load_scenario(path);
  if (!std::holds_alternative<std::string>(loaded)) return "(it loaded)";
  const auto& error = std::get<std::string>(loaded);
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_EQ(error.rfind(path.string() + ": ", 0), 0u) << error;
  return error;
}

constexpr const char* kHead = R"("schema": "apibench.scenario/1", )";

TEST(Scenario, ParsesEveryField) {
  write_temp_file("body.txt", "file body");
  const auto path = write_temp_file("good.json", std::string("{") + kHead + R"(
    "name": "mix", "description": "d", "seed": 7, "sequence_length": 100,
    "keys": {"count": 50, "distribution": "zipf", "s": 1.1, "prefix": "k-", "preload_value_bytes": 8},
    "requests": [
      {"name": "get", "path": "/cache/{key}", "weight": 9, "headers": ["X-Key: {key}"]},
      {"name": "put", "method": "PUT", "path": "/cache/{key}", "weight": 1, "body": {"random_bytes": 16}},
      {"method": "POST", "path": "/orders", "body": {"orders": 10, "variants": 4}},
      {"path": "/x", "body": {"file": ")" + ("loadgen_" + std::to_string(::getpid()) + "_body.txt") + R"(", "content_type": "text/plain"}},
      {"path": "/y", "weight": 0, "body": {"text": "{}"}}
    ]})");
  const auto loaded = load_scenario(path);
  ASSERT_TRUE(std::holds_alternative<Scenario>(loaded)) << std::get<std::string>(loaded);
  const auto& s = std::get<Scenario>(loaded);
  EXPECT_EQ(s.name, "mix");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.sequence_length, 100u);
  ASSERT_TRUE(s.keys);
  EXPECT_EQ(s.keys->distribution, KeyDistributionKind::kZipf);
  EXPECT_EQ(s.keys->key(3), "k-3");
  EXPECT_EQ(*s.keys->preload_value_bytes, 8u);
  ASSERT_EQ(s.requests.size(), 5u);
  EXPECT_TRUE(s.requests[0].uses_key());
  EXPECT_EQ(s.requests[1].body.kind, BodySource::Kind::kRandomBytes);
  EXPECT_EQ(s.requests[2].name, "/orders");
  EXPECT_EQ(s.requests[2].body.count, 10u);
  EXPECT_EQ(s.requests[2].body.variants, 4u);
  EXPECT_EQ(s.requests[2].body.content_type, "application/json");
  EXPECT_EQ(s.requests[3].body.bytes, "file body");
  EXPECT_EQ(s.requests[3].body.content_type, "text/plain");
  EXPECT_EQ(s.requests[4].weight, 0);
}

TEST(Scenario, BadFilesNameTheFieldInOneLine) {
  const std::string ok_request = R"("requests": [{"path": "/json"}])";
  EXPECT_NE(error_of("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_of("{" + ok_request + "}").find("schema: missing"), std::string::npos);
  EXPECT_NE(error_of(R"({"schema": "apibench.scenario/9", )" + ok_request + "}").find("schema: must be"),
            std::string::npos);
  const auto with = [](const std::string& rest) { return std::string("{") + kHead + rest + "}"; };
  EXPECT_NE(error_of(with(R"("requests": [])")).find("requests: must be a non-empty array"), std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"method": "GET"}])")).find("requests[0].path: missing"), std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "json"}])")).find("requests[0].path: must start"), std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a"}, {"path": "/{id}"}])")).find("requests[1].path: unknown placeholder"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/cache/{key}"}])")).find("requests[0].path: uses {key}"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "weight": -1}])")).find("requests[0].weight"), std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "wieght": 1}])")).find("requests[0].wieght: unknown field"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "body": {"orders": 0}}])")).find("requests[0].body.orders: must be an integer in 1..1000"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "body": {"text": "x", "random_bytes": 3}}])")).find("requests[0].body: needs exactly one"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "body": {"file": "no/such/file"}}])")).find("requests[0].body.file: cannot read"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "headers": ["NoColon"]}])")).find("requests[0].headers[0]"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("keys": {"count": 0}, "requests": [{"path": "/a"}])")).find("keys.count: must be an integer"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("keys": {"count": 5, "distribution": "pareto"}, "requests": [{"path": "/a"}])")).find("keys.distribution"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("keys": {"count": 5, "prefix": "a/b"}, "requests": [{"path": "/a"}])")).find("keys.prefix"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("requests": [{"path": "/a", "weight": 0}])")).find("weights must not all be zero"),
            std::string::npos);
  const auto missing = load_scenario("/no/such/scenario.json");
  ASSERT_TRUE(std::holds_alternative<std::string>(missing));
  EXPECT_NE(std::get<std::string>(missing).find("/no/such/scenario.json: cannot open"), std::string::npos);
}

TEST(Scenario, ShippedScenariosLoad) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() / "scenarios")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const auto loaded = load_scenario(entry.path());
    EXPECT_TRUE(std::holds_alternative<Scenario>(loaded)) << std::get<std::string>(loaded);
  }
  EXPECT_GE(files, 10);
}

}  // namespace
}  // namespace apibench::loadgen

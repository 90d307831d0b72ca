#include "contract/server_options.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace ac = apibench::contract;

namespace {
ac::ParsedOptions parse(std::vector<const char*> args) {
  args.insert(args.begin(), "server");
  return ac::parse_server_options(static_cast<int>(args.size()), const_cast<char**>(args.data()), "server");
}
}  // namespace

TEST(ServerOptions, Defaults) {
  auto r = parse({});
  ASSERT_TRUE(std::holds_alternative<ac::ServerOptions>(r));
  const auto& o = std::get<ac::ServerOptions>(r);
  EXPECT_EQ(o.host, "127.0.0.1");
  EXPECT_EQ(o.port, 0);
  EXPECT_GE(o.threads, 1u);
  EXPECT_EQ(o.cache_bytes, 256u << 20);
  EXPECT_EQ(o.body_limit, 1u << 20);
}

TEST(ServerOptions, Flags) {
  auto r = parse({"--port", "8080", "--threads", "2", "--cache-mb", "4", "--body-limit", "100"});
  ASSERT_TRUE(std::holds_alternative<ac::ServerOptions>(r));
  const auto& o = std::get<ac::ServerOptions>(r);
  EXPECT_EQ(o.port, 8080);
  EXPECT_EQ(o.threads, 2u);
  EXPECT_EQ(o.cache_bytes, 4u << 20);
  EXPECT_EQ(o.body_limit, 100u);
}

TEST(ServerOptions, BadFlagsExitWithUsage) {
  testing::internal::CaptureStderr();
  auto r = parse({"--port", "70000"});
  std::string err = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(std::holds_alternative<int>(r));
  EXPECT_EQ(std::get<int>(r), 2);
  EXPECT_NE(err.find("--help"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<int>(parse({"--threads", "0"})));
  EXPECT_TRUE(std::holds_alternative<int>(parse({"--bogus"})));
}

TEST(ServerOptions, VersionNamesServerVersionAndBuildType) {
  testing::internal::CaptureStdout();
  auto r = parse({"--version"});
  std::string out = testing::internal::GetCapturedStdout();
  ASSERT_TRUE(std::holds_alternative<int>(r));
  EXPECT_EQ(std::get<int>(r), 0);
  EXPECT_EQ(out.rfind("server 0.", 0), 0u) << out;
  EXPECT_NE(out.find(" build"), std::string::npos) << out;
}

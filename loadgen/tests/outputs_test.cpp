// CSV output, and the live progress line: on a terminal only.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "loadgen/csv_output.hpp"
#include "loadgen/load.hpp"
#include "loadgen/progress_line.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, by);) parts.push_back(part);
  return parts;
}

TEST(Csv, HasTheDocumentedColumnsAndARowPerEndpointPlusTotal) {
  const std::string expected =
      "endpoint,requests,p50_ns,p75_ns,p90_ns,p99_ns,p99.9_ns,p99.99_ns,max_ns,"
      "service_p50_ns,service_p75_ns,service_p90_ns,service_p99_ns,service_p99.9_ns,service_p99.99_ns,service_max_ns,"
      "errors_connect,errors_read,errors_write,errors_timeout,errors_bad_response,errors_total,"
      "status_2xx,status_3xx,status_4xx,status_5xx\n";
  EXPECT_EQ(csv_header(), expected);

  LoadResult r;
  r.requests = 3;
  r.latency.record(1000);
  r.latency.record(2000);
  r.latency.record(3000);
  r.service_time = r.latency;
  r.errors.timeout = 2;
  r.status_classes[2] = 3;
  r.endpoints.resize(2);
  r.endpoints[0].name = "get";
  r.endpoints[0].requests = 2;
  r.endpoints[1].name = "put, \"new\"";
  r.endpoints[1].requests = 1;
  r.endpoints[1].errors.timeout = 2;
  const auto lines = split(load_result_to_csv(r), '\n');
  ASSERT_EQ(lines.size(), 4u);
  const auto columns = split(expected.substr(0, expected.size() - 1), ',').size();
  EXPECT_EQ(split(lines[1], ',').size(), columns);
  EXPECT_EQ(lines[2].rfind("\"put, \"\"new\"\"\",1,", 0), 0u) << lines[2];
  EXPECT_EQ(split(lines[1], ',')[21], "0");  // get: errors_total
  const auto put = split(lines[2], ',');     // its quoted name holds one comma: columns shift by one
  EXPECT_EQ(put[20], "2");                   // errors_timeout
  EXPECT_EQ(put[22], "2");                   // errors_total
  const auto total = split(lines[3], ',');
  ASSERT_EQ(total.size(), columns);
  EXPECT_EQ(total[0], "total");
  EXPECT_EQ(total[1], "3");
  EXPECT_EQ(total[8], "3000");   // max_ns
  EXPECT_EQ(total[19], "2");     // errors_timeout
  EXPECT_EQ(total[21], "2");     // errors_total
  EXPECT_EQ(total[22], "3");     // status_2xx
}

TEST(ProgressLine, FormatsOneLine) {
  const auto line = format_progress(3.0, 12345, 1'500'000, 2);
  EXPECT_NE(line.find("3.0 s"), std::string::npos);
  EXPECT_NE(line.find("12345 req/s"), std::string::npos);
  EXPECT_NE(line.find("p99"), std::string::npos);
  EXPECT_NE(line.find("1.50 ms"), std::string::npos);
  EXPECT_NE(line.find("errors 2"), std::string::npos);
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(ProgressLine, WritesNothingWhenNotATerminal) {
  testing::TestServer server;
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  LiveProgress live;
  {
    const ProgressLine progress(live, file);
    EXPECT_FALSE(progress.active());
    auto spec = testing::short_spec(server.port(), 1500ms);
    EXPECT_GT(run_load(spec, &live).requests, 0u);
  }
  EXPECT_GT(live.snapshot().requests, 0u);  // the run did publish: the line chose to stay silent
  std::fseek(file, 0, SEEK_END);
  EXPECT_EQ(std::ftell(file), 0L);
  std::fclose(file);
}

TEST(ProgressLine, UpdatesOnATerminal) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  std::FILE* terminal = std::fopen(::ptsname(master), "w");
  ASSERT_NE(terminal, nullptr);
  testing::TestServer server;
  LiveProgress live;
  {
    const ProgressLine progress(live, terminal);
    EXPECT_TRUE(progress.active());
    run_load(testing::short_spec(server.port(), 1500ms), &live);
  }
  std::fclose(terminal);
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  std::string seen;
  char buffer[4096];
  for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;) seen.append(buffer, static_cast<std::size_t>(n));
  ::close(master);
  EXPECT_NE(seen.find("req/s"), std::string::npos) << seen;
  EXPECT_NE(seen.find("\r"), std::string::npos);
}

}  // namespace
}  // namespace apibench::loadgen

// The cache's byte bound holds under a storm of PUTs of large values with
// random keys and sizes: /metrics never reports more than the bound, entries
// are evicted, and the server's RSS stays bounded although many times the
// bound goes through it.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "contract/limits.hpp"
#include "testing/http_client.hpp"
#include "tests/hostile/process_memory.hpp"
#include "tests/overload/server_process.hpp"

namespace apibench::overload {
namespace {
using namespace std::chrono_literals;

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kCacheMb = 8;
constexpr int kPuts = 320;            // about 160 MiB in all: twenty times the bound
constexpr int kCheckEvery = 40;
// Generous: the cache's bound, buffers, allocator caches and fragmentation; an
// unbounded cache would hold all 160 MiB.
constexpr std::uint64_t kRssGrowthBound = 64 * kMiB;

std::string put_request(const std::string& key, std::size_t size, char fill) {
  return testing::request_with_body("PUT", "/cache/" + key, "application/octet-stream", std::string(size, fill));
}

using CacheBound = ServerUnderLoad;

TEST_P(CacheBound, HoldsUnderARandomStormOfLargeValues) {
  start({"--cache-mb", std::to_string(kCacheMb)});
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(testing::request_once(port(), testing::get_request("/health")));
  const std::uint64_t baseline = rss();
  std::uint64_t peak = baseline;

  std::mt19937 random(9);  // fixed seed: the same storm every run
  std::uniform_int_distribution<std::size_t> size(64 * 1024, contract::kMaxCacheValue);
  std::uniform_int_distribution<int> key(0, 199);
  testing::TestConnection c(port());
  for (int i = 1; i <= kPuts; ++i) {
    ASSERT_TRUE(c.send(put_request("k" + std::to_string(key(random)), size(random), static_cast<char>('a' + i % 26))));
    auto response = c.read_response(10s);
    ASSERT_TRUE(response) << "PUT " << i << " not answered";
    ASSERT_TRUE(response->status == 201 || response->status == 204) << "PUT " << i << ": " << response->status;
    if (i % kCheckEvery != 0) continue;
    const auto bytes = metric("apibench_cache_bytes");
    ASSERT_TRUE(bytes) << "no apibench_cache_bytes after PUT " << i;
    EXPECT_LE(*bytes, kCacheMb * kMiB) << "after PUT " << i;
    peak = std::max(peak, rss());
  }
  EXPECT_GT(metric("apibench_cache_evictions_total").value_or(0), 0u);
  if (hostile::kRssIsMeaningful) {
    EXPECT_LT(peak, baseline + kRssGrowthBound) << "RSS grew from " << baseline << " to " << peak << " bytes";
  }
}

INSTANTIATE_TEST_SUITE_P(CppServers, CacheBound, ::testing::ValuesIn(cpp_servers()), server_param_name);

}  // namespace
}  // namespace apibench::overload

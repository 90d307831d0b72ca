// The sharded LRU cache: byte bound, eviction order, concurrent use.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "app/cache.hpp"

namespace {

using gostyle::Cache;

TEST(Cache, PutGetReplaceErase) {
  Cache cache(1 << 20);
  EXPECT_EQ(cache.put("k", "v1"), Cache::PutResult::created);
  ASSERT_TRUE(cache.get("k"));
  EXPECT_EQ(*cache.get("k"), "v1");
  EXPECT_EQ(cache.put("k", "value2"), Cache::PutResult::replaced);
  EXPECT_EQ(*cache.get("k"), "value2");
  EXPECT_EQ(cache.stats().bytes, 7u);  // key + value
  EXPECT_TRUE(cache.erase("k"));
  EXPECT_FALSE(cache.erase("k"));
  EXPECT_FALSE(cache.get("k"));
  EXPECT_EQ(cache.stats().bytes, 0u);
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(Cache, CountsHitsAndMisses) {
  Cache cache(1000);
  cache.put("a", "1");
  cache.get("a");
  cache.get("b");
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(Cache, RefusesOnlyWhatExceedsTheWholeBound) {
  Cache cache(100);
  EXPECT_EQ(cache.put("k", std::string(99, 'x')), Cache::PutResult::created);  // 1 + 99: exactly the bound
  EXPECT_EQ(cache.put("kk", std::string(99, 'x')), Cache::PutResult::too_large);
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(Cache, EvictsTheLeastRecentlyUsedToStayInBound) {
  Cache cache(100);  // room for four entries of 25 bytes (1-byte key + 24-byte value)
  const std::string value(24, 'v');
  for (const char* key : {"a", "b", "c", "d"}) ASSERT_EQ(cache.put(key, value), Cache::PutResult::created);
  ASSERT_TRUE(cache.get("a"));  // a is now the most recent; b the least
  cache.put("e", value);
  EXPECT_FALSE(cache.get("b"));
  for (const char* key : {"a", "c", "d", "e"}) EXPECT_TRUE(cache.get(key)) << key;
  EXPECT_EQ(cache.stats().evictions, 1u);
  EXPECT_LE(cache.stats().bytes, 100u);
}

TEST(Cache, ConcurrentUseNeverExceedsTheBound) {
  constexpr std::size_t kBound = 10'000;
  Cache cache(kBound);
  std::atomic<bool> exceeded{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        std::string key = std::to_string((i * 7 + t) % 300);
        if (i % 3 == 0) {
          cache.put(key, std::string(static_cast<std::size_t>(50 + i % 200), 'x'));
        } else if (i % 3 == 1) {
          if (auto v = cache.get(key)) {
            EXPECT_FALSE(v->empty());
          }
        } else if (i % 17 == 0) {
          cache.erase(key);
        }
        if (cache.stats().bytes > kBound) exceeded = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(exceeded.load());
  EXPECT_GT(cache.stats().evictions, 0u);
  EXPECT_LE(cache.stats().bytes, kBound);
}

}  // namespace

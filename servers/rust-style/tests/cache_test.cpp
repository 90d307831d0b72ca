// The cache: results of put/get/erase, LRU eviction order, the byte bound,
// values outliving eviction while a reader holds them, and concurrent use.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "cache.hpp"

namespace apibench::rust_style {
namespace {

std::string value_of(Cache& cache, std::string_view key) {
  auto v = cache.get(key);
  return v ? std::string(v->view()) : std::string("<absent>");
}

TEST(Cache, PutGetEraseAndTheirResults) {
  Cache cache(1 << 20);
  EXPECT_EQ(cache.put("k", "one"), PutResult::created);
  EXPECT_EQ(value_of(cache, "k"), "one");
  EXPECT_EQ(cache.put("k", "two!"), PutResult::replaced);
  EXPECT_EQ(value_of(cache, "k"), "two!");
  EXPECT_EQ(cache.stats().bytes, 5u);  // key and value
  EXPECT_TRUE(cache.erase("k"));
  EXPECT_FALSE(cache.erase("k"));
  EXPECT_EQ(value_of(cache, "k"), "<absent>");
  const CacheStats s = cache.stats();
  EXPECT_EQ(s.entries, 0u);
  EXPECT_EQ(s.bytes, 0u);
  EXPECT_EQ(s.hits, 2u);
  EXPECT_EQ(s.misses, 1u);
}

TEST(Cache, EmptyValueIsStored) {
  Cache cache(100);
  EXPECT_EQ(cache.put("k", ""), PutResult::created);
  EXPECT_EQ(value_of(cache, "k"), "");
}

TEST(Cache, EvictsTheLeastRecentlyUsedAcrossShards) {
  Cache cache(40);  // room for four entries of 10 bytes
  const std::string v(9, 'v');
  for (const char* k : {"a", "b", "c", "d"}) ASSERT_EQ(cache.put(k, v), PutResult::created);
  value_of(cache, "a");  // a is now the most recently used; b the least
  ASSERT_EQ(cache.put("e", v), PutResult::created);
  EXPECT_EQ(value_of(cache, "b"), "<absent>");
  for (const char* k : {"a", "c", "d", "e"}) EXPECT_EQ(value_of(cache, k), v) << k;
  ASSERT_EQ(cache.put("f", v), PutResult::created);  // the reads above left a the oldest
  EXPECT_EQ(value_of(cache, "a"), "<absent>");
  EXPECT_EQ(value_of(cache, "c"), v);
  EXPECT_EQ(cache.stats().evictions, 2u);
  EXPECT_EQ(cache.stats().bytes, 40u);
}

TEST(Cache, NeverHoldsMoreThanTheBound) {
  Cache cache(1000);
  for (int i = 0; i < 500; ++i) {
    cache.put(std::string("key").append(std::to_string(i)), std::string(static_cast<std::size_t>(i % 97), 'x'));
    ASSERT_LE(cache.stats().bytes, 1000u);
  }
}

TEST(Cache, ValueLargerThanTheWholeBoundIsRefused) {
  Cache cache(100);
  EXPECT_EQ(cache.put("k", std::string(100, 'x')), PutResult::too_large);  // 1 + 100 bytes > 100
}

TEST(Cache, ValueFillingTheWholeBoundEvictsEverythingElse) {
  Cache cache(100);
  ASSERT_EQ(cache.put("a", "1"), PutResult::created);
  EXPECT_EQ(cache.put("k", std::string(99, 'x')), PutResult::created);
  EXPECT_EQ(value_of(cache, "a"), "<absent>");
  EXPECT_EQ(cache.put("k", std::string(100, 'x')), PutResult::too_large);
}

TEST(Cache, HeldValueOutlivesItsEviction) {
  Cache cache(20);
  ASSERT_EQ(cache.put("a", "first-value"), PutResult::created);
  std::optional<SharedBytes> held = cache.get("a");
  ASSERT_TRUE(held);
  ASSERT_EQ(cache.put("b", "second-value"), PutResult::created);  // evicts a
  EXPECT_EQ(value_of(cache, "a"), "<absent>");
  EXPECT_EQ(held->view(), "first-value");
}

TEST(Cache, ConcurrentUseKeepsTheBoundAndTheCounts) {
  constexpr std::size_t kCapacity = 4096;
  Cache cache(kCapacity);
  std::atomic<bool> over{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        const std::string key = std::string("k").append(std::to_string((i * 7 + t) % 64));
        switch (i % 3) {
          case 0: cache.put(key, std::string(static_cast<std::size_t>(i % 300), 'a' + t)); break;
          case 1:
            if (auto v = cache.get(key)) {
              const std::string_view s = v->view();
              if (!s.empty() && s.find_first_not_of(s[0]) != std::string_view::npos) over = true;  // torn value
            }
            break;
          default: cache.erase(key);
        }
        if (cache.stats().bytes > kCapacity) over = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(over.load());
  const CacheStats s = cache.stats();
  EXPECT_LE(s.bytes, kCapacity);
  std::uint64_t bytes = 0, entries = 0;
  for (int k = 0; k < 64; ++k) {
    const std::string key = std::string("k").append(std::to_string(k));
    if (auto v = cache.get(key)) {
      bytes += key.size() + v->size();
      ++entries;
    }
  }
  EXPECT_EQ(bytes, s.bytes);
  EXPECT_EQ(entries, s.entries);
}

}  // namespace
}  // namespace apibench::rust_style

// Scenario expansion: the seeded sequence follows the weights and the key distribution,
// generated bodies are valid orders, and the picker replays the variants' exact counts.
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "loadgen/key_distribution.hpp"
#include "loadgen/order_bodies.hpp"
#include "loadgen/scenario_expand.hpp"
#include "loadgen/weighted_picker.hpp"

namespace apibench::loadgen {
namespace {

ScenarioRequest request(const std::string& name, const std::string& method, const std::string& path, double weight) {
  ScenarioRequest r;
  r.name = name;
  r.method = method;
  r.path = path;
  r.weight = weight;
  return r;
}

std::map<std::string, double> fractions_by_name(const ExpandedScenario& e) {
  std::map<std::string, double> picked;
  for (const auto index : e.sequence) picked[e.variants[index].name] += 1.0 / static_cast<double>(e.sequence.size());
  return picked;
}

TEST(ScenarioExpand, SequenceFollowsTheWeights) {
  Scenario s;
  s.sequence_length = 100'000;
  s.requests = {request("a", "GET", "/json", 6), request("b", "GET", "/plaintext", 3), request("c", "GET", "/health", 1),
                request("never", "GET", "/x", 0)};
  const auto e = expand_scenario(s);
  ASSERT_EQ(e.sequence.size(), 100'000u);
  const auto picked = fractions_by_name(e);
  EXPECT_NEAR(picked.at("a"), 0.6, 0.01);
  EXPECT_NEAR(picked.at("b"), 0.3, 0.01);
  EXPECT_NEAR(picked.at("c"), 0.1, 0.01);
  EXPECT_EQ(picked.count("never"), 0u);
  EXPECT_EQ(e.variants.size(), 3u);  // one rendered variant per request without keys or body variants
}

TEST(ScenarioExpand, SameSeedSameSequenceOtherSeedOther) {
  Scenario s;
  s.keys = KeySpace{};
  s.requests = {request("get", "GET", "/cache/{key}", 1)};
  const auto first = expand_scenario(s);
  EXPECT_EQ(expand_scenario(s).sequence, first.sequence);
  s.seed = 2;
  EXPECT_NE(expand_scenario(s).sequence, first.sequence);
}

TEST(KeyDistribution, ZipfTopKeysMatchTheory) {
  const std::size_t keys = 1000;
  const double s = 1.0;
  double harmonic = 0;
  for (std::size_t k = 1; k <= keys; ++k) harmonic += 1.0 / std::pow(static_cast<double>(k), s);
  const KeyDistribution zipf(KeyDistributionKind::kZipf, keys, s);
  SeededRandom random(42);
  std::vector<double> counts(keys);
  const int draws = 200'000;
  for (int i = 0; i < draws; ++i) counts[zipf.pick(random)] += 1;
  for (std::size_t rank : {0u, 1u, 9u}) {
    const double expected = 1.0 / std::pow(static_cast<double>(rank + 1), s) / harmonic;
    EXPECT_NEAR(counts[rank] / draws, expected, expected * 0.05) << "rank " << rank;
    EXPECT_NEAR(zipf.probability(rank), expected, 1e-9);
  }
  EXPECT_GT(counts[0], 5 * counts[9]);  // the shape: steeply falling, unlike uniform
}

TEST(KeyDistribution, UniformIsFlat) {
  const KeyDistribution uniform(KeyDistributionKind::kUniform, 10, 1);
  SeededRandom random(1);
  std::vector<int> counts(10);
  for (int i = 0; i < 100'000; ++i) ++counts[uniform.pick(random)];
  for (const int c : counts) EXPECT_NEAR(c, 10'000, 500);
}

// The contract's rules for a POST /orders body (docs/api.md).
void expect_valid_order(const std::string& body, std::size_t items) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << body;
  ASSERT_TRUE(j.at("customer").is_string());
  const auto customer = j.at("customer").get<std::string>();
  EXPECT_TRUE(!customer.empty() && customer.size() <= 64);
  ASSERT_TRUE(j.at("items").is_array());
  EXPECT_EQ(j.at("items").size(), items);
  for (const auto& item : j.at("items")) {
    EXPECT_EQ(item.size(), 3u);
    const auto sku = item.at("sku").get<std::string>();
    EXPECT_TRUE(!sku.empty() && sku.size() <= 32);
    ASSERT_TRUE(item.at("qty").is_number_integer());
    EXPECT_GE(item.at("qty").get<long long>(), 1);
    EXPECT_LE(item.at("qty").get<long long>(), 1000);
    ASSERT_TRUE(item.at("price_cents").is_number_integer());
    EXPECT_GE(item.at("price_cents").get<long long>(), 0);
    EXPECT_LE(item.at("price_cents").get<long long>(), 1'000'000'000);
  }
}

TEST(OrderBodies, GeneratedOrdersAreValidPerTheContract) {
  SeededRandom random(3);
  for (const std::size_t items : {1u, 10u, 100u, 1000u}) expect_valid_order(generate_order_body(items, random), items);
}

TEST(ScenarioExpand, OrdersVariantsAreRenderedWithJsonContentType) {
  Scenario s;
  auto orders = request("orders-10", "POST", "/orders", 1);
  orders.body = {BodySource::Kind::kOrders, "", 10, 8, "application/json"};
  s.requests = {orders};
  const auto e = expand_scenario(s);
  EXPECT_EQ(e.variants.size(), 8u);
  std::set<std::string> bodies;
  for (const auto& v : e.variants) {
    expect_valid_order(v.body, 10);
    bodies.insert(v.body);
    const auto raw = render_bytes(v, "h:1");
    EXPECT_EQ(raw.rfind("POST /orders HTTP/1.1\r\nHost: h:1\r\n", 0), 0u) << raw;
    EXPECT_NE(raw.find("Content-Type: application/json\r\n"), std::string::npos);
    EXPECT_NE(raw.find("Content-Length: " + std::to_string(v.body.size()) + "\r\n"), std::string::npos);
  }
  EXPECT_EQ(bodies.size(), 8u);
}

TEST(ScenarioExpand, CacheKeysFillPlaceholdersAndPreloadCoversTheKeySpace) {
  Scenario s;
  s.keys = KeySpace{};
  s.keys->count = 20;
  s.keys->preload_value_bytes = 5;
  auto put = request("put", "PUT", "/cache/{key}", 1);
  put.body = {BodySource::Kind::kRandomBytes, "", 12, 1, "application/octet-stream"};
  auto get = request("get", "GET", "/cache/{key}", 9);
  get.headers = {"X-Key: {key}"};
  s.requests = {get, put};
  const auto e = expand_scenario(s);
  for (const auto& v : e.variants) {
    EXPECT_EQ(v.target.rfind("/cache/key-", 0), 0u);
    if (v.name == "get") {
      EXPECT_EQ(v.headers.at(0), "X-Key: " + v.target.substr(7));
    }
    if (v.name == "put") {
      EXPECT_EQ(v.body.size(), 12u);
    }
  }
  ASSERT_EQ(e.setup.size(), 20u);
  for (std::size_t k = 0; k < 20; ++k) {
    EXPECT_EQ(e.setup[k].method, "PUT");
    EXPECT_EQ(e.setup[k].target, "/cache/key-" + std::to_string(k));
    EXPECT_EQ(e.setup[k].body.size(), 5u);
  }
  EXPECT_NEAR(fractions_by_name(e).at("get"), 0.9, 0.01);
}

TEST(ScenarioExpand, ThePickerReplaysTheVariantCountsExactly) {
  Scenario s;
  s.keys = KeySpace{};
  s.keys->distribution = KeyDistributionKind::kZipf;
  s.sequence_length = 5000;
  s.requests = {request("get", "GET", "/cache/{key}", 1)};
  const auto e = expand_scenario(s);
  LoadSpec spec;
  apply_scenario(e, "h", spec);
  std::vector<double> weights;
  for (const auto& r : spec.requests) weights.push_back(r.weight);
  WeightedPicker picker(weights);
  ASSERT_EQ(picker.cycle_length(), 5000u);
  std::vector<double> replayed(weights.size());
  for (int i = 0; i < 5000; ++i) replayed[picker.next()] += 1;
  EXPECT_EQ(replayed, weights);
}

}  // namespace
}  // namespace apibench::loadgen

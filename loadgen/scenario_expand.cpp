#include "loadgen/scenario_expand.hpp"

#include <map>
#include <numeric>
#include <tuple>

#include "loadgen/http_head.hpp"
#include "loadgen/order_bodies.hpp"
#include "loadgen/request_builder.hpp"

namespace apibench::loadgen {
namespace {

constexpr std::size_t kNoKey = SIZE_MAX;

std::string random_value(std::size_t size, SeededRandom& random) {
  std::string value(size, 'a');
  for (auto& c : value) c = static_cast<char>('a' + random.below(26));
  return value;
}

std::vector<std::string> render_bodies(const BodySource& source, SeededRandom& random) {
  std::vector<std::string> bodies;
  for (std::size_t v = 0; v < source.variants; ++v) {
    switch (source.kind) {
      case BodySource::Kind::kNone: bodies.emplace_back(); break;
      case BodySource::Kind::kText:
      case BodySource::Kind::kFile: bodies.push_back(source.bytes); break;
      case BodySource::Kind::kOrders: bodies.push_back(generate_order_body(source.count, random)); break;
      case BodySource::Kind::kRandomBytes: bodies.push_back(random_value(source.count, random)); break;
    }
  }
  return bodies;
}

std::string fill_key(std::string text, const std::string& key) {
  for (auto at = text.find("{key}"); at != std::string::npos; at = text.find("{key}", at + key.size())) {
    text.replace(at, 5, key);
  }
  return text;
}

bool has_content_type(const std::vector<std::string>& headers) {
  for (const auto& h : headers) {
    if (h.size() >= 13 && equals_ignore_case(std::string_view(h).substr(0, 13), "content-type:")) return true;
  }
  return false;
}

RenderedRequest render(const ScenarioRequest& r, const std::string& key, const std::string& body) {
  RenderedRequest out{r.name, r.method, fill_key(r.path, key), r.headers, body, r.body.content_type, 0};
  for (auto& h : out.headers) h = fill_key(h, key);
  if (has_content_type(out.headers)) out.content_type.clear();
  return out;
}

// Picks a scenario request in proportion to its weight.
std::size_t pick_request(const std::vector<double>& cumulative, SeededRandom& random) {
  const double u = random.unit() * cumulative.back();
  std::size_t i = 0;
  while (i + 1 < cumulative.size() && u >= cumulative[i]) ++i;
  return i;
}

std::vector<RenderedRequest> preload_requests(const KeySpace& keys, SeededRandom& random) {
  const std::string value = random_value(*keys.preload_value_bytes, random);
  std::vector<RenderedRequest> setup;
  setup.reserve(keys.count);
  for (std::size_t k = 0; k < keys.count; ++k) {
    setup.push_back({"preload", "PUT", "/cache/" + keys.key(k), {}, value, "application/octet-stream", 1});
  }
  return setup;
}

}  // namespace

ExpandedScenario expand_scenario(const Scenario& scenario) {
  SeededRandom random(scenario.seed);
  std::vector<std::vector<std::string>> bodies;
  std::vector<double> cumulative;
  for (const auto& r : scenario.requests) {
    bodies.push_back(render_bodies(r.body, random));
    cumulative.push_back((cumulative.empty() ? 0 : cumulative.back()) + r.weight);
  }
  const auto& keys = scenario.keys;
  const KeyDistribution key_distribution = keys ? KeyDistribution(keys->distribution, keys->count, keys->zipf_s)
                                                : KeyDistribution(KeyDistributionKind::kUniform, 1, 1);
  ExpandedScenario out;
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::uint32_t> variant_of;  // request, key, body
  out.sequence.reserve(scenario.sequence_length);
  for (std::size_t i = 0; i < scenario.sequence_length; ++i) {
    const std::size_t r = pick_request(cumulative, random);
    const auto& request = scenario.requests[r];
    const std::size_t key = request.uses_key() ? key_distribution.pick(random) : kNoKey;
    const std::size_t body = bodies[r].size() > 1 ? random.below(bodies[r].size()) : 0;
    const auto [found, added] =
        variant_of.try_emplace(std::make_tuple(r, key, body), static_cast<std::uint32_t>(out.variants.size()));
    if (added) out.variants.push_back(render(request, key == kNoKey ? "" : keys->key(key), bodies[r][body]));
    out.variants[found->second].weight += 1;
    out.sequence.push_back(found->second);
  }
  if (keys && keys->preload_value_bytes) out.setup = preload_requests(*keys, random);
  return out;
}

std::string render_bytes(const RenderedRequest& request, const std::string& host_header) {
  RequestParts parts{request.method, request.target, host_header, request.headers, request.body};
  if (!request.content_type.empty()) parts.headers.push_back("Content-Type: " + request.content_type);
  return build_request(parts);
}

void apply_scenario(const ExpandedScenario& expanded, const std::string& host_header, LoadSpec& spec) {
  spec.requests.clear();
  for (const auto& v : expanded.variants) spec.requests.push_back({v.name, render_bytes(v, host_header), v.weight});
  spec.setup.clear();
  for (const auto& s : expanded.setup) spec.setup.push_back(render_bytes(s, host_header));
}

std::optional<std::string> apply_scenario_file(const std::filesystem::path& path, const std::string& host_header,
                                               LoadSpec& spec) {
  auto loaded = load_scenario(path);
  if (const auto* error = std::get_if<std::string>(&loaded)) return *error;
  apply_scenario(expand_scenario(std::get<Scenario>(loaded)), host_header, spec);
  return std::nullopt;
}

}  // namespace apibench::loadgen

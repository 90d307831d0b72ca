// load_scenario: reads and checks a scenario file. Every check names the field it is
// about, so a bad file gets one line saying where and what.
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "loadgen/scenario.hpp"

namespace apibench::loadgen {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::size_t kMaxSequence = std::size_t{1} << 22;
constexpr std::size_t kMaxKeys = 1'000'000;
constexpr std::size_t kMaxValueBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxVariants = 1024;

struct FieldError : std::runtime_error {
  FieldError(const std::string& field, const std::string& reason) : std::runtime_error(field + ": " + reason) {}
};

// A JSON object and its dotted path in the file, for error messages.
struct Node {
  const json& value;
  std::string path;

  Node at(const std::string& key) const {
    const auto field = path.empty() ? key : path + "." + key;
    if (!value.is_object() || !value.contains(key)) throw FieldError(field, "missing");
    return {value.at(key), field};
  }
  bool has(const std::string& key) const { return value.contains(key); }
  [[noreturn]] void fail(const std::string& reason) const { throw FieldError(path.empty() ? "(top)" : path, reason); }

  void only(std::initializer_list<const char*> allowed) const {
    if (!value.is_object()) fail("must be an object");
    for (const auto& item : value.items()) {
      bool known = false;
      for (const char* a : allowed) known = known || item.key() == a;
      if (!known) at(item.key()).fail("unknown field");
    }
  }
  std::string text() const {
    if (!value.is_string()) fail("must be a string");
    return value.get<std::string>();
  }
  double number() const {
    if (!value.is_number()) fail("must be a number");
    return value.get<double>();
  }
  std::size_t whole(std::size_t low, std::size_t high) const {
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() < low || value.get<std::uint64_t>() > high) {
      fail("must be an integer in " + std::to_string(low) + ".." + std::to_string(high));
    }
    return static_cast<std::size_t>(value.get<std::uint64_t>());
  }
};

bool is_token(const std::string& s) {
  return !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
}
bool has_line_break(const std::string& s) { return s.find_first_of("\r\n") != std::string::npos; }

void check_placeholders(const Node& node, const std::string& text) {
  for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    if (text.compare(open, 5, "{key}") != 0) node.fail("unknown placeholder (only {key} is known)");
  }
}

std::string read_file(const Node& node, const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) node.fail("cannot read " + file.string());
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

BodySource parse_body(const Node& node, const fs::path& folder) {
  node.only({"text", "file", "orders", "random_bytes", "variants", "content_type"});
  BodySource body;
  int sources = 0;
  if (node.has("text")) {
    body = {BodySource::Kind::kText, node.at("text").text(), 0, 1, "application/json"};
    ++sources;
  }
  if (node.has("file")) {
    body = {BodySource::Kind::kFile, read_file(node.at("file"), folder / node.at("file").text()), 0, 1,
            "application/octet-stream"};
    ++sources;
  }
  if (node.has("orders")) {
    body = {BodySource::Kind::kOrders, "", node.at("orders").whole(1, 1000), 16, "application/json"};
    ++sources;
  }
  if (node.has("random_bytes")) {
    body = {BodySource::Kind::kRandomBytes, "", node.at("random_bytes").whole(1, kMaxValueBytes), 1,
            "application/octet-stream"};
    ++sources;
  }
  if (sources != 1) node.fail("needs exactly one of text, file, orders, random_bytes");
  if (node.has("variants")) body.variants = node.at("variants").whole(1, kMaxVariants);
  if (node.has("content_type")) body.content_type = node.at("content_type").text();
  if (has_line_break(body.content_type)) node.at("content_type").fail("must be one line");
  return body;
}

ScenarioRequest parse_request(const Node& node, const fs::path& folder) {
  node.only({"name", "method", "path", "headers", "body", "weight"});
  ScenarioRequest r;
  r.path = node.at("path").text();
  if (r.path.empty() || r.path.front() != '/' || r.path.find_first_of(" \t\r\n") != std::string::npos) {
    node.at("path").fail("must start with '/' and contain no white space");
  }
  check_placeholders(node.at("path"), r.path);
  r.name = node.has("name") ? node.at("name").text() : r.path;
  if (node.has("method")) r.method = node.at("method").text();
  if (!is_token(r.method)) node.at("method").fail("must be an upper-case method such as GET");
  if (node.has("headers")) {
    const Node headers = node.at("headers");
    if (!headers.value.is_array()) headers.fail("must be an array of \"Name: value\" strings");
    for (std::size_t i = 0; i < headers.value.size(); ++i) {
      const Node header{headers.value[i], headers.path + "[" + std::to_string(i) + "]"};
      const auto text = header.text();
      if (text.find(':') == std::string::npos || text.front() == ':' || has_line_break(text)) {
        header.fail("must be one \"Name: value\" line");
      }
      check_placeholders(header, text);
      r.headers.push_back(text);
    }
  }
  if (node.has("body")) r.body = parse_body(node.at("body"), folder);
  if (node.has("weight")) r.weight = node.at("weight").number();
  if (!std::isfinite(r.weight) || r.weight < 0) node.at("weight").fail("must be a number >= 0");
  return r;
}

KeySpace parse_keys(const Node& node) {
  node.only({"count", "distribution", "s", "prefix", "preload_value_bytes"});
  KeySpace keys;
  keys.count = node.at("count").whole(1, kMaxKeys);
  const auto distribution = node.has("distribution") ? node.at("distribution").text() : "uniform";
  if (distribution == "zipf") {
    keys.distribution = KeyDistributionKind::kZipf;
  } else if (distribution != "uniform") {
    node.at("distribution").fail("must be \"uniform\" or \"zipf\"");
  }
  if (node.has("s")) keys.zipf_s = node.at("s").number();
  if (!(keys.zipf_s > 0 && keys.zipf_s <= 10)) node.at("s").fail("must be a number in (0, 10]");
  if (node.has("prefix")) keys.prefix = node.at("prefix").text();
  const bool key_bytes = keys.prefix.find_first_not_of(
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-") == std::string::npos;
  if (!key_bytes || keys.prefix.size() > 200) node.at("prefix").fail("must be at most 200 bytes of [A-Za-z0-9._~-]");
  if (node.has("preload_value_bytes")) keys.preload_value_bytes = node.at("preload_value_bytes").whole(1, kMaxValueBytes);
  return keys;
}

Scenario parse_scenario(const Node& top, const fs::path& folder) {
  top.only({"schema", "name", "description", "seed", "sequence_length", "keys", "requests"});
  if (top.at("schema").text() != kScenarioSchema) top.at("schema").fail(std::string("must be \"") + kScenarioSchema + "\"");
  Scenario s;
  s.name = top.has("name") ? top.at("name").text() : "";
  s.description = top.has("description") ? top.at("description").text() : "";
  if (top.has("seed")) s.seed = top.at("seed").whole(0, SIZE_MAX);
  if (top.has("sequence_length")) s.sequence_length = top.at("sequence_length").whole(1, kMaxSequence);
  if (top.has("keys")) s.keys = parse_keys(top.at("keys"));
  const Node requests = top.at("requests");
  if (!requests.value.is_array() || requests.value.empty()) requests.fail("must be a non-empty array");
  double total_weight = 0;
  for (std::size_t i = 0; i < requests.value.size(); ++i) {
    const Node request{requests.value[i], "requests[" + std::to_string(i) + "]"};
    s.requests.push_back(parse_request(request, folder));
    if (s.requests.back().uses_key() && !s.keys) request.at("path").fail("uses {key} but the scenario has no \"keys\"");
    total_weight += s.requests.back().weight;
  }
  if (total_weight <= 0) requests.fail("weights must not all be zero");
  return s;
}

}  // namespace

bool ScenarioRequest::uses_key() const {
  bool used = path.find("{key}") != std::string::npos;
  for (const auto& h : headers) used = used || h.find("{key}") != std::string::npos;
  return used;
}

std::variant<Scenario, std::string> load_scenario(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return path.string() + ": cannot open the scenario file";
  const json document = json::parse(in, nullptr, false);
  if (document.is_discarded()) return path.string() + ": not valid JSON";
  try {
    return parse_scenario(Node{document, ""}, path.parent_path());
  } catch (const FieldError& e) {
    return path.string() + ": " + e.what();
  }
}

}  // namespace apibench::loadgen

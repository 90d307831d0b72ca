#include "tests/hostile/hostile_case.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "tests/hostile/generated_cases.hpp"

namespace apibench::hostile {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string case_bytes(const nlohmann::json& entry, const std::filesystem::path& dir) {
  if (entry.contains("file")) return read_file(dir / "corpus" / entry.at("file").get<std::string>());
  const auto name = entry.at("generate").get<std::string>();
  std::optional<std::string> bytes = generate_case(name);
  if (!bytes) throw std::runtime_error("cases.json names an unknown generator: " + name);
  return std::move(*bytes);
}

HostileCase parse_case(const nlohmann::json& entry, const std::filesystem::path& dir) {
  HostileCase c;
  c.name = entry.at("name").get<std::string>();
  c.bytes = case_bytes(entry, dir);
  const nlohmann::json& expect = entry.at("expect");
  if (expect.is_array()) {
    c.statuses = expect.get<std::vector<int>>();
    c.then_close = entry.value("close", false);
  } else if (expect != "close") {
    throw std::runtime_error(c.name + ": expect is a list of statuses or \"close\"");
  }
  if (entry.contains("error")) c.error = entry.at("error").get<std::string>();
  c.half_close = entry.value("half_close", false);
  if (entry.contains("or_expect")) c.or_statuses = entry.at("or_expect").get<std::vector<int>>();
  return c;
}

}  // namespace

std::vector<HostileCase> load_cases(const std::filesystem::path& dir) {
  const auto index = nlohmann::json::parse(read_file(dir / "cases.json"));
  std::vector<HostileCase> cases;
  for (const auto& entry : index.at("cases")) {
    try {
      cases.push_back(parse_case(entry, dir));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error("cases.json: " + entry.dump() + ": " + e.what());
    }
  }
  return cases;
}

HostileCase alternative(const HostileCase& c) {
  HostileCase other;
  other.name = c.name;
  other.statuses = c.or_statuses;
  return other;
}

std::string describe_expectation(const HostileCase& c) {
  if (c.statuses.empty()) return "close";
  std::string text;
  for (int status : c.statuses) text += (text.empty() ? "" : ", ") + std::to_string(status);
  if (c.error) text += " {\"error\":\"" + *c.error + "\"}";
  if (c.then_close) text += " then close";
  if (!c.or_statuses.empty()) text += " (or " + describe_expectation(alternative(c)) + ")";
  return text;
}

}  // namespace apibench::hostile

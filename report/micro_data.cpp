#include "report/micro_data.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace apibench::report {
namespace fs = std::filesystem;
namespace {

double to_ns(double value, const std::string& unit) {
  if (unit == "us") return value * 1e3;
  if (unit == "ms") return value * 1e6;
  if (unit == "s") return value * 1e9;
  return value;  // "ns"
}

std::optional<double> number_field(const nlohmann::json& entry, const char* name) {
  auto it = entry.find(name);
  if (it == entry.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string text_of(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// The row of one benchmark, created in the order the file first names it.
MicroRow& row_for(MicroTopic& topic, const std::string& name) {
  auto it = std::find_if(topic.rows.begin(), topic.rows.end(), [&](const MicroRow& r) { return r.name == name; });
  if (it != topic.rows.end()) return *it;
  topic.rows.push_back(MicroRow{name, 0, std::nullopt, std::nullopt, std::nullopt, std::nullopt, 1, ""});
  return topic.rows.back();
}

void take_values(MicroRow& row, const nlohmann::json& entry) {
  row.median_ns = to_ns(entry.value("real_time", 0.0), entry.value("time_unit", std::string("ns")));
  row.allocs_per_op = number_field(entry, "allocs_per_op");
  row.bytes_per_second = number_field(entry, "bytes_per_second");
  row.items_per_second = number_field(entry, "items_per_second");
}

// Applies one entry of "benchmarks": an iteration run, or an aggregate of the repetitions.
void apply_entry(MicroTopic& topic, const nlohmann::json& entry) {
  const std::string name = entry.value("run_name", entry.value("name", std::string()));
  if (name.empty()) return;
  MicroRow& row = row_for(topic, name);
  if (entry.value("error_occurred", false)) row.error = entry.value("error_message", std::string("error"));
  const std::string aggregate = entry.value("aggregate_name", std::string());
  if (entry.value("run_type", std::string()) != "aggregate") {
    if (row.cv_percent || row.repetitions > 1) return;  // aggregates, when present, win
    take_values(row, entry);
  } else if (aggregate == "median") {
    take_values(row, entry);
    row.repetitions = entry.value("repetitions", 1);
  } else if (aggregate == "cv") {
    row.cv_percent = entry.value("real_time", 0.0) * 100;  // Google Benchmark writes cv as a fraction
  }
}

}  // namespace

bool is_micro_folder(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir / "run.json", ec) || !fs::is_directory(dir / "micro", ec)) return false;
  for (const auto& file : fs::directory_iterator(dir / "micro", ec)) {
    if (file.path().extension() == ".json") return true;
  }
  return false;
}

nlohmann::json parse_google_benchmark_json(const std::string& text) {
  // Only in value position (after a colon), so a name that contains "nan" is left alone.
  static const std::regex non_finite(R"((:\s*)-?(nan|NaN|inf|Infinity)\b)");
  return nlohmann::json::parse(std::regex_replace(text, non_finite, "$1null"), nullptr,
                               /*allow_exceptions=*/false);
}

MicroTopic parse_micro_topic(const nlohmann::json& doc, const std::string& program) {
  if (!doc.is_object() || !doc.contains("benchmarks") || !doc["benchmarks"].is_array()) {
    throw std::runtime_error(program + ": not Google Benchmark's JSON (no \"benchmarks\" array)");
  }
  MicroTopic topic;
  topic.topic = program.rfind("bm_", 0) == 0 ? program.substr(3) : program;
  const nlohmann::json context = doc.value("context", nlohmann::json::object());
  for (const auto& [key, value] : context.items()) topic.context[key] = text_of(value);
  for (const auto& entry : doc["benchmarks"]) {
    if (entry.is_object()) apply_entry(topic, entry);
  }
  return topic;
}

MicroRun load_micro_run(const fs::path& dir) {
  MicroRun run{dir, {}, {}};
  std::vector<fs::path> files;
  for (const auto& file : fs::directory_iterator(dir / "micro")) {
    // An empty file is a program whose --benchmark_filter matched nothing.
    if (file.path().extension() == ".json" && file.file_size() > 0) files.push_back(file.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json doc = parse_google_benchmark_json(text.str());
    if (doc.is_discarded()) throw std::runtime_error(file.string() + ": not valid JSON");
    run.topics.push_back(parse_micro_topic(doc, file.stem().string()));
  }
  if (std::ifstream load(dir / "load.txt"); load) {
    std::ostringstream text;
    text << load.rdbuf();
    run.load_note = text.str();
    while (!run.load_note.empty() && run.load_note.back() == '\n') run.load_note.pop_back();
  }
  return run;
}

}  // namespace apibench::report

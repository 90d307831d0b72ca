#include "loadgen/load_outputs.hpp"

#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "histogram/hgrm.hpp"
#include "loadgen/csv_output.hpp"
#include "loadgen/result_json.hpp"

namespace apibench::loadgen {
namespace {

bool report(const std::optional<std::string>& error) {
  if (error) fmt::print(stderr, "apibench load: error: {}\n", *error);
  return !error;
}

std::optional<std::string> write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  out.close();
  if (!out) return "cannot write " + path;
  return std::nullopt;
}

// The service-time file sits next to the corrected one: run.hgrm -> run.service.hgrm.
std::string service_hgrm_path(const std::string& path) {
  const auto dot = path.rfind(".hgrm");
  return dot != std::string::npos && dot + 5 == path.size() ? path.substr(0, dot) + ".service.hgrm"
                                                             : path + ".service.hgrm";
}

}  // namespace

bool write_outputs(const OutputPaths& paths, const LoadSpec& spec, const LoadResult& result) {
  bool ok = true;
  if (!paths.json.empty()) ok = report(write_load_json(paths.json, spec, result)) && ok;
  if (!paths.csv.empty()) ok = report(write_load_csv(paths.csv, result)) && ok;
  if (!paths.hgrm.empty()) {
    ok = report(write_text(paths.hgrm, to_hgrm(result.latency))) && ok;
    if (result.open_loop) ok = report(write_text(service_hgrm_path(paths.hgrm), to_hgrm(result.service_time))) && ok;
  }
  return ok;
}

}  // namespace apibench::loadgen

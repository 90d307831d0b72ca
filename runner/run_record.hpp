#pragma once
// run.json while a run goes: the header written once, the cells rewritten
// after each one, always through a temporary file and a rename, so a crash,
// Ctrl-C or a full disk leaves the last good run.json, never half of one.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/cell.hpp"

namespace apibench::runner {

class RunRecord {
 public:
  RunRecord(std::filesystem::path dir, nlohmann::json header) : dir_(std::move(dir)), doc_(std::move(header)) {}

  // incomplete_reason empty: the run so far, or complete when it is the last
  // save of a run that went to the end. Throws std::runtime_error when the
  // file cannot be written.
  void save(const std::vector<CellResult>& cells, const std::string& incomplete_reason, bool last = false);

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  nlohmann::json doc_;
};

}  // namespace apibench::runner

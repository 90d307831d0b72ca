#include "runner/run_record.hpp"

#include "runner/results.hpp"

namespace apibench::runner {

void RunRecord::save(const std::vector<CellResult>& cells, const std::string& incomplete_reason, bool last) {
  doc_["complete"] = last && incomplete_reason.empty();
  if (incomplete_reason.empty()) doc_.erase("incomplete_reason");
  else doc_["incomplete_reason"] = incomplete_reason;
  doc_["finished"] = utc_timestamp();
  doc_["cells"] = nlohmann::json::array();
  for (const auto& c : cells) doc_["cells"].push_back(to_json(c));
  write_file_atomically(dir_ / "run.json", doc_.dump(2) + "\n");
}

}  // namespace apibench::runner

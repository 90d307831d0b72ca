#include "reproduce/loc_count.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <string>

namespace apibench::reproduce {
namespace fs = std::filesystem;
namespace {

bool is_source(const fs::path& p) {
  static constexpr std::array<const char*, 6> kExtensions = {".cpp", ".cc", ".hpp", ".h", ".go", ".rs"};
  const std::string ext = p.extension().string();
  const std::string name = p.filename().string();
  if (name.size() > 8 && name.ends_with("_test.go")) return false;
  return std::any_of(kExtensions.begin(), kExtensions.end(), [&](const char* e) { return ext == e; });
}

bool skipped_folder(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "tests" || name == "test" || name == "target" || name == "build" || name.starts_with(".");
}

std::uint64_t non_blank_lines(const fs::path& file) {
  std::ifstream in(file);
  std::uint64_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
  }
  return n;
}

}  // namespace

LocCount count_lines_of_code(const std::vector<fs::path>& dirs) {
  LocCount count;
  for (const auto& dir : dirs) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_directory() && skipped_folder(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && is_source(it->path())) {
        count.lines += non_blank_lines(it->path());
        ++count.files;
      }
    }
  }
  return count;
}

}  // namespace apibench::reproduce

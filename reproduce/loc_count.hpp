#pragma once
// Lines of code as a proxy for development effort (labelled as one wherever shown):
// non-blank lines of the source files under some folders, tests and build output left out.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace apibench::reproduce {

struct LocCount {
  std::uint64_t lines = 0;  // non-blank lines, comments included
  std::uint64_t files = 0;
};

// Sources: .cpp .cc .hpp .h .go .rs. Skipped: folders named tests, test, target,
// build, and Go test files (*_test.go). A missing folder counts nothing.
LocCount count_lines_of_code(const std::vector<std::filesystem::path>& dirs);

}  // namespace apibench::reproduce

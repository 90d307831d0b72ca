// `apibench compare A B`: where the runs are, and where the comparison is written.
#include <fmt/format.h>

#include <stdexcept>

#include "report/compare.hpp"
#include "runner/results.hpp"

namespace apibench::report {
namespace fs = std::filesystem;

fs::path resolve_run_path(const std::string& arg, const fs::path& source_dir) {
  if (arg == "reference") return source_dir / "results" / "reference";
  const fs::path given = arg;
  if (given.is_relative() && !fs::exists(given) && fs::exists(source_dir / given)) return source_dir / given;
  return given;
}

namespace {

// "compare-<name of A's folder>"
std::string output_stem(const fs::path& a) {
  fs::path dir = (fs::is_directory(a) ? a : a.parent_path()).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "results/reference/" ends in an empty name
  return "compare-" + (dir.filename().empty() ? std::string("run") : dir.filename().string());
}

RunData load_side(const fs::path& run) {
  if (!fs::exists(run) && run.filename() == "reference") {
    throw std::runtime_error(run.string() + " does not exist: the reference run is committed with the repository as "
                             "results/reference/; this checkout has none yet");
  }
  return load_run(run);
}

}  // namespace

int compare_command(const fs::path& a, const fs::path& b) {
  Comparison c;
  try {
    c = compare_runs(load_side(a), load_side(b), a.string(), b.string());
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench compare: {}\n", e.what());
    return 2;
  }
  fmt::print("{}", format_comparison(c));
  const fs::path out_dir = fs::is_directory(b) ? b : b.parent_path();
  const std::string stem = output_stem(a);
  try {
    runner::write_file_atomically(out_dir / (stem + ".md"), format_comparison_markdown(c));
    runner::write_file_atomically(out_dir / (stem + ".json"), to_json(c).dump(2) + "\n");
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench compare: {}\n", e.what());
    return 1;
  }
  fmt::print("\nwritten: {}.md and .json in {}\n", stem, out_dir.string());
  return 0;
}

}  // namespace apibench::report

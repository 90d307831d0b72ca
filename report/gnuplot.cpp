#include "report/gnuplot.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "report/subprocess.hpp"

namespace apibench::report {
namespace fs = std::filesystem;
namespace {

constexpr std::chrono::seconds kGnuplotTimeLimit{30};

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string first_line(const std::string& text) {
  std::size_t start = text.find_first_not_of("\r\n \t");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find('\n', start) - start);
}

std::string failure_text(const ProgramResult& r) {
  if (r.timed_out) return "gnuplot did not finish within 30 s";
  std::string detail = first_line(r.errors);
  const std::string what = r.exit_code < 0 ? "gnuplot was killed" : fmt::format("gnuplot exited with status {}", r.exit_code);
  return detail.empty() ? what : fmt::format("{}: {}", what, detail);
}

}  // namespace

SvgDrawing run_gnuplot(const GnuplotJob& job) {
  SvgDrawing drawing;
  try {
    TempDir dir("apibench-chart");
    write_text(dir.path() / kChartDataFile, job.data);
    write_text(dir.path() / "chart.gp", job.script);
    // The script names its files relative to its directory; gnuplot's own `cd` gets it there.
    ProgramResult r = run_program({"gnuplot", "-e", fmt::format("cd {}", gnuplot_quote(dir.path().string())),
                                   (dir.path() / "chart.gp").string()},
                                  dir.path(), kGnuplotTimeLimit);
    if (!r.started) {
      drawing.gnuplot_missing = true;
      drawing.error = "gnuplot is not installed (" + r.errors + "): charts need gnuplot, run scripts/setup.sh";
    } else if (!r.succeeded()) {
      drawing.error = failure_text(r);
    } else {
      drawing.svg = read_text(dir.path() / kChartSvgFile);
      if (drawing.svg.find("<svg") == std::string::npos) drawing.error = "gnuplot wrote no SVG";
    }
  } catch (const std::exception& e) {
    drawing.error = e.what();
  }
  if (!drawing.error.empty()) drawing.svg.clear();
  return drawing;
}

}  // namespace apibench::report

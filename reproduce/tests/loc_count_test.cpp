#include <gtest/gtest.h>

#include <fstream>

#include "report/subprocess.hpp"
#include "reproduce/loc_count.hpp"

namespace rp = apibench::reproduce;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace

TEST(LocCount, CountsNonBlankSourceLinesAndSkipsTestsAndBuildOutput) {
  apibench::report::TempDir dir("reproduce-loc");
  const fs::path root = dir.path();
  write(root / "server.cpp", "int main() {\n\n  return 0;\n}\n   \n");         // 3
  write(root / "src/handler.hpp", "#pragma once\n// why\nvoid f();\n");       // 3
  write(root / "main.go", "package main\n\nfunc main() {}\n");               // 2
  write(root / "src/lib.rs", "fn main() {}\r\n\r\n");                        // 1
  write(root / "main_test.go", "package main\nfunc TestX() {}\n");           // skipped: a Go test
  write(root / "tests/server_test.cpp", "int x;\nint y;\n");                 // skipped: tests/
  write(root / "target/release/gen.rs", "fn x() {}\n");                      // skipped: cargo output
  write(root / "README.md", "# text\n");                                     // skipped: not source
  const rp::LocCount count = rp::count_lines_of_code({root});
  EXPECT_EQ(count.lines, 9u);
  EXPECT_EQ(count.files, 4u);
}

TEST(LocCount, SeveralFoldersAddUpAndMissingOnesCountNothing) {
  apibench::report::TempDir dir("reproduce-loc");
  write(dir.path() / "a/x.go", "a\nb\n");
  write(dir.path() / "b/y.go", "c\n");
  const rp::LocCount count = rp::count_lines_of_code({dir.path() / "a", dir.path() / "b", dir.path() / "absent"});
  EXPECT_EQ(count.lines, 3u);
  EXPECT_EQ(count.files, 2u);
}

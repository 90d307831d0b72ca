#include "runner/progress.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace ar = apibench::runner;
using ar::Millis;

namespace {

std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  for (int c; (c = std::fgetc(f)) != EOF;) s.push_back(static_cast<char>(c));
  return s;
}

}  // namespace

TEST(Progress, TimeLeftCountsCellsNotStartedAndWhatIsLeftOfTheRunningOne) {
  std::vector<Millis> nominal{Millis{4000}, Millis{0}, Millis{4000}, Millis{4000}};
  // Running the first for 1 s, with 1 s of start/stop per cell; the skipped one costs nothing.
  EXPECT_EQ(ar::estimate_time_left(nominal, 0, Millis{1000}, Millis{1000}), Millis{4000 + 5000 + 5000});
  // Past its nominal time the running cell counts as done, not negative.
  EXPECT_EQ(ar::estimate_time_left(nominal, 3, Millis{9000}, Millis{1000}), Millis{0});
}

TEST(Progress, TimeLeftCountsARunningGroupAsOne) {
  std::vector<Millis> nominal{Millis{4000}, Millis{4000}, Millis{0}, Millis{4000}};
  // The first three run side by side (one is skipped) for 3 s: 2 x (4 + 1) s - 3 s left of them, then the last.
  EXPECT_EQ(ar::estimate_time_left(nominal, 0, Millis{3000}, Millis{1000}, 3), Millis{7000 + 5000});
  EXPECT_EQ(ar::estimate_time_left(nominal, 0, Millis{20000}, Millis{1000}, 3), Millis{5000});
}

TEST(Progress, AGroupPrintsOneNumberedLinePerCell) {
  std::FILE* lines = std::tmpfile();
  {
    ar::Progress p({Millis{10}, Millis{10}, Millis{10}}, false, lines, lines);
    p.start_cell(0, "idle");
    p.finish_cell("idle: done");
    p.start_cells(1, 2, "json c=1, 2 servers side by side");
    p.relabel("b json c=1, round 1 of 3");
    p.finish_cells({"a json c=1: 10 requests/s", "b json c=1: 20 requests/s"});
  }
  EXPECT_EQ(contents(lines), "[1/3] idle: done\n[2/3] a json c=1: 10 requests/s\n[3/3] b json c=1: 20 requests/s\n");
  std::fclose(lines);
}

TEST(Progress, ClockFormat) {
  EXPECT_EQ(ar::format_clock(Millis{65'000}), "1:05");
  EXPECT_EQ(ar::format_clock(Millis{3'723'000}), "1:02:03");
  EXPECT_EQ(ar::format_clock(Millis{-5}), "0:00");
}

TEST(Progress, PlainOutputIsOneLinePerFinishedCellAndNoStatusLine) {
  std::FILE* status = std::tmpfile();
  std::FILE* lines = std::tmpfile();
  {
    ar::Progress p({Millis{100}, Millis{100}}, /*interactive=*/false, status, lines);
    p.start_cell(0, "a json c=1");
    p.finish_cell("a json c=1: 10 requests/s");
    p.start_cell(1, "b json c=1");
    p.finish_cell("b json c=1: FAILED: why");
  }
  EXPECT_EQ(contents(lines), "[1/2] a json c=1: 10 requests/s\n[2/2] b json c=1: FAILED: why\n");
  EXPECT_EQ(contents(status), "");
  std::fclose(status);
  std::fclose(lines);
}

TEST(Progress, OnATerminalTheStatusLineNamesTheCellAndIsRedrawnInPlace) {
  std::FILE* tty = std::tmpfile();
  {
    ar::Progress p({Millis{100}, Millis{100}, Millis{100}}, /*interactive=*/true, tty, tty);
    p.start_cell(1, "rust-style json c=64");
    std::string line = p.status_line();
    EXPECT_NE(line.find("cell 2 of 3: rust-style json c=64"), std::string::npos) << line;
    EXPECT_NE(line.find("elapsed 0:00"), std::string::npos) << line;
    EXPECT_NE(line.find("left"), std::string::npos) << line;
    p.finish_cell("rust-style json c=64: 1 requests/s");
  }
  std::string out = contents(tty);
  EXPECT_NE(out.find("\r\x1b[2Kcell 2 of 3"), std::string::npos);
  EXPECT_NE(out.find("\r\x1b[2K[2/3] rust-style json c=64: 1 requests/s\n"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 5), "\r\x1b[2K");  // the status line is cleared at the end
  std::fclose(tty);
}

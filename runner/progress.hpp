#pragma once
// What a running suite shows. On a terminal: a status line (the cell running,
// k of N, elapsed, an estimate of what is left) redrawn every second, with
// each finished cell's headline numbers printed above it. Elsewhere: one plain
// line per finished cell, nothing redrawn.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace apibench::runner {

using Millis = std::chrono::milliseconds;

// Time left in a suite: the nominal time (warm-up + repetitions x duration) of
// the cells not started, what is left of the running ones' (a group of
// running_count cells from running, measured side by side), and the
// start/stop overhead per cell that runs. A nominal time of zero marks a cell
// that will be skipped.
Millis estimate_time_left(const std::vector<Millis>& nominal, std::size_t running, Millis running_elapsed,
                          Millis overhead_per_cell, std::size_t running_count = 1);

// "1:05", "1:02:03"
std::string format_clock(Millis t);

class Progress {
 public:
  // nominal: one entry per cell, in the order they run. interactive: redraw a
  // status line on status_out (a terminal); otherwise print plain lines.
  Progress(std::vector<Millis> nominal, bool interactive, std::FILE* status_out, std::FILE* lines_out);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  void start_cell(std::size_t index, std::string label) { start_cells(index, 1, std::move(label)); }
  // Prints "[k/N] <line>" and learns the cell's overhead over its nominal time.
  void finish_cell(const std::string& line) { finish_cells({line}); }
  // A group of count cells from first that run side by side (runner/cell_group.hpp).
  void start_cells(std::size_t first, std::size_t count, std::string label);
  // The running group's status label, as its turns go.
  void relabel(std::string label);
  // One line per cell of the running group, in order.
  void finish_cells(const std::vector<std::string>& lines);
  // Prints a line of its own (a warning) without tearing the status line.
  void note(const std::string& line);

  // The status line as it would be drawn now; exposed for tests.
  std::string status_line();

 private:
  using Clock = std::chrono::steady_clock;
  void redraw_locked();
  void clear_locked();
  std::string status_line_locked(Clock::time_point now) const;
  void tick();

  std::vector<Millis> nominal_;
  bool interactive_;
  std::FILE* status_out_;
  std::FILE* lines_out_;
  Clock::time_point suite_start_ = Clock::now();
  Clock::time_point cell_start_ = suite_start_;
  std::size_t running_ = 0;
  std::size_t running_count_ = 1;
  std::string label_;
  Millis overhead_total_{0};
  unsigned cells_timed_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread ticker_;
};

}  // namespace apibench::runner

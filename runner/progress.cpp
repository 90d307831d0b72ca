#include "runner/progress.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace apibench::runner {
namespace {

// Before any cell has finished: a server start, its ready line and its stop.
constexpr Millis kFirstOverheadGuess{1000};

Millis since(std::chrono::steady_clock::time_point start, std::chrono::steady_clock::time_point now) {
  return std::chrono::duration_cast<Millis>(now - start);
}

}  // namespace

Millis estimate_time_left(const std::vector<Millis>& nominal, std::size_t running, Millis running_elapsed,
                          Millis overhead_per_cell, std::size_t running_count) {
  const std::size_t next = std::min(nominal.size(), running + running_count);
  Millis left{0};
  for (std::size_t i = next; i < nominal.size(); ++i) {
    if (nominal[i].count() > 0) left += nominal[i] + overhead_per_cell;
  }
  Millis group{0};
  for (std::size_t i = running; i < next; ++i) {
    if (nominal[i].count() > 0) group += nominal[i] + overhead_per_cell;
  }
  return left + std::max(Millis{0}, group - running_elapsed);
}

std::string format_clock(Millis t) {
  auto s = std::max<long long>(0, std::chrono::duration_cast<std::chrono::seconds>(t).count());
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

Progress::Progress(std::vector<Millis> nominal, bool interactive, std::FILE* status_out, std::FILE* lines_out)
    : nominal_(std::move(nominal)), interactive_(interactive), status_out_(status_out), lines_out_(lines_out) {
  if (interactive_) ticker_ = std::thread([this] { tick(); });
}

Progress::~Progress() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
    clear_locked();
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void Progress::start_cells(std::size_t first, std::size_t count, std::string label) {
  std::lock_guard lock(mutex_);
  running_ = first;
  running_count_ = std::max<std::size_t>(1, count);
  label_ = std::move(label);
  cell_start_ = Clock::now();
  redraw_locked();
}

void Progress::relabel(std::string label) {
  std::lock_guard lock(mutex_);
  label_ = std::move(label);
  redraw_locked();
}

void Progress::finish_cells(const std::vector<std::string>& lines) {
  std::lock_guard lock(mutex_);
  Millis took = since(cell_start_, Clock::now());
  Millis nominal{0};
  unsigned timed = 0;
  for (std::size_t i = running_; i < std::min(nominal_.size(), running_ + running_count_); ++i) {
    if (nominal_[i].count() > 0) {
      nominal += nominal_[i];
      ++timed;
    }
  }
  if (timed > 0) {
    overhead_total_ += std::max(Millis{0}, took - nominal);
    cells_timed_ += timed;
  }
  clear_locked();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    fmt::print(lines_out_, "[{}/{}] {}\n", running_ + k + 1, nominal_.size(), lines[k]);
  }
  std::fflush(lines_out_);
  label_.clear();  // no status line between cells: it would name the one just finished
}

void Progress::note(const std::string& line) {
  std::lock_guard lock(mutex_);
  clear_locked();
  fmt::print(lines_out_, "{}\n", line);
  std::fflush(lines_out_);
  redraw_locked();
}

std::string Progress::status_line() {
  std::lock_guard lock(mutex_);
  return status_line_locked(Clock::now());
}

std::string Progress::status_line_locked(Clock::time_point now) const {
  Millis overhead = cells_timed_ ? overhead_total_ / cells_timed_ : kFirstOverheadGuess;
  Millis left = estimate_time_left(nominal_, running_, since(cell_start_, now), overhead, running_count_);
  std::string cells = running_count_ > 1 ? fmt::format("cells {}-{}", running_ + 1, running_ + running_count_)
                                         : fmt::format("cell {}", running_ + 1);
  return fmt::format("{} of {}: {} | elapsed {} | about {} left", cells, nominal_.size(), label_,
                     format_clock(since(suite_start_, now)), format_clock(left));
}

// \r and "erase line" redraw in place; only on a terminal.
void Progress::redraw_locked() {
  if (!interactive_ || done_ || label_.empty()) return;
  fmt::print(status_out_, "\r\x1b[2K{}", status_line_locked(Clock::now()));
  std::fflush(status_out_);
}

void Progress::clear_locked() {
  if (!interactive_) return;
  fmt::print(status_out_, "\r\x1b[2K");
  std::fflush(status_out_);
}

void Progress::tick() {
  std::unique_lock lock(mutex_);
  while (!done_) {
    wake_.wait_for(lock, std::chrono::seconds(1));
    redraw_locked();
  }
}

}  // namespace apibench::runner

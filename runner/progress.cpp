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
                          Millis overhead_per_cell) {
  Millis left{0};
  for (std::size_t i = running + 1; i < nominal.size(); ++i) {
    if (nominal[i].count() > 0) left += nominal[i] + overhead_per_cell;
  }
  if (running < nominal.size() && nominal[running].count() > 0) {
    left += std::max(Millis{0}, nominal[running] + overhead_per_cell - running_elapsed);
  }
  return left;
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

void Progress::start_cell(std::size_t index, std::string label) {
  std::lock_guard lock(mutex_);
  running_ = index;
  label_ = std::move(label);
  cell_start_ = Clock::now();
  redraw_locked();
}

void Progress::finish_cell(const std::string& line) {
  std::lock_guard lock(mutex_);
  Millis took = since(cell_start_, Clock::now());
  if (running_ < nominal_.size() && nominal_[running_].count() > 0) {
    overhead_total_ += std::max(Millis{0}, took - nominal_[running_]);
    ++cells_timed_;
  }
  clear_locked();
  fmt::print(lines_out_, "[{}/{}] {}\n", running_ + 1, nominal_.size(), line);
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
  Millis left = estimate_time_left(nominal_, running_, since(cell_start_, now), overhead);
  return fmt::format("cell {} of {}: {} | elapsed {} | about {} left", running_ + 1, nominal_.size(), label_,
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

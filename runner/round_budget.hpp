#pragma once
// The time a run may spend on rounds added for evidence (runner/evidence.hpp):
// what the budget leaves after the time spent and the planned time of the cells
// to come, shared among those cells by their planned time, so a group takes its
// part of the spare time and leaves the rest to the groups after it.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "runner/cell_group.hpp"

namespace apibench::runner {

class AddedRoundBudget {
 public:
  // nominal: each planned cell's time (nominal_times), zero for a skipped one.
  AddedRoundBudget(std::vector<std::chrono::milliseconds> nominal, unsigned max_repetitions,
                   std::optional<std::chrono::milliseconds> budget);

  // Said before the first cell when the planned cells alone need more than the budget.
  std::optional<std::string> warning() const;
  // The rounds the group of cells [first, end) may add, asked as it starts.
  AddedRounds for_group(std::size_t first, std::size_t end) const;

 private:
  // A cell's planned time with its server's start, ready line and stop.
  std::chrono::milliseconds planned(std::size_t cell) const;

  std::vector<std::chrono::milliseconds> nominal_;
  unsigned max_repetitions_;
  std::optional<std::chrono::milliseconds> budget_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace apibench::runner

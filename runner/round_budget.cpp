#include "runner/round_budget.hpp"

#include <fmt/format.h>

namespace apibench::runner {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kStartStopGuess{1000};  // a server's start, ready line and stop

}  // namespace

AddedRoundBudget::AddedRoundBudget(std::vector<milliseconds> nominal, unsigned max_repetitions,
                                   std::optional<milliseconds> budget)
    : nominal_(std::move(nominal)), max_repetitions_(max_repetitions), budget_(budget) {}

milliseconds AddedRoundBudget::planned(std::size_t cell) const {
  return nominal_[cell].count() > 0 ? nominal_[cell] + kStartStopGuess : milliseconds{0};
}

std::optional<std::string> AddedRoundBudget::warning() const {
  if (!budget_) return std::nullopt;
  milliseconds total{0};
  for (std::size_t i = 0; i < nominal_.size(); ++i) total += planned(i);
  if (total <= *budget_) return std::nullopt;
  return fmt::format("the planned cells take about {} s, more than the time budget of {} s: no round will be added "
                     "for evidence, and undecided pairs stay inconclusive",
                     total.count() / 1000, budget_->count() / 1000);
}

AddedRounds AddedRoundBudget::for_group(std::size_t first, std::size_t end) const {
  AddedRounds added{max_repetitions_, milliseconds::max()};
  if (!budget_) return added;
  milliseconds group{0}, rest{0};
  for (std::size_t i = first; i < nominal_.size(); ++i) (i < end ? group : rest) += planned(i);
  const auto spent = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start_);
  const milliseconds spare = *budget_ - spent - group - rest;
  added.allowance = spare.count() > 0 && group.count() > 0
                        ? milliseconds(spare.count() * group.count() / (group + rest).count())
                        : milliseconds{0};
  return added;
}

}  // namespace apibench::runner

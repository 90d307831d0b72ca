#include "deadline_sweeper.hpp"

namespace apibench::rust_style {
namespace {

void cancel(boost::asio::ip::tcp::socket& socket) noexcept {
  boost::system::error_code ignored;
  socket.cancel(ignored);
}

}  // namespace

DeadlineSweeper::DeadlineSweeper(boost::asio::io_context& io, std::chrono::milliseconds tick)
    : executor_(io.get_executor()), timer_(io), tick_(tick), now_(Clock::now()) {}

bool DeadlineSweeper::sweep_slice() noexcept {
  now_ = Clock::now();
  for (int budget = kSliceBudget; budget > 0 && !unswept_.empty(); --budget) {
    ConnectionWatch& w = unswept_.front();
    unswept_.pop_front();
    swept_.push_back(w);
    if (w.deadline_ <= now_) {
      cancel(w.socket_);
      w.clear();
      budget -= kCancelCost - 1;
    }
  }
  return !unswept_.empty();
}

// Once, at shutdown, so it looks at every watch in one go.
void DeadlineSweeper::close_idle() noexcept {
  for (WatchList* list : {&unswept_, &swept_}) {
    for (ConnectionWatch& w : *list) {
      if (w.idle_) {
        cancel(w.socket_);
        w.clear();
      }
    }
  }
}

}  // namespace apibench::rust_style

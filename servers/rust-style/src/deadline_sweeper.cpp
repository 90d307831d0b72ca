#include "deadline_sweeper.hpp"

namespace apibench::rust_style {

DeadlineSweeper::DeadlineSweeper(boost::asio::io_context& io, std::chrono::milliseconds tick)
    : timer_(io), tick_(tick), now_(Clock::now()) {}

void DeadlineSweeper::sweep() noexcept {
  now_ = Clock::now();
  for (ConnectionWatch& w : watches_) {
    if (w.deadline_ <= now_) {
      boost::system::error_code ignored;
      w.socket_.cancel(ignored);
      w.clear();
    }
  }
}

void DeadlineSweeper::close_idle() noexcept {
  for (ConnectionWatch& w : watches_) {
    if (w.idle_) {
      boost::system::error_code ignored;
      w.socket_.cancel(ignored);
      w.clear();
    }
  }
}

}  // namespace apibench::rust_style

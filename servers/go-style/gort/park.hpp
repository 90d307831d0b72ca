#pragma once
// Parking: how a task (or a plain OS thread) waits for another party to wake it,
// without blocking the worker thread the task runs on (Go's gopark / goready).
#include <functional>
#include <future>
#include <memory>
#include <utility>

#include <boost/asio/post.hpp>

#include "gort/task.hpp"

namespace gort {

// The one-shot handle that resumes a parked waiter. Whoever holds it calls wake()
// exactly once, after releasing any lock that guards the waiter's state.
class Waker {
 public:
  Waker() = default;
  explicit Waker(std::function<void()> resume) : resume_(std::move(resume)) {}

  void wake() {
    auto resume = std::move(resume_);
    resume_ = nullptr;
    if (resume) resume();
  }

 private:
  std::function<void()> resume_;
};

// Parks the task until the Waker handed to register_waker is woken. register_waker
// runs before the task suspends; waking may happen at once, from any thread: the
// resumption is posted to the task's strand, so it runs only after the task has
// really suspended. The waker keeps the runtime's work count up while parked, so
// the runtime never mistakes a parked task for a finished one.
template <class Register>
void park(Yield yield, Register&& register_waker) {
  asio::async_initiate<Yield, void()>(
      [&register_waker](auto handler) {
        using Handler = decltype(handler);
        auto work = asio::make_work_guard(asio::get_associated_executor(handler));
        auto shared = std::make_shared<Handler>(std::move(handler));
        register_waker(Waker([shared, work]() mutable {
          asio::post(std::move(*shared));
          work.reset();
        }));
      },
      yield);
}

// The same for a plain OS thread (a blocking-pool thread), which has no strand to
// post to: it blocks on a future instead.
template <class Register>
void park_thread(Register&& register_waker) {
  auto promise = std::make_shared<std::promise<void>>();
  std::future<void> woken = promise->get_future();
  register_waker(Waker([promise] { promise->set_value(); }));
  woken.wait();
}

}  // namespace gort

namespace gort {

// Go's runtime.Gosched(): lets the other runnable tasks go first.
inline void yield_now(Yield yield) { asio::post(yield); }

}  // namespace gort

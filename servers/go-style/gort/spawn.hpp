#pragma once
// gort::spawn: asio::spawn with a stack allocator. Boost 1.74's asio::spawn
// takes only boost::coroutines::attributes and always gets its stack from
// Boost.Coroutine's standard_stack_allocator (malloc); the coroutine type it
// runs on takes any StackAllocator, but spawn offers no way to pass one. This
// is spawn's own helper (asio/impl/spawn.hpp, spawn_helper) with that one
// difference; the task body, the yield_context and the completion are asio's
// own (detail::spawn_data, detail::coro_entry_point), so a task started here
// parks and resumes exactly as one started by asio::spawn.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/spawn.hpp>
#include <boost/version.hpp>
#include <memory>
#include <utility>

static_assert(BOOST_VERSION / 100 == 1074,
              "gort::spawn reuses Boost 1.74's asio::spawn internals; Boost 1.80+ takes a stack allocator itself");

namespace gort {

template <class Handler, class Function, class StackAllocator>
class SpawnWithStack {
 public:
  using executor_type = typename boost::asio::associated_executor<Handler>::type;

  SpawnWithStack(Handler handler, Function function, boost::coroutines::attributes attributes,
                 StackAllocator allocator)
      : data_(std::make_shared<Data>(std::move(handler), true, std::move(function))),
        attributes_(attributes),
        allocator_(allocator) {}

  executor_type get_executor() const noexcept { return boost::asio::get_associated_executor(data_->handler_); }

  void operator()() {
    using Callee = typename boost::asio::basic_yield_context<Handler>::callee_type;
    boost::asio::detail::coro_entry_point<Handler, Function> entry_point = {data_};
    std::shared_ptr<Callee> coro = std::make_shared<Callee>(entry_point, attributes_, allocator_);
    data_->coro_ = coro;
    (*coro)();
  }

 private:
  using Data = boost::asio::detail::spawn_data<Handler, Function>;
  std::shared_ptr<Data> data_;
  boost::coroutines::attributes attributes_;
  StackAllocator allocator_;
};

// Starts function(yield) as a stackful task on the strand `home`, on a stack from `allocator`.
template <class Strand, class Function, class StackAllocator>
void spawn(const Strand& home, Function&& function, boost::coroutines::attributes attributes,
           StackAllocator allocator) {
  auto handler = boost::asio::bind_executor(home, &boost::asio::detail::default_spawn_handler);
  using Task = SpawnWithStack<decltype(handler), std::decay_t<Function>, StackAllocator>;
  boost::asio::dispatch(Task(std::move(handler), std::forward<Function>(function), attributes, allocator));
}

}  // namespace gort

#pragma once
// co_await spawn_blocking(pool, f): runs f() on the blocking pool and resumes
// the awaiting coroutine on its own executor with f's result.
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <type_traits>

#include "blocking_pool.hpp"

namespace apibench::rust_style {

template <typename F>
boost::asio::awaitable<std::invoke_result_t<F&>> spawn_blocking(BlockingPool& pool, F f) {
  namespace asio = boost::asio;
  using Result = std::invoke_result_t<F&>;
  const auto executor = co_await asio::this_coro::executor;
  auto initiate = [&pool, executor](auto handler, F job) {
    // The guard keeps the loop's run() from returning while the job is out.
    pool.submit(UniqueJob([handler = std::move(handler), job = std::move(job),
                           guard = asio::make_work_guard(executor)]() mutable {
      Result result = job();
      asio::post(guard.get_executor(), [handler = std::move(handler), result]() mutable { handler(result); });
    }));
  };
  co_return co_await asio::async_initiate<const asio::use_awaitable_t<>, void(Result)>(initiate, asio::use_awaitable,
                                                                                      std::move(f));
}

}  // namespace apibench::rust_style

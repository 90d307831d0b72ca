#pragma once
// The types a gort task (a goroutine) is written against. A task is a stackful
// Boost.Context fiber started by boost::asio::spawn; its home is a strand, so it
// runs on one worker thread at a time but may migrate between them (M:N).
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/spawn.hpp>
#include <boost/asio/strand.hpp>

namespace gort {

namespace asio = boost::asio;

// A task's home: a strand on the runtime's io_context. Sockets a task owns are
// bound to it too, so their timers and completions never race the task.
using TaskExecutor = asio::strand<asio::io_context::executor_type>;

// What a task receives: passing it to an async operation parks the task until
// the operation completes (the way a goroutine parks in Go's netpoller).
using Yield = asio::basic_yield_context<asio::executor_binder<void (*)(), TaskExecutor>>;

}  // namespace gort

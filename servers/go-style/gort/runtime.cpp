#include "gort/runtime.hpp"

#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gort {

Runtime::Runtime(unsigned threads, std::size_t max_blocking_threads)
    : threads_(threads == 0 ? 1 : threads),
      context_(static_cast<int>(threads_)),
      blocking_(max_blocking_threads) {}

Runtime::~Runtime() { blocking_.close(); }

void Runtime::run() {
  std::vector<std::thread> workers;
  workers.reserve(threads_ - 1);
  for (unsigned i = 1; i < threads_; ++i) workers.emplace_back([this] { context_.run(); });
  context_.run();
  for (std::thread& w : workers) w.join();
  blocking_.close();
}

void Runtime::report_task_failure(std::exception_ptr error) noexcept {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gort: task failed: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "gort: task failed with a non-standard exception\n");
  }
}

}  // namespace gort

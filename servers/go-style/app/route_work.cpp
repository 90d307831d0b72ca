// GET /work?ms=N: a blocking downstream call. The sleep really blocks an OS
// thread, so it goes through the runtime's blocking hand-off: the task parks,
// a pool thread sleeps, and the worker thread keeps serving other connections.
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "app/app.hpp"
#include "contract/responses.hpp"
#include "http/replies.hpp"

namespace gostyle {

namespace contract = apibench::contract;

Response App::serve_work(std::string_view query, gort::Yield yield) {
  std::optional<unsigned> ms = contract::parse_work_ms(query);
  if (!ms) return gohttp::error_reply(400, contract::reason::invalid_ms);
  blocking_.call(yield, [duration = std::chrono::milliseconds(*ms)] { std::this_thread::sleep_for(duration); });
  return gohttp::reply(200, contract::kContentTypeJson, fmt::format(R"({{"slept_ms":{}}})", *ms));
}

}  // namespace gostyle

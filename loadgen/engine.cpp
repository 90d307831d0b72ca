// The loop every engine runs, around its own turn().
#include "loadgen/engine.hpp"

namespace apibench::loadgen {

void Engine::open_connections() {
  auto& t = traffic();
  std::int64_t now = now_ns();
  t.open_all(now);
  for (; t.opening(now); now = now_ns()) turn(now, t.prepare_turn(now));
}

void Engine::run(std::int64_t begin_ns, Window measured) {
  auto& t = traffic();
  t.start(begin_ns, measured);
  for (std::int64_t now = now_ns(); t.running(now); now = now_ns()) turn(now, t.prepare_turn(now));
  t.finish();
}

}  // namespace apibench::loadgen

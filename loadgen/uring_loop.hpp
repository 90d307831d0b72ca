#pragma once
// The io_uring engine: one thread's connections driven by batched submissions. Each loop
// turn is one io_uring_enter that submits every send queued since the last turn and waits
// for completions; each connection keeps one multishot receive armed on provided buffers,
// so a request costs no readiness call, no epoll_ctl and no read or write system call of
// its own. What to send and how to count is the shared Traffic's, exactly as with epoll.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "loadgen/engine.hpp"
#include "loadgen/traffic.hpp"
#include "loadgen/uring_ring.hpp"

namespace apibench::loadgen {

class UringLoop final : public Engine, private Transport {
 public:
  UringLoop(const LoadPlan& plan, const ThreadShare& share, std::unique_ptr<UringRing> ring);

 private:
  Traffic& traffic() override { return traffic_; }
  void turn(std::int64_t now, std::int64_t wake) override;

  enum class Op : std::uint64_t { kConnect = 0, kReceive = 1, kSend = 2 };

  // The bytes of one connection the kernel is sending: handed over whole from
  // Connection::out (a swap, no copy) and left alone until the send completes, so the
  // traffic logic can queue more meanwhile.
  struct Outbox {
    std::string wire;
    std::size_t sent = 0;
    bool pending = false;  // a send is in the kernel; outlives a close until it completes
  };

  bool connect(Connection& c, std::uint64_t token) override;
  void disconnect(Connection& c) override;

  void submit(io_uring_sqe& sqe, std::uint64_t token, Op op);
  void arm_receive(Connection& c);
  void start_send(Connection& c);
  void send_wire(Connection& c, Outbox& outbox);

  void on_completion(const io_uring_cqe& cqe);
  void on_connect(std::uint64_t token, int result);
  void on_receive(std::uint64_t token, const io_uring_cqe& cqe);
  void on_send(std::uint64_t token, int result);

  Outbox& outbox_of(const Connection& c) { return outboxes_[static_cast<std::uint32_t>(traffic_.token_of(c))]; }

  const LoadPlan& plan_;
  std::vector<Outbox> outboxes_;     // per connection
  std::unique_ptr<UringRing> ring_;  // declared after the outboxes: torn down before them
  Traffic traffic_;
};

}  // namespace apibench::loadgen

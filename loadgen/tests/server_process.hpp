#pragma once
// The test server in a child process of its own, so a test can stop it with SIGSTOP (the
// kernel freezes it, as a stalled server would be) or kill it. The destructor kills and
// reaps it; nothing outlives the test.
#include <sys/types.h>

#include <cstdint>

namespace apibench::loadgen::testing {

class ServerProcess {
 public:
  ServerProcess();  // forks; call before the test starts threads of its own
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  std::uint16_t port() const { return port_; }
  void signal(int number) const;
  void kill_and_reap();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace apibench::loadgen::testing

#include "loadgen/tests/server_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen::testing {

ServerProcess::ServerProcess() {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::close(pipe_fds[0]);
    ::alarm(60);  // a forgotten child still goes away
    TestServer server;
    const std::uint16_t port = server.port();
    if (::write(pipe_fds[1], &port, sizeof port) != sizeof port) ::_exit(1);
    while (true) ::pause();
  }
  ::close(pipe_fds[1]);
  const auto n = ::read(pipe_fds[0], &port_, sizeof port_);
  ::close(pipe_fds[0]);
  if (n != sizeof port_) {
    kill_and_reap();
    throw std::runtime_error("the server process did not start");
  }
}

ServerProcess::~ServerProcess() { kill_and_reap(); }

void ServerProcess::signal(int number) const {
  if (pid_ > 0) ::kill(pid_, number);
}

void ServerProcess::kill_and_reap() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace apibench::loadgen::testing

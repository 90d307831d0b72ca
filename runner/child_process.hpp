#pragma once
// A server under test as a child process: spawned pinned to a CPU set in its
// own process group, ready when it prints "listening on HOST:PORT", stopped
// with SIGTERM to the whole group (SIGKILL after a grace period), so a wrapper
// script's children go too. The destructor never leaves an orphan behind.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace apibench::runner {

struct SpawnOptions {
  std::vector<std::string> argv;
  std::vector<int> cpus;           // empty: not pinned
  std::filesystem::path log_path;  // the child's stderr; empty: a temporary file
  std::vector<std::string> env;    // "NAME=value", added to the inherited environment
};

struct ReadyAddress {
  std::string host;
  std::uint16_t port = 0;
};

class ChildProcess {
 public:
  // Throws std::runtime_error when the program cannot be started.
  explicit ChildProcess(const SpawnOptions& options);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  // Waits for the ready line. Throws std::runtime_error, quoting the end of
  // the child's stderr, when it exits or stays silent past the timeout, or
  // when *stop is raised.
  ReadyAddress wait_ready(std::chrono::milliseconds timeout, const std::atomic<bool>* stop = nullptr);

  // SIGTERM to the process group, then SIGKILL to whatever of the group is
  // left after grace. Returns the child's wait status as a text ("exit 0",
  // "signal 9") and whether it exited 0 by itself.
  struct Exit {
    bool clean = false;
    std::string description;
  };
  Exit stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

  bool running();
  // Whether any process of the child's group (the child or what it started) is alive.
  bool group_alive() const;
  pid_t pid() const { return pid_; }
  std::string stderr_tail(std::size_t max_bytes = 2048) const;

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::filesystem::path log_path_;
  bool owns_log_ = false;
  std::thread drain_;  // keeps reading stdout after the ready line so the child never blocks on it
  int wait_status_ = 0;
  bool reaped_ = false;
};

// "exit 0", "signal 11"
std::string describe_wait_status(int status);

}  // namespace apibench::runner

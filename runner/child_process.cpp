#include "runner/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace apibench::runner {
namespace {

constexpr std::string_view kReadyPrefix = "listening on ";

[[noreturn]] void exec_child(const SpawnOptions& o, int stdout_w, int stderr_fd) {
  ::dup2(stdout_w, STDOUT_FILENO);
  ::dup2(stderr_fd, STDERR_FILENO);
  int devnull = ::open("/dev/null", O_RDONLY);
  ::dup2(devnull, STDIN_FILENO);
  if (!o.cpus.empty()) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int c : o.cpus) CPU_SET(c, &set);
    ::sched_setaffinity(0, sizeof set, &set);
  }
  for (const auto& e : o.env) ::putenv(const_cast<char*>(e.c_str()));
  ::setpgid(0, 0);  // its own group, so a terminal's Ctrl-C reaches only the runner, which stops it
  std::vector<char*> argv;
  for (const auto& a : o.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  dprintf(STDERR_FILENO, "cannot execute %s: %s\n", argv[0], std::strerror(errno));
  ::_exit(127);
}

std::optional<ReadyAddress> parse_ready_line(std::string_view line) {
  if (!line.starts_with(kReadyPrefix)) return std::nullopt;
  line.remove_prefix(kReadyPrefix.size());
  auto colon = line.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  ReadyAddress a;
  a.host = std::string(line.substr(0, colon));
  auto digits = line.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), a.port);
  if (ec != std::errc{} || a.port == 0) return std::nullopt;
  return a;
}

// A live (not zombie) process whose process group is pgid. Orphaned members
// stay zombies until init reaps them: they count as gone.
bool group_has_live_process(pid_t pgid) {
  if (::kill(-pgid, 0) != 0) return false;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;
    auto paren = stat.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream fields(stat.substr(paren + 2));
    char state = 0;
    long ppid = 0, group = 0;
    if (fields >> state >> ppid >> group && group == pgid && state != 'Z') return true;
  }
  return false;
}

}  // namespace

std::string describe_wait_status(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

ChildProcess::ChildProcess(const SpawnOptions& options) {
  if (options.argv.empty()) throw std::runtime_error("no program to start");
  log_path_ = options.log_path;
  if (log_path_.empty()) {
    char tmpl[] = "/tmp/apibench-child-XXXXXX";
    int fd = ::mkstemp(tmpl);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    ::close(fd);
    log_path_ = tmpl;
    owns_log_ = true;
  }
  int err_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (err_fd < 0) throw std::runtime_error("cannot open " + log_path_.string() + ": " + std::strerror(errno));
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    ::close(err_fd);
    throw std::runtime_error("pipe failed");
  }
  pid_ = ::fork();
  if (pid_ == 0) exec_child(options, pipe_fds[1], err_fd);
  if (pid_ > 0) ::setpgid(pid_, pid_);  // also here, so a stop right after the fork reaches the group
  ::close(pipe_fds[1]);
  ::close(err_fd);
  if (pid_ < 0) {
    ::close(pipe_fds[0]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  stdout_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && (!reaped_ || group_alive())) stop(std::chrono::seconds(2));
  if (drain_.joinable()) drain_.join();
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  if (owns_log_) std::filesystem::remove(log_path_);
}

ReadyAddress ChildProcess::wait_ready(std::chrono::milliseconds timeout, const std::atomic<bool>* stop) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string line;
  for (;;) {
    if (stop && stop->load()) throw std::runtime_error("stopped while waiting for the ready line");
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      throw std::runtime_error("not ready after " + std::to_string(timeout.count()) + " ms; stderr: " + stderr_tail());
    }
    pollfd p{stdout_fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100))) <= 0) {
      if (!running()) throw std::runtime_error("exited (" + describe_wait_status(wait_status_) + ") before ready; stderr: " + stderr_tail());
      continue;
    }
    char c;
    ssize_t n = ::read(stdout_fd_, &c, 1);  // byte by byte: nothing past the ready line is taken from the drain
    if (n <= 0) {
      ::waitpid(pid_, &wait_status_, 0);
      reaped_ = true;
      throw std::runtime_error("exited (" + describe_wait_status(wait_status_) + ") before ready; stderr: " + stderr_tail());
    }
    if (c != '\n') {
      if (line.size() < 4096) line.push_back(c);
      continue;
    }
    if (auto a = parse_ready_line(line)) {
      drain_ = std::thread([fd = stdout_fd_] {
        char buf[4096];
        while (::read(fd, buf, sizeof buf) > 0) {
        }
      });
      return *a;
    }
    throw std::runtime_error("first line of stdout is not a ready line: '" + line + "'");
  }
}

bool ChildProcess::running() {
  if (reaped_) return false;
  pid_t r = ::waitpid(pid_, &wait_status_, WNOHANG);
  if (r == pid_) reaped_ = true;
  return !reaped_;
}

bool ChildProcess::group_alive() const { return pid_ > 0 && group_has_live_process(pid_); }

ChildProcess::Exit ChildProcess::stop(std::chrono::milliseconds grace) {
  if (group_alive()) {
    ::kill(-pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + grace;
    while ((running() || group_alive()) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(-pid_, SIGKILL);  // what is left of the group; no-op when it is gone
  }
  if (!reaped_) {
    ::waitpid(pid_, &wait_status_, 0);
    reaped_ = true;
  }
  for (int i = 0; i < 50 && group_alive(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  Exit e;
  e.clean = WIFEXITED(wait_status_) && WEXITSTATUS(wait_status_) == 0;
  e.description = describe_wait_status(wait_status_);
  return e;
}

std::string ChildProcess::stderr_tail(std::size_t max_bytes) const {
  std::ifstream in(log_path_, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  if (all.size() > max_bytes) all = "..." + all.substr(all.size() - max_bytes);
  while (!all.empty() && all.back() == '\n') all.pop_back();
  return all;
}

}  // namespace apibench::runner

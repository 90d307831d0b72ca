// When the kernel refuses io_uring, a run asked to use it says so in one line on stderr and
// runs on epoll with the same results. The refusal is made real with a seccomp filter
// (io_uring_setup fails with EPERM, as under a container's default profile), installed in
// a forked child so the test process itself keeps io_uring.
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

bool refuse_io_uring_setup() {
  sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  sock_fprog program{static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
  return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
}

// In the child: 0 when the uring run fell back and counted cleanly, else which check failed.
int run_refused_uring_load() {
  ::alarm(20);  // the test must not hang whatever happens
  if (!refuse_io_uring_setup()) return 10;
  testing::TestServer server;
  auto spec = testing::short_spec(server.port());
  spec.io = IoEngine::kUring;
  const auto r = run_load(spec);
  if (r.requests == 0) return 11;
  if (r.errors.total() != 0) return 12;
  return 0;
}

std::string read_all(int fd) {
  std::string text;
  char chunk[512];
  for (ssize_t n; (n = ::read(fd, chunk, sizeof chunk)) > 0;) text.append(chunk, static_cast<std::size_t>(n));
  return text;
}

TEST(UringFallback, RefusedIoUringRunsOnEpollAndSaysSo) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::close(pipe_fds[0]);
    ::_exit(run_refused_uring_load());
  }
  ::close(pipe_fds[1]);
  const std::string stderr_text = read_all(pipe_fds[0]);
  ::close(pipe_fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "child ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << stderr_text;
  EXPECT_NE(stderr_text.find("io_uring unavailable (io_uring_queue_init: Operation not permitted); using epoll"),
            std::string::npos)
      << stderr_text;
}

}  // namespace
}  // namespace apibench::loadgen

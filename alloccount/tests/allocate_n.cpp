// Test program: makes exactly N heap allocations, prints a ready line, and
// waits for SIGTERM, on which it exits normally, as a server does.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {
void exit_normally(int) { std::exit(0); }
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGTERM, exit_normally);
  long n = argc > 1 ? std::atol(argv[1]) : 0;
  void* volatile keep = nullptr;
  for (long i = 0; i < n; ++i) {
    keep = std::malloc(16);
    std::free(keep);
  }
  std::printf("listening on 127.0.0.1:1\n");
  std::fflush(stdout);
  ::pause();
}

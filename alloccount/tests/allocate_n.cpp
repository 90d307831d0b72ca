// Test program: makes exactly N heap allocations, then prints a ready line and waits.
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int main(int argc, char** argv) {
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

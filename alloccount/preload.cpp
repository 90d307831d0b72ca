// LD_PRELOAD library that counts heap allocations of the process it is loaded
// into, for benchmarks only: "zero allocations per request" is a claim the
// runner checks from outside, on an unmodified server binary.
//
// It forwards to glibc's __libc_* entry points instead of dlsym(RTLD_NEXT),
// which itself allocates and would recurse on the first call.
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>

#include "alloccount/alloc_counter.hpp"

extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);
}

namespace {

using apibench::alloccount::Counters;

// Until the shared page is mapped, and if mapping fails, counts go here.
Counters g_fallback{apibench::alloccount::kMagic, {}, {}, {}};
Counters* g_counters = &g_fallback;
pid_t g_owner = 0;

void map_counters() {
  pid_t pid = ::getpid();
  std::string path = apibench::alloccount::counters_path(pid);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  if (::ftruncate(fd, 4096) == 0) {
    void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (page != MAP_FAILED) {
      auto* c = static_cast<Counters*>(page);
      c->allocations = g_counters->allocations.load();
      c->frees = g_counters->frees.load();
      c->bytes = g_counters->bytes.load();
      c->magic = apibench::alloccount::kMagic;
      g_counters = c;
      g_owner = pid;
    }
  }
  ::close(fd);
}

// A forked child counts on a page of its own, not its parent's.
void after_fork_in_child() {
  g_fallback.allocations = 0;
  g_fallback.frees = 0;
  g_fallback.bytes = 0;
  g_counters = &g_fallback;
  map_counters();
}

__attribute__((constructor)) void start_counting() {
  map_counters();
  ::pthread_atfork(nullptr, nullptr, after_fork_in_child);
}

__attribute__((destructor)) void stop_counting() {
  if (g_owner == ::getpid()) ::unlink(apibench::alloccount::counters_path(g_owner).c_str());
}

inline void count_allocation(std::size_t bytes) {
  g_counters->allocations.fetch_add(1, std::memory_order_relaxed);
  g_counters->bytes.fetch_add(bytes, std::memory_order_relaxed);
}

}  // namespace

extern "C" {

void* malloc(std::size_t n) {
  count_allocation(n);
  return __libc_malloc(n);
}

void* calloc(std::size_t count, std::size_t n) {
  count_allocation(count * n);
  return __libc_calloc(count, n);
}

void* realloc(void* p, std::size_t n) {
  count_allocation(n);
  return __libc_realloc(p, n);
}

void free(void* p) {
  if (p) g_counters->frees.fetch_add(1, std::memory_order_relaxed);
  __libc_free(p);
}

void* memalign(std::size_t alignment, std::size_t n) {
  count_allocation(n);
  return __libc_memalign(alignment, n);
}

void* aligned_alloc(std::size_t alignment, std::size_t n) { return memalign(alignment, n); }

int posix_memalign(void** out, std::size_t alignment, std::size_t n) {
  void* p = memalign(alignment, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

}  // extern "C"

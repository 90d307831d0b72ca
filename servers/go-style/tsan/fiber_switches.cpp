// Tells ThreadSanitizer about every Boost.Context stack switch. Linked into
// ThreadSanitizer builds only (CMakeLists.txt next to this file).
//
// Why: go-style's tasks are Boost.Coroutine v1 fibers (asio::spawn in Boost 1.74)
// that switch stacks with fcontext's jump_fcontext. TSan keeps a shadow call stack
// per thread; a switch it is not told about leaves that shadow stack describing
// another fiber's frames, and TSan crashed at random inside its own stack depot.
// Boost.Context calls __tsan_switch_to_fiber only from 1.81 on; Coroutine v1 never.
//
// How: this file defines make_fcontext, jump_fcontext and ontop_fcontext in the
// executable. The executable exports them (a shared library it links uses them),
// so the dynamic linker binds libboost_coroutine's calls here before
// libboost_context; each call tells TSan, then forwards to the real function,
// found with dlsym(RTLD_NEXT).
//
// A switch names its target by the stack pointer the target saved, so a fiber is
// known by its stack range, recorded by make_fcontext. A target on no recorded
// stack is the thread's own stack: a fiber only ever returns to the thread that
// resumed it (or to the fiber that did, whose stack is recorded).
#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include <boost/context/detail/fcontext.hpp>

namespace {

namespace fctx = boost::context::detail;
using MakeFn = decltype(&fctx::make_fcontext);
using JumpFn = decltype(&fctx::jump_fcontext);
using OntopFn = decltype(&fctx::ontop_fcontext);

template <class Fn>
Fn real_function(const char* name) {
  void* symbol = dlsym(RTLD_NEXT, name);
  if (symbol == nullptr) {
    std::fprintf(stderr, "tsan fiber switches: no %s after the executable: %s\n", name, dlerror());
    std::abort();
  }
  return reinterpret_cast<Fn>(symbol);
}

// Every fiber stack ever made, by address. Stacks come from malloc and are not
// reported when freed, so a stale entry lives until a new stack overlaps it; only
// live stacks can be switched to, and the newest entry for a range is the live one.
class FiberStacks {
 public:
  void add(std::uintptr_t bottom, std::uintptr_t top, void* fiber) {
    std::lock_guard lock(mutex_);
    forget_overlapping(bottom, top);
    by_top_.emplace(top, Stack{bottom, fiber});
  }

  // The TSan fiber whose stack holds `sp`, or nullptr.
  void* fiber_at(std::uintptr_t sp) {
    std::lock_guard lock(mutex_);
    auto above = by_top_.upper_bound(sp);
    if (above == by_top_.end() || above->second.bottom > sp) return nullptr;
    return above->second.fiber;
  }

 private:
  struct Stack {
    std::uintptr_t bottom;
    void* fiber;
  };

  // Entries never overlap, so ordered by top they are ordered by bottom too.
  void forget_overlapping(std::uintptr_t bottom, std::uintptr_t top) {
    auto it = by_top_.upper_bound(bottom);
    while (it != by_top_.end() && it->second.bottom < top) {
      __tsan_destroy_fiber(it->second.fiber);
      it = by_top_.erase(it);
    }
  }

  std::mutex mutex_;
  std::map<std::uintptr_t, Stack> by_top_;  // key: one past the highest address
};

FiberStacks& fiber_stacks() {
  static FiberStacks stacks;
  return stacks;
}

// The TSan fiber of this thread's own stack. Captured on the thread's first switch,
// which always leaves that stack: a fiber runs on a thread only once it jumped there.
thread_local void* thread_fiber = nullptr;

void* fiber_for(fctx::fcontext_t to) {
  if (thread_fiber == nullptr) thread_fiber = __tsan_get_current_fiber();
  void* fiber = fiber_stacks().fiber_at(reinterpret_cast<std::uintptr_t>(to));
  return fiber != nullptr ? fiber : thread_fiber;
}

}  // namespace

// The definitions of fcontext.hpp's declarations, so the compiler checks the
// signatures; extern "C" names them without the namespace.
namespace boost::context::detail {

fcontext_t make_fcontext(void* sp, std::size_t size, void (*fn)(transfer_t)) {
  static const MakeFn real_make = real_function<MakeFn>("make_fcontext");
  const auto top = reinterpret_cast<std::uintptr_t>(sp);
  fiber_stacks().add(top - size, top, __tsan_create_fiber(0));
  return real_make(sp, size, fn);
}

// The switch is announced right before it happens, as TSan asks; flags 0 makes it a
// happens-before edge, which it is: the two fibers never run at the same time.
transfer_t jump_fcontext(fcontext_t const to, void* data) {
  static const JumpFn real_jump = real_function<JumpFn>("jump_fcontext");
  __tsan_switch_to_fiber(fiber_for(to), 0);
  return real_jump(to, data);
}

transfer_t ontop_fcontext(fcontext_t const to, void* data, transfer_t (*fn)(transfer_t)) {
  static const OntopFn real_ontop = real_function<OntopFn>("ontop_fcontext");
  __tsan_switch_to_fiber(fiber_for(to), 0);
  return real_ontop(to, data, fn);
}

}  // namespace boost::context::detail

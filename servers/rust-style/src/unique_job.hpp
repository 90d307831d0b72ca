#pragma once
// A move-only void() callable (std::move_only_function is C++23): jobs for the
// blocking pool own what they capture, completion handlers included.
#include <memory>
#include <type_traits>
#include <utility>

namespace apibench::rust_style {

class UniqueJob {
 public:
  UniqueJob() = default;
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, UniqueJob>>>
  explicit UniqueJob(F&& f) : impl_(std::make_unique<Impl<std::decay_t<F>>>(std::forward<F>(f))) {}

  void operator()() { impl_->run(); }
  explicit operator bool() const noexcept { return impl_ != nullptr; }

 private:
  struct Base {
    virtual ~Base() = default;
    virtual void run() = 0;
  };
  template <typename F>
  struct Impl final : Base {
    explicit Impl(F&& f) : fn(std::move(f)) {}
    explicit Impl(const F& f) : fn(f) {}
    void run() override { fn(); }
    F fn;
  };
  std::unique_ptr<Base> impl_;
};

}  // namespace apibench::rust_style

#pragma once
// Counts every global operator new in this test program (all threads), so a
// test can show that a window of server work allocated nothing.
#include <atomic>
#include <cstdint>

namespace apibench::rust_style::test {

std::uint64_t allocations_so_far() noexcept;

}  // namespace apibench::rust_style::test

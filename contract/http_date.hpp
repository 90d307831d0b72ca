#pragma once
// The Date header in IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), formatted
// at most once a second per thread so the hot path only copies 29 bytes.
#include <ctime>
#include <string_view>

namespace apibench::contract {

inline constexpr std::size_t kHttpDateLength = 29;

// Formats t as IMF-fixdate into out (exactly kHttpDateLength bytes).
void format_http_date(std::time_t t, char* out) noexcept;

// The current time as IMF-fixdate; the view stays valid on this thread until
// the next call.
std::string_view http_date_now() noexcept;

}  // namespace apibench::contract

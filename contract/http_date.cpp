#include "contract/http_date.hpp"

#include <chrono>
#include <fmt/format.h>

namespace apibench::contract {
namespace {

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct DateCache {
  std::time_t second = -1;
  char text[kHttpDateLength + 1] = {};
};

}  // namespace

void format_http_date(std::time_t t, char* out) noexcept {
  std::tm tm{};
  gmtime_r(&t, &tm);
  fmt::format_to_n(out, kHttpDateLength, "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                   kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string_view http_date_now() noexcept {
  thread_local DateCache cache;
  // coarse clock: a vDSO read, no system call, good to a few ms
  timespec ts{};
  clock_gettime(CLOCK_REALTIME_COARSE, &ts);
  if (ts.tv_sec != cache.second) {
    format_http_date(ts.tv_sec, cache.text);
    cache.second = ts.tv_sec;
  }
  return {cache.text, kHttpDateLength};
}

}  // namespace apibench::contract

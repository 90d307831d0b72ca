#pragma once
// RSS after each hostile case, so that a failed memory check can name the cases
// that grew the server's memory most, from the test's log alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace apibench::hostile {

class RssGrowth {
 public:
  // rss: the server's RSS before the first case.
  explicit RssGrowth(std::uint64_t rss) : last_(rss) {}

  // The server's RSS right after case_name.
  void record(const std::string& case_name, std::uint64_t rss);

  // The n cases that grew RSS most, largest first, one "  <case>: +<KiB> KiB" line each.
  std::string largest(std::size_t n) const;

 private:
  struct Step {
    std::string case_name;
    std::int64_t growth = 0;  // bytes; negative when the case gave memory back
  };
  std::vector<Step> steps_;
  std::uint64_t last_;
};

}  // namespace apibench::hostile

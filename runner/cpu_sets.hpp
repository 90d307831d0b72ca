#pragma once
// Which CPUs the server and the load generator run on. They must not share:
// on a small machine the generator saturates first, and sharing hides it.
#include <string>
#include <string_view>
#include <vector>

namespace apibench::runner {

// "0", "0-3", "0,2,4-5"; throws std::invalid_argument on anything else.
std::vector<int> parse_cpu_list(std::string_view text);
std::string format_cpu_list(const std::vector<int>& cpus);

// CPUs this process may run on.
std::vector<int> allowed_cpus();

struct Pinning {
  std::vector<int> server;
  std::vector<int> load;
  std::vector<std::string> warnings;  // said in the output and stored with the run
};

// The default split: the first half of the allowed CPUs to the server, the
// rest to the load (on two CPUs: server 0, load 1). Explicit lists win.
Pinning choose_pinning(const std::vector<int>& allowed, const std::vector<int>& server_cpus,
                       const std::vector<int>& load_cpus);

}  // namespace apibench::runner

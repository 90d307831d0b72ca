#pragma once
// A run's setup requests (LoadSpec::setup, e.g. a cache preload), sent before the threads
// start over one blocking connection, pipelined in batches. Not measured.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "loadgen/socket_io.hpp"

namespace apibench::loadgen {

// nullopt when every request got a 2xx answer; otherwise a one-line reason.
std::optional<std::string> send_setup_requests(const io::Address& address, const std::vector<std::string>& requests,
                                               std::chrono::milliseconds timeout);

}  // namespace apibench::loadgen

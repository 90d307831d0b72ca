#include "contract/ready_line.hpp"

#include <fmt/core.h>

#include <cstdio>

namespace apibench::contract {

void announce_listening(std::string_view host, std::uint16_t port) {
  fmt::print("listening on {}:{}\n", host, port);
  std::fflush(stdout);
}

}  // namespace apibench::contract

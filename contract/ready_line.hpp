#pragma once
// The line a runner waits for: "listening on HOST:PORT", the first line of
// stdout, printed once the server accepts connections.
#include <cstdint>
#include <string_view>

namespace apibench::contract {

void announce_listening(std::string_view host, std::uint16_t port);

}  // namespace apibench::contract

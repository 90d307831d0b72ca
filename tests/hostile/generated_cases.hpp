#pragma once
// Cases too large to store in the repository, made on demand by name.
#include <optional>
#include <string>
#include <string_view>

namespace apibench::hostile {

// The bytes of the generated case called name; nullopt for an unknown name.
std::optional<std::string> generate_case(std::string_view name);

}  // namespace apibench::hostile

#pragma once
// Request-head bytes the contract refuses (docs/api.md: bare LF, obsolete line
// folding, control bytes) but Beast's parser tolerates or would only time out on.
#include <string_view>

namespace gohttp {

// bytes: the start of a request as received so far. Looks at the head only (up to
// and including the blank line, when it has arrived); body bytes are never checked.
bool head_bytes_acceptable(std::string_view bytes) noexcept;

}  // namespace gohttp

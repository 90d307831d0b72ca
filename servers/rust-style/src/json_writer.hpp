#pragma once
// Typed JSON output straight into a byte buffer: no DOM, no intermediate strings.
#include <string>
#include <string_view>

namespace apibench::rust_style::json {

// Appends s (UTF-8) as a JSON string literal, quotes included: '"' and '\\'
// escaped, control bytes as \n-style or \u00XX escapes, everything else as is.
void append_string(std::string& out, std::string_view s);

// {"message":"..."}: the /json object, serialized per request as TechEmpower asks.
struct Message {
  std::string_view message;
};
void append(std::string& out, const Message& m);

// {"error":"..."}
void append_error(std::string& out, std::string_view reason);

}  // namespace apibench::rust_style::json

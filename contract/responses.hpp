#pragma once
// Fixed bodies, reasons and status phrases of the contract (docs/api.md).
#include <string_view>

namespace apibench::contract {

inline constexpr std::string_view kJsonMessage = "Hello, World!";
inline constexpr std::string_view kPlaintextBody = "Hello, World!";
inline constexpr std::string_view kHealthBody = R"({"status":"ok"})";

inline constexpr std::string_view kContentTypeJson = "application/json";
inline constexpr std::string_view kContentTypeText = "text/plain";
inline constexpr std::string_view kContentTypeOctets = "application/octet-stream";
inline constexpr std::string_view kContentTypeMetrics = "text/plain; version=0.0.4";

// Error bodies: {"error":"<reason>"}; reasons are fixed strings so no escaping is needed.
namespace reason {
inline constexpr std::string_view not_found = "not found";
inline constexpr std::string_view method_not_allowed = "method not allowed";
inline constexpr std::string_view bad_request = "bad request";
inline constexpr std::string_view headers_too_large = "request header fields too large";
inline constexpr std::string_view body_too_large = "payload too large";
inline constexpr std::string_view unsupported_media_type = "unsupported media type";
inline constexpr std::string_view invalid_json = "invalid json";
inline constexpr std::string_view invalid_order = "invalid order";
inline constexpr std::string_view invalid_key = "invalid cache key";
inline constexpr std::string_view invalid_ms = "ms must be an integer 0..1000";
inline constexpr std::string_view length_required = "length required";
inline constexpr std::string_view not_implemented = "not implemented";
inline constexpr std::string_view unavailable = "server shutting down";
}  // namespace reason

constexpr std::string_view status_phrase(int status) noexcept {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

}  // namespace apibench::contract

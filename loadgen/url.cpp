#include "loadgen/url.hpp"

#include <charconv>

namespace apibench::loadgen {
namespace {

bool valid_host(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool valid_target(std::string_view target) {
  for (char c : target) {
    if (c <= ' ' || c == 0x7f || c == '#') return false;
  }
  return true;
}

}  // namespace

std::variant<HttpUrl, std::string> parse_http_url(std::string_view text) {
  constexpr std::string_view kScheme = "http://";
  if (text.substr(0, kScheme.size()) != kScheme) {
    return std::string("only http:// URLs are supported: '") + std::string(text) + "'";
  }
  text.remove_prefix(kScheme.size());
  const auto slash = text.find_first_of("/?");
  HttpUrl url;
  url.host_header = std::string(text.substr(0, slash));
  if (slash != std::string_view::npos) url.target = std::string(text.substr(slash));
  if (url.target.front() == '?') url.target = "/" + url.target;  // "http://h?q" asks for "/?q"
  std::string_view authority = url.host_header;
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    const auto port_text = authority.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return "invalid port in URL: '" + std::string(port_text) + "'";
    }
    url.port = static_cast<std::uint16_t>(port);
    authority = authority.substr(0, colon);
  }
  if (!valid_host(authority)) return "invalid host in URL: '" + std::string(authority) + "'";
  if (!valid_target(url.target)) return "invalid path in URL: '" + url.target + "'";
  url.host = std::string(authority);
  return url;
}

}  // namespace apibench::loadgen

#include "report/svg_inline.hpp"

#include <fmt/format.h>
#include <vector>

#include "report/html_escape.hpp"

namespace apibench::report {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The HTML parser puts <svg> in the SVG namespace by itself; the declarations are URLs we leave out.
std::string opening_tag_without_namespaces(const std::string& tag) {
  std::string out;
  std::size_t at = 0;
  while (at < tag.size()) {
    std::size_t attribute = tag.find("xmlns", at);
    if (attribute == std::string::npos) break;
    std::size_t open_quote = tag.find_first_of("\"'", attribute);
    std::size_t close_quote = open_quote == std::string::npos ? open_quote : tag.find(tag[open_quote], open_quote + 1);
    if (close_quote == std::string::npos) break;
    out += tag.substr(at, attribute - at);
    at = close_quote + 1;
  }
  return out + tag.substr(at);
}

std::vector<std::string> ids_in(const std::string& svg) {
  std::vector<std::string> ids;
  for (const char* marker : {" id='", " id=\""}) {
    const std::string m = marker;
    for (std::size_t at = svg.find(m); at != std::string::npos; at = svg.find(m, at + 1)) {
      std::size_t start = at + m.size();
      std::size_t end = svg.find(m.back(), start);
      if (end != std::string::npos) ids.push_back(svg.substr(start, end - start));
    }
  }
  return ids;
}

void prefix_ids(std::string& svg, const std::string& prefix) {
  for (const auto& id : ids_in(svg)) {
    const std::string renamed = prefix + "-" + id;
    for (const char* quote : {"'", "\""}) {
      replace_all(svg, std::string(" id=") + quote + id + quote, std::string(" id=") + quote + renamed + quote);
      replace_all(svg, "#" + id + quote, "#" + renamed + quote);
    }
    replace_all(svg, "url(#" + id + ")", "url(#" + renamed + ")");
  }
}

}  // namespace

std::string inline_svg(const std::string& document, const std::string& id_prefix, const std::string& caption) {
  std::size_t start = document.find("<svg");
  if (start == std::string::npos) return "";
  std::size_t tag_end = document.find('>', start);
  if (tag_end == std::string::npos) return "";
  std::string tag = opening_tag_without_namespaces(document.substr(start, tag_end - start));
  const std::string label = html_escape(caption);
  std::string svg = fmt::format("{} class=\"chart\" role=\"img\" aria-label=\"{}\"{}", tag, label, document.substr(tag_end));
  replace_all(svg, "<title>Gnuplot</title>", fmt::format("<title>{}</title>", label));
  prefix_ids(svg, id_prefix);
  return svg;
}

}  // namespace apibench::report

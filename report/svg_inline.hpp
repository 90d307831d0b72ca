#pragma once
// Turns gnuplot's standalone SVG document into an element for an HTML page: no XML
// prolog, no namespace URLs, the chart's caption as its accessible title, and ids
// made unique per chart (every gnuplot SVG defines the same "gpPt0", "textbox"...).
#include <string>

namespace apibench::report {

std::string inline_svg(const std::string& document, const std::string& id_prefix, const std::string& caption);

}  // namespace apibench::report

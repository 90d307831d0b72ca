#pragma once
// Text from run.json is data, never markup: every string placed in report.html passes here.
#include <string>

namespace apibench::report {

// Escapes & < > " ' for element content and quoted attribute values alike.
std::string html_escape(const std::string& text);

}  // namespace apibench::report

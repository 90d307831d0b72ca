#pragma once
// claims.html: one self-contained page (inline CSS and SVG, no script, no URL) with
// the summary, each claim's numbers, verdicts and charts, and the decomposition.
#include <string>
#include <vector>

#include "reproduce/claims_charts.hpp"
#include "reproduce/claims_report.hpp"

namespace apibench::reproduce {

// unavailable: why no chart could be drawn (gnuplot missing), shown as a banner.
std::string claims_html(const ClaimsReport& report, const std::vector<ClaimFigure>& figures, const std::string& unavailable);

}  // namespace apibench::reproduce

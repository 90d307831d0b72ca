// Claims 7, 8 and 9: static binaries, rapid development (by proxy), and what no benchmark settles.
#include <fmt/format.h>

#include "reproduce/claims.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

using ArtifactReader = std::function<ServerValue(const ServerArtifacts&)>;

ValueReader from_artifacts(const ClaimInputs& in, ArtifactReader read) {
  return [&in, read](const std::string& server) {
    const ServerArtifacts* a = find_artifacts(in.artifacts, server);
    return a ? read(*a) : no_value(server, "no artifacts collected");
  };
}

ServerValue binary_size(const ServerArtifacts& a) {
  if (!a.elf) return no_value(a.server, a.elf_note);
  return {a.server, {static_cast<double>(a.elf->file_bytes) / (1 << 20)}, ""};
}

ServerValue needed_libraries(const ServerArtifacts& a) {
  if (!a.elf) return no_value(a.server, a.elf_note);
  std::string names;
  for (const auto& n : a.elf->needed) names += (names.empty() ? "" : ", ") + n;
  return {a.server, {static_cast<double>(a.elf->needed.size())}, names.empty() ? "static" : names};
}

ServerValue lines_of_code(const ServerArtifacts& a) {
  if (!a.loc) return no_value(a.server, "not counted");
  std::string dirs;
  for (const auto& d : a.loc_dirs) dirs += (dirs.empty() ? "" : ", ") + d;
  return {a.server, {static_cast<double>(a.loc->lines)}, fmt::format("{} files in {}", a.loc->files, dirs)};
}

ServerValue cold_build(const ServerArtifacts& a) {
  if (!a.cold_build_seconds) return no_value(a.server, a.cold_build_note);
  return {a.server, {*a.cold_build_seconds}, a.cold_build_note};
}

}  // namespace

ClaimResult claim_static_binaries(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 7;
  c.title = "Static binaries that run anywhere without dependencies (Go)";
  c.quote = "What truly sets Go apart is its deployment model—compiled into static binaries, Go services run anywhere "
            "without dependencies or complex setup.";
  c.measures = "Each server binary (the program its manifest runs), read as an ELF file: its size, its program "
               "interpreter and the shared libraries it needs (DT_NEEDED).";
  c.criterion = "for each Go-design server: holds when its binary needs no shared library";
  MetricRow size = make_row(in.config, "Binary size", "MiB", from_artifacts(in, binary_size));
  MetricRow needed = make_row(in.config, "Shared libraries needed (DT_NEEDED)", "", from_artifacts(in, needed_libraries));
  judge_bar(needed, in.config, Side::go, {Bound::at_most, 0});
  needed.charted = false;
  c.rows = {std::move(size), std::move(needed)};
  c.notes.push_back("The Go peers are built with CGO_ENABLED=0, which is what makes them static; the C++ go-style server "
                    "reproduces Go's runtime design, not its linker, so its verdict is about this build.");
  return c;
}

ClaimResult claim_rapid_development(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 8;
  c.title = "Rapid development (a proxy)";
  c.quote = "For teams prioritizing rapid development and easy maintenance, Go's straightforward syntax and idiomatic "
            "patterns make onboarding new developers remarkably smooth.";
  c.measures = "A PROXY, not a measure of development speed: non-blank lines of source for the same API contract "
               "(tests left out), and the cold build time of each server.";
  c.criterion = "lines of code: holds when the Go-design implementation is shorter by more than 15%";
  MetricRow loc = make_row(in.config, "Lines of code for the same contract (proxy)", "lines", from_artifacts(in, lines_of_code));
  judge_pairs(loc, in.config, Side::go, PairRule{true, 0.05, 0.15});
  MetricRow build = make_row(in.config, "Cold build time", "s", from_artifacts(in, cold_build));
  c.rows = {std::move(loc), std::move(build)};
  c.notes.push_back("The C++ servers also use the shared contract/ library (routes, limits, options) and the Go peers "
                    "share servers/peers/go-common, counted with each of them: see the folders per server.");
  return c;
}

std::vector<ClaimResult> claims_not_measurable() {
  auto claim = [](std::string title, std::string quote, std::string why) {
    ClaimResult c;
    c.number = 9;
    c.title = std::move(title);
    c.quote = std::move(quote);
    c.not_measurable = std::move(why);
    return c;
  };
  return {
      claim("Bugs caught at compile time",
            "The static type system caught potential bugs at compile time, which proved invaluable in production.",
            "A property of the language's type system over a project's life; a load test of finished servers cannot "
            "count the bugs that did not ship."),
      claim("Smooth onboarding", "Go's straightforward syntax and idiomatic patterns make onboarding new developers remarkably smooth.",
            "About people learning a code base; needs a study of developers, not of servers."),
      claim("Memory safety and security", "Memory safety and security are top priorities",
            "Safety is the absence of a class of bugs; fuzzing and sanitizers (scripts/fuzz.sh, scripts/sanitize.sh) find some, no benchmark proves "
            "their absence."),
      claim("Fine-grained control", "You need fine-grained control over system resources",
            "A property of what the language lets you write, not of how fast a given server runs."),
      claim("Easy maintenance, team simplicity", "Team simplicity and maintenance are key concerns",
            "Depends on a team and a code base's history; lines of code (claim 8) is the only proxy offered."),
  };
}

}  // namespace apibench::reproduce

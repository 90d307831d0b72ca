#pragma once
// The files `apibench load` writes beside its summary: JSON, CSV and .hgrm.
#include <string>

#include "loadgen/load.hpp"

namespace apibench::loadgen {

struct OutputPaths {
  std::string json;  // empty: not written
  std::string csv;
  std::string hgrm;  // open loop: the service time goes to FILE.service.hgrm beside it
};

// Writes every requested file; false (after a message on stderr) when one could not be written.
bool write_outputs(const OutputPaths& paths, const LoadSpec& spec, const LoadResult& result);

}  // namespace apibench::loadgen

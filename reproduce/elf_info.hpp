#pragma once
// What a server binary needs at run time, read from its ELF file: its size, the
// program interpreter (a dynamically linked binary names ld.so) and the shared
// libraries in its dynamic section (DT_NEEDED). Parsed directly, no readelf.
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace apibench::reproduce {

struct ElfInfo {
  std::uint64_t file_bytes = 0;
  std::string interpreter;          // PT_INTERP, empty for a static binary
  std::vector<std::string> needed;  // DT_NEEDED, in file order

  bool statically_linked() const { return interpreter.empty() && needed.empty(); }
};

// 64-bit little-endian ELF (what this project builds). An error text for anything
// else: not a file, not ELF (a wrapper script), another class, a truncated file.
std::variant<ElfInfo, std::string> read_elf_info(const std::filesystem::path& file);

}  // namespace apibench::reproduce

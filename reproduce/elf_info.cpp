#include "reproduce/elf_info.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace apibench::reproduce {
namespace {

// The whole file in memory: server binaries are a few MiB, and bounds checks stay simple.
class Image {
 public:
  explicit Image(std::string bytes) : bytes_(std::move(bytes)) {}
  template <class T>
  std::optional<T> at(std::uint64_t offset) const {
    if (offset > bytes_.size() || bytes_.size() - offset < sizeof(T)) return std::nullopt;
    T value;
    std::memcpy(&value, bytes_.data() + offset, sizeof(T));
    return value;
  }
  std::optional<std::string> string_at(std::uint64_t offset) const {
    if (offset >= bytes_.size()) return std::nullopt;
    std::size_t end = bytes_.find('\0', offset);
    if (end == std::string::npos) return std::nullopt;
    return bytes_.substr(offset, end - offset);
  }
  std::size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
};

std::vector<Elf64_Phdr> program_headers(const Image& img, const Elf64_Ehdr& eh) {
  std::vector<Elf64_Phdr> out;
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    auto ph = img.at<Elf64_Phdr>(eh.e_phoff + std::uint64_t{i} * eh.e_phentsize);
    if (!ph) break;
    out.push_back(*ph);
  }
  return out;
}

// The file offset of a virtual address, through the PT_LOAD segment that maps it.
std::optional<std::uint64_t> file_offset(const std::vector<Elf64_Phdr>& phs, std::uint64_t vaddr) {
  for (const auto& ph : phs) {
    if (ph.p_type == PT_LOAD && vaddr >= ph.p_vaddr && vaddr < ph.p_vaddr + ph.p_filesz) {
      return vaddr - ph.p_vaddr + ph.p_offset;
    }
  }
  return std::nullopt;
}

std::optional<std::string> read_needed(const Image& img, const std::vector<Elf64_Phdr>& phs, const Elf64_Phdr& dyn,
                                       std::vector<std::string>& needed) {
  std::vector<std::uint64_t> name_offsets;
  std::optional<std::uint64_t> strtab;
  for (std::uint64_t at = dyn.p_offset; at + sizeof(Elf64_Dyn) <= dyn.p_offset + dyn.p_filesz; at += sizeof(Elf64_Dyn)) {
    auto d = img.at<Elf64_Dyn>(at);
    if (!d || d->d_tag == DT_NULL) break;
    if (d->d_tag == DT_NEEDED) name_offsets.push_back(d->d_un.d_val);
    if (d->d_tag == DT_STRTAB) strtab = file_offset(phs, d->d_un.d_ptr);
  }
  if (name_offsets.empty()) return std::nullopt;
  if (!strtab) return "the dynamic section has no string table";
  for (auto off : name_offsets) {
    auto name = img.string_at(*strtab + off);
    if (!name) return "a DT_NEEDED name lies outside the file";
    needed.push_back(*name);
  }
  return std::nullopt;
}

std::variant<ElfInfo, std::string> parse(const Image& img) {
  auto eh = img.at<Elf64_Ehdr>(0);
  if (!eh || std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) return std::string("not an ELF file");
  if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB) {
    return std::string("not a 64-bit little-endian ELF file");
  }
  ElfInfo info;
  info.file_bytes = img.size();
  const auto phs = program_headers(img, *eh);
  for (const auto& ph : phs) {
    if (ph.p_type == PT_INTERP) {
      auto interp = img.string_at(ph.p_offset);
      if (!interp) return std::string("the program interpreter lies outside the file");
      info.interpreter = *interp;
    }
    if (ph.p_type == PT_DYNAMIC) {
      if (auto error = read_needed(img, phs, ph, info.needed)) return *error;
    }
  }
  return info;
}

}  // namespace

std::variant<ElfInfo, std::string> read_elf_info(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in || !std::filesystem::is_regular_file(file)) return "cannot read " + file.string();
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto result = parse(Image(bytes.str()));
  if (auto* error = std::get_if<std::string>(&result)) *error = file.filename().string() + ": " + *error;
  return result;
}

}  // namespace apibench::reproduce

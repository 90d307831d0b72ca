#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "report/subprocess.hpp"
#include "reproduce/elf_info.hpp"

namespace rp = apibench::reproduce;
namespace fs = std::filesystem;

TEST(ElfInfo, ThisTestBinaryIsDynamicAndNeedsLibc) {
  auto result = rp::read_elf_info("/proc/self/exe");
  ASSERT_TRUE(std::holds_alternative<rp::ElfInfo>(result)) << std::get<std::string>(result);
  const auto& info = std::get<rp::ElfInfo>(result);
  EXPECT_FALSE(info.statically_linked());
  EXPECT_NE(info.interpreter.find("ld-linux"), std::string::npos) << info.interpreter;
  EXPECT_NE(std::find(info.needed.begin(), info.needed.end(), "libc.so.6"), info.needed.end());
  EXPECT_NE(std::find(info.needed.begin(), info.needed.end(), "libstdc++.so.6"), info.needed.end());
  EXPECT_EQ(info.file_bytes, fs::file_size(fs::read_symlink("/proc/self/exe")));
}

TEST(ElfInfo, StaticPieLdconfigNeedsNothing) {
  if (!fs::exists("/sbin/ldconfig")) GTEST_SKIP() << "no /sbin/ldconfig (Debian's is a static-pie binary)";
  auto result = rp::read_elf_info("/sbin/ldconfig");
  ASSERT_TRUE(std::holds_alternative<rp::ElfInfo>(result)) << std::get<std::string>(result);
  EXPECT_TRUE(std::get<rp::ElfInfo>(result).statically_linked());
}

TEST(ElfInfo, ScriptsTruncatedFilesAndMissingFilesAreErrors) {
  apibench::report::TempDir dir("reproduce-elf");
  std::ofstream(dir.path() / "run.sh") << "#!/bin/sh\nexec nginx\n";
  std::ofstream(dir.path() / "short") << "\x7f" "ELF\x02\x01";
  auto script = rp::read_elf_info(dir.path() / "run.sh");
  ASSERT_TRUE(std::holds_alternative<std::string>(script));
  EXPECT_NE(std::get<std::string>(script).find("not an ELF file"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<std::string>(rp::read_elf_info(dir.path() / "short")));
  EXPECT_TRUE(std::holds_alternative<std::string>(rp::read_elf_info(dir.path() / "absent")));
  EXPECT_TRUE(std::holds_alternative<std::string>(rp::read_elf_info(dir.path())));
}

#pragma once
// The real `apibench` binary as a child of a test: stdout and stderr to files
// (a pipe nobody reads could block it), waited for with a bound.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace harness {

struct Exit {
  bool exited = false;  // false: still running at the deadline (then killed)
  int code = -1;        // the exit code, or 128 + signal
  std::string out, err;
};

class ApibenchProcess {
 public:
  ApibenchProcess(const std::vector<std::string>& args, const std::filesystem::path& work_dir);
  ApibenchProcess(const ApibenchProcess&) = delete;
  ApibenchProcess& operator=(const ApibenchProcess&) = delete;
  ~ApibenchProcess();

  pid_t pid() const { return pid_; }
  void signal(int signal_number) const;
  // Waits up to timeout; kills it (SIGKILL) when it has not exited by then.
  Exit wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::filesystem::path out_path_, err_path_;
};

// Whether a process is gone: no such pid, or a zombie nobody reaped yet.
bool process_gone(pid_t pid);

std::string read_file(const std::filesystem::path& path);

}  // namespace harness

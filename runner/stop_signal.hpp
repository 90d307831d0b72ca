#pragma once
// Ctrl-C and SIGTERM during a run: the handler only raises a flag that every
// long wait of the runner (the load generator, the ready wait, idle
// connections) polls, so the run stops within a second and still writes
// run.json and stops its servers.
#include <atomic>
#include <string>

namespace apibench::runner {

// Installs SIGINT and SIGTERM handlers that raise the flag below.
void install_stop_handlers();

// Raised by the handlers (or by request_stop, for tests).
const std::atomic<bool>& stop_flag();
void request_stop(int signal_number);

// The signal that raised the flag; 0 when none did.
int stop_signal();

// "interrupted by SIGINT"
std::string stop_reason();

// The shell's convention for a process ended by a signal: 128 + its number (130 for SIGINT).
int stop_exit_code();

}  // namespace apibench::runner

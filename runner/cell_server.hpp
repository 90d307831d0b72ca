#pragma once
// The server of a cell as a child process: started pinned to the server CPUs
// with its stderr in the run's logs (and the allocation counter when asked),
// ready on its own free port, and stopped with SIGTERM at the end. The one way
// a cell starts and stops its server, alone (cell.cpp) or beside the other
// servers of its group (cell_group.cpp).
#include "runner/cell.hpp"
#include "runner/child_process.hpp"
#include "runner/load_cell.hpp"

namespace apibench::runner {

class CellServer {
 public:
  // Starts the server and waits for its ready line. Throws std::runtime_error.
  CellServer(const CellContext& ctx, const ServerManifest& server, const Workload& workload, unsigned connections);

  // The server as a load cell sees it; asking whether it is gone stops it when it is.
  RunningServer running();
  ChildProcess& process() { return child_; }
  unsigned port() const { return port_; }

  // Stops the server; one that does not end cleanly on SIGTERM fails the cell.
  void stop(const CellContext& ctx, CellResult& cell);

 private:
  ChildProcess child_;
  unsigned port_ = 0;
};

}  // namespace apibench::runner

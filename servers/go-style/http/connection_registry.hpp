#pragma once
// The open connections, so that graceful shutdown can close the idle ones
// (net/http's Server.Shutdown does the same with its activeConn set).
#include <memory>
#include <mutex>
#include <unordered_map>

#include "http/connection.hpp"

namespace gohttp {

class ConnectionRegistry {
 public:
  void add(const std::shared_ptr<Connection>& connection);
  void remove(const Connection* connection);
  // Asks every connection to close if it is waiting for a request; busy ones
  // finish their request and close on their own once they see the drain flag.
  void close_idle();

 private:
  std::mutex mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
};

}  // namespace gohttp

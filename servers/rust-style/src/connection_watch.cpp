#include "connection_watch.hpp"

namespace apibench::rust_style {
namespace {

void cancel_socket(void* socket) noexcept {
  boost::system::error_code ignored;
  static_cast<boost::asio::ip::tcp::socket*>(socket)->cancel(ignored);
}

}  // namespace

ConnectionWatch::ConnectionWatch(boost::asio::ip::tcp::socket& socket) noexcept
    : on_expiry_(cancel_socket), target_(&socket) {}

}  // namespace apibench::rust_style

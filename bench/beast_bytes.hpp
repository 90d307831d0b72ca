#pragma once
// The bytes the go-style server's http::async_write would put on the socket
// for a response: Beast's serializer run to completion into a string, so the
// response framing can be measured without a socket.
#include <string>

#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/buffer_traits.hpp>
#include <boost/beast/http/serializer.hpp>

#include "http/types.hpp"

namespace apibench::bench {

inline void append_wire_bytes(gohttp::Response& response, std::string& out) {
  gohttp::http::response_serializer<gohttp::http::string_body> serializer{response};
  boost::system::error_code ec;
  while (!ec && !serializer.is_done()) {
    serializer.next(ec, [&](boost::system::error_code&, const auto& buffers) {
      for (const auto buffer : boost::beast::buffers_range_ref(buffers)) {
        out.append(static_cast<const char*>(buffer.data()), buffer.size());
      }
      serializer.consume(boost::beast::buffer_bytes(buffers));
    });
  }
}

}  // namespace apibench::bench

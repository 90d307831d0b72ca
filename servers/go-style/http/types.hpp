#pragma once
// The HTTP vocabulary of the server: Beast's messages, as net/http's Request and
// ResponseWriter are Go's, and a TCP stream whose home is the connection task's strand.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "gort/task.hpp"

namespace gohttp {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
using RequestParser = http::request_parser<http::string_body>;
using Socket = boost::asio::basic_stream_socket<tcp, gort::TaskExecutor>;
using Stream = beast::basic_stream<tcp, gort::TaskExecutor>;

}  // namespace gohttp

#pragma once
// What answering one request needs only until its response is in the output
// batch, never across an await: the parsed head (room for 100 header views),
// the string a body is serialized into, and the route handlers with the order
// decoder's buffers. A loop runs one request at a time, so its connections
// take turns with one RequestScratch that the loop owns, and an idle
// connection holds none of it (in hyper, too, a parsed head lives only while
// a request is being dispatched).
#include <string>

#include "handlers.hpp"
#include "http_parser.hpp"

namespace apibench::rust_style {

struct RequestScratch {
  explicit RequestScratch(ServerState& state) : handlers(state) {}
  RequestScratch(const RequestScratch&) = delete;
  RequestScratch& operator=(const RequestScratch&) = delete;

  RequestHead head;
  std::string body;
  Handlers handlers;
};

}  // namespace apibench::rust_style

#pragma once
// Building responses: the status line and body; the connection adds the headers
// every response carries (Server, Date, Content-Length, Connection).
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace gohttp {

Response reply(int status, std::string_view content_type, std::string body);
// {"error":"<reason>"} as application/json; reasons are fixed strings from the contract.
Response error_reply(int status, std::string_view reason);

// Adds the headers common to every response; `close` says this is the last one.
void finish_response(Response& response, unsigned request_version, bool close);

}  // namespace gohttp

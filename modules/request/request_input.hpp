#pragma once
// The request body as a handler sees it (httpd's HTTP_IN filter behind
// ap_discard_request_body and ap_get_client_block). The runtime gives each
// request read from a connection one (Request::input); subrequests have
// none.

#include <cstddef>

namespace feather {

struct Request;

class RequestInput {
public:
    virtual ~RequestInput() = default;

    // ap_discard_request_body: reads and drops what is left of the body so
    // that the connection can carry the next request. 0, or the status to
    // answer with (400, 408, 413); after an error the connection is not
    // reused. A handler that does not read the body calls it first.
    virtual int discard(Request& r) = 0;

    // ap_get_client_block: up to `cap` bytes of the body (chunks decoded),
    // "100 Continue" first when the client waits for it. 0 at the end of
    // the body, -1 on an error (the connection is not reused).
    virtual long read(Request& r, char* buf, std::size_t cap) = 0;
};

}  // namespace feather

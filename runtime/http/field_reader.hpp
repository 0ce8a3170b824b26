#pragma once
// Header lines turned into fields, one line at a time, as httpd's
// ap_get_mime_headers_core does: obs-fold lines joined (within
// LimitRequestFieldSize), LimitRequestFields counted, names and values
// checked by the Strict (RFC 7230 token / field-content) or the Unsafe
// (legacy) rules, then repeated names combined and the combined values held
// to LimitRequestFieldSize. Used for request heads and chunked trailers.

#include <string>
#include <string_view>

#include "modules/request/request.hpp"
#include "runtime/http/request_reader.hpp"

namespace feather::runtime {

class FieldReader {
public:
    static constexpr int kDone = -1;

    FieldReader(const HeadLimits& limits, Request& r, Headers& into);

    // One line without its end. Returns 0 to go on, kDone after the empty
    // line (the fields are in `into` then), or 400 (error-notes set in
    // r.notes where httpd sets them).
    int line(std::string_view text);

private:
    int take_last();

    const HeadLimits& limits_;
    Request& r_;
    Headers& into_;
    Headers read_;
    std::string last_;
    bool have_last_ = false;
    int fields_read_ = 0;
};

}  // namespace feather::runtime

#pragma once
// What ap_check_request_header checks once the host is fixed and the virtual
// host chosen (that part is VhostSelector::check_request_host): Expect,
// where only "100-continue" is understood. Pure.

#include "modules/request/request.hpp"

namespace feather::runtime {

// 0 (r.expecting_100 set for "100-continue"), or 417 for any other
// expectation (AH00570).
int check_expect(Request& r);

}  // namespace feather::runtime

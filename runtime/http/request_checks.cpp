#include "runtime/http/request_checks.hpp"

#include "modules/request/headers.hpp"

namespace feather::runtime {

int check_expect(Request& r)
{
    const auto expect = r.headers_in.get("Expect");
    if (!expect || expect->empty()) {
        return 0;
    }
    if (!iequal(*expect, "100-continue")) {
        return 417;
    }
    r.expecting_100 = true;
    return 0;
}

}  // namespace feather::runtime

#include "runtime/http/request_body.hpp"

namespace feather::runtime {

bool discard_request_body(InputBuffer& in, SocketIo& io, Request& r, std::chrono::milliseconds timeout)
{
    if (r.request_chunked) {
        return false;  // PENDING: chunked bodies are not decoded yet; close instead
    }
    std::uint64_t left = r.request_body_length.value_or(0);
    while (left > 0) {
        const std::string_view avail = in.view();
        if (!avail.empty()) {
            const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(left, avail.size()));
            in.consume(take);
            left -= take;
            continue;
        }
        in.compact();
        char buf[16384];
        std::size_t got = 0;
        if (io.read_some(buf, sizeof buf, got, timeout) != IoResult::Ok) {
            return false;
        }
        in.data.append(buf, got);
    }
    return true;
}

}  // namespace feather::runtime

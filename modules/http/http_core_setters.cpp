// http_core's directives: KeepAlive, KeepAliveTimeout, MaxKeepAliveRequests.

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "modules/http/http_config.hpp"
#include "modules/http/http_core_setters.hpp"

namespace feather::mod::http {

namespace {

// ap_timeout_parameter_parse: a non-negative number with an optional unit
// ("ms", "s", "mi", "h"; only the leading letters count), in `unit` when
// none is given.
std::optional<std::chrono::microseconds> parse_timeout(const std::string& text,
                                                       std::string_view unit)
{
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || v < 0) {
        return std::nullopt;
    }
    std::string_view suffix = (end == nullptr || *end == '\0') ? unit : std::string_view(end);
    constexpr long long kMax = std::numeric_limits<std::int64_t>::max();
    long long usec = 0;
    auto scaled = [&](long long limit, long long factor) -> bool {
        if (v > limit) {
            return false;
        }
        usec = v * factor;
        return true;
    };
    bool ok = false;
    if (!suffix.empty() && suffix[0] == 's') {
        ok = scaled(kMax / 1000000, 1000000);
    } else if (!suffix.empty() && suffix[0] == 'h') {
        ok = scaled(kMax / 3600 / 1000000, 3600LL * 1000000);
    } else if (suffix.size() >= 2 && suffix[0] == 'm' && suffix[1] == 's') {
        ok = scaled(kMax / 1000, 1000);
    } else if (suffix.size() >= 2 && suffix[0] == 'm' && suffix[1] == 'i') {
        ok = scaled(kMax / 60 / 1000000, 60LL * 1000000);
    }
    if (!ok) {
        return std::nullopt;
    }
    return std::chrono::microseconds(usec);
}

}  // namespace

Status set_keep_alive_timeout(Cmd& cmd, const Args& args)
{
    const auto timeout = parse_timeout(args[0], "s");
    if (!timeout) {
        return "KeepAliveTimeout has wrong format";
    }
    auto& conf = server_conf<HttpServerConfig>(cmd);
    conf.keep_alive_timeout.set(*timeout, cmd.loc());
    if (cmd.is_virtual()) {
        conf.keep_alive_timeout_own = true;
    }
    return std::nullopt;
}

Status set_max_keep_alive_requests(Cmd& cmd, const Args& args)
{
    const int max = static_cast<int>(std::strtol(args[0].c_str(), nullptr, 10));  // atoi
    server_conf<HttpServerConfig>(cmd).max_keep_alive_requests.set(max, cmd.loc());
    return std::nullopt;
}

Status set_keep_alive(Cmd& cmd, const Args& args)
{
    server_conf<HttpServerConfig>(cmd).keep_alive.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::http

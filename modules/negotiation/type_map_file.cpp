// Opening a type map and reading it into a negotiation (the file side of
// httpd's read_type_map).

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "modules/negotiation/negotiation_state.hpp"
#include "modules/negotiation/type_map.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::negotiation {

namespace {

// The whole map: it is small, and read once per request.
bool read_all(const std::string& path, std::string& out, int& error)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = errno;
        return false;
    }
    char buf[16384];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            error = errno;
            ::close(fd);
            return false;
        }
        if (n == 0) {
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return true;
}

}  // namespace

Verdict load_type_map(Request& r, Request& map, Negotiation& neg)
{
    neg.multiviews_count = 0;
    std::string text;
    int error = 0;
    if (!read_all(map.filename, text, error)) {
        r.services->log(r, ModuleId::Negotiation, LogLevel::Error,
                        "AH00683: cannot access type map file: " + map.filename, error);
        return Verdict::http(error == ENOTDIR || error == ENOENT ? 404 : 403);
    }
    const std::string map_name = map.filename.substr(map.filename.rfind('/') + 1);
    TypeMapRead read = read_type_map(text, map_name, r.filename);
    for (const std::string& e : read.errors) {
        r.services->log(r, ModuleId::Negotiation, LogLevel::Error, e);
    }
    if (read.server_error) {
        return Verdict::http(500);
    }
    neg.variants = std::move(read.variants);
    r.vlist_validator = r.services->entity_tag(map);
    return Verdict::ok();
}

}  // namespace feather::mod::negotiation

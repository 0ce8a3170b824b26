#include "runtime/http/etag.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/file_digest.hpp"
#include "runtime/http/response_meta.hpp"

namespace feather::runtime {

namespace {

using namespace mod::core;

constexpr std::int64_t kUsecPerSec = 1000000;

// Lower-case hex without leading zeros ("0" for zero).
void append_hex(std::string& out, std::uint64_t v)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    char buf[16];
    int n = 0;
    do {
        buf[n++] = kDigits[v & 0xf];
        v >>= 4;
    } while (v != 0);
    while (n > 0) {
        out.push_back(buf[--n]);
    }
}

// FileETag Digest: base64 of the SHA-1 of the whole file.
std::optional<std::string> file_digest(const Request& r, int fd)
{
    int own = -1;
    if (fd < 0) {
        own = ::open(r.filename.c_str(), O_RDONLY | O_CLOEXEC);
        if (own < 0) {
            r.services->log(r, ModuleId::Core, LogLevel::Error,
                            "AH10251: Make etag: could not open " + r.filename, errno);
            return std::nullopt;
        }
        fd = own;
    }
    auto digest = file_digest_base64(fd, DigestKind::Sha1);
    if (!digest) {
        r.services->log(r, ModuleId::Core, LogLevel::Error, "AH10254: Make etag: could not read",
                        errno);
    }
    if (own >= 0) {
        ::close(own);
    }
    return digest;
}

}  // namespace

std::string make_etag(const Request& r, bool force_weak, int fd)
{
    const auto& conf = get<CoreDirConfig>(*r.per_dir);
    const unsigned bits_set = (conf.etag_bits & ~conf.etag_remove) | conf.etag_add;
    bool weak = force_weak;

    // negotiation's variant list validator joins the tag, and makes it weak
    // when it is weak itself
    std::string_view vlv;
    if (!r.vlist_validator.empty()) {
        vlv = r.vlist_validator;
        if (vlv.front() == 'W') {
            vlv.remove_prefix(std::min<std::size_t>(3, vlv.size()));
            weak = true;
        } else {
            vlv.remove_prefix(1);
        }
    }
    auto finish = [&](std::string body) {
        std::string tag = weak ? "W/\"" : "\"";
        tag += body;
        if (!r.vlist_validator.empty()) {
            // httpd copies the validator with apr_cpystrn and a length
            // that counts its closing quote: the quote is lost, and with
            // it the tag's own closing quote.
            tag.push_back(';');
            tag.append(vlv.substr(0, vlv.empty() ? 0 : vlv.size() - 1));
        } else {
            tag.push_back('"');
        }
        return tag;
    };

    const bool is_file = r.finfo && S_ISREG(r.finfo->st_mode);
    if (is_file && (bits_set & kEtagDigest)) {
        auto digest = file_digest(r, fd);
        return digest ? finish(*digest) : std::string();
    }
    if (bits_set & kEtagNone) {
        return std::string();
    }
    unsigned bits = bits_set == kEtagUnset ? unsigned{kEtagBackward} : bits_set;

    const std::int64_t mtime = r.finfo ? mtime_us_of(*r.finfo) : 0;
    // Changed within the second before the request: it may change again
    // within that second, so the tag can only be weak.
    if (r.request_time_us - mtime < kUsecPerSec) {
        weak = true;
    }
    std::string body;
    if (r.finfo) {
        bool added = false;
        if (bits & kEtagInode) {
            append_hex(body, static_cast<std::uint64_t>(r.finfo->st_ino));
            added = true;
        }
        if (bits & kEtagSize) {
            if (added) {
                body.push_back('-');
            }
            append_hex(body, static_cast<std::uint64_t>(r.finfo->st_size));
            added = true;
        }
        if (bits & kEtagMtime) {
            if (added) {
                body.push_back('-');
            }
            append_hex(body, static_cast<std::uint64_t>(mtime));
        }
    } else {
        append_hex(body, static_cast<std::uint64_t>(mtime));
    }
    return finish(std::move(body));
}

void set_etag(Request& r, int fd)
{
    const std::string etag = make_etag(r, false, fd);
    if (!etag.empty()) {
        set_header_in_place(r.headers_out, "ETag", etag);
    } else {
        r.notes.set("no-etag", "omit");
    }
}

}  // namespace feather::runtime

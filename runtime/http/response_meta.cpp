#include "runtime/http/response_meta.hpp"

#include <sys/stat.h>

#include <ctime>

#include "modules/config_sets.hpp"
#include "runtime/http/response_writer.hpp"

namespace feather::runtime {

namespace {

constexpr std::int64_t kUsecPerSec = 1000000;

std::int64_t now_us()
{
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * kUsecPerSec + ts.tv_nsec / 1000;
}

}  // namespace

std::string make_content_type(const Request& r, std::string_view type)
{
    if (type.empty()) {
        return std::string();
    }
    if (!r.per_dir) {
        return std::string(type);
    }
    const auto& charset = get<mod::core::CoreDirConfig>(*r.per_dir).uncommon().add_default_charset;
    if (!charset.is_set() || !charset.value->has_value()) {
        return std::string(type);
    }
    // Substring tests, case-sensitive, as apr_strmatch does them.
    if (type.find("charset=") != std::string_view::npos) {
        return std::string(type);
    }
    if (type.find("text/plain") == std::string_view::npos &&
        type.find("text/html") == std::string_view::npos) {
        return std::string(type);
    }
    std::string out(type);
    out += "; charset=";
    out += **charset.value;
    return out;
}

void update_mtime(Request& r, std::int64_t mtime_us)
{
    if (r.mtime_us < mtime_us) {
        r.mtime_us = mtime_us;
    }
}

std::int64_t rationalize_mtime(const Request& r, std::int64_t mtime_us)
{
    // The request's time is "now" for anything older; a newer mtime asks
    // the clock.
    const std::int64_t now = mtime_us < r.request_time_us ? r.request_time_us : now_us();
    return mtime_us > now ? now : mtime_us;
}

void set_last_modified(Request& r)
{
    if (r.assbackwards) {
        return;
    }
    const std::int64_t t = rationalize_mtime(r, r.mtime_us);
    set_header_in_place(r.headers_out, "Last-Modified", http_date(t / kUsecPerSec));
}

void set_header_in_place(Headers& h, std::string_view name, std::string_view value)
{
    if (!h.has(name)) {
        h.add(name, value);
        return;
    }
    Headers out;
    bool done = false;
    for (const auto& f : h.fields()) {
        if (!iequal(f.name, name)) {
            out.add(f.name, f.value);
        } else if (!done) {
            out.add(f.name, value);
            done = true;
        }
    }
    h = std::move(out);
}

void set_content_length(Request& r, std::uint64_t length)
{
    set_header_in_place(r.headers_out, "Content-Length", std::to_string(length));
}

void set_accept_ranges(Request& r)
{
    const auto& max_ranges = get<mod::core::CoreDirConfig>(*r.per_dir).uncommon().max_ranges;
    const bool none =
        max_ranges.is_set() && max_ranges.value->kind == mod::core::RangeLimit::Kind::None;
    set_header_in_place(r.headers_out, "Accept-Ranges", none ? "none" : "bytes");
}

std::int64_t mtime_us_of(const struct stat& st)
{
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * kUsecPerSec + st.st_mtim.tv_nsec / 1000;
}

}  // namespace feather::runtime

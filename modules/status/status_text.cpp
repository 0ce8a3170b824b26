#include "modules/status/status_text.hpp"

#include <ctime>

#include "modules/status/apr_number.hpp"

namespace feather::mod::status {

namespace {

constexpr std::int64_t kKilo = 1024;
constexpr std::int64_t kMega = 1048576;
constexpr std::int64_t kGiga = 1073741824;

}  // namespace

// httpd divides in float: the same rounding shows.
std::string format_bytes(std::int64_t bytes)
{
    if (bytes < 5 * kKilo) {
        return std::to_string(static_cast<int>(bytes)) + " B";
    }
    if (bytes < kMega / 2) {
        return apr_f(static_cast<float>(bytes) / kKilo, 1) + " kB";
    }
    if (bytes < kGiga / 2) {
        return apr_f(static_cast<float>(bytes) / kMega, 1) + " MB";
    }
    return apr_f(static_cast<float>(bytes) / kGiga, 1) + " GB";
}

std::string format_kbytes(std::int64_t kbytes)
{
    if (kbytes < kKilo) {
        return std::to_string(static_cast<int>(kbytes)) + " kB";
    }
    if (kbytes < kMega) {
        return apr_f(static_cast<float>(kbytes) / kKilo, 1) + " MB";
    }
    return apr_f(static_cast<float>(kbytes) / kMega, 1) + " GB";
}

std::string uptime_text(std::uint32_t seconds)
{
    const int secs = static_cast<int>(seconds % 60);
    seconds /= 60;
    const int mins = static_cast<int>(seconds % 60);
    seconds /= 60;
    const int hours = static_cast<int>(seconds % 24);
    const int days = static_cast<int>(seconds / 24);
    std::string out;
    auto part = [&](int n, const char* unit) {
        if (n != 0) {
            out += " " + std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
        }
    };
    part(days, "day");
    part(hours, "hour");
    part(mins, "minute");
    part(secs, "second");
    return out;
}

std::string default_time(std::int64_t time_us)
{
    const std::time_t t = static_cast<std::time_t>(time_us / 1000000);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char buf[128];
    const std::size_t n = std::strftime(buf, sizeof buf, "%A, %d-%b-%Y %H:%M:%S %Z", &tm);
    return std::string(buf, n);
}

std::string escape_html(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

}  // namespace feather::mod::status

#include "runtime/http/http_date.hpp"

#include <cctype>

namespace feather::runtime {

namespace {

bool is_space(unsigned char c) { return std::isspace(c) != 0; }

// apr_date_checkmask: '@' upper, '$' lower, '#' digit, '~' digit or space,
// '*' the rest; other mask bytes match themselves.
bool check_mask(std::string_view data, std::string_view mask)
{
    for (std::size_t i = 0;; ++i) {
        const char d = i < data.size() ? data[i] : '\0';
        if (i == mask.size()) {
            return d == '\0';
        }
        const char m = mask[i];
        const auto u = static_cast<unsigned char>(d);
        switch (m) {
        case '*': return true;
        case '@':
            if (!std::isupper(u)) {
                return false;
            }
            break;
        case '$':
            if (!std::islower(u)) {
                return false;
            }
            break;
        case '#':
            if (!std::isdigit(u)) {
                return false;
            }
            break;
        case '~':
            if (d != ' ' && !std::isdigit(u)) {
                return false;
            }
            break;
        default:
            if (m != d) {
                return false;
            }
            break;
        }
    }
}

int digits2(std::string_view s, std::size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

}  // namespace

std::int64_t parse_http_date(std::string_view date)
{
    date = date.substr(0, date.find('\0'));
    std::size_t i = 0;
    while (i < date.size() && is_space(static_cast<unsigned char>(date[i]))) {
        ++i;
    }
    if (i == date.size()) {
        return 0;
    }
    const auto space = date.find(' ', i);
    if (space == std::string_view::npos) {
        return 0;
    }
    const std::string_view d = date.substr(space + 1);
    int year = 0;
    int mday = 0;
    std::string_view mon_str;
    std::string_view time_str;
    if (check_mask(d, "## @$$ #### ##:##:## *")) {
        year = (digits2(d, 7) - 19) * 100;
        if (year < 0) {
            return 0;
        }
        year += digits2(d, 9);
        mday = digits2(d, 0);
        mon_str = d.substr(3);
        time_str = d.substr(12);
    } else if (check_mask(d, "##-@$$-## ##:##:## *")) {
        year = digits2(d, 7);
        if (year < 70) {
            year += 100;
        }
        mday = digits2(d, 0);
        mon_str = d.substr(3);
        time_str = d.substr(10);
    } else if (check_mask(d, "@$$ ~# ##:##:## ####*")) {
        year = (digits2(d, 16) - 19) * 100;
        if (year < 0) {
            return 0;
        }
        year += digits2(d, 18);
        mday = (d[4] == ' ' ? 0 : (d[4] - '0') * 10) + (d[5] - '0');
        mon_str = d;
        time_str = d.substr(7);
    } else if (check_mask(d, "# @$$ #### ##:##:## *")) {
        year = (digits2(d, 6) - 19) * 100;
        if (year < 0) {
            return 0;
        }
        year += digits2(d, 8);
        mday = d[0] - '0';
        mon_str = d.substr(2);
        time_str = d.substr(11);
    } else {
        return 0;
    }
    if (mday <= 0 || mday > 31) {
        return 0;
    }
    const int hour = digits2(time_str, 0);
    const int min = digits2(time_str, 3);
    const int sec = digits2(time_str, 6);
    if (hour > 23 || min > 59 || sec > 61) {
        return 0;
    }
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int mon = 0;
    while (mon < 12 && mon_str.substr(0, 3) != kMonths[mon]) {
        ++mon;
    }
    if (mon == 12) {
        return 0;
    }
    if (mday == 31 && (mon == 3 || mon == 5 || mon == 8 || mon == 10)) {
        return 0;
    }
    if (mon == 1 && (mday > 29 || (mday == 29 && ((year & 3) != 0 ||
                                                  ((year % 100) == 0 && (year % 400) != 100))))) {
        return 0;
    }
    // apr_implode_time: days counted from 1 March 1900, years before 1970
    // refused.
    if (year < 70) {
        return 0;
    }
    static constexpr int kDayOffset[12] = {306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275};
    std::int64_t y = year;
    if (mon < 2) {
        --y;
    }
    std::int64_t days = y * 365 + y / 4 - y / 100 + (y / 100 + 3) / 4;
    days += kDayOffset[mon] + mday - 1;
    days -= 25508;
    const std::int64_t secs = ((days * 24 + hour) * 60 + min) * 60 + sec;
    return secs < 0 ? 0 : secs;
}

}  // namespace feather::runtime

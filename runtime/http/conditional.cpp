#include "runtime/http/conditional.hpp"

#include <cctype>

#include "modules/core/methods.hpp"

namespace feather::runtime {

namespace {

constexpr std::int64_t kUsecPerSec = 1000000;

bool is_space(unsigned char c) { return std::isspace(c) != 0; }

// The response's Last-Modified in seconds, else r's mtime, else now.
std::int64_t response_mtime(const Request& r, std::int64_t now_us)
{
    const auto lm = r.headers_out.get("Last-Modified");
    const std::int64_t mtime = lm ? parse_http_date(*lm) : 0;
    if (mtime != 0) {
        return mtime;
    }
    return (r.mtime_us != 0 ? r.mtime_us : now_us) / kUsecPerSec;
}

// The response's Date in seconds, else the request's time.
std::int64_t response_time(const Request& r)
{
    const auto date = r.headers_out.get("Date");
    const std::int64_t t = date ? parse_http_date(*date) : 0;
    return t != 0 ? t : r.request_time_us / kUsecPerSec;
}

std::int64_t now_us_of(const Request& r)
{
    // apr_time_now() where httpd calls it: only without any mtime.
    if (r.mtime_us != 0) {
        return r.mtime_us;
    }
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * kUsecPerSec + ts.tv_nsec / 1000;
}

enum class EtagKind { Strong, Weak };

// find_list_item of server/util.c for entity tags: compares `tok` with
// each item of `line`, skipping blanks around separators and comparing
// case-insensitively outside quoted strings and comments. The quoting state
// carries over from one item to the next, as in httpd.
bool find_etag(std::string_view line, std::string_view tok, EtagKind kind)
{
    auto at = [](std::string_view s, std::size_t i) { return i < s.size() ? s[i] : '\0'; };
    if (kind == EtagKind::Strong && at(tok, 0) != '"') {
        return false;
    }
    if (kind == EtagKind::Weak) {
        if (at(tok, 0) == 'W' && at(tok, 1) == '/' && at(tok, 2) == '"') {
            tok.remove_prefix(2);
        } else if (at(tok, 0) != '"') {
            return false;
        }
    }
    line = line.substr(0, line.find('\0'));
    std::size_t ptr = 0;
    bool good = false;
    int addspace = 0;
    bool in_qpair = false;
    bool in_qstr = false;
    int in_com = 0;
    do {
        while (at(line, ptr) == ',' ||
               (ptr < line.size() && is_space(static_cast<unsigned char>(line[ptr])))) {
            ++ptr;
        }
        if (kind == EtagKind::Strong && at(line, ptr) != '"') {
            break;
        }
        if (kind == EtagKind::Weak) {
            if (at(line, ptr) == 'W' && at(line, ptr + 1) == '/' && at(line, ptr + 2) == '"') {
                ptr += 2;
            } else if (at(line, ptr) != '"') {
                break;
            }
        }
        if (ptr >= line.size()) {
            break;
        }
        good = true;
        std::size_t pos = 0;
        auto next_is = [&](char c) { return at(tok, pos++) == c; };
        for (; ptr < line.size() && (in_qpair || in_qstr || in_com != 0 || line[ptr] != ',');
             ++ptr) {
            const char c = line[ptr];
            if (in_qpair) {
                in_qpair = false;
                if (good) {
                    good = next_is(c);
                }
                continue;
            }
            switch (c) {
            case '\\':
                in_qpair = true;
                if (addspace == 1) {
                    good = good && next_is(' ');
                }
                good = good && next_is(c);
                addspace = 0;
                break;
            case '"':
                if (in_com == 0) {
                    in_qstr = !in_qstr;
                }
                if (addspace == 1) {
                    good = good && next_is(' ');
                }
                good = good && next_is(c);
                addspace = 0;
                break;
            case '(':
                if (!in_qstr) {
                    ++in_com;
                }
                if (addspace == 1) {
                    good = good && next_is(' ');
                }
                good = good && next_is(c);
                addspace = 0;
                break;
            case ')':
                if (in_com != 0) {
                    --in_com;
                }
                good = good && next_is(c);
                addspace = 0;
                break;
            case ' ':
            case '\t':
                if (addspace != 0 || !good) {
                    break;
                }
                if (in_com != 0 || in_qstr) {
                    good = next_is(c);
                } else {
                    addspace = 1;
                }
                break;
            case '=':
            case '/':
            case ';':
                if (!(in_com != 0 || in_qstr)) {
                    addspace = -1;
                }
                good = good && next_is(c);
                break;
            default:
                if (!good) {
                    break;
                }
                if (addspace == 1) {
                    good = next_is(' ');
                }
                if (in_com != 0 || in_qstr) {
                    good = good && next_is(c);
                } else {
                    good = good && std::tolower(static_cast<unsigned char>(at(tok, pos++))) ==
                                       std::tolower(static_cast<unsigned char>(c));
                }
                addspace = 0;
                break;
            }
        }
        if (good && pos < tok.size()) {
            good = false;  // only a prefix matched
        }
    } while (ptr < line.size() && !good);
    return good;
}

}  // namespace

bool find_etag_strong(std::string_view line, std::string_view tag)
{
    return find_etag(line, tag, EtagKind::Strong);
}

bool find_etag_weak(std::string_view line, std::string_view tag)
{
    return find_etag(line, tag, EtagKind::Weak);
}

Condition condition_if_match(const Request& r)
{
    const auto if_match = r.headers_in.get("If-Match");
    if (!if_match) {
        return Condition::None;
    }
    const auto etag = r.headers_out.get("ETag");
    if ((!if_match->empty() && if_match->front() == '*') ||
        (etag && find_etag_strong(*if_match, *etag))) {
        return Condition::Strong;
    }
    return Condition::NoMatch;
}

Condition condition_if_unmodified_since(const Request& r)
{
    const auto ius_text = r.headers_in.get("If-Unmodified-Since");
    if (!ius_text) {
        return Condition::None;
    }
    const std::int64_t ius = parse_http_date(*ius_text);
    const std::int64_t mtime = response_mtime(r, now_us_of(r));
    const std::int64_t reqtime = response_time(r);
    if (ius != 0 && mtime > ius) {
        if (reqtime < mtime + 60) {
            // weak matches are not allowed with Range requests
            return r.headers_in.has("Range") ? Condition::NoMatch : Condition::Weak;
        }
        return Condition::Strong;
    }
    return Condition::NoMatch;
}

Condition condition_if_none_match(const Request& r)
{
    const auto inm = r.headers_in.get("If-None-Match");
    if (!inm) {
        return Condition::None;
    }
    if (!inm->empty() && inm->front() == '*') {
        return Condition::Strong;
    }
    const auto etag = r.headers_out.get("ETag");
    // Weak comparison for GET and HEAD, unless a range is asked for.
    if (r.method_number == mod::core::kMethodGet) {
        if (etag) {
            if (r.headers_in.has("Range")) {
                if (find_etag_strong(*inm, *etag)) {
                    return Condition::Strong;
                }
            } else if (find_etag_weak(*inm, *etag)) {
                return Condition::Weak;
            }
        }
    } else if (etag && find_etag_strong(*inm, *etag)) {
        return Condition::Strong;
    }
    return Condition::NoMatch;
}

Condition condition_if_modified_since(const Request& r)
{
    const auto ims_text = r.headers_in.get("If-Modified-Since");
    if (!ims_text) {
        return Condition::None;
    }
    const std::int64_t mtime = response_mtime(r, now_us_of(r));
    const std::int64_t reqtime = response_time(r);
    const std::int64_t ims = parse_http_date(*ims_text);
    // A date later than the request's is invalid.
    if (ims >= mtime && ims <= reqtime) {
        if (reqtime < mtime + 60) {
            return r.headers_in.has("Range") ? Condition::NoMatch : Condition::Weak;
        }
        return Condition::Strong;
    }
    return Condition::NoMatch;
}

Condition condition_if_range(const Request& r)
{
    const auto if_range = r.headers_in.get("If-Range");
    if (!if_range || !r.headers_in.has("Range")) {
        return Condition::None;
    }
    if (!if_range->empty() && if_range->front() == '"') {
        const auto etag = r.headers_out.get("ETag");
        return etag && *etag == *if_range ? Condition::Strong : Condition::NoMatch;
    }
    const std::int64_t mtime = response_mtime(r, now_us_of(r));
    const std::int64_t reqtime = response_time(r);
    const std::int64_t rtime = parse_http_date(*if_range);
    if (rtime == mtime) {
        // a date within a minute of the request is too weak for ranges
        return reqtime < mtime + 60 ? Condition::NoMatch : Condition::Strong;
    }
    return Condition::NoMatch;
}

int meets_conditions(const Request& r)
{
    // Only successful responses, never for a subrequest or an ErrorDocument
    // (httpd's no_local_copy).
    if (r.status < 200 || r.status >= 300 || r.main != nullptr) {
        return 0;
    }
    for (const Request* p = r.prev; p != nullptr; p = p->prev) {
        if (p->status < 200 || p->status >= 300) {
            return 0;
        }
    }
    int not_modified = -1;  // unset

    if (condition_if_match(r) == Condition::NoMatch) {
        return 412;
    }

    Condition cond = condition_if_unmodified_since(r);
    if (cond == Condition::NoMatch) {
        not_modified = 0;
    } else if (cond >= Condition::Weak) {
        return 412;
    }

    cond = condition_if_none_match(r);
    if (cond == Condition::NoMatch) {
        not_modified = 0;
    } else if (cond >= Condition::Weak) {
        if (r.method_number != mod::core::kMethodGet) {
            return 412;
        }
        if (not_modified != 0) {
            not_modified = 1;
        }
    }

    cond = condition_if_modified_since(r);
    if (cond == Condition::NoMatch) {
        not_modified = 0;
    } else if (cond >= Condition::Weak && r.method_number == mod::core::kMethodGet &&
               not_modified != 0) {
        not_modified = 1;
    }

    // With If-Range and Range, the byterange filter decides.
    if (condition_if_range(r) > Condition::None) {
        return 0;
    }
    return not_modified == 1 ? 304 : 0;
}

}  // namespace feather::runtime

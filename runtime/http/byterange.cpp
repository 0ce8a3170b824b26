#include "runtime/http/byterange.hpp"

#include <cerrno>
#include <cstdlib>
#include <random>
#include <vector>

#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/conditional.hpp"
#include "runtime/http/response_meta.hpp"

namespace feather::runtime {

namespace {

using mod::core::RangeLimit;

constexpr int kDefaultMaxRanges = 200;
constexpr int kDefaultMaxOverlaps = 20;
constexpr int kDefaultMaxReversals = 20;

struct Range {
    std::int64_t start;
    std::int64_t end;
};

// The limit httpd applies: negative for none at all.
int limit_of(const Setting<RangeLimit>& s, int dflt)
{
    if (!s.is_set()) {
        return dflt;
    }
    switch (s.value->kind) {
    case RangeLimit::Kind::None: return 0;
    case RangeLimit::Kind::Default: return dflt;
    case RangeLimit::Kind::Unlimited: return -1;
    case RangeLimit::Kind::Count: return s.value->count;
    }
    return dflt;
}

// ap_parse_strict_length: digits only, fitting in an off_t.
bool strict_length(std::string_view s, std::int64_t& out)
{
    if (s.empty() || s.front() < '0' || s.front() > '9') {
        return false;
    }
    const std::string text(s);
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (errno == ERANGE || *end != '\0') {
        return false;
    }
    out = v;
    return true;
}

std::uint64_t body_length(const Request& r)
{
    std::uint64_t n = 0;
    for (const auto& part : r.body) {
        if (const auto* s = std::get_if<std::string>(&part)) {
            n += s->size();
        } else {
            n += std::get<FileRange>(part).length;
        }
    }
    return n;
}

// ap_set_byterange: the merged ranges of r's Range header for a body of
// `clength` bytes. Returns their number, 0 to ignore the header, -1 when
// none is satisfiable. Sets r.status to 206 when there are ranges.
int set_byterange(Request& r, std::int64_t clength, std::vector<Range>& out, int& overlaps,
                  int& reversals)
{
    overlaps = 0;
    reversals = 0;
    if (r.assbackwards) {
        return 0;
    }
    const auto header = r.headers_in.get("Range");
    if (!header || header->size() < 6 || !iequal(header->substr(0, 6), "bytes=") ||
        r.status != 200) {
        return 0;
    }
    if (r.headers_out.has("Content-Range")) {
        return 0;  // already one range
    }
    if (const auto ct = r.headers_out.get("Content-Type");
        ct && ct->size() >= 20 && iequal(ct->substr(0, 20), "multipart/byteranges")) {
        return 0;  // already several
    }
    if (condition_if_range(r) == Condition::NoMatch) {
        return 0;
    }

    std::string_view range = header->substr(6);
    range = range.substr(0, range.find('\0'));
    int num_ranges = 0;
    bool unsatisfiable = false;
    std::int64_t ostart = 0;
    std::int64_t oend = 0;
    std::int64_t sum_lengths = 0;
    bool in_merge = false;
    out.clear();
    while (!range.empty()) {
        // ap_getword(',') : the item, then every ',' after it
        const auto comma = range.find(',');
        std::string_view cur = range.substr(0, comma);
        range.remove_prefix(cur.size());
        while (!range.empty() && range.front() == ',') {
            range.remove_prefix(1);
        }
        if (cur.empty()) {
            break;
        }
        // One invalid range-spec voids the whole header (RFC 2616 14.35.1).
        const auto dash = cur.find('-');
        if (dash == std::string_view::npos) {
            return 0;
        }
        std::int64_t number = 0;
        std::int64_t start = 0;
        std::int64_t end = 0;
        if (dash == 0) {
            // "-5": the last 5 bytes
            if (!strict_length(cur.substr(1), number) || number < 1) {
                return 0;
            }
            start = clength - number;
            end = clength - 1;
        } else {
            if (!strict_length(cur.substr(0, dash), number)) {
                return 0;
            }
            start = number;
            if (dash + 1 < cur.size()) {
                if (!strict_length(cur.substr(dash + 1), number)) {
                    return 0;
                }
                end = number;
                if (start > end) {
                    return 0;
                }
            } else {
                end = clength - 1;
                // "0-" stands for everything: the other ranges are dropped
                if (start == 0) {
                    num_ranges = 0;
                    sum_lengths = 0;
                    in_merge = true;
                    oend = end;
                    ostart = start;
                    out.clear();
                    break;
                }
            }
        }
        if (start < 0) {
            start = 0;
        }
        if (start >= clength) {
            unsatisfiable = true;
            continue;
        }
        if (end >= clength) {
            end = clength - 1;
        }
        if (!in_merge) {
            ostart = start;
            oend = end;
            in_merge = true;
            continue;
        }
        in_merge = false;
        if (start >= ostart && end <= oend) {
            in_merge = true;
        }
        if (start < ostart && end >= ostart - 1) {
            ostart = start;
            ++reversals;
            in_merge = true;
        }
        if (end >= oend && start <= oend + 1) {
            oend = end;
            in_merge = true;
        }
        if (in_merge) {
            ++overlaps;
            continue;
        }
        out.push_back({ostart, oend});
        sum_lengths += oend - ostart + 1;
        in_merge = true;
        ostart = start;
        oend = end;
        ++num_ranges;
    }
    if (in_merge) {
        out.push_back({ostart, oend});
        sum_lengths += oend - ostart + 1;
        ++num_ranges;
    } else if (num_ranges == 0 && unsatisfiable) {
        return -1;
    }
    if (sum_lengths > clength) {
        return 0;  // more bytes asked than there are: ignored
    }
    r.status = 206;
    if (r.services != nullptr && r.services->log_enabled(r, ModuleId::Http, LogLevel::Debug)) {
        std::string merged;
        for (const auto& x : out) {
            if (!merged.empty()) {
                merged.push_back(',');
            }
            merged += std::to_string(x.start) + "-" + std::to_string(x.end);
        }
        r.services->log(r, ModuleId::Http, LogLevel::Debug,
                        "AH01583: Range: " + std::string(header->substr(6)) + " | " + merged +
                            " (" + std::to_string(overlaps) + " : " + std::to_string(reversals) +
                            " : " + std::to_string(clength) + ")");
    }
    return num_ranges;
}

// The bytes [start, end] of `body`, as parts of it.
void copy_range(const std::vector<BodyPart>& body, std::uint64_t start, std::uint64_t end,
                std::vector<BodyPart>& out)
{
    std::uint64_t pos = 0;
    for (const auto& part : body) {
        const std::uint64_t len = std::holds_alternative<std::string>(part)
                                      ? std::get<std::string>(part).size()
                                      : std::get<FileRange>(part).length;
        const std::uint64_t part_end = pos + len;  // exclusive
        if (part_end > start && pos <= end) {
            const std::uint64_t from = std::max(start, pos) - pos;
            const std::uint64_t to = std::min(end + 1, part_end) - pos;  // exclusive
            if (const auto* s = std::get_if<std::string>(&part)) {
                out.emplace_back(s->substr(from, to - from));
            } else {
                const auto& fr = std::get<FileRange>(part);
                out.emplace_back(FileRange{fr.file, fr.offset + from, to - from});
            }
        }
        pos = part_end;
        if (pos > end) {
            break;
        }
    }
}

}  // namespace

// How many ranges httpd's byterange filter collects before it passes them on.
constexpr std::size_t kRangesPerPass = 32;

const std::string& multipart_boundary()
{
    static const std::string boundary = [] {
        std::random_device rd;
        const std::uint64_t v = (static_cast<std::uint64_t>(rd()) << 32) | rd();
        char buf[24];
        std::snprintf(buf, sizeof buf, "%lx", static_cast<unsigned long>(v));
        return std::string(buf);
    }();
    return boundary;
}

int apply_byteranges(Request& r)
{
    const auto& conf = get<mod::core::CoreDirConfig>(*r.per_dir);
    const int max_ranges = limit_of(conf.uncommon().max_ranges, kDefaultMaxRanges);
    const int max_overlaps = limit_of(conf.uncommon().max_overlaps, kDefaultMaxOverlaps);
    const int max_reversals = limit_of(conf.uncommon().max_reversals, kDefaultMaxReversals);

    const auto clength = static_cast<std::int64_t>(body_length(r));
    if (clength <= 0) {
        return 0;
    }
    const int original_status = r.status;
    std::vector<Range> ranges;
    int overlaps = 0;
    int reversals = 0;
    const int num_ranges = set_byterange(r, clength, ranges, overlaps, reversals);
    if (num_ranges == 0 || (max_ranges >= 0 && num_ranges > max_ranges) ||
        (max_overlaps >= 0 && overlaps > max_overlaps) ||
        (max_reversals >= 0 && reversals > max_reversals)) {
        r.status = original_status;
        return 0;
    }
    if (num_ranges < 0) {
        r.status = 200;
        return 416;
    }

    const std::string total = std::to_string(clength);
    std::vector<BodyPart> out;
    std::string bound_head;
    if (num_ranges > 1) {
        const std::string orig_ct = make_content_type(r, r.content_type);
        r.content_type = "multipart/byteranges; boundary=" + multipart_boundary();
        bound_head = "\r\n--" + multipart_boundary();
        if (!orig_ct.empty()) {
            bound_head += "\r\nContent-type: " + orig_ct;
        }
        bound_head += "\r\nContent-range: bytes ";
    }
    for (const auto& range : ranges) {
        if (num_ranges == 1) {
            set_header_in_place(r.headers_out, "Content-Range",
                                "bytes " + std::to_string(range.start) + "-" +
                                    std::to_string(range.end) + "/" + total);
        } else {
            out.emplace_back(bound_head + std::to_string(range.start) + "-" +
                             std::to_string(range.end) + "/" + total + "\r\n\r\n");
        }
        copy_range(r.body, static_cast<std::uint64_t>(range.start),
                   static_cast<std::uint64_t>(range.end), out);
    }
    if (num_ranges > 1) {
        out.emplace_back("\r\n--" + multipart_boundary() + "--\r\n");
    }
    r.body = std::move(out);
    if (ranges.size() > kRangesPerPass) {
        // httpd passes every 32 ranges down the filters as it goes: the
        // length is never known and Content-Length is removed.
        r.headers_out.unset("Content-Length");
        r.unknown_length = true;
    } else {
        set_content_length(r, body_length(r));
    }
    return 0;
}

}  // namespace feather::runtime

#define PCRE2_CODE_UNIT_WIDTH 8
#include "directives/regex.hpp"

#include <pcre2.h>

namespace feather {

namespace {

struct MatchData {
    explicit MatchData(const pcre2_code* code)
        : data(pcre2_match_data_create_from_pattern(code, nullptr))
    {
    }
    ~MatchData() { pcre2_match_data_free(data); }
    MatchData(const MatchData&) = delete;
    MatchData& operator=(const MatchData&) = delete;
    pcre2_match_data* data;
};

}  // namespace

std::shared_ptr<const Regex> Regex::compile(std::string_view pattern, unsigned flags,
                                            std::string* error)
{
    // httpd compiles every pattern with PCRE2_DUPNAMES (ap_regcomp).
    std::uint32_t options = PCRE2_DUPNAMES;
    if (flags & kCaseless) {
        options |= PCRE2_CASELESS;
    }
    if (flags & kExtended) {
        options |= PCRE2_EXTENDED;
    }
    if (flags & kDotAll) {
        options |= PCRE2_DOTALL;
    }
    if (flags & kDollarEndOnly) {
        options |= PCRE2_DOLLAR_ENDONLY;
    }
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* compiled =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code,
                      &offset, nullptr);
    if (compiled == nullptr) {
        if (error != nullptr) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(code, buf, sizeof buf);
            *error = std::string(reinterpret_cast<const char*>(buf)) + " at offset " +
                     std::to_string(offset);
        }
        return nullptr;
    }
    std::shared_ptr<Regex> re(new Regex());
    re->code_ = compiled;
    re->pattern_ = std::string(pattern);
    std::uint32_t count = 0;
    pcre2_pattern_info(compiled, PCRE2_INFO_CAPTURECOUNT, &count);
    re->captures_ = static_cast<int>(count);
    return re;
}

Regex::~Regex() { pcre2_code_free(static_cast<pcre2_code*>(code_)); }

const void* Regex::code_for_matching() const
{
    // JIT compilation waits for the first match: `feather -t` on a config
    // with thousands of regex sections never pays for it, and a child only
    // compiles the patterns its requests reach. Best effort: PCRE2's
    // interpreter runs when JIT is unavailable.
    std::call_once(jit_once_,
                   [this] { pcre2_jit_compile(static_cast<pcre2_code*>(code_), PCRE2_JIT_COMPLETE); });
    return code_;
}

bool Regex::matches(std::string_view subject) const
{
    const auto* code = static_cast<const pcre2_code*>(code_for_matching());
    MatchData md(code);
    return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                       md.data, nullptr) >= 0;
}

std::optional<std::vector<std::string>> Regex::match(std::string_view subject) const
{
    const auto* code = static_cast<const pcre2_code*>(code_for_matching());
    MatchData md(code);
    const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                               0, 0, md.data, nullptr);
    if (rc < 0) {
        return std::nullopt;
    }
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.data);
    std::vector<std::string> groups;
    groups.reserve(static_cast<std::size_t>(captures_) + 1);
    for (int i = 0; i <= captures_; ++i) {
        const PCRE2_SIZE start = ov[2 * i];
        const PCRE2_SIZE end = ov[2 * i + 1];
        if (i >= rc || start == PCRE2_UNSET) {
            groups.emplace_back();
        } else {
            groups.emplace_back(subject.substr(start, end - start));
        }
    }
    return groups;
}

std::vector<std::pair<std::string, int>> Regex::named_groups() const
{
    const auto* code = static_cast<const pcre2_code*>(code_);
    std::uint32_t count = 0;
    std::uint32_t entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    std::vector<std::pair<std::string, int>> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto* entry = table + i * entry_size;
        const int number = (entry[0] << 8) | entry[1];
        out.emplace_back(reinterpret_cast<const char*>(entry + 2), number);
    }
    return out;
}

}  // namespace feather

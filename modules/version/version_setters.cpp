// mod_version: <IfVersion [[!]operator] version> compares against the Apache
// release Feather reproduces.

#include "modules/version/version_setters.hpp"

#include <array>
#include <cctype>

#include "directives/regex.hpp"

namespace feather::mod::version {

namespace {

constexpr std::array<int, 3> kVersion = {2, 4, 71};
constexpr std::string_view kVersionText = "2.4.71";

// httpd's compare_version: -1, 0 or 1 against kVersion; nullopt when the
// text is not major[.minor[.patch]].
std::optional<int> compare_version(std::string_view text)
{
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) {
        return std::nullopt;
    }
    // Walk as httpd does: each '.' or the end closes a number (atoi of
    // what precedes it, so "2..4" reads as 2.0.4); a non-digit stops.
    std::array<int, 3> v = {0, 0, 0};
    std::size_t parts = 0;
    std::size_t number_start = 0;
    std::size_t p = 0;
    while (p <= text.size() && parts < 3) {
        if (p == text.size() || text[p] == '.') {
            int n = 0;
            for (std::size_t k = number_start; k < p && std::isdigit(static_cast<unsigned char>(text[k])); ++k) {
                n = n * 10 + (text[k] - '0');
            }
            v[parts++] = n;
            number_start = ++p;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(text[p]))) {
            break;
        }
        ++p;
    }
    if (p < text.size()) {
        return std::nullopt;
    }
    for (std::size_t k = 0; k < 3; ++k) {
        if (kVersion[k] != v[k]) {
            return kVersion[k] > v[k] ? 1 : -1;
        }
    }
    return 0;
}

constexpr std::string_view kInvalid =
    "Version appears to be invalid. It must have the format major[.minor[.patch]] where major, "
    "minor and patch are numbers.";

}  // namespace

Status section_if_version(Cmd& cmd, const Args& args)
{
    // "<IfVersion 2.4 >" has the '>' as its own word and no operator.
    const bool bare_close = args.size() == 2 && args[1] == ">";
    const bool closed_by_third = bare_close || (args.size() > 2 && args[2] == ">");
    const std::string op = args.size() > 1 && !bare_close ? args[0] : std::string(1, '=');
    std::string version = args.size() > 1 && !bare_close ? args[1] : args[0];
    if (version.empty() || (!closed_by_third && version.back() != '>')) {
        return std::string(cmd.spec->name) + "> directive missing closing '>'";
    }
    if (!closed_by_third) {
        version.pop_back();
    }

    std::string_view p = op;
    bool reverse = false;
    if (!p.empty() && p.front() == '!') {
        reverse = true;
        if (p.size() > 1) {
            p.remove_prefix(1);
        }
    }
    bool match = false;
    bool known = false;
    const char c = p.empty() ? '\0' : p.front();
    const std::string_view tail = p.empty() ? p : p.substr(1);
    if (tail.empty() || (tail == "=" && c != '~')) {
        known = true;
        switch (c) {
        case '=':
            if (version.empty() || version.front() != '/') {
                const auto cmp = compare_version(version);
                if (!cmp) {
                    return std::string(kInvalid);
                }
                match = *cmp == 0;
                break;
            }
            if (version.size() < 2 || version.back() != '/') {
                return std::string("Missing delimiting / of regular expression.");
            }
            version = version.substr(1, version.size() - 2);
            [[fallthrough]];
        case '~': {
            const auto re = Regex::compile(version, Regex::kNone);
            if (!re) {
                return std::string("Unable to compile regular expression");
            }
            match = re->matches(kVersionText);
            break;
        }
        case '<':
        case '>': {
            const auto cmp = compare_version(version);
            if (!cmp) {
                return std::string(kInvalid);
            }
            const int want = c == '<' ? -1 : 1;
            match = *cmp == want || (!tail.empty() && *cmp == 0);
            break;
        }
        default:
            known = false;
            break;
        }
    }
    if (!known) {
        return "unrecognized operator '" + op + "'";
    }
    if (match != reverse) {
        return cmd.reader->read_section_body("<IfVersion", *cmd.produced);
    }
    return cmd.reader->skip_section_body("<IfVersion");
}

}  // namespace feather::mod::version

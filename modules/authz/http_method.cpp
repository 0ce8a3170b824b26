#include "modules/authz/http_method.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace feather::mod::authz {

namespace {

// include/httpd.h M_GET ... M_MERGE.
constexpr std::array<std::pair<std::string_view, int>, 27> kBuiltin{{
    {"GET", 0},          {"HEAD", 0},         {"PUT", 1},          {"POST", 2},
    {"DELETE", 3},       {"CONNECT", 4},      {"OPTIONS", 5},      {"TRACE", 6},
    {"PATCH", 7},        {"PROPFIND", 8},     {"PROPPATCH", 9},    {"MKCOL", 10},
    {"COPY", 11},        {"MOVE", 12},        {"LOCK", 13},        {"UNLOCK", 14},
    {"VERSION-CONTROL", 15}, {"CHECKOUT", 16}, {"UNCHECKOUT", 17}, {"CHECKIN", 18},
    {"UPDATE", 19},      {"LABEL", 20},       {"REPORT", 21},      {"MKWORKSPACE", 22},
    {"MKACTIVITY", 23},  {"BASELINE-CONTROL", 24}, {"MERGE", 25},
}};

constexpr int kFirstRegistered = 27;  // M_INVALID + 1
constexpr int kLastRegistered = 62;

}  // namespace

std::optional<int> builtin_method_number(std::string_view name)
{
    for (const auto& [known, number] : kBuiltin) {
        if (known == name) {
            return number;
        }
    }
    return std::nullopt;
}

std::optional<int> method_number(std::string_view name, std::span<const std::string> registered)
{
    if (const auto n = builtin_method_number(name)) {
        return n;
    }
    int next = kFirstRegistered;
    for (std::size_t i = 0; i < registered.size(); ++i) {
        const std::string& r = registered[i];
        if (builtin_method_number(r) ||
            std::find(registered.begin(), registered.begin() + static_cast<std::ptrdiff_t>(i), r) !=
                registered.begin() + static_cast<std::ptrdiff_t>(i)) {
            continue;  // took no new number
        }
        if (next > kLastRegistered) {
            return std::nullopt;
        }
        if (r == name) {
            return next;
        }
        ++next;
    }
    return std::nullopt;
}

}  // namespace feather::mod::authz

#include "modules/core/methods.hpp"

#include <array>
#include <utility>

namespace feather::mod::core {

namespace {

// mod_http's ap_method_registry_init table.
constexpr std::array<std::pair<std::string_view, int>, 27> kBuiltinMethods{{
    {"GET", kMethodGet},
    {"HEAD", kMethodGet},
    {"PUT", kMethodPut},
    {"POST", kMethodPost},
    {"DELETE", kMethodDelete},
    {"CONNECT", kMethodConnect},
    {"OPTIONS", kMethodOptions},
    {"TRACE", kMethodTrace},
    {"PATCH", kMethodPatch},
    {"PROPFIND", kMethodPropfind},
    {"PROPPATCH", kMethodProppatch},
    {"MKCOL", kMethodMkcol},
    {"COPY", kMethodCopy},
    {"MOVE", kMethodMove},
    {"LOCK", kMethodLock},
    {"UNLOCK", kMethodUnlock},
    {"VERSION-CONTROL", kMethodVersionControl},
    {"CHECKOUT", kMethodCheckout},
    {"UNCHECKOUT", kMethodUncheckout},
    {"CHECKIN", kMethodCheckin},
    {"UPDATE", kMethodUpdate},
    {"LABEL", kMethodLabel},
    {"REPORT", kMethodReport},
    {"MKWORKSPACE", kMethodMkworkspace},
    {"MKACTIVITY", kMethodMkactivity},
    {"BASELINE-CONTROL", kMethodBaselineControl},
    {"MERGE", kMethodMerge},
}};

constexpr std::size_t kMaxRegistered = kLastRegisteredMethod - kFirstRegisteredMethod + 1;

}  // namespace

std::optional<int> builtin_method_number(std::string_view name)
{
    for (const auto& [known, number] : kBuiltinMethods) {
        if (known == name) {
            return number;
        }
    }
    return std::nullopt;
}

int method_number_of(std::span<const std::string> registered, std::string_view name)
{
    if (const auto number = builtin_method_number(name)) {
        return *number;
    }
    for (std::size_t i = 0; i < registered.size(); ++i) {
        if (registered[i] == name) {
            return kFirstRegisteredMethod + static_cast<int>(i);
        }
    }
    return kMethodInvalid;
}

int register_method(std::vector<std::string>& registered, std::string_view name)
{
    const int known = method_number_of(registered, name);
    if (known != kMethodInvalid) {
        return known;
    }
    if (registered.size() >= kMaxRegistered) {
        return kMethodInvalid;
    }
    registered.emplace_back(name);
    return kFirstRegisteredMethod + static_cast<int>(registered.size() - 1);
}

}  // namespace feather::mod::core

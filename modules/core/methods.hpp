#pragma once
// HTTP method numbers as httpd gives them (httpd.h M_*, mod_http's method
// registry): the bit `1 << number` stands for a method in a <Limit> mask,
// methods outside the built-in table are numbered in registration order.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace feather::mod::core {

enum MethodNumber : int {
    kMethodGet = 0,  // HEAD shares GET's number
    kMethodPut,
    kMethodPost,
    kMethodDelete,
    kMethodConnect,
    kMethodOptions,
    kMethodTrace,
    kMethodPatch,
    kMethodPropfind,
    kMethodProppatch,
    kMethodMkcol,
    kMethodCopy,
    kMethodMove,
    kMethodLock,
    kMethodUnlock,
    kMethodVersionControl,
    kMethodCheckout,
    kMethodUncheckout,
    kMethodCheckin,
    kMethodUpdate,
    kMethodLabel,
    kMethodReport,
    kMethodMkworkspace,
    kMethodMkactivity,
    kMethodBaselineControl,
    kMethodMerge,
    kMethodInvalid,  // 26: "no valid method"
};

// Registered methods take the numbers 27..62 (httpd's METHOD_NUMBER_FIRST/LAST).
constexpr int kFirstRegisteredMethod = kMethodInvalid + 1;
constexpr int kLastRegisteredMethod = 62;

using MethodMask = std::int64_t;  // cmd.limited; -1: all methods
constexpr MethodMask method_bit(int number) { return MethodMask{1} << number; }

// The built-in number of `name` (case-sensitive, as httpd), or nullopt.
std::optional<int> builtin_method_number(std::string_view name);

// httpd's ap_method_number_of: a built-in method, else one in `registered`
// (whose entry i has number kFirstRegisteredMethod + i), else kMethodInvalid.
int method_number_of(std::span<const std::string> registered, std::string_view name);

// httpd's ap_method_register: the number of `name`, appending it to
// `registered` when it is new. kMethodInvalid when all numbers are taken
// (the caller logs AH01610). RegisterHttpMethod and <Limit> share
// `registered` (the main server's CoreServerConfig::registered_methods) and
// must both go through this function so numbers stay unique.
int register_method(std::vector<std::string>& registered, std::string_view name);

}  // namespace feather::mod::core

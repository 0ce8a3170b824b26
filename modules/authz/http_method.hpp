#pragma once
// HTTP method numbers as httpd assigns them (ap_method_number_of): a fixed
// number for each method httpd knows, then numbers from 27 up to 62 for
// methods registered while the configuration is read (RegisterHttpMethod,
// <Limit> with an unknown method), in the order they were registered.
// Require method and the <Limit> masks are bit sets over these numbers.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace feather::mod::authz {

constexpr int kMethodCount = 64;  // httpd's METHODS: bits in a method mask

// A method httpd knows without registration (HEAD counts as GET). Names are
// case-sensitive.
std::optional<int> builtin_method_number(std::string_view name);

// ap_method_number_of: a built-in method, else its place among the methods
// registered so far (`registered`, in registration order; repeats and
// built-in names take no new number, and registrations past 62 fail).
std::optional<int> method_number(std::string_view name, std::span<const std::string> registered);

constexpr std::uint64_t method_bit(int number) { return std::uint64_t{1} << number; }

}  // namespace feather::mod::authz

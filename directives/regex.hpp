#pragma once
// A PCRE2 regular expression compiled once at configuration time, as
// Apache's ap_pregcomp, and JIT-compiled on its first match where PCRE2 has
// a JIT. Shared read-only at run time (the JIT step is once-only).

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather {

class Regex {
public:
    enum Flags : unsigned { kNone = 0, kCaseless = 1, kExtended = 2, kDotAll = 4, kDollarEndOnly = 8 };

    // Compiles `pattern`; on failure returns nullptr and fills `error`
    // with PCRE2's message and offset.
    static std::shared_ptr<const Regex> compile(std::string_view pattern, unsigned flags,
                                                std::string* error = nullptr);

    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    bool matches(std::string_view subject) const;
    // Captures of a match ($0..$n); empty optional when no match.
    std::optional<std::vector<std::string>> match(std::string_view subject) const;
    // Named groups, in number order: (name, group number).
    std::vector<std::pair<std::string, int>> named_groups() const;
    const std::string& pattern() const { return pattern_; }
    int capture_count() const { return captures_; }

private:
    Regex() = default;
    const void* code_for_matching() const;

    void* code_ = nullptr;  // pcre2_code*
    mutable std::once_flag jit_once_;
    std::string pattern_;
    int captures_ = 0;
};

}  // namespace feather

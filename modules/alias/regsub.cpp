#include "modules/alias/regsub.hpp"

namespace feather::mod::alias {

std::optional<std::string> regsub(std::string_view pattern, const std::vector<std::string>& groups)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '$' && i + 1 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[++i] - '0');
            if (n < groups.size()) {
                out += groups[n];
            }
        } else if (c == '\\' && i + 1 < pattern.size()) {
            out.push_back(pattern[++i]);
        } else {
            out.push_back(c);
        }
        if (out.size() >= kMaxSubstitution) {
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace feather::mod::alias

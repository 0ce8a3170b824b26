#include "parser/env_subst.hpp"

#include <cstdlib>

namespace feather::parser {

std::string resolve_env(std::string_view line, const Defines& defines,
                        const UndefinedVarHandler& on_undefined)
{
    if (line.find('$') == std::string_view::npos) {
        return std::string(line);
    }
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        const auto dollar = line.find('$', i);
        if (dollar == std::string_view::npos) {
            out.append(line.substr(i));
            break;
        }
        out.append(line.substr(i, dollar - i));
        const auto close = line.find('}', dollar + 2);
        if (dollar + 1 < line.size() && line[dollar + 1] == '{' && close != std::string_view::npos) {
            const auto name = line.substr(dollar + 2, close - dollar - 2);
            if (const auto v = defines.value(name)) {
                out.append(*v);
            } else if (const char* env = std::getenv(std::string(name).c_str())) {
                out.append(env);
            } else {
                if (name.find(':') == std::string_view::npos && on_undefined) {
                    on_undefined(name);
                }
                out.append(line.substr(dollar, close - dollar + 1));
            }
            i = close + 1;
        } else {
            out.push_back('$');
            i = dollar + 1;
        }
    }
    return out;
}

}  // namespace feather::parser

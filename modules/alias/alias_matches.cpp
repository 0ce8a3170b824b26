#include "modules/alias/alias_matches.hpp"

namespace feather::mod::alias {

std::size_t alias_matches(std::string_view uri, std::string_view fake)
{
    std::size_t a = 0;
    std::size_t u = 0;
    while (a < fake.size()) {
        if (fake[a] == '/') {
            if (u >= uri.size() || uri[u] != '/') {
                return 0;
            }
            while (a < fake.size() && fake[a] == '/') {
                ++a;
            }
            while (u < uri.size() && uri[u] == '/') {
                ++u;
            }
        } else {
            if (u >= uri.size() || uri[u] != fake[a]) {
                return 0;
            }
            ++a;
            ++u;
        }
    }
    // An empty prefix matches nothing (httpd would read before the string).
    if (fake.empty()) {
        return 0;
    }
    if (fake.back() != '/' && u < uri.size() && uri[u] != '/') {
        return 0;
    }
    return u;
}

}  // namespace feather::mod::alias

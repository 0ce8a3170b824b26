#pragma once
// Small helpers shared by the request-path e2e tests: a base configuration
// and the parts of a raw response.

#include <cctype>
#include <string>

#include "tests/support/test_server.hpp"

namespace feather::test {

// A prefork server on 127.0.0.1:@PORT@ serving @ROOT@/htdocs to everyone,
// with `modules` (LoadModule lines) and `extra` appended.
inline std::string http_config(const std::string& modules, const std::string& extra)
{
    return "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
           "LoadModule authz_core_module modules/mod_authz_core.so\n" +
           modules +
           "Listen 127.0.0.1:@PORT@\n"
           "ServerName localhost\n"
           "User nobody\n"
           "Group nogroup\n"
           "PidFile logs/feather.pid\n"
           "ErrorLog logs/error_log\n"
           "StartServers 1\n"
           "DocumentRoot @ROOT@/htdocs\n"
           "<Directory @ROOT@>\n"
           "    Require all granted\n"
           "</Directory>\n" +
           extra;
}

// The value of the first `name` header of a response ("" when absent).
inline std::string header_of(const std::string& response, const std::string& name)
{
    const auto head_end = response.find("\r\n\r\n");
    const std::string head = response.substr(0, head_end);
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos) {
        const std::size_t start = pos + 2;
        const std::size_t end = head.find("\r\n", start);
        const std::string line =
            head.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto colon = line.find(':');
        if (colon != std::string::npos && colon == name.size()) {
            bool same = true;
            for (std::size_t i = 0; i < colon; ++i) {
                same = same && std::tolower(static_cast<unsigned char>(line[i])) ==
                                   std::tolower(static_cast<unsigned char>(name[i]));
            }
            if (same) {
                std::size_t v = colon + 1;
                while (v < line.size() && line[v] == ' ') {
                    ++v;
                }
                return line.substr(v);
            }
        }
        pos = end;
    }
    return "";
}

inline std::string body_of(const std::string& response)
{
    const auto head_end = response.find("\r\n\r\n");
    return head_end == std::string::npos ? std::string() : response.substr(head_end + 4);
}

}  // namespace feather::test

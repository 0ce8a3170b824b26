#pragma once
// A request-target split as APR splits it: apr_uri_parse (scheme,
// user:password@host:port, path, query, fragment) and apr_uri_parse_hostinfo
// (CONNECT's "host:port"). Pure.

#include <optional>
#include <string>
#include <string_view>

namespace feather::runtime {

struct ParsedUri {
    std::optional<std::string> scheme;
    std::optional<std::string> user;
    std::optional<std::string> password;
    std::optional<std::string> hostname;
    std::optional<std::string> port;
    std::optional<std::string> path;
    std::optional<std::string> query;
    std::optional<std::string> fragment;
};

// apr_uri_parse: nullopt where APR fails (an unclosed "[" or a port that is
// not a number).
std::optional<ParsedUri> parse_uri(std::string_view uri);

// apr_uri_parse_hostinfo: "host:port" or "[v6]:port", the port a number.
bool parse_hostinfo(std::string_view target, std::string& host, std::string& port);

}  // namespace feather::runtime

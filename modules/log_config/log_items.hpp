#pragma once
// A LogFormat compiled once into items (httpd's parse_log_string), and the
// rendering of a request through them (config_log_transaction): no parsing
// per request, only the work each item asks for.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/request/request.hpp"

namespace feather::mod::log_config {

enum class ItemKind : std::uint8_t {
    Literal,
    RemoteHost,      // %h
    RemoteAddress,   // %a
    LocalAddress,    // %A
    RemoteLogname,   // %l
    RemoteUser,      // %u
    RequestTime,     // %t
    RequestFile,     // %f
    ClfBytesSent,    // %b
    BytesSent,       // %B
    HeaderIn,        // %{X}i
    HeaderOut,       // %{X}o
    Note,            // %{X}n
    LogId,           // %L
    EnvVar,          // %{X}e
    ServerName,      // %V
    VirtualHost,     // %v
    ServerPort,      // %p
    PidTid,          // %P
    Protocol,        // %H
    Method,          // %m
    Query,           // %q
    ConnStatus,      // %X
    Cookie,          // %{X}C
    KeepAlives,      // %k
    RequestLine,     // %r
    DurationUs,      // %D
    DurationScaled,  // %T
    Uri,             // %U
    Status,          // %s
    Handler,         // %R
    TrailerIn,       // %{X}^ti
    TrailerOut,      // %{X}^to
    BytesIn,         // %I (mod_logio)
    BytesOut,        // %O
    BytesCombined,   // %S
    Ttfb,            // %^FB
};

struct LogItem {
    ItemKind kind = ItemKind::Literal;
    std::string arg;                  // %{arg}x, or the literal text
    std::vector<int> conditions;      // %400,501{...}i
    bool negate = false;              // %!200,304{...}i
    bool want_orig = false;           // %<x: the original request; %>x: the final one
};

using CompiledFormat = std::vector<LogItem>;

// Compiles `format` (already checked at configuration time); a trailing
// newline item is added, as httpd does.
CompiledFormat compile_format(std::string_view format);

// What the connection engine knows beyond the request.
struct LogContext {
    std::int64_t end_time_us = 0;
    long pid = 0;
    unsigned long tid = 0;
    std::uint16_t server_port = 80;   // %p canonical
    std::string_view server_name;     // %V
    std::string_view virtual_host;    // %v
    int keep_alive_max = 100;
};

// One log line (with its newline) for `r`.
std::string render(const CompiledFormat& format, Request& r, const LogContext& ctx);

}  // namespace feather::mod::log_config

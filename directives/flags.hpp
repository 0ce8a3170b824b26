#pragma once
// Where a directive may appear, in Apache's own terms so that Feather accepts
// and refuses exactly what httpd does (include/http_config.h).

#include <cstdint>

namespace feather::directives {

// The req_override bits of a directive, and the override mask in force while
// a part of the configuration is read.
enum class Allow : std::uint16_t {
    None = 0,
    Limit = 1,       // AllowOverride Limit
    Options = 2,     // AllowOverride Options
    FileInfo = 4,    // AllowOverride FileInfo
    AuthConfig = 8,  // AllowOverride AuthConfig
    Indexes = 16,    // AllowOverride Indexes
    Unset = 32,      // AllowOverride not set
    AccessConf = 64,   // inside <Directory>/<Location>/<Files>
    RsrcConf = 128,    // outside them (server config, virtual host)
    ExecOnRead = 256,  // acts while the file is read (Include, Define, <IfModule>...)
    NonfatalOverride = 512,
    NonfatalUnknown = 1024,
    All = 31,  // Apache's OR_ALL
};

constexpr Allow operator|(Allow a, Allow b)
{
    return static_cast<Allow>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr Allow operator&(Allow a, Allow b)
{
    return static_cast<Allow>(static_cast<unsigned>(a) & static_cast<unsigned>(b));
}
constexpr Allow operator~(Allow a) { return static_cast<Allow>(~static_cast<unsigned>(a) & 0x7ff); }
constexpr bool any(Allow a) { return static_cast<unsigned>(a) != 0; }

// Restrictions a directive's handler checks with ap_check_cmd_context.
enum class Forbid : std::uint8_t {
    None = 0,
    VirtualHost = 0x01,
    Limit = 0x02,
    Directory = 0x04,
    Location = 0x08,
    Files = 0x10,  // also <If>, <ElseIf>, <Else>
    Htaccess = 0x20,
    Proxy = 0x40,
    DirLocFile = 0x04 | 0x08 | 0x10,
    DirContext = 0x02 | 0x04 | 0x08 | 0x10 | 0x40,
    GlobalOnly = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x40,
};

constexpr Forbid operator|(Forbid a, Forbid b)
{
    return static_cast<Forbid>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(Forbid set, Forbid bit)
{
    return (static_cast<unsigned>(set) & static_cast<unsigned>(bit)) != 0;
}

}  // namespace feather::directives

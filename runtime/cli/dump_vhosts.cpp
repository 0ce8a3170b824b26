// DUMP_VHOSTS (-S): the virtual host map as httpd's dump_vhost_config
// (server/vhost.c) prints it.

#include <fmt/format.h>

#include "modules/config_sets.hpp"
#include "modules/core/core_config.hpp"
#include "runtime/cli/dumps.hpp"

namespace feather::runtime {

namespace {

using mod::core::AddressGroup;
using mod::core::CoreServerConfig;

// "10.0.0.1:80", "[::1]:80", "*:80"; an any-port group ends in ":*".
std::string address_column(const mod::core::VhostAddress& a)
{
    std::string s;
    if (a.ip.is_unspecified()) {
        s = "*";
    } else if (a.ip.family == mod::core::IpAddress::Family::V6 &&
               a.ip.to_string().find(':') != std::string::npos) {
        s = "[" + a.ip.to_string() + "]";
    } else {
        s = a.ip.to_string();
    }
    return s + ":" + (a.port == 0 ? std::string("*") : std::to_string(a.port));
}

std::string where(const directives::Config& config, std::size_t server)
{
    const SourceLoc& loc = config.servers[server].defined_at;
    return fmt::format("({}:{})", loc.file(), loc.line);
}

void dump_group(std::string& s, const directives::Config& config, const mod::core::VhostMap& map,
                const AddressGroup& g)
{
    const std::string addr = address_column(g.addr);
    if (!g.name_based()) {
        s += fmt::format("{:<22} {} {}\n", addr, map.hostnames[g.server], where(config, g.server));
        return;
    }
    s += fmt::format("{:<22} is a NameVirtualHost\n", addr);
    s += fmt::format("{:8} default server {} {}\n", "", map.hostnames[g.server],
                     where(config, g.server));
    for (const mod::core::NamedVhost& nv : g.names) {
        const std::string port = nv.port == 0 ? std::string("*") : std::to_string(nv.port);
        s += fmt::format("{:8} port {} namevhost {} {}\n", "", port, map.hostnames[nv.server],
                         where(config, nv.server));
        const auto& core = get<CoreServerConfig>(*config.servers[nv.server].modules);
        for (const std::string& alias : core.server_aliases) {
            s += fmt::format("{:16} alias {}\n", "", alias);
        }
        for (const std::string& alias : core.server_wild_aliases) {
            s += fmt::format("{:16} wild alias {}\n", "", alias);
        }
    }
}

}  // namespace

std::string vhosts_text(const directives::Config& config, const mod::core::VhostMap& map)
{
    std::string s = "VirtualHost configuration:\n";
    for (const AddressGroup& g : map.specific) {
        dump_group(s, config, map, g);
    }
    for (const AddressGroup& g : map.wildcard) {
        dump_group(s, config, map, g);
    }
    return s;
}

}  // namespace feather::runtime

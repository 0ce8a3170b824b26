#pragma once
// A directives::Config built by hand, for code that reads a loaded
// configuration (the virtual host map, -S) without going through setters.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "directives/config.hpp"
#include "modules/config_sets.hpp"
#include "modules/core/core_config.hpp"

namespace feather::test {

class HandConfig {
public:
    using HostAddr = mod::core::CoreServerConfig::HostAddr;

    explicit HandConfig(std::string server_root = "/srv/site",
                        std::string file = "/srv/site/httpd.conf")
    {
        config_.sources = std::make_shared<SourceMap>();
        config_.server_root = std::move(server_root);
        file_ = config_.sources->intern(file);
        add_server(false, 0);
    }

    directives::Config& config() { return config_; }
    template <class T>
    T& main()
    {
        return std::get<T>(config_.servers.front().modules->parts);
    }
    template <class T>
    T& server(std::size_t i)
    {
        return std::get<T>(config_.servers[i].modules->parts);
    }

    // A <VirtualHost> at `line` with these addresses, its ServerName (if any)
    // and its ServerAlias names; returns its index in Config::servers.
    std::size_t vhost(std::uint32_t line, std::vector<HostAddr> addrs,
                      std::optional<std::string> name = {}, std::vector<std::string> aliases = {},
                      std::vector<std::string> wild_aliases = {})
    {
        const std::size_t i = add_server(true, line);
        auto& core = server<mod::core::CoreServerConfig>(i);
        core.vhost_addrs = std::move(addrs);
        if (name) {
            core.server_name.set(*name);
        }
        core.server_aliases = std::move(aliases);
        core.server_wild_aliases = std::move(wild_aliases);
        return i;
    }

    // "10.0.0.1", port 80; ip "" for * and _default_.
    static HostAddr addr(std::string ip, std::optional<std::uint16_t> port, bool any_port = false)
    {
        HostAddr a;
        a.host = ip.empty() ? "*" : ip;
        a.ip = std::move(ip);
        a.port = port;
        a.any_port = any_port;
        return a;
    }

private:
    std::size_t add_server(bool is_virtual, std::uint32_t line)
    {
        auto& s = config_.servers.emplace_back();
        s.is_virtual = is_virtual;
        s.defined_at = SourceLoc{file_, line};
        s.modules = std::make_shared<ServerConfigSet>();
        s.defaults = std::make_shared<DirConfigSet>();
        return config_.servers.size() - 1;
    }

    directives::Config config_;
    const std::string* file_ = nullptr;
};

}  // namespace feather::test

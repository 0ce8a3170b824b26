// <VirtualHost addr[:port] ...>: httpd's virtualhost_section and
// ap_init_virtual_host (server/core.c, server/config.c). GLOBAL_ONLY is the
// row's Forbid flag.

#include "modules/core/core_setters.hpp"
#include "modules/core/section_body.hpp"
#include "modules/core/vhost_address.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

Status section_virtual_host(Cmd& cmd, const Args& args)
{
    const auto text = before_closing(args.raw);
    if (!text) {
        return unclosed_directive(cmd);
    }
    if (text->empty()) {
        return missing_container_arg(cmd);
    }
    if (cmd.is_virtual()) {
        return std::string("<VirtualHost> doesn't nest!");
    }
    // An address without a port takes the main server's (ServerName host:port).
    const std::uint16_t default_port = main_conf<CoreServerConfig>(cmd).server_port.get_or(0);
    std::vector<CoreServerConfig::HostAddr> addrs;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::string word = parser::next_word(rest);
        std::string logged;
        if (auto err = add_vhost_address(word, default_port, addrs, logged)) {
            return err;
        }
        if (!logged.empty()) {
            cmd.loader->log(LogLevel::Error, ModuleId::Core, logged);
        }
    }

    directives::ServerConfig& vhost = cmd.loader->add_virtual_host(cmd.loc());
    auto& vhost_core = std::get<CoreServerConfig>(vhost.modules->parts);
    // The request limits and the port are the main server's as they stand
    // when the section opens; later main-server lines do not reach it.
    init_virtual_host(vhost_core, main_conf<CoreServerConfig>(cmd));
    vhost_core.vhost_addrs = std::move(addrs);
    Cmd inner = body_context(cmd);
    inner.server = &vhost;
    inner.dir = vhost.defaults.get();
    return walk_body(cmd, inner);
}

}  // namespace feather::mod::core

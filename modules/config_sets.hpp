#pragma once
// The typed configuration of every module, gathered: one ServerConfigSet per
// server, one DirConfigSet per directory section. A plain tuple per scope:
// no void pointers, no module index, no casts.

#include <memory>
#include <tuple>

#include "modules/alias/alias_config.hpp"
#include "modules/authz/authz_config.hpp"
#include "modules/core/core_config.hpp"
#include "modules/dir/dir_config.hpp"
#include "modules/http/http_config.hpp"
#include "modules/log_config/log_config_config.hpp"
#include "modules/logio/logio_config.hpp"
#include "modules/mime/mime_config.hpp"
#include "modules/mpm/mpm_config.hpp"
#include "modules/negotiation/negotiation_config.hpp"
#include "modules/unixd/unixd_config.hpp"

namespace feather {

struct ServerConfigSet {
    std::tuple<mod::core::CoreServerConfig, mod::http::HttpServerConfig, mod::mpm::MpmConfig,
               mod::unixd::UnixdConfig, mod::log_config::LogConfigServerConfig,
               mod::mime::MimeServerConfig, mod::negotiation::NegotiationServerConfig,
               mod::alias::AliasServerConfig, mod::authz::AuthzCoreServerConfig>
        parts;
};

struct DirConfigSet {
    std::tuple<mod::core::CoreDirConfig, mod::mime::MimeDirConfig, mod::dir::DirConfig,
               mod::negotiation::NegotiationDirConfig, mod::alias::AliasDirConfig,
               mod::authz::AuthzCoreDirConfig, mod::authz::AccessCompatDirConfig,
               mod::logio::LogioDirConfig>
        parts;
};

// Each module's merge, applied part by part: `add` is the more specific.
DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add);
ServerConfigSet merge(const ServerConfigSet& base, const ServerConfigSet& add);

template <class T>
const T& get(const DirConfigSet& set)
{
    return std::get<T>(set.parts);
}
template <class T>
const T& get(const ServerConfigSet& set)
{
    return std::get<T>(set.parts);
}

}  // namespace feather

#pragma once
// The typed configuration of every module, gathered: one ServerConfigSet per
// server, one DirConfigSet per directory section. A plain tuple per scope:
// no void pointers, no module index, no casts.

#include <cstdint>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

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
    using Parts = std::tuple<mod::core::CoreDirConfig, mod::mime::MimeDirConfig, mod::dir::DirConfig,
                             mod::negotiation::NegotiationDirConfig, mod::alias::AliasDirConfig,
                             mod::authz::AuthzCoreDirConfig, mod::authz::AccessCompatDirConfig,
                             mod::logio::LogioDirConfig>;
    static constexpr std::uint32_t kAllParts = (std::uint32_t{1} << std::tuple_size_v<Parts>) - 1;

    Parts parts;
    // The modules this set speaks for. httpd gives a section a module's
    // per-directory config only once one of that module's directives
    // appears in it, and a merge passes over a module the more specific
    // side has none for (ap_merge_per_dir_configs). That matters where a
    // merge is not plain inheritance: mod_mime's Remove* lines act on the
    // first merge they take part in. Server defaults have every part.
    std::uint32_t present = kAllParts;

    template <class T>
    static constexpr std::uint32_t bit_of()
    {
        return std::uint32_t{1} << part_index<T>(std::make_index_sequence<std::tuple_size_v<Parts>>{});
    }

private:
    template <class T, std::size_t... I>
    static constexpr std::size_t part_index(std::index_sequence<I...>)
    {
        std::size_t index = 0;
        ((std::is_same_v<T, std::tuple_element_t<I, Parts>> ? (index = I, true) : false) || ...);
        return index;
    }
};

// Each module's merge, applied part by part: `add` is the more specific. A
// part only one side has is taken as it is.
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

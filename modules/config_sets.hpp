#pragma once
// The typed configuration of every module, gathered: one ServerConfigSet per
// server, one DirConfigSet per directory section. A plain tuple per scope:
// no void pointers, no module index, no casts.

#include <cstddef>
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

// A directory scope's configs, one part per module. A part is held only
// once the scope speaks for that module: httpd gives a section a module's
// per-directory config only when one of the module's directives appears in
// it, and a merge passes over a module the more specific side has none for
// (ap_merge_per_dir_configs). That matters where a merge is not plain
// inheritance: mod_mime's Remove* lines act on the first merge they take
// part in. Server defaults hold every part.
//
// Parts are shared, never copied, between sets: a merge takes the part only
// one side has by reference, so a 20,000-section file or a request's walk
// allocates only the parts its lines name. Shared parts are never changed;
// edit() copies a shared part first.
struct DirConfigSet {
    using Parts =
        std::tuple<std::shared_ptr<mod::core::CoreDirConfig>, std::shared_ptr<mod::mime::MimeDirConfig>,
                   std::shared_ptr<mod::dir::DirConfig>,
                   std::shared_ptr<mod::negotiation::NegotiationDirConfig>,
                   std::shared_ptr<mod::alias::AliasDirConfig>,
                   std::shared_ptr<mod::authz::AuthzCoreDirConfig>,
                   std::shared_ptr<mod::authz::AccessCompatDirConfig>,
                   std::shared_ptr<mod::logio::LogioDirConfig>>;
    static constexpr std::size_t kPartCount = std::tuple_size_v<Parts>;
    static constexpr std::uint32_t kAllParts = (std::uint32_t{1} << kPartCount) - 1;

    // Every part, at its defaults (a server's per-directory defaults, whose
    // Options start with FollowSymLinks).
    DirConfigSet();
    // No part at all (a section before its first directive).
    static DirConfigSet none();

    // The module's part; its defaults where this set has none.
    template <class T>
    const T& part() const
    {
        const auto& held = std::get<std::shared_ptr<T>>(parts_);
        return held ? *held : defaults_of<T>();
    }
    // The module's part, to change: created if missing, copied if shared.
    // Only on a set still being read (a configuration, or an .htaccess file
    // in the thread parsing it), before anything else can see it.
    template <class T>
    T& edit()
    {
        auto& held = std::get<std::shared_ptr<T>>(parts_);
        if (!held) {
            held = std::make_shared<T>();
        } else if (held.use_count() > 1) {
            held = std::make_shared<T>(*held);
        }
        return *held;
    }
    template <class T>
    bool has() const
    {
        return std::get<std::shared_ptr<T>>(parts_) != nullptr;
    }
    // The modules this set speaks for, one bit each (bit_of<T>()).
    std::uint32_t present() const;

    template <class T>
    static constexpr std::uint32_t bit_of()
    {
        return std::uint32_t{1} << part_index<T>(std::make_index_sequence<kPartCount>{});
    }

    friend DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add);

private:
    struct NoParts {};
    explicit DirConfigSet(NoParts) {}

    template <class T>
    static const T& defaults_of()
    {
        static const T instance{};
        return instance;
    }
    template <class T, std::size_t... I>
    static constexpr std::size_t part_index(std::index_sequence<I...>)
    {
        std::size_t index = 0;
        ((std::is_same_v<std::shared_ptr<T>, std::tuple_element_t<I, Parts>> ? (index = I, true)
                                                                              : false) ||
         ...);
        return index;
    }

    Parts parts_;
};

// Each module's merge, applied part by part: `add` is the more specific. A
// part only one side has is taken as it is.
DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add);
ServerConfigSet merge(const ServerConfigSet& base, const ServerConfigSet& add);

template <class T>
const T& get(const DirConfigSet& set)
{
    return set.part<T>();
}
template <class T>
const T& get(const ServerConfigSet& set)
{
    return std::get<T>(set.parts);
}

}  // namespace feather

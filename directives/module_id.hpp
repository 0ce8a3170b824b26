#pragma once
// Every module Feather has. The set is closed: modules are compiled in, and
// LoadModule only switches one on.

#include <cstdint>

namespace feather {

enum class ModuleId : std::uint8_t {
    Core,
    So,
    Http,
    LogConfig,
    Logio,
    Version,
    Unixd,
    MpmPrefork,
    MpmWorker,
    MpmEvent,  // known so that loading it gets a clear "not supported" error
    AuthzCore,
    AuthzHost,
    AccessCompat,
    Mime,
    Dir,
    Negotiation,
    Status,
    Alias,
    Count
};

constexpr std::size_t kModuleCount = static_cast<std::size_t>(ModuleId::Count);

constexpr std::size_t index_of(ModuleId id) { return static_cast<std::size_t>(id); }

}  // namespace feather

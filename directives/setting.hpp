#pragma once
// A configuration value that knows whether it was set, and where. "Unset" is
// a state, never a magic value, so a merge can tell inherit from override.

#include <optional>
#include <utility>

#include "parser/source_loc.hpp"

namespace feather {

template <class T>
struct Setting {
    std::optional<T> value;
    SourceLoc set_at{};

    bool is_set() const { return value.has_value(); }
    const T& get_or(const T& fallback) const { return value ? *value : fallback; }
    void set(T v, SourceLoc at = {})
    {
        value = std::move(v);
        set_at = at;
    }
};

// The usual rule (httpd: add->x set ? add->x : base->x).
template <class T>
Setting<T> merge(const Setting<T>& base, const Setting<T>& add)
{
    return add.value ? add : base;
}

}  // namespace feather

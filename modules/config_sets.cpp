#include "modules/config_sets.hpp"

#include <utility>

namespace feather {

namespace {

template <class Tuple, std::size_t... I>
Tuple merge_parts(const Tuple& base, const Tuple& add, std::index_sequence<I...>)
{
    using std::get;
    return Tuple{merge(get<I>(base), get<I>(add))...};
}

// One module's part of a merge: the side that has none is passed over, and
// the other side's part is shared as it is.
template <class T>
std::shared_ptr<T> merged_dir_part(const std::shared_ptr<T>& base, const std::shared_ptr<T>& add)
{
    if (!add) {
        return base;
    }
    if (!base) {
        return add;
    }
    return std::make_shared<T>(merge(*base, *add));
}

template <std::size_t... I>
void merge_dir_parts(const DirConfigSet::Parts& base, const DirConfigSet::Parts& add,
                     DirConfigSet::Parts& out, std::index_sequence<I...>)
{
    using std::get;
    ((get<I>(out) = merged_dir_part(get<I>(base), get<I>(add))), ...);
}

template <std::size_t... I>
std::uint32_t present_bits(const DirConfigSet::Parts& parts, std::index_sequence<I...>)
{
    using std::get;
    return ((get<I>(parts) ? std::uint32_t{1} << I : 0u) | ...);
}

template <std::size_t... I>
void make_every_part(DirConfigSet::Parts& parts, std::index_sequence<I...>)
{
    using std::get;
    ((get<I>(parts) =
          std::make_shared<typename std::tuple_element_t<I, DirConfigSet::Parts>::element_type>()),
     ...);
}

}  // namespace

DirConfigSet::DirConfigSet()
{
    make_every_part(parts_, std::make_index_sequence<kPartCount>{});
    std::get<std::shared_ptr<mod::core::CoreDirConfig>>(parts_)->opts =
        mod::core::kOptUnset | mod::core::kOptSymLinks;
}

DirConfigSet DirConfigSet::none() { return DirConfigSet(NoParts{}); }

std::uint32_t DirConfigSet::present() const
{
    return present_bits(parts_, std::make_index_sequence<kPartCount>{});
}

DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add)
{
    DirConfigSet out = DirConfigSet::none();
    merge_dir_parts(base.parts_, add.parts_, out.parts_, std::make_index_sequence<DirConfigSet::kPartCount>{});
    return out;
}

ServerConfigSet merge(const ServerConfigSet& base, const ServerConfigSet& add)
{
    using Parts = decltype(base.parts);
    return {merge_parts(base.parts, add.parts, std::make_index_sequence<std::tuple_size_v<Parts>>{})};
}

}  // namespace feather

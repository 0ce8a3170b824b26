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

template <std::size_t I>
auto merged_dir_part(const DirConfigSet& base, const DirConfigSet& add)
{
    using std::get;
    constexpr std::uint32_t bit = std::uint32_t{1} << I;
    if ((add.present & bit) == 0) {
        return get<I>(base.parts);
    }
    if ((base.present & bit) == 0) {
        return get<I>(add.parts);
    }
    return merge(get<I>(base.parts), get<I>(add.parts));
}

template <std::size_t... I>
DirConfigSet::Parts merge_dir_parts(const DirConfigSet& base, const DirConfigSet& add,
                                    std::index_sequence<I...>)
{
    return DirConfigSet::Parts{merged_dir_part<I>(base, add)...};
}

}  // namespace

DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add)
{
    DirConfigSet out;
    out.parts = merge_dir_parts(
        base, add, std::make_index_sequence<std::tuple_size_v<DirConfigSet::Parts>>{});
    out.present = base.present | add.present;
    return out;
}

ServerConfigSet merge(const ServerConfigSet& base, const ServerConfigSet& add)
{
    using Parts = decltype(base.parts);
    return {merge_parts(base.parts, add.parts, std::make_index_sequence<std::tuple_size_v<Parts>>{})};
}

}  // namespace feather

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

}  // namespace

DirConfigSet merge(const DirConfigSet& base, const DirConfigSet& add)
{
    using Parts = decltype(base.parts);
    return {merge_parts(base.parts, add.parts, std::make_index_sequence<std::tuple_size_v<Parts>>{})};
}

ServerConfigSet merge(const ServerConfigSet& base, const ServerConfigSet& add)
{
    using Parts = decltype(base.parts);
    return {merge_parts(base.parts, add.parts, std::make_index_sequence<std::tuple_size_v<Parts>>{})};
}

}  // namespace feather

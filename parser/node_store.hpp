#pragma once
// Where a syntax tree's nodes and text live: allocated in chunks, released
// together when the store goes. A file's text is kept whole, so most names
// and arguments are views into it and cost nothing.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.hpp"

namespace feather::parser {

class NodeStore {
public:
    NodeStore() = default;
    NodeStore(const NodeStore&) = delete;
    NodeStore& operator=(const NodeStore&) = delete;

    // A new, empty node, valid as long as the store.
    Node& make_node();
    // A copy of `text` valid as long as the store.
    std::string_view keep(std::string_view text);
    // Takes a file's whole text; the view stays valid as long as the store.
    std::string_view adopt(std::string text);

private:
    static constexpr std::size_t kNodesPerChunk = 256;
    static constexpr std::size_t kCharsPerChunk = 16 * 1024;

    std::vector<std::unique_ptr<Node[]>> node_chunks_;
    std::size_t nodes_used_ = kNodesPerChunk;  // in the last chunk
    std::vector<std::unique_ptr<char[]>> char_chunks_;
    std::size_t chars_used_ = kCharsPerChunk;
    std::deque<std::string> texts_;  // a deque: adding one never moves the others
};

}  // namespace feather::parser

#include "parser/node_store.hpp"

#include <cstring>

namespace feather::parser {

Node& NodeStore::make_node()
{
    if (nodes_used_ == kNodesPerChunk) {
        node_chunks_.push_back(std::make_unique<Node[]>(kNodesPerChunk));
        nodes_used_ = 0;
    }
    return node_chunks_.back()[nodes_used_++];
}

std::string_view NodeStore::keep(std::string_view text)
{
    if (text.empty()) {
        return {};
    }
    if (text.size() > kCharsPerChunk / 4) {
        return adopt(std::string(text));  // a long line gets its own block
    }
    if (kCharsPerChunk - chars_used_ < text.size()) {
        char_chunks_.push_back(std::make_unique_for_overwrite<char[]>(kCharsPerChunk));
        chars_used_ = 0;
    }
    char* at = char_chunks_.back().get() + chars_used_;
    std::memcpy(at, text.data(), text.size());
    chars_used_ += text.size();
    return {at, text.size()};
}

std::string_view NodeStore::adopt(std::string text)
{
    return texts_.emplace_back(std::move(text));
}

}  // namespace feather::parser

#pragma once
// The syntax tree of a configuration: what Apache calls ap_directive_t.
// The tree knows syntax only; meaning comes from the directive registry.
//
// Nodes and their text live in a NodeStore for as long as the tree is
// needed (one configuration load, one .htaccess file) and go all at once:
// a 20,000-section file is one pass of pointer bumps, not 100,000 small
// heap allocations. Siblings are linked, as in ap_directive_t, so a list
// grows without moving what is already in it.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "parser/source_loc.hpp"

namespace feather::parser {

struct Node;

// A node's children (or a whole file's top level), in file order.
class NodeList {
public:
    template <class N>
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Node;
        using difference_type = std::ptrdiff_t;
        using pointer = N*;
        using reference = N&;

        Iterator() = default;
        explicit Iterator(N* at) : at_(at) {}
        N& operator*() const { return *at_; }
        N* operator->() const { return at_; }
        Iterator& operator++();
        Iterator operator++(int)
        {
            Iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const Iterator& other) const { return at_ == other.at_; }

    private:
        N* at_ = nullptr;
    };

    Iterator<Node> begin() { return Iterator<Node>(first_); }
    Iterator<Node> end() { return Iterator<Node>(); }
    Iterator<const Node> begin() const { return Iterator<const Node>(first_); }
    Iterator<const Node> end() const { return Iterator<const Node>(); }
    bool empty() const { return first_ == nullptr; }
    std::size_t size() const;
    Node& front() { return *first_; }
    const Node& front() const { return *first_; }
    Node& back() { return *last_; }

    // Appends a node that lives in a NodeStore (or, in tests, anywhere that
    // outlives the list). It must not be in another list.
    void push_back(Node& node);
    // Moves every node of `other` to the end of this list.
    void splice_back(NodeList& other);

private:
    Node* first_ = nullptr;
    Node* last_ = nullptr;
};

struct Node {
    // The registry's spelling when a loaded module knew the name while the
    // file was read, else the name as written. Sections keep their '<'.
    std::string_view name;
    // The text after the name, with ${VAR} already substituted. A section's
    // arguments still end with its closing '>' (checked by its handler).
    std::string_view args;
    SourceLoc loc;
    NodeList children;
    Node* next = nullptr;  // the next sibling
    // The DirectiveCatalog's number for `name` when it knew the name while
    // reading, so that applying the node needs no second lookup.
    static constexpr std::uint32_t kUnknown = ~std::uint32_t{0};
    std::uint32_t catalog_number = kUnknown;

    bool is_section() const { return !name.empty() && name.front() == '<'; }
};

template <class N>
NodeList::Iterator<N>& NodeList::Iterator<N>::operator++()
{
    at_ = at_->next;
    return *this;
}

inline std::size_t NodeList::size() const
{
    std::size_t n = 0;
    for (const Node* at = first_; at != nullptr; at = at->next) {
        ++n;
    }
    return n;
}

inline void NodeList::push_back(Node& node)
{
    node.next = nullptr;
    if (last_ == nullptr) {
        first_ = &node;
    } else {
        last_->next = &node;
    }
    last_ = &node;
}

inline void NodeList::splice_back(NodeList& other)
{
    if (other.first_ == nullptr) {
        return;
    }
    if (last_ == nullptr) {
        first_ = other.first_;
    } else {
        last_->next = other.first_;
    }
    last_ = other.last_;
    other.first_ = other.last_ = nullptr;
}

}  // namespace feather::parser

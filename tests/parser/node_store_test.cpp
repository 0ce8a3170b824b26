#include "parser/node_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace feather::parser {
namespace {

std::vector<std::string_view> names(const NodeList& list)
{
    std::vector<std::string_view> out;
    for (const Node& n : list) {
        out.push_back(n.name);
    }
    return out;
}

TEST(NodeStore, NodesStayWhereTheyAreAsTheStoreGrows)
{
    NodeStore store;
    std::vector<Node*> made;
    NodeList list;
    for (int i = 0; i < 1000; ++i) {
        Node& n = store.make_node();
        n.name = store.keep("n" + std::to_string(i));
        list.push_back(n);
        made.push_back(&n);
    }
    ASSERT_EQ(list.size(), 1000u);
    int i = 0;
    for (const Node& n : list) {
        EXPECT_EQ(&n, made[static_cast<std::size_t>(i)]);
        EXPECT_EQ(n.name, "n" + std::to_string(i));
        ++i;
    }
}

TEST(NodeStore, KeptTextIsACopy)
{
    NodeStore store;
    std::string source = "Require all granted";
    const std::string_view kept = store.keep(source);
    source.assign(source.size(), 'x');
    EXPECT_EQ(kept, "Require all granted");
    const std::string big(10000, 'b');  // larger than a chunk's share: its own block
    EXPECT_EQ(store.keep(big), big);
    EXPECT_TRUE(store.keep("").empty());
}

TEST(NodeStore, AdoptedTextKeepsItsAddress)
{
    NodeStore store;
    std::string text = "short";  // small enough to live inside the string object
    const std::string_view first = store.adopt(std::move(text));
    for (int i = 0; i < 100; ++i) {
        store.adopt(std::string(i, 'a'));
    }
    EXPECT_EQ(first, "short");
}

TEST(NodeList, SpliceMovesEveryNodeToTheEnd)
{
    NodeStore store;
    NodeList a;
    NodeList b;
    for (const char* name : {"a1", "a2"}) {
        Node& n = store.make_node();
        n.name = name;
        a.push_back(n);
    }
    for (const char* name : {"b1", "b2", "b3"}) {
        Node& n = store.make_node();
        n.name = name;
        b.push_back(n);
    }
    a.splice_back(b);
    EXPECT_TRUE(b.empty());
    EXPECT_EQ(names(a), (std::vector<std::string_view>{"a1", "a2", "b1", "b2", "b3"}));
    EXPECT_EQ(a.back().name, "b3");
    NodeList empty;
    empty.splice_back(a);
    EXPECT_EQ(empty.size(), 5u);
    EXPECT_EQ(empty.front().name, "a1");
}

}  // namespace
}  // namespace feather::parser

#include "modules/authz/http_method.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace feather::mod::authz {
namespace {

TEST(HttpMethod, BuiltinNumbersAreHttpds)
{
    EXPECT_EQ(builtin_method_number("GET"), 0);
    EXPECT_EQ(builtin_method_number("HEAD"), 0);
    EXPECT_EQ(builtin_method_number("PUT"), 1);
    EXPECT_EQ(builtin_method_number("POST"), 2);
    EXPECT_EQ(builtin_method_number("OPTIONS"), 5);
    EXPECT_EQ(builtin_method_number("TRACE"), 6);
    EXPECT_EQ(builtin_method_number("PATCH"), 7);
    EXPECT_EQ(builtin_method_number("BASELINE-CONTROL"), 24);
    EXPECT_EQ(builtin_method_number("MERGE"), 25);
    EXPECT_FALSE(builtin_method_number("get"));  // case-sensitive
    EXPECT_FALSE(builtin_method_number("FOO"));
}

TEST(HttpMethod, RegisteredMethodsNumberFrom27InOrder)
{
    const std::vector<std::string> registered{"FOO", "GET", "BAR", "FOO", "BAZ"};
    EXPECT_EQ(method_number("FOO", registered), 27);
    EXPECT_EQ(method_number("BAR", registered), 28);  // GET and the second FOO take no number
    EXPECT_EQ(method_number("BAZ", registered), 29);
    EXPECT_EQ(method_number("GET", registered), 0);
    EXPECT_FALSE(method_number("QUX", registered));
    EXPECT_FALSE(method_number("foo", registered));
}

TEST(HttpMethod, RegistrationStopsAt62)
{
    std::vector<std::string> registered;
    for (int i = 0; i < 40; ++i) {
        registered.push_back("M" + std::to_string(i));
    }
    EXPECT_EQ(method_number("M35", registered), 62);
    EXPECT_FALSE(method_number("M36", registered));
}

}  // namespace
}  // namespace feather::mod::authz

#include "parser/env_subst.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace feather::parser {
namespace {

TEST(EnvSubst, DefineWinsOverEnvironment)
{
    ::setenv("FEATHER_TEST_VAR", "from-env", 1);
    Defines d;
    EXPECT_EQ(resolve_env("x ${FEATHER_TEST_VAR} y", d, nullptr), "x from-env y");
    d.define("FEATHER_TEST_VAR", "from-define");
    EXPECT_EQ(resolve_env("x ${FEATHER_TEST_VAR} y", d, nullptr), "x from-define y");
    ::unsetenv("FEATHER_TEST_VAR");
}

TEST(EnvSubst, UndefinedIsKeptAndReportedUnlessItHasAColon)
{
    Defines d;
    std::vector<std::string> reported;
    auto report = [&](std::string_view n) { reported.emplace_back(n); };
    EXPECT_EQ(resolve_env("${NOPE_X}/a ${map:%{HTTP_HOST}}", d, report), "${NOPE_X}/a ${map:%{HTTP_HOST}}");
    EXPECT_EQ(reported, std::vector<std::string>{"NOPE_X"});
}

TEST(EnvSubst, LoneDollarAndUnclosedBraceAreLiteral)
{
    Defines d;
    EXPECT_EQ(resolve_env("a $ b ${x", d, nullptr), "a $ b ${x");
}

TEST(EnvSubst, ValuesAreNotRescanned)
{
    Defines d;
    d.define("A", "${B}");
    d.define("B", "b");
    EXPECT_EQ(resolve_env("${A}", d, nullptr), "${B}");
}

TEST(Defines, UndefineMovesTheLastNameIntoTheGap)
{
    Defines d;
    d.define("A");
    d.define("B", "1");
    d.define("C");
    d.undefine("A");
    EXPECT_EQ(d.names(), (std::vector<std::string>{"C", "B"}));
    d.undefine("B");
    EXPECT_FALSE(d.value("B").has_value());
    EXPECT_FALSE(d.defined("B"));
}

}  // namespace
}  // namespace feather::parser

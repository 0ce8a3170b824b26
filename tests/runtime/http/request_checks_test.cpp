// The Expect check of ap_check_request_header; checked against apache2
// 2.4.71 in the protocol_headers compat scenario.

#include <gtest/gtest.h>

#include "runtime/http/request_checks.hpp"

namespace feather::runtime {
namespace {

TEST(CheckExpect, OnlyHundredContinueIsUnderstood)
{
    Request r;
    r.proto_num = 1000;
    r.headers_in.add("Expect", "100-Continue");
    EXPECT_EQ(check_expect(r), 0);
    EXPECT_TRUE(r.expecting_100);
    Request other;
    other.proto_num = 1000;
    other.headers_in.add("Expect", "something");
    EXPECT_EQ(check_expect(other), 417);
    EXPECT_FALSE(other.expecting_100);
    Request empty;
    empty.proto_num = 1000;
    empty.headers_in.add("Expect", "");
    EXPECT_EQ(check_expect(empty), 0);
    EXPECT_FALSE(empty.expecting_100);
    Request none;
    EXPECT_EQ(check_expect(none), 0);
}

}  // namespace
}  // namespace feather::runtime

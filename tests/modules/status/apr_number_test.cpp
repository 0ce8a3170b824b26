// Expected strings come from Debian's libapr1 (apr_snprintf), the printf
// httpd's mod_status uses; floats are passed as httpd passes them.

#include "modules/status/apr_number.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace feather::mod::status {
namespace {

struct Case {
    double value;
    const char* g;
    const char* g3;
    const char* f2;
    const char* f1;
};

const Case kCases[] = {
    {0.0, "0", "0", "0.00", "0.0"},
    {0.01, ".01", ".01", "0.01", "0.0"},
    {0.5, ".5", ".5", "0.50", "0.5"},
    {1.0, "1", "1", "1.00", "1.0"},
    {0.0222222, ".0222222", ".0222", "0.02", "0.0"},
    {static_cast<float>(4 / 45.0), ".0888889", ".0889", "0.09", "0.1"},
    {static_cast<float>(91.0222222), "91.0222", "91", "91.02", "91.0"},
    {1024.0, "1024", "1020", "1024.00", "1024.0"},
    {static_cast<float>(1 / 3.0), ".333333", ".333", "0.33", "0.3"},
    {static_cast<float>(2 / 3.0), ".666667", ".667", "0.67", "0.7"},
    {12.345, "12.345", "12.3", "12.35", "12.3"},
    {0.999, ".999", ".999", "1.00", "1.0"},
    {0.0005, ".0005", ".0005", "0.00", "0.0"},
    {123456.0, "123456", "123000", "123456.00", "123456.0"},
    {1234567.0, "1234570", "1230000", "1234567.00", "1234567.0"},
    {1e10, "1.e+10", "1.e+10", "10000000000.00", "10000000000.0"},
    {2.5e-5, "2.5e-5", "2.5e-5", "0.00", "0.0"},
    {99.995, "99.995", "100", "100.00", "100.0"},
    {0.25, ".25", ".25", "0.25", "0.3"},
    {100.0, "100", "100", "100.00", "100.0"},
    {static_cast<float>(3.7), "3.7", "3.7", "3.70", "3.7"},
    {static_cast<float>(1e-4), ".0001", ".0001", "0.00", "0.0"},
    {static_cast<float>(6.35), "6.35", "6.35", "6.35", "6.3"},
    {4096.0, "4096", "4100", "4096.00", "4096.0"},
    {static_cast<float>(341.33334), "341.333", "341", "341.33", "341.3"},
};

TEST(AprNumber, MatchesAprSnprintf)
{
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.value);
        EXPECT_EQ(apr_g(c.value), c.g);
        EXPECT_EQ(apr_g(c.value, 3), c.g3);
        EXPECT_EQ(apr_f(c.value, 2), c.f2);
        EXPECT_EQ(apr_f(c.value, 1), c.f1);
    }
}

TEST(AprNumber, NonFiniteAsApr)
{
    // A CPU load over an uptime of 0 seconds divides by zero.
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(apr_g(inf), "0.e+79");
    EXPECT_EQ(apr_g(inf, 3), "0.e+79");
    EXPECT_EQ(apr_f(inf, 2), "inf");
    EXPECT_EQ(apr_f(std::numeric_limits<double>::quiet_NaN(), 1), "nan");
}

TEST(AprNumber, Negative)
{
    EXPECT_EQ(apr_g(-0.5), "-.5");
    EXPECT_EQ(apr_f(-1.25, 1), "-1.3");
}

}  // namespace
}  // namespace feather::mod::status

#pragma once
// Numbers printed the way httpd prints them: mod_status formats with APR's
// own printf (apr_snprintf), whose %g and %f are not libc's: its digit
// generation is a modf loop with half-up rounding, and %g drops the leading
// zero of fractions (".01", not "0.01"). Pages and ?auto output must match
// byte for byte, so these follow APR's algorithm, not std::printf.

#include <string>

namespace feather::mod::status {

// apr_snprintf("%.<precision>g"); "%g" is precision 6.
std::string apr_g(double value, int precision = 6);

// apr_snprintf("%.<precision>f").
std::string apr_f(double value, int precision);

}  // namespace feather::mod::status

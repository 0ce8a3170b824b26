#include "modules/status/apr_number.hpp"

#include <cmath>

namespace feather::mod::status {

namespace {

constexpr int kMaxDigits = 80;  // APR's NDIG

struct Digits {
    std::string digits;  // without sign or point
    int point = 0;       // position of the decimal point relative to digits
    bool negative = false;
};

// APR's apr_cvt: `ndigits` significant digits (eflag) or `ndigits` digits
// after the point (!eflag). Integer digits come from repeated division by
// ten (nudged by .03 against binary error), fraction digits from repeated
// multiplication; the last digit is rounded half up with carry.
Digits convert(double arg, int ndigits, bool eflag)
{
    Digits out;
    if (ndigits >= kMaxDigits - 1) {
        ndigits = kMaxDigits - 2;
    }
    char buf[kMaxDigits + 1] = {};
    int exponent = 0;
    if (arg < 0) {
        out.negative = true;
        arg = -arg;
    }
    double whole = 0;
    arg = std::modf(arg, &whole);
    int p = 0;
    if (whole != 0) {
        char reversed[kMaxDigits];
        int n = 0;
        while (n < kMaxDigits && whole != 0) {
            double frac = std::modf(whole / 10, &whole);
            reversed[n++] = static_cast<char>(static_cast<int>((frac + .03) * 10) + '0');
            ++exponent;
        }
        while (n > 0) {
            buf[p++] = reversed[--n];
        }
    } else if (arg > 0) {
        double scaled = 0;
        while ((scaled = arg * 10) < 1) {
            arg = scaled;
            --exponent;
        }
    }
    int last = ndigits + (eflag ? 0 : exponent);
    if (last < 0) {
        out.point = -ndigits;
        return out;
    }
    out.point = exponent;
    while (p <= last && p < kMaxDigits) {
        arg *= 10;
        double digit = 0;
        arg = std::modf(arg, &digit);
        buf[p++] = static_cast<char>(static_cast<int>(digit) + '0');
    }
    if (last >= kMaxDigits) {
        buf[kMaxDigits - 1] = '\0';
        out.digits = buf;
        return out;
    }
    p = last;
    buf[last] = static_cast<char>(buf[last] + 5);
    while (buf[last] > '9') {
        buf[last] = '0';
        if (last > 0) {
            ++buf[--last];
        } else {
            buf[last] = '1';
            ++out.point;
            if (!eflag) {
                if (p > 0) {
                    buf[p] = '0';
                }
                ++p;
            }
        }
    }
    buf[p] = '\0';
    out.digits = buf;
    return out;
}

}  // namespace

std::string apr_g(double value, int precision)
{
    if (!std::isfinite(value)) {
        // APR's digit loop runs out of room on these: "0.e+79" it prints.
        return value < 0 ? "-0.e+79" : "0.e+79";
    }
    if (precision == 0) {
        precision = 1;
    }
    const Digits d = convert(value, precision, true);
    auto digit = [&](int i) { return i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '\0'; };
    std::string out;
    if (d.negative) {
        out.push_back('-');
    }
    int ndigit = precision;
    for (int i = ndigit - 1; i > 0 && digit(i) == '0'; --i) {
        --ndigit;
    }
    int point = d.point;
    if ((point >= 0 && point - ndigit > 4) || (point < 0 && point < -3)) {
        --point;
        out.push_back(digit(0));
        out.push_back('.');
        for (int i = 1; i < ndigit; ++i) {
            out.push_back(digit(i));
        }
        out.push_back('e');
        if (point < 0) {
            point = -point;
            out.push_back('-');
        } else {
            out.push_back('+');
        }
        if (point / 100 > 0) {
            out.push_back(static_cast<char>(point / 100 + '0'));
        }
        if (point / 10 > 0) {
            out.push_back(static_cast<char>((point % 100) / 10 + '0'));
        }
        out.push_back(static_cast<char>(point % 10 + '0'));
    } else {
        if (point <= 0) {
            if (digit(0) != '0') {
                out.push_back('.');
            }
            while (point < 0) {
                ++point;
                out.push_back('0');
            }
        }
        for (int i = 1; i <= ndigit; ++i) {
            out.push_back(digit(i - 1));
            if (i == point) {
                out.push_back('.');
            }
        }
        if (ndigit < point) {
            while (ndigit++ < point) {
                out.push_back('0');
            }
            out.push_back('.');
        }
    }
    if (out.back() == '.') {
        out.pop_back();
    }
    return out;
}

std::string apr_f(double value, int precision)
{
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-inf" : "inf";
    }
    const Digits d = convert(value, precision, false);
    std::string out;
    if (d.negative) {
        out.push_back('-');
    }
    std::size_t used = 0;
    int point = d.point;
    if (point <= 0) {
        out.push_back('0');
        if (precision > 0) {
            out.push_back('.');
            while (point++ < 0) {
                out.push_back('0');
            }
        }
    } else {
        while (point-- > 0 && used < d.digits.size()) {
            out.push_back(d.digits[used++]);
        }
        if (precision > 0) {
            out.push_back('.');
        }
    }
    out.append(d.digits, used, std::string::npos);
    return out;
}

}  // namespace feather::mod::status

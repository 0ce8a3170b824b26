#include "modules/authz/ip_network.hpp"

#include <climits>
#include <cstring>
#include <string>

namespace feather::mod::authz {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c)
{
    if (is_digit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// APR's inet_pton for AF_INET: exactly four decimal parts of at most 255;
// leading zeros are allowed ("010.1.1.1" is 10.1.1.1).
std::optional<std::array<std::uint8_t, 4>> pton4(std::string_view s)
{
    std::array<std::uint8_t, 4> out{};
    int parts = 0;
    bool in_part = false;
    unsigned value = 0;
    for (const char c : s) {
        if (is_digit(c)) {
            value = value * 10 + static_cast<unsigned>(c - '0');
            if (value > 255) {
                return std::nullopt;
            }
            if (!in_part) {
                if (++parts > 4) {
                    return std::nullopt;
                }
                in_part = true;
            }
            out[static_cast<std::size_t>(parts - 1)] = static_cast<std::uint8_t>(value);
        } else if (c == '.' && in_part) {
            if (parts == 4) {
                return std::nullopt;
            }
            in_part = false;
            value = 0;
        } else {
            return std::nullopt;
        }
    }
    if (parts < 4) {
        return std::nullopt;
    }
    return out;
}

// APR's inet_pton for AF_INET6. Like BIND's original it takes a group of
// more than four hex digits while its value fits 16 bits ("00001::"), and
// unlike glibc it accepts a trailing single colon ("1::2:").
std::optional<std::array<std::uint8_t, 16>> pton6(std::string_view s)
{
    std::array<std::uint8_t, 16> out{};
    std::size_t at = 0;
    std::optional<std::size_t> gap;  // where "::" stands
    std::size_t i = 0;
    if (!s.empty() && s[0] == ':') {
        if (s.size() < 2 || s[1] != ':') {
            return std::nullopt;
        }
        i = 1;
    }
    std::size_t token = i;
    bool in_group = false;
    unsigned value = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (const int h = hex_value(c); h >= 0) {
            value = (value << 4) | static_cast<unsigned>(h);
            if (value > 0xffff) {
                return std::nullopt;
            }
            in_group = true;
            continue;
        }
        if (c == ':') {
            token = i + 1;
            if (!in_group) {
                if (gap) {
                    return std::nullopt;
                }
                gap = at;
                continue;
            }
            if (at + 2 > out.size()) {
                return std::nullopt;
            }
            out[at++] = static_cast<std::uint8_t>(value >> 8);
            out[at++] = static_cast<std::uint8_t>(value & 0xff);
            in_group = false;
            value = 0;
            continue;
        }
        if (c == '.' && at + 4 <= out.size()) {
            if (const auto v4 = pton4(s.substr(token))) {
                std::memcpy(&out[at], v4->data(), 4);
                at += 4;
                in_group = false;
                break;
            }
        }
        return std::nullopt;
    }
    if (in_group) {
        if (at + 2 > out.size()) {
            return std::nullopt;
        }
        out[at++] = static_cast<std::uint8_t>(value >> 8);
        out[at++] = static_cast<std::uint8_t>(value & 0xff);
    }
    if (gap) {
        const std::size_t n = at - *gap;
        for (std::size_t k = 1; k <= n; ++k) {
            out[out.size() - k] = out[*gap + n - k];
            out[*gap + n - k] = 0;
        }
        at = out.size();
    }
    if (at != out.size()) {
        return std::nullopt;
    }
    return out;
}

bool is_v4_mapped(const std::array<std::uint8_t, 16>& a)
{
    for (std::size_t i = 0; i < 10; ++i) {
        if (a[i] != 0) {
            return false;
        }
    }
    return a[10] == 0xff && a[11] == 0xff;
}

// APR's first filter: something with a colon, or only digits and dots.
bool looks_like_ip(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    if (s.find(':') != std::string_view::npos) {
        return true;
    }
    for (const char c : s) {
        if (c != '.' && !is_digit(c)) {
            return false;
        }
    }
    return true;
}

// The legacy partial form: "a.b." is a.b.0.0/16. Each part is read as C's
// atoi reads it, so an over-long part wraps like an int ("4294967296" is 0).
std::optional<IpParseError> parse_partial(std::string_view s, IpNetwork& net)
{
    if (s.size() >= sizeof "255.255.255.255") {
        return IpParseError::BadAddress;
    }
    std::uint32_t address = 0;
    std::uint32_t mask = 0;
    int shift = 24;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_digit(s[i])) {
            return IpParseError::BadAddress;
        }
        long long part = 0;
        while (i < s.size() && is_digit(s[i])) {
            part = part * 10 + (s[i] - '0');
            ++i;
        }
        if (i < s.size()) {
            if (s[i] != '.') {
                return IpParseError::BadAddress;
            }
            ++i;
        }
        if (shift < 0) {
            return IpParseError::BadAddress;
        }
        const auto octet = static_cast<std::int32_t>(part);
        if (octet < 0 || octet > 255) {
            return IpParseError::BadAddress;
        }
        address |= static_cast<std::uint32_t>(octet) << shift;
        mask |= 0xffu << shift;
        shift -= 8;
    }
    for (std::size_t b = 0; b < 4; ++b) {
        net.address[b] = static_cast<std::uint8_t>(address >> (24 - 8 * b));
        net.mask[b] = static_cast<std::uint8_t>(mask >> (24 - 8 * b));
    }
    net.family = IpFamily::V4;
    return std::nullopt;
}

// strtol(s, &end, 10) followed by "*end == '\0'": leading white space and a
// sign are allowed; overflow saturates.
std::optional<long> whole_decimal(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) {
        ++i;
    }
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    const std::size_t digits_at = i;
    long value = 0;
    bool saturated = false;
    for (; i < s.size() && is_digit(s[i]); ++i) {
        const int d = s[i] - '0';
        if (value > (LONG_MAX - d) / 10) {
            saturated = true;
        } else {
            value = value * 10 + d;
        }
    }
    if (i == digits_at) {
        // No digits: strtol reports 0 and leaves the end at the start.
        return s.empty() ? std::optional<long>(0) : std::nullopt;
    }
    if (i != s.size()) {
        return std::nullopt;
    }
    if (saturated) {
        return negative ? LONG_MIN : LONG_MAX;
    }
    return negative ? -value : value;
}

}  // namespace

bool IpNetwork::contains(const IpAddress& client) const
{
    const auto masked_equal = [&](const std::uint8_t* bytes, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            if ((bytes[i] & mask[i]) != address[i]) {
                return false;
            }
        }
        return true;
    };
    if (client.family == IpFamily::V4) {
        return family == IpFamily::V4 && masked_equal(client.bytes.data(), 4);
    }
    if (is_v4_mapped(client.bytes)) {
        return family == IpFamily::V4 && masked_equal(client.bytes.data() + 12, 4);
    }
    // APR compares all 16 bytes here whatever the network's family.
    return masked_equal(client.bytes.data(), 16);
}

IpNetworkParse parse_ip_network(std::string_view text, std::optional<std::string_view> mask_text)
{
    if (!looks_like_ip(text)) {
        return IpParseError::NotAnAddress;
    }
    IpNetwork net;
    net.mask.fill(0xff);

    if (const auto v6 = pton6(text)) {
        if (is_v4_mapped(*v6)) {
            return IpParseError::BadAddress;  // APR wants a.b.c.d for IPv4
        }
        net.family = IpFamily::V6;
        net.address = *v6;
    } else if (const auto v4 = pton4(text)) {
        net.family = IpFamily::V4;
        std::memcpy(net.address.data(), v4->data(), 4);
    } else if (mask_text) {
        return IpParseError::BadAddress;
    } else if (const auto err = parse_partial(text, net)) {
        return *err;
    }

    if (mask_text) {
        const long max_bits = net.family == IpFamily::V6 ? 128 : 32;
        const auto bits = whole_decimal(*mask_text);
        if (bits && *bits > 0 && *bits <= max_bits) {
            net.mask.fill(0);
            for (long b = 0; b < *bits; ++b) {
                net.mask[static_cast<std::size_t>(b / 8)] |=
                    static_cast<std::uint8_t>(0x80u >> (b % 8));
            }
        } else if (const auto m = pton4(*mask_text); m && net.family == IpFamily::V4) {
            // Only the first four bytes change: APR keeps the rest all ones.
            std::memcpy(net.mask.data(), m->data(), 4);
        } else {
            return IpParseError::BadMask;
        }
    }
    for (std::size_t i = 0; i < net.address.size(); ++i) {
        net.address[i] &= net.mask[i];
    }
    return net;
}

std::string_view error_text(IpParseError error)
{
    switch (error) {
    case IpParseError::BadMask:
        return "The specified network mask is invalid.";
    case IpParseError::BadAddress:
    case IpParseError::NotAnAddress:
        break;
    }
    return "The specified IP address is invalid.";
}

std::optional<IpAddress> parse_ip_address(std::string_view text)
{
    IpAddress a;
    if (const auto v4 = pton4(text)) {
        std::memcpy(a.bytes.data(), v4->data(), 4);
        return a;
    }
    if (const auto v6 = pton6(text)) {
        a.family = IpFamily::V6;
        a.bytes = *v6;
        return a;
    }
    return std::nullopt;
}

}  // namespace feather::mod::authz

#include "runtime/http/file_digest.hpp"

#include <unistd.h>

#include <algorithm>
#include <iterator>

#include <boost/uuid/detail/md5.hpp>
#include <boost/uuid/detail/sha1.hpp>

namespace feather::runtime {

std::string base64_encode(const unsigned char* data, std::size_t len)
{
    static constexpr char kTable[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((len + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < len; i += 3) {
        out.push_back(kTable[data[i] >> 2]);
        out.push_back(kTable[((data[i] & 0x3) << 4) | (data[i + 1] >> 4)]);
        out.push_back(kTable[((data[i + 1] & 0xf) << 2) | (data[i + 2] >> 6)]);
        out.push_back(kTable[data[i + 2] & 0x3f]);
    }
    if (i < len) {
        out.push_back(kTable[data[i] >> 2]);
        if (i + 1 == len) {
            out.push_back(kTable[(data[i] & 0x3) << 4]);
            out.push_back('=');
        } else {
            out.push_back(kTable[((data[i] & 0x3) << 4) | (data[i + 1] >> 4)]);
            out.push_back(kTable[(data[i + 1] & 0xf) << 2]);
        }
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> file_digest_base64(int fd, DigestKind kind)
{
    boost::uuids::detail::sha1 sha;
    boost::uuids::detail::md5 md5;
    char buf[65536];
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buf, sizeof buf, offset);
        if (n < 0) {
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        if (kind == DigestKind::Sha1) {
            sha.process_bytes(buf, static_cast<std::size_t>(n));
        } else {
            md5.process_bytes(buf, static_cast<std::size_t>(n));
        }
        offset += n;
    }
    // Both give the digest as 32-bit words, most significant byte first.
    unsigned int words[5] = {};
    int count = 5;
    if (kind == DigestKind::Md5) {
        boost::uuids::detail::md5::digest_type digest;
        md5.get_digest(digest);
        std::copy(std::begin(digest), std::end(digest), words);
        count = 4;
    } else {
        boost::uuids::detail::sha1::digest_type digest;
        sha.get_digest(digest);
        std::copy(std::begin(digest), std::end(digest), words);
    }
    unsigned char bytes[20];
    for (int i = 0; i < count; ++i) {
        bytes[4 * i] = static_cast<unsigned char>(words[i] >> 24);
        bytes[4 * i + 1] = static_cast<unsigned char>(words[i] >> 16);
        bytes[4 * i + 2] = static_cast<unsigned char>(words[i] >> 8);
        bytes[4 * i + 3] = static_cast<unsigned char>(words[i]);
    }
    return base64_encode(bytes, static_cast<std::size_t>(count) * 4);
}

}  // namespace feather::runtime

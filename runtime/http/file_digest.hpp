#pragma once
// Digests of a file's bytes, base64-encoded as APR encodes them: SHA-1 for
// FileETag Digest, MD5 for ContentDigest's Content-MD5.

#include <optional>
#include <string>

namespace feather::runtime {

enum class DigestKind { Sha1, Md5 };

// Reads the whole of `fd` (from offset 0, with pread: the descriptor's
// position is left alone). nullopt with errno set when reading fails.
std::optional<std::string> file_digest_base64(int fd, DigestKind kind);

// apr_base64_encode_binary (padded with '=').
std::string base64_encode(const unsigned char* data, std::size_t len);

}  // namespace feather::runtime

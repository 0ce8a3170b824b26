#include "runtime/http/chunk_size_line.hpp"

#include <cstdint>

namespace feather::runtime {

namespace {

bool is_xdigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}
bool is_cntrl(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

ChunkSizeLine::Result ChunkSizeLine::feed(std::string_view bytes, std::size_t limit)
{
    for (const char c : bytes) {
        if (state_ == State::Start) {
            if (!is_xdigit(c)) {
                return Result::Invalid;  // also an empty size line
            }
            state_ = State::Digits;
            size_ = 0;
            bits_ = 64;
            bws_ = 0;
            used_ = 0;
        }
        if (c == '\n') {
            if (strict_ && state_ != State::Lf) {
                return Result::Invalid;  // CR missing before LF
            }
            used_ += bytes.size();
            return used_ > limit ? Result::Overflow : Result::Done;
        }
        if (state_ == State::Lf) {
            return Result::Invalid;
        }
        if (c == '\r') {
            state_ = State::Lf;
        } else if (c == ';') {
            state_ = State::Ext;
        } else if (state_ == State::Ext) {
            if (c != '\t' && is_cntrl(static_cast<unsigned char>(c))) {
                return Result::Invalid;
            }
        } else if (c == ' ' || c == '\t') {
            // Up to ten implied white spaces (RFC 7230 erratum 4667).
            state_ = State::Cr;
            if (++bws_ > 10) {
                return Result::Invalid;
            }
        } else if (state_ == State::Cr) {
            return Result::Invalid;
        } else if (state_ == State::Digits) {
            if (size_ == 0 && c == '0') {
                continue;  // leading zeros
            }
            bits_ -= 4;
            if (bits_ < 0 || !is_xdigit(c)) {
                return bits_ < 0 ? Result::Overflow : Result::Invalid;
            }
            size_ = (size_ << 4) | static_cast<std::uint64_t>(hex(c));
            if (size_ > static_cast<std::uint64_t>(INT64_MAX)) {
                return Result::Overflow;  // apr_off_t went negative
            }
        } else {
            return Result::Invalid;
        }
    }
    used_ += bytes.size();
    return used_ > limit ? Result::Overflow : Result::More;
}

}  // namespace feather::runtime

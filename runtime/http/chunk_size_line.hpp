#pragma once
// One chunk-size line of a chunked request body, checked as httpd's
// parse_chunk_size (modules/http/http_filters.c) checks it. Pure.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace feather::runtime {

// httpd's parse_chunk_size: one chunk-size line (the size, up to ten
// spaces or tabs, an extension after ';') fed in pieces as they arrive.
class ChunkSizeLine {
public:
    enum class Result { More, Done, Invalid, Overflow };

    explicit ChunkSizeLine(bool strict) : strict_(strict) {}
    // Feeds the bytes of the line up to and including its LF; `limit`
    // bounds the bytes of one line (LimitRequestFieldSize).
    Result feed(std::string_view bytes, std::size_t limit);
    std::uint64_t size() const { return size_; }

private:
    enum class State { Start, Digits, Ext, Cr, Lf };
    bool strict_;
    State state_ = State::Start;
    std::uint64_t size_ = 0;
    int bits_ = 64;
    int bws_ = 0;
    std::size_t used_ = 0;
};

}  // namespace feather::runtime

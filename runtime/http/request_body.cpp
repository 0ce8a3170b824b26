#include "runtime/http/request_body.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <cstdio>
#include <cstring>

#include "modules/config_sets.hpp"
#include "runtime/http/error_response.hpp"
#include "runtime/http/field_reader.hpp"

namespace feather::runtime {

namespace http = boost::beast::http;

namespace {

constexpr std::size_t kLinePiece = 8192;  // httpd reads lines in pieces of HUGE_STRING_LEN
constexpr std::size_t kDiscardChunk = 8192;
constexpr int kIncomplete = -1;  // the client closed mid-body (APR_INCOMPLETE)
constexpr int kTimedOut = -2;

}  // namespace

// boost::beast frames the chunks: it is fed the chunked stream in the
// canonical form our checks let through ("<hex>CRLF data CRLF", a last
// chunk) and hands back the chunk data.
class ChunkDecoder final : public http::basic_parser<true> {
public:
    ChunkDecoder()
    {
        header_limit(std::numeric_limits<std::uint32_t>::max());
        body_limit(boost::none);
        eager(true);
        static constexpr std::string_view kHead =
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        feed(kHead, nullptr);
    }

    // Beast consumes what it can; what it leaves (an incomplete chunk
    // header) waits here for the next bytes.
    bool feed(std::string_view bytes, std::string* sink)
    {
        sink_ = sink;
        pending_.append(bytes);
        while (!pending_.empty()) {
            boost::beast::error_code ec;
            const std::size_t used = put(boost::asio::buffer(pending_.data(), pending_.size()), ec);
            pending_.erase(0, used);
            if (ec == http::error::need_more) {
                return true;
            }
            if (ec) {
                return false;
            }
            if (used == 0) {
                break;
            }
        }
        return true;
    }

private:
    void on_request_impl(http::verb, boost::beast::string_view, boost::beast::string_view, int,
                         boost::beast::error_code&) override
    {}
    void on_response_impl(int, boost::beast::string_view, int, boost::beast::error_code&) override
    {}
    void on_field_impl(http::field, boost::beast::string_view, boost::beast::string_view,
                       boost::beast::error_code&) override
    {}
    void on_header_impl(boost::beast::error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>&,
                           boost::beast::error_code&) override
    {}
    std::size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code&) override
    {
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, boost::beast::string_view,
                              boost::beast::error_code&) override
    {}
    std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                                   boost::beast::error_code&) override
    {
        if (sink_ != nullptr) {
            sink_->append(body.data(), body.size());
        }
        return body.size();
    }
    void on_finish_impl(boost::beast::error_code&) override {}

    std::string* sink_ = nullptr;
    std::string pending_;
};

BodyReader::BodyReader(InputBuffer& in, SocketIo& io, KeepAliveState& ka)
    : in_(in), io_(io), ka_(ka)
{}

BodyReader::~BodyReader() = default;

void BodyReader::begin(const BodyLimits& limits)
{
    limits_ = limits;
    state_ = State::Unstarted;
    remaining_ = 0;
    limit_ = 0;
    limit_used_ = 0;
    seen_data_ = false;
    end_ = false;
    framing_error_ = 0;
    io_error_ = 0;
    chunks_.reset();
    line_.reset();
    end_lf_only_ = false;
}

int BodyReader::bail(int status)
{
    // httpd answers at once and drops the connection: a corrupt framing
    // could make the rest of this body read as the next request.
    framing_error_ = status;
    ka_.close = true;
    end_ = true;
    state_ = State::Done;
    return status;
}

bool BodyReader::fill(std::size_t want)
{
    if (in_.view().size() >= want) {
        return true;
    }
    in_.compact();
    char buf[16384];
    std::size_t got = 0;
    const IoResult res = io_.read_some(buf, sizeof buf, got, limits_.timeout);
    if (res == IoResult::Ok) {
        in_.data.append(buf, got);
        return true;
    }
    io_error_ = res == IoResult::Timeout ? kTimedOut : kIncomplete;
    return false;
}

int BodyReader::start(Request& r)
{
    const auto* dir = r.per_dir ? &get<mod::core::CoreDirConfig>(*r.per_dir) : nullptr;
    limit_ = dir != nullptr
                 ? dir->uncommon().limit_req_body.get_or(mod::core::kDefaultLimitRequestBody)
                 : mod::core::kDefaultLimitRequestBody;
    if (r.request_chunked) {
        state_ = State::ChunkLine;
        chunks_ = std::make_unique<ChunkDecoder>();
    } else if (r.request_body_length) {
        state_ = State::Length;
        remaining_ = *r.request_body_length;
        if (limit_ != 0 && limit_ < remaining_) {
            return bail(413);  // AH01588: the declared length is over LimitRequestBody
        }
    } else {
        state_ = State::None;
    }
    if (state_ == State::None) {
        end_ = true;
    }
    return 0;
}

int BodyReader::pull(Request& r, std::string& out, std::size_t cap)
{
    if (state_ == State::Unstarted) {
        if (const int rc = start(r)) {
            return rc;
        }
    }
    // "100 Continue" before the first byte is read, for an HTTP/1.1 client
    // that waits for it: unless the answer is already an error, in which
    // case the body is not read at all (and the connection ends).
    if ((state_ == State::ChunkLine && !line_) || (state_ == State::Length && remaining_ > 0)) {
        if (r.expecting_100 && r.proto_num >= 1001 && !end_) {
            if (r.status < 200 || r.status > 299) {
                state_ = State::None;
                end_ = true;
            } else if (!seen_data_) {
                static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
                iovec iov{const_cast<char*>(kContinue), sizeof kContinue - 1};
                const std::uint64_t before = io_.bytes_written();
                io_.write_all(&iov, 1, limits_.timeout);
                if (r.connection != nullptr) {
                    r.connection->bytes_out += io_.bytes_written() - before;
                }
                for (Request* rr = &r; rr != nullptr; rr = rr->main) {
                    rr->expecting_100 = false;
                }
            } else {
                r.expecting_100 = false;
            }
        }
    }
    while (!end_) {
        switch (state_) {
        case State::Length: {
            if (remaining_ == 0) {
                end_ = true;
                break;
            }
            if (!fill(1)) {
                return io_error_;
            }
            const std::string_view avail = in_.view();
            const auto n =
                static_cast<std::size_t>(std::min<std::uint64_t>({remaining_, avail.size(), cap}));
            out.append(avail.substr(0, n));
            in_.consume(n);
            remaining_ -= n;
            seen_data_ = true;
            limit_used_ += n;
            if (limit_ != 0 && limit_ < limit_used_) {
                return bail(413);  // AH01591
            }
            if (remaining_ == 0) {
                end_ = true;
            }
            return 0;
        }
        case State::ChunkLine: {
            if (!line_) {
                line_ = std::make_unique<ChunkSizeLine>(limits_.strict);
            }
            if (!fill(1)) {
                return io_error_;
            }
            const std::string_view avail = in_.view();
            const std::size_t lf = avail.find('\n');
            const std::size_t take =
                std::min(lf == std::string_view::npos ? avail.size() : lf + 1, kLinePiece);
            seen_data_ = true;
            const auto res = line_->feed(avail.substr(0, take), limits_.field_size);
            in_.consume(take);
            if (res == ChunkSizeLine::Result::Invalid) {
                return bail(400);  // AH01590
            }
            if (res == ChunkSizeLine::Result::Overflow) {
                return bail(413);  // AH01590 (overflow)
            }
            if (res == ChunkSizeLine::Result::Done) {
                remaining_ = line_->size();
                line_.reset();
                char size_line[32];
                const int len = std::snprintf(size_line, sizeof size_line, "%llx\r\n",
                                              static_cast<unsigned long long>(remaining_));
                if (!chunks_->feed(std::string_view(size_line, static_cast<std::size_t>(len)),
                                   nullptr)) {
                    return bail(400);
                }
                if (remaining_ == 0) {
                    return read_trailers(r);
                }
                state_ = State::ChunkData;
            }
            break;
        }
        case State::ChunkData: {
            if (!fill(1)) {
                return io_error_;
            }
            const std::string_view avail = in_.view();
            const auto n =
                static_cast<std::size_t>(std::min<std::uint64_t>({remaining_, avail.size(), cap}));
            if (!chunks_->feed(avail.substr(0, n), &out)) {
                return bail(400);
            }
            in_.consume(n);
            remaining_ -= n;
            limit_used_ += n;
            if (limit_ != 0 && limit_ < limit_used_) {
                return bail(413);  // AH01591
            }
            if (remaining_ == 0) {
                state_ = State::ChunkEnd;
                end_lf_only_ = false;
            }
            return 0;
        }
        case State::ChunkEnd: {
            if (!fill(1)) {
                return io_error_;
            }
            const char c = in_.view().front();
            in_.consume(1);
            if (c == '\n') {
                if (limits_.strict && !end_lf_only_) {
                    return bail(400);  // CR missing before LF
                }
                if (!chunks_->feed("\r\n", nullptr)) {
                    return bail(400);
                }
                state_ = State::ChunkLine;
            } else if (c == '\r' && !end_lf_only_) {
                end_lf_only_ = true;  // now only the LF may come
            } else {
                return bail(400);  // CRLF expected after the chunk data
            }
            break;
        }
        default: end_ = true; break;
        }
    }
    return 0;
}

int BodyReader::read_trailers(Request& r)
{
    // ap_get_mime_headers on the trailer: the head's rules and limits.
    HeadLimits limits;
    limits.field_size = limits_.field_size;
    limits.fields = limits_.fields;
    limits.strict = limits_.strict;
    limits.timeout = limits_.timeout;
    Headers trailers;
    FieldReader reader(limits, r, trailers);
    std::string line;
    while (true) {
        const LineStatus st =
            get_line(in_, io_, limits.field_size + 2, limits.strict, limits.timeout, line);
        int rc = 0;
        if (st == LineStatus::Timeout) {
            rc = kTimedOut;
        } else if (st == LineStatus::Eof) {
            rc = kIncomplete;
        } else if (st != LineStatus::Ok) {
            rc = 400;
        } else {
            rc = reader.line(line);
            if (rc == FieldReader::kDone) {
                break;
            }
        }
        if (rc != 0) {
            io_error_ = rc < 0 ? rc : 0;
            state_ = State::Done;
            end_ = true;
            ka_.close = true;
            return rc < 0 ? rc : 400;
        }
    }
    chunks_->feed("\r\n", nullptr);
    if (limits_.merge_trailers) {
        for (const auto& f : trailers.fields()) {
            r.headers_in.add(f.name, f.value);
        }
    }
    state_ = State::Done;
    end_ = true;
    return 0;
}

int BodyReader::discard(Request& r)
{
    if (r.main != nullptr || ka_.close) {
        return 0;
    }
    if (status_drops_connection(r.status)) {
        ka_.close = true;
        return 0;
    }
    std::string sink;
    do {
        sink.clear();
        const int rc = pull(r, sink, kDiscardChunk);
        if (rc != 0) {
            ka_.close = true;
            // ap_map_http_request_error: a timeout is 408, the rest 400
            // unless the framing check chose the status.
            if (rc == kTimedOut) {
                return 408;
            }
            return rc == kIncomplete ? 400 : rc;
        }
    } while (!end_);
    return 0;
}

long BodyReader::read(Request& r, char* buf, std::size_t cap)
{
    if (cap == 0) {
        return 0;
    }
    std::string out;
    while (out.empty() && !end_) {
        const int rc = pull(r, out, cap);
        if (rc != 0) {
            ka_.close = true;
            return -1;
        }
    }
    std::memcpy(buf, out.data(), out.size());
    return static_cast<long>(out.size());
}

int BodyReader::finish(Request& r)
{
    if (framing_error_ != 0) {
        return 0;  // answered already
    }
    return discard(r);
}

}  // namespace feather::runtime

#include "runtime/http/response_writer.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "modules/config_sets.hpp"
#include "runtime/build_info.hpp"
#include "runtime/http/error_response.hpp"

namespace feather::runtime {

namespace {

constexpr std::uint64_t kMmapThreshold = 8000;         // httpd's MMAP_THRESHOLD
constexpr std::uint64_t kMmapLimit = 4 * 1024 * 1024;  // httpd's MMAP_LIMIT

}  // namespace

bool send_response(Request& r, SocketIo& io, KeepAliveState& ka, const ProtocolSettings& settings)
{
    ResponseHead plan = make_response_head(r, ka, settings);
    const std::string& head = plan.bytes;
    const bool chunked = plan.framing == Framing::Chunked;
    std::uint64_t length = 0;
    for (const auto& part : r.body) {
        length += std::holds_alternative<std::string>(part) ? std::get<std::string>(part).size()
                                                            : std::get<FileRange>(part).length;
    }
    char chunk_head[32] = "";
    static constexpr char kCrlf[] = "\r\n";
    static constexpr char kLastChunk[] = "0\r\n\r\n";

    const auto* dir = r.per_dir ? &get<mod::core::CoreDirConfig>(*r.per_dir) : nullptr;
    const bool use_sendfile = dir != nullptr && dir->uncommon().enable_sendfile.get_or(false);
    const bool use_mmap = dir == nullptr || dir->uncommon().enable_mmap.get_or(true);
    const bool send_body = plan.send_body;

    std::vector<iovec> iov;
    std::vector<std::string> reads;  // keeps pread buffers alive until written
    std::vector<std::pair<void*, std::size_t>> maps;
    iov.push_back({const_cast<char*>(head.data()), head.size()});
    if (send_body && chunked && length > 0) {
        // httpd's chunk filter: the body passes in one brigade, one chunk.
        const int n = std::snprintf(chunk_head, sizeof chunk_head, "%llx\r\n",
                                    static_cast<unsigned long long>(length));
        iov.push_back({chunk_head, static_cast<std::size_t>(n)});
    }
    const std::uint64_t before = io.bytes_written();
    bool ok = true;
    auto flush = [&](bool more) {
        if (iov.empty()) {
            return true;
        }
        if (more) {
            // Headers wait for the file's first bytes: one packet flight.
            const int one = 1;
            ::setsockopt(io.fd(), IPPROTO_TCP, TCP_CORK, &one, sizeof one);
        }
        const bool sent = io.write_all(iov.data(), static_cast<int>(iov.size()),
                                       settings.timeout) == IoResult::Ok;
        iov.clear();
        return sent;
    };
    if (send_body) {
        for (const auto& part : r.body) {
            if (const auto* s = std::get_if<std::string>(&part)) {
                iov.push_back({const_cast<char*>(s->data()), s->size()});
                continue;
            }
            const FileRange& fr = std::get<FileRange>(part);
            if (fr.length == 0) {
                continue;
            }
            if (use_sendfile && fr.length >= kMmapThreshold) {
                ok = flush(true) && io.send_file(fr.file->fd, fr.offset, fr.length,
                                                 settings.timeout) == IoResult::Ok;
                const int zero = 0;
                ::setsockopt(io.fd(), IPPROTO_TCP, TCP_CORK, &zero, sizeof zero);
                if (!ok) {
                    break;
                }
                continue;
            }
            if (use_mmap && fr.length >= kMmapThreshold && fr.length <= kMmapLimit) {
                const long page = ::sysconf(_SC_PAGESIZE);
                const std::uint64_t aligned =
                    fr.offset - (fr.offset % static_cast<std::uint64_t>(page));
                const std::size_t map_len =
                    static_cast<std::size_t>(fr.length + (fr.offset - aligned));
                void* p = ::mmap(nullptr, map_len, PROT_READ, MAP_PRIVATE, fr.file->fd,
                                 static_cast<off_t>(aligned));
                if (p != MAP_FAILED) {
                    maps.emplace_back(p, map_len);
                    iov.push_back({static_cast<char*>(p) + (fr.offset - aligned),
                                   static_cast<std::size_t>(fr.length)});
                    continue;
                }
            }
            // Small files (or EnableMMAP Off): read them and send them with
            // the headers in one writev.
            std::uint64_t done = 0;
            while (done < fr.length) {
                const std::size_t chunk =
                    static_cast<std::size_t>(std::min<std::uint64_t>(fr.length - done, 1 << 20));
                std::string& buf = reads.emplace_back(chunk, '\0');
                const ssize_t n =
                    ::pread(fr.file->fd, buf.data(), chunk, static_cast<off_t>(fr.offset + done));
                if (n <= 0) {
                    ok = false;
                    break;
                }
                buf.resize(static_cast<std::size_t>(n));
                iov.push_back({buf.data(), buf.size()});
                done += static_cast<std::uint64_t>(n);
                if (reads.size() >= 8) {
                    ok = flush(false);
                    reads.clear();
                    if (!ok) {
                        break;
                    }
                }
            }
            if (!ok) {
                break;
            }
        }
    }
    if (ok && send_body && chunked) {
        if (length > 0) {
            iov.push_back({const_cast<char*>(kCrlf), 2});
        }
        iov.push_back({const_cast<char*>(kLastChunk), 5});
    }
    if (ok) {
        ok = flush(false);
    }
    for (const auto& [p, len] : maps) {
        ::munmap(p, len);
    }
    const std::uint64_t written = io.bytes_written() - before;
    // %B counts the body, not the chunk framing around it.
    const std::uint64_t framing =
        send_body && chunked ? (length > 0 ? std::strlen(chunk_head) + 2 : 0) + 5 : 0;
    r.bytes_sent = written > head.size() + framing ? written - head.size() - framing : 0;
    if (r.connection != nullptr) {
        r.connection->bytes_out += written;
    }
    if (r.connection != nullptr) {
        r.connection->keepalives = ka.keepalives;
    }
    return ok && plan.keep_alive && !ka.end_after;
}

}  // namespace feather::runtime

#include "runtime/http/response_writer.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ctime>

#include "modules/config_sets.hpp"
#include "runtime/build_info.hpp"
#include "runtime/http/error_response.hpp"

namespace feather::runtime {

namespace {

constexpr std::uint64_t kMmapThreshold = 8000;          // httpd's MMAP_THRESHOLD
constexpr std::uint64_t kMmapLimit = 4 * 1024 * 1024;   // httpd's MMAP_LIMIT

bool has_token(std::string_view header, std::string_view token)
{
    // ap_find_token: comma separated, case-insensitive
    std::size_t i = 0;
    while (i <= header.size()) {
        std::size_t end = header.find(',', i);
        if (end == std::string_view::npos) {
            end = header.size();
        }
        std::string_view t = header.substr(i, end - i);
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
            t.remove_prefix(1);
        }
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
            t.remove_suffix(1);
        }
        if (iequal(t, token)) {
            return true;
        }
        i = end + 1;
    }
    return false;
}

std::uint64_t body_length(const Request& r)
{
    std::uint64_t n = 0;
    for (const auto& part : r.body) {
        if (const auto* s = std::get_if<std::string>(&part)) {
            n += s->size();
        } else {
            n += std::get<FileRange>(part).length;
        }
    }
    return n;
}

bool status_header_only(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

std::string http_date(std::int64_t secs)
{
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

const std::string& http_date_now()
{
    thread_local std::time_t cached_second = 0;
    thread_local std::string cached;
    const std::time_t now = std::time(nullptr);
    if (now != cached_second) {
        cached_second = now;
        cached = http_date(now);
    }
    return cached;
}

std::string server_banner(mod::core::ServerTokens tokens)
{
    using mod::core::ServerTokens;
    const std::string version = build::kApacheVersion;  // "2.4.71"
    switch (tokens) {
    case ServerTokens::Prod: return "Apache";
    case ServerTokens::Major: return "Apache/" + version.substr(0, version.find('.'));
    case ServerTokens::Minor: return "Apache/" + version.substr(0, version.rfind('.'));
    case ServerTokens::Minimal: return "Apache/" + version;
    case ServerTokens::OS: return "Apache/" + version + " (Unix)";
    case ServerTokens::Full: break;
    }
    return "Apache/" + version + " (Unix) Feather/" + build::kFeatherVersion;
}

bool send_response(Request& r, SocketIo& io, KeepAliveState& ka, const ProtocolSettings& settings)
{
    const bool bodiless = status_header_only(r.status);
    if (bodiless) {
        r.body.clear();
    }
    const std::uint64_t length = body_length(r);
    const bool http11 = r.proto_num >= 1001;
    if (!bodiless && !r.headers_out.has("Content-Length")) {
        r.headers_out.set("Content-Length", std::to_string(length));
    }

    // ap_set_keepalive
    bool keep = false;
    const auto conn_hdr = r.headers_in.get("Connection");
    const bool wimpy = r.headers_out.get("Connection") && has_token(*r.headers_out.get("Connection"), "close");
    const int left = settings.keep_alive_max - ka.keepalives;
    bool ka_sent = false;
    if (!ka.close && !r.expecting_100 && settings.keep_alive && settings.keep_alive_timeout_s > 0 &&
        (settings.keep_alive_max == 0 || left > 0) && !status_drops_connection(r.status) && !wimpy &&
        !(conn_hdr && has_token(*conn_hdr, "close")) &&
        (!r.subprocess_env.has("nokeepalive") || r.headers_in.has("Via")) &&
        ((ka_sent = conn_hdr && has_token(*conn_hdr, "keep-alive")) || http11) && !settings.stopping) {
        keep = true;
        ++ka.keepalives;
        if (ka_sent) {
            if (settings.keep_alive_max != 0) {
                r.headers_out.set("Keep-Alive", "timeout=" + std::to_string(settings.keep_alive_timeout_s) +
                                                    ", max=" + std::to_string(left));
            } else {
                r.headers_out.set("Keep-Alive", "timeout=" + std::to_string(settings.keep_alive_timeout_s));
            }
            r.headers_out.merge("Connection", "Keep-Alive");
        }
    } else {
        if (!wimpy) {
            r.headers_out.merge("Connection", "close");
        }
        if (!ka.close && settings.keep_alive_max != 0 && left == 0) {
            ++ka.keepalives;
        }
        ka.close = true;
    }

    std::string head;
    if (!r.assbackwards) {
        head.reserve(512);
        head += "HTTP/1.1 ";
        head += r.status_line.empty() ? status_line(r.status) : r.status_line;
        head += "\r\nDate: ";
        head += http_date_now();
        head += "\r\nServer: ";
        head += server_banner(settings.tokens);
        head += "\r\n";
        auto emit = [&](const Headers& h) {
            for (const auto& f : h.fields()) {
                if (iequal(f.name, "Content-Type") || iequal(f.name, "Date") || iequal(f.name, "Server")) {
                    continue;
                }
                head += f.name;
                head += ": ";
                head += f.value;
                head += "\r\n";
            }
        };
        emit(r.err_headers_out);
        emit(r.headers_out);
        if (!r.content_type.empty() && !bodiless) {
            head += "Content-Type: ";
            head += r.content_type;
            head += "\r\n";
        }
        head += "\r\n";
    }

    const auto* dir = r.per_dir ? &get<mod::core::CoreDirConfig>(*r.per_dir) : nullptr;
    const bool use_sendfile = dir != nullptr && dir->enable_sendfile.get_or(false);
    const bool use_mmap = dir == nullptr || dir->enable_mmap.get_or(true);
    const bool send_body = !r.header_only && !bodiless;

    std::vector<iovec> iov;
    std::vector<std::string> reads;  // keeps pread buffers alive until written
    std::vector<std::pair<void*, std::size_t>> maps;
    iov.push_back({head.data(), head.size()});
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
        const bool sent = io.write_all(iov.data(), static_cast<int>(iov.size()), settings.timeout) == IoResult::Ok;
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
                ok = flush(true) && io.send_file(fr.file->fd, fr.offset, fr.length, settings.timeout) == IoResult::Ok;
                const int zero = 0;
                ::setsockopt(io.fd(), IPPROTO_TCP, TCP_CORK, &zero, sizeof zero);
                if (!ok) {
                    break;
                }
                continue;
            }
            if (use_mmap && fr.length >= kMmapThreshold && fr.length <= kMmapLimit) {
                const long page = ::sysconf(_SC_PAGESIZE);
                const std::uint64_t aligned = fr.offset - (fr.offset % static_cast<std::uint64_t>(page));
                const std::size_t map_len = static_cast<std::size_t>(fr.length + (fr.offset - aligned));
                void* p = ::mmap(nullptr, map_len, PROT_READ, MAP_PRIVATE, fr.file->fd, static_cast<off_t>(aligned));
                if (p != MAP_FAILED) {
                    maps.emplace_back(p, map_len);
                    iov.push_back({static_cast<char*>(p) + (fr.offset - aligned), static_cast<std::size_t>(fr.length)});
                    continue;
                }
            }
            // Small files (or EnableMMAP Off): read them and send them with
            // the headers in one writev.
            std::uint64_t done = 0;
            while (done < fr.length) {
                const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(fr.length - done, 1 << 20));
                std::string& buf = reads.emplace_back(chunk, '\0');
                const ssize_t n = ::pread(fr.file->fd, buf.data(), chunk, static_cast<off_t>(fr.offset + done));
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
    if (ok) {
        ok = flush(false);
    }
    for (const auto& [p, len] : maps) {
        ::munmap(p, len);
    }
    const std::uint64_t written = io.bytes_written() - before;
    r.bytes_sent = written > head.size() ? written - head.size() : 0;
    if (r.connection != nullptr) {
        r.connection->bytes_out += written;
    }
    return ok && keep;
}

}  // namespace feather::runtime

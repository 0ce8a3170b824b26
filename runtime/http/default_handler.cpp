#include "runtime/http/default_handler.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <optional>

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"
#include "modules/request/request.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/byterange.hpp"
#include "runtime/http/conditional.hpp"
#include "runtime/http/etag.hpp"
#include "runtime/http/file_digest.hpp"
#include "runtime/http/options_trace.hpp"
#include "runtime/http/response_meta.hpp"

namespace feather::runtime {

namespace {

using namespace mod::core;

void log(const Request& r, LogLevel level, const std::string& text, int os_error = 0)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Core, level, text, os_error);
    }
}

}  // namespace

Verdict default_handler(Request& r)
{
    if (const auto answered = default_handler_methods(r)) {
        return *answered;
    }
    if (!r.finfo) {
        log(r, LogLevel::Info, "AH00128: File does not exist: " + r.filename + r.path_info);
        return Verdict::http(404);
    }
    if (S_ISDIR(r.finfo->st_mode)) {
        log(r, LogLevel::Info, "AH00129: Attempt to serve directory: " + r.filename);
        return Verdict::http(404);
    }
    // Path info is refused unless AcceptPathInfo On (or a module) took it.
    if (!(r.used_path_info_set && r.used_path_info) && !r.path_info.empty()) {
        log(r, LogLevel::Info, "AH00130: File does not exist: " + r.filename + r.path_info);
        return Verdict::http(404);
    }
    // POST gets the file too: httpd's deliver_script is always on.

    // Feather has no CGI. httpd without mod_cgi would send a script's
    // source here; Feather declines instead, so the request ends in a 500
    // with AH00523 and the script's bytes never leave the server.
    if (r.handler == "cgi-script") {
        return Verdict::declined();
    }

    auto file = std::make_shared<OpenFile>();
    file->fd = ::open(r.filename.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->fd < 0) {
        log(r, LogLevel::Error, "AH00132: file permissions deny server access: " + r.filename,
            errno);
        return Verdict::http(403);
    }
    file->st = *r.finfo;
    file->path = r.filename;

    const auto& conf = get<CoreDirConfig>(*r.per_dir);
    update_mtime(r, mtime_us_of(*r.finfo));
    set_last_modified(r);
    set_etag(r, file->fd);
    set_accept_ranges(r);
    set_content_length(r, static_cast<std::uint64_t>(r.finfo->st_size));
    if (conf.uncommon().content_digest.get_or(false)) {
        if (auto md5 = file_digest_base64(file->fd, DigestKind::Md5)) {
            set_header_in_place(r.headers_out, "Content-MD5", *md5);
        }
    }

    if (const int status = meets_conditions(r)) {
        // Sent as is, with the validators and an empty body: httpd's
        // content-length filter counts 0 bytes (HEAD keeps the file's
        // length), and a 304 carries no Content-Length.
        r.status = status;
        if (status == 304) {
            r.headers_out.unset("Content-Length");
        } else if (!r.header_only) {
            set_content_length(r, 0);
        }
        return Verdict::ok();
    }
    if (r.finfo->st_size > 0) {
        r.body.emplace_back(FileRange{file, 0, static_cast<std::uint64_t>(r.finfo->st_size)});
    }
    // httpd's byterange filter runs on the handler's output.
    if (const int status = apply_byteranges(r)) {
        // httpd sends this 416 page without a length, closing the
        // connection: the error reaches ap_die inside the output filters.
        r.body.clear();
        r.error_in_output = true;
        return Verdict::http(status);
    }
    return Verdict::ok();
}

}  // namespace feather::runtime

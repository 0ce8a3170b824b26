#pragma once
// One HTTP request as every module sees it: httpd's request_rec, typed.
// The runtime fills the request-line and connection parts, the phases fill
// the mapping and the response; a module never includes another module,
// they meet here.

#include <sys/stat.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "directives/config.hpp"
#include "modules/request/headers.hpp"

namespace feather {

struct DirConfigSet;
struct ModuleStates;
class RequestInput;
class RequestServices;

// What the connection knows; shared by the requests made on it.
struct ConnectionInfo {
    std::string client_ip;
    std::uint16_t client_port = 0;
    std::string local_ip;
    std::uint16_t local_port = 0;
    std::uint64_t id = 0;
    int keepalives = 0;                       // keep-alive responses so far (%k)
    bool keepalive = false;                   // the current response keeps it open (%X)
    std::optional<std::string> remote_host;   // looked up when HostnameLookups asks
    bool double_reverse_checked = false;
    bool double_reverse_ok = false;
    bool aborted = false;
    bool keepalive_closed = false;            // conn_rec keepalive == AP_CONN_CLOSE: no more requests
    std::uint64_t bytes_in = 0;               // mod_logio %I
    std::uint64_t bytes_out = 0;              // mod_logio %O
};

// An open file whose bytes make (part of) a response.
struct OpenFile {
    int fd = -1;
    struct stat st {};
    std::string path;
    OpenFile() = default;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    ~OpenFile();
};

struct FileRange {
    std::shared_ptr<const OpenFile> file;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

// A response body is a sequence of parts: bytes made in memory, and ranges
// of files (sent with sendfile, mmap or read as EnableSendfile/EnableMMAP say).
using BodyPart = std::variant<std::string, FileRange>;

struct Request {
    // --- the connection and the request line ------------------------------
    ConnectionInfo* connection = nullptr;
    Request* main = nullptr;        // the parent request of a subrequest
    Request* prev = nullptr;        // the request this one was redirected from
    std::int64_t request_time_us = 0;
    std::string the_request;        // "GET /x HTTP/1.1"
    std::string method;             // as sent ("GET")
    int method_number = 0;          // httpd's M_* numbering (modules/core/methods.hpp)
    bool header_only = false;       // HEAD
    std::string protocol;           // "HTTP/1.1"
    int proto_num = 1001;           // major * 1000 + minor
    bool assbackwards = false;      // HTTP/0.9: no status line, no headers
    std::string unparsed_uri;       // the request-target as sent
    std::string uri;                // the path, %-decoded and normalised
    std::string args;               // the query string (without '?')
    std::string hostname;           // from Host (or an absolute request-target)
    Headers headers_in;
    std::optional<std::uint64_t> request_body_length;  // Content-Length of the request
    bool request_chunked = false;
    bool expecting_100 = false;
    RequestInput* input = nullptr;  // the body (modules/request/request_input.hpp); none in subrequests

    // --- the server and its configuration ---------------------------------
    std::size_t server_index = 0;
    const directives::ServerConfig* server = nullptr;
    const directives::Config* config = nullptr;
    const ModuleStates* states = nullptr;           // modules' per-generation state
    RequestServices* services = nullptr;
    std::shared_ptr<const DirConfigSet> per_dir;    // the merged configuration of this request

    // --- mapping to storage ---------------------------------------------------
    std::string filename;
    std::string canonical_filename;
    std::string path_info;
    std::optional<struct stat> finfo;               // stat of filename when it exists
    bool used_path_info_set = false;                // a module decided AcceptPathInfo
    bool used_path_info = false;

    // --- content -------------------------------------------------------------
    std::string content_type;
    std::string handler;
    std::string content_encoding;
    std::vector<std::string> content_languages;
    std::string vlist_validator;                    // negotiation's variant-list ETag part

    // --- the response ----------------------------------------------------------
    int status = 200;
    std::string status_line;                        // overrides the standard reason phrase
    Headers headers_out;
    Headers err_headers_out;                        // kept on error responses too
    Headers subprocess_env;                         // environment (SetEnv, env= conditions)
    Headers notes;                                  // between modules
    std::vector<BodyPart> body;
    bool unknown_length = false;                    // no Content-Length: chunked on HTTP/1.1 (TRACE)
    bool error_in_output = false;                   // an error raised while the body went out (httpd's
                                                    // output filters): its page has no Content-Length
    std::int64_t mtime_us = 0;                      // for Last-Modified and conditionals
    bool no_cache = false;
    std::uint64_t bytes_sent = 0;                   // body bytes sent (%B)
    std::uint64_t bytes_in = 0;                     // request bytes read, head and body (%I)
    std::uint64_t bytes_out = 0;                    // response bytes written, head and body (%O)
    std::int64_t first_byte_us = 0;                 // when the response started (%^FB)
    std::int64_t allowed = 0;                       // method bits for Allow (405, OPTIONS)

    // --- authentication ----------------------------------------------------------
    std::string user;
    std::string ap_auth_type;

    // --- bookkeeping -----------------------------------------------------------
    int original_status = 0;                        // the status before an ErrorDocument (%<s)
    bool is_internal_redirect = false;
};

}  // namespace feather

#pragma once
// mod_core's typed configuration: per server (CoreServerConfig) and per
// directory section (CoreDirConfig), with httpd's merge rules.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "directives/log_level.hpp"
#include "directives/module_id.hpp"
#include "directives/regex.hpp"
#include "directives/setting.hpp"
#include "modules/core/string_expr.hpp"

namespace feather {
struct DirConfigSet;
}

namespace feather::mod::core {

// Options bits (httpd's OPT_*).
enum OptionBits : unsigned {
    kOptNone = 0,
    kOptIndexes = 1,
    kOptIncludes = 2,
    kOptSymLinks = 4,  // FollowSymLinks
    kOptExecCgi = 8,
    kOptUnset = 16,
    kOptIncWithExec = 32,  // Includes (IncludesNOEXEC is kOptIncludes alone)
    kOptSymOwner = 64,     // SymLinksIfOwnerMatch
    kOptMultiViews = 128,
    kOptAll = kOptIndexes | kOptIncludes | kOptIncWithExec | kOptSymLinks | kOptExecCgi,
};

// What .htaccess may set when AllowOverride says nothing about Options
// (httpd's default override_opts).
inline constexpr unsigned kDefaultOverrideOpts =
    kOptUnset | kOptAll | kOptSymOwner | kOptMultiViews;

// FileETag components (httpd's ETAG_*).
enum EtagBits : unsigned {
    kEtagUnset = 0,
    kEtagNone = 1,
    kEtagMtime = 2,
    kEtagInode = 4,
    kEtagSize = 8,
    kEtagDigest = 16,
    kEtagAll = kEtagMtime | kEtagInode | kEtagSize,
    kEtagBackward = kEtagMtime | kEtagSize,
};

enum class AcceptPathInfo : std::uint8_t { Off, On, Default };
enum class HostnameLookups : std::uint8_t { Off, On, Double };
enum class ServerSignature : std::uint8_t { Off, On, Email };
enum class UseCanonicalName : std::uint8_t { Off, On, Dns };
enum class ServerTokens : std::uint8_t { Major, Minor, Minimal, OS, Full, Prod };
enum class TraceEnable : std::uint8_t { On, Off, Extended };
enum class EncodedSlashes : std::uint8_t { Off, On, NoDecode };

// HttpProtocolOptions, as bits; each pair is one category that a virtual
// host overrides as a whole (httpd's http09_enable, http_conformance,
// http_methods).
enum HttpProtocolBits : unsigned {
    kHttp09Allow = 1,       // Allow0.9
    kHttp09Require = 2,     // Require1.0
    kHttpStrict = 4,        // Strict
    kHttpUnsafe = 8,        // Unsafe
    kHttpRegistered = 16,   // RegisteredMethods
    kHttpLenient = 32,      // LenientMethods
    kHttp09Mask = kHttp09Allow | kHttp09Require,
    kHttpConformanceMask = kHttpStrict | kHttpUnsafe,
    kHttpMethodsMask = kHttpRegistered | kHttpLenient,
};

// MaxRanges, MaxRangeOverlaps, MaxRangeReversals.
struct RangeLimit {
    enum class Kind : std::uint8_t { None, Default, Unlimited, Count };
    Kind kind = Kind::Default;
    int count = 0;  // Kind::Count only
    bool operator==(const RangeLimit&) const = default;
};

// ErrorDocument <status> <target>, sorted as httpd's heuristic sorts it.
struct ErrorDocument {
    enum class Kind : std::uint8_t {
        Default,    // "default": the canned response
        Message,    // text (httpd keeps it with a leading '"')
        LocalPath,  // starts with '/'
        Url,        // scheme:...
    };
    Kind kind = Kind::Default;
    StringExpr expr;  // what httpd parses: '"' + text for a message
};

// One item of an ErrorLogFormat (httpd's ap_errorlog_format_item).
struct ErrorLogItem {
    enum class Kind : std::uint8_t { Literal, Message, Field };
    Kind kind = Kind::Literal;
    char field = 0;        // Kind::Field: the format letter (%t, %l, ...)
    std::string arg;       // literal text or the {argument}
    bool field_sep = false;       // starts a field (white space or "% ")
    bool required = false;        // '+'
    bool null_as_hyphen = false;  // '-'
    unsigned min_loglevel = 0;    // digits before the letter; 0: always
};
using ErrorLogFormat = std::vector<ErrorLogItem>;

// ErrorLog: a file, a piped logger or syslog.
struct ErrorLogTarget {
    enum class Kind : std::uint8_t { File, Pipe, Syslog };
    Kind kind = Kind::File;
    std::string raw;     // as written
    std::string path;    // File: resolved against ServerRoot
    std::string command; // Pipe: the program ("|$cmd" runs it through the shell)
    bool shell = false;  // Pipe: "|$..."
    std::string facility;  // Syslog: "" for the default (local7)
    std::string tag;       // Syslog: "" for the program name
};

// LogLevel: a default level and per-module overrides.
struct LogLevels {
    std::optional<LogLevel> level;
    std::map<ModuleId, LogLevel> per_module;
};

// RLimitCPU/MEM/NPROC: the limits a child sets, worked out at configuration
// time from the server's own limits, as httpd does (ap_unixd_set_rlimit).
struct ResourceLimit {
    std::uint64_t soft = 0;  // rlim_cur
    std::uint64_t hard = 0;  // rlim_max
};

enum class SectionKind : std::uint8_t { Directory, Location, Files, If };

// One <Directory>, <Location>, <Files> (or their Match / ~ forms) or <If>.
struct Section {
    SectionKind kind = SectionKind::Directory;
    std::string pattern;                     // the path or pattern as httpd keeps it
    std::shared_ptr<const Regex> regex;      // set for the regex forms
    bool is_fnmatch = false;                 // wildcards in a non-regex pattern
    unsigned components = 0;                 // slashes in a <Directory> path (sort key)
    SourceLoc loc;
    std::shared_ptr<DirConfigSet> config;    // what the section's body set
    std::string condition;                   // <If>/<ElseIf> expression text
    bool is_else = false;                    // <Else>/<ElseIf>
    int id = 0;                              // unique within a configuration (merge memo key)
};

// The per-directory core settings few sections set. They live apart so that
// a section that sets only Options or AllowOverride (most of them, in a large
// configuration) carries a pointer instead of a kilobyte of empty settings,
// and a merge where one side set none of them shares the other's.
struct UncommonCoreDirSettings {
    Setting<AcceptPathInfo> accept_path_info;
    Setting<std::optional<std::string>> add_default_charset;  // nullopt: Off
    Setting<HostnameLookups> hostname_lookups;
    Setting<bool> content_digest;
    Setting<UseCanonicalName> use_canonical_name;
    Setting<bool> use_canonical_phys_port;
    Setting<ServerSignature> server_signature;
    Setting<std::uint64_t> limit_req_body;
    Setting<std::int64_t> limit_xml_body;  // 0: the maximum
    Setting<ResourceLimit> limit_cpu;
    Setting<ResourceLimit> limit_mem;      // RLIMIT_AS
    Setting<ResourceLimit> limit_nproc;
    Setting<std::string> output_filters;   // SetOutputFilter
    Setting<std::string> input_filters;    // SetInputFilter
    Setting<bool> enable_mmap;
    Setting<bool> enable_sendfile;
    Setting<std::size_t> read_buf_size;    // 0 counts as unset when merging
    Setting<RangeLimit> max_ranges;
    Setting<RangeLimit> max_overlaps;
    Setting<RangeLimit> max_reversals;
    Setting<bool> cgi_pass_auth;
    std::map<std::string, std::string> cgi_vars;  // CGIVar: variable -> rule (lower-cased)
    Setting<bool> qualify_redirect_url;
    Setting<LogLevels> log_levels;
};

struct CoreDirConfig {
    // Options: either absolute (opts set) or relative (+/-) to the parent.
    // Sections and .htaccess files start unset; the server level adds
    // FollowSymLinks (DirConfigSet's full set), as httpd's
    // create_core_dir_config does for a config without a directory.
    unsigned opts = kOptUnset;
    unsigned opts_add = 0;
    unsigned opts_remove = 0;
    unsigned etag_bits = kEtagUnset;       // FileETag
    unsigned etag_add = 0;
    unsigned etag_remove = 0;
    // AllowOverride: which classes .htaccess may use; Options= list.
    Setting<unsigned> override;          // bits of directives::Allow
    Setting<unsigned> override_opts;
    Setting<std::vector<std::string>> override_list;  // AllowOverrideList

    Setting<std::string> mime_type;        // ForceType, lower-cased ("none": no type forced)
    Setting<StringExpr> handler;           // SetHandler (runtime: lower-cased, "none": none)
    std::map<int, ErrorDocument> error_documents;  // by status
    std::vector<Section> files;            // <Files> nested in this section
    std::vector<Section> ifs;              // <If>/<ElseIf>/<Else> nested in this section

    // The rest; shared, copied only when written (edit_uncommon).
    const UncommonCoreDirSettings& uncommon() const;
    UncommonCoreDirSettings& edit_uncommon();

    std::shared_ptr<const UncommonCoreDirSettings> uncommon_settings;  // null: nothing set
};

enum class MutexMechanism : std::uint8_t { Default, Fcntl, Flock, PosixSem, SysvSem, Pthread };

// What Mutex lines set for one mutex type (httpd's mutex_cfg_t).
struct MutexSetting {
    MutexMechanism mechanism = MutexMechanism::Default;
    std::optional<std::string> directory;  // file-based: resolved; posixsem: the name as given
    bool none = false;                     // "none" (only where the type allows it)
    bool omit_pid = false;
};

struct CoreServerConfig {
    Setting<std::string> document_root;
    Setting<std::vector<std::string>> access_file_names;  // AccessFileName
    Setting<std::string> server_admin;
    Setting<std::string> server_name;   // host part
    Setting<std::uint16_t> server_port; // port part of ServerName; 0: none given
    Setting<std::string> server_scheme; // scheme part of ServerName, lower-cased
    std::vector<std::string> server_aliases;       // ServerAlias without wildcards
    std::vector<std::string> server_wild_aliases;  // ServerAlias with wildcards
    Setting<std::string> server_path;
    Setting<ErrorLogTarget> error_log;
    Setting<ErrorLogFormat> error_log_format;
    std::vector<ErrorLogFormat> error_log_conn;   // ErrorLogFormat connection ...
    std::vector<ErrorLogFormat> error_log_req;    // ErrorLogFormat request ...
    Setting<std::chrono::seconds> timeout;        // 0 counts as unset in a virtual host
    Setting<std::string> protocol;               // Protocol (for AcceptFilter), lower-cased
    std::vector<std::string> protocols;          // Protocols
    Setting<bool> protocols_honor_order;
    Setting<int> limit_req_line;       // unset: kDefaultLimitRequestLine
    Setting<int> limit_req_fieldsize;  // unset: kDefaultLimitRequestFieldsize
    Setting<int> limit_req_fields;     // unset: kDefaultLimitRequestFields
    Setting<int> limit_internal_recursion;        // redirects
    Setting<int> limit_internal_recursion_depth;  // subrequest nesting
    Setting<EncodedSlashes> encoded_slashes;
    Setting<bool> strict_host_check;
    Setting<bool> merge_slashes;
    Setting<bool> merge_trailers;
    Setting<TraceEnable> trace_enable;
    Setting<unsigned> http_protocol_options;     // HttpProtocolBits
    Setting<std::uint64_t> flush_max_threshold;  // 0 counts as unset in a virtual host
    Setting<int> flush_max_pipelined;
    std::map<std::string, std::string> accept_filters;  // AcceptFilter protocol -> filter
    std::vector<Section> directories;  // <Directory>, <DirectoryMatch>
    std::vector<Section> locations;    // <Location>, <LocationMatch>

    // <VirtualHost> addresses (virtual hosts only): one entry per address a
    // name resolved to, as httpd's server_addr_rec list.
    struct HostAddr {
        std::string host;         // as written: "*", "_default_", a name or an address
        std::string ip;           // numeric address ("%zone" kept); empty for * and _default_
        std::optional<std::uint16_t> port;  // none: no port given and none on the main server
        bool any_port = false;    // ":*" (or a lone "*")
    };
    std::vector<HostAddr> vhost_addrs;

    // Settings of the main server only (GLOBAL_ONLY directives).
    Setting<std::string> pid_file;          // resolved against ServerRoot
    Setting<std::string> scoreboard_file;   // resolved against ServerRoot
    Setting<bool> extended_status;
    Setting<bool> see_request_tail;
    Setting<int> max_connections_per_child;  // MaxConnectionsPerChild / MaxRequestsPerChild
    Setting<std::string> core_dump_directory;  // resolved, an existing directory
    Setting<std::uint32_t> max_mem_free;      // bytes (httpd: KiB * 1024 in 32 bits)
    Setting<std::uint64_t> thread_stack_size;
    Setting<ServerTokens> server_tokens;
    Setting<std::string> runtime_dir;       // DefaultRuntimeDir
    Setting<unsigned> regex_default_options;  // Regex::Flags; see regex_default_flags()
    std::vector<std::string> registered_methods;  // RegisterHttpMethod, <Limit>: see methods.hpp
    std::map<std::string, MutexSetting> mutexes;  // Mutex, by mutex type ("default" too)
    int sections_created = 0;  // main server only: the last Section::id given out
    bool name_virtual_host_warned = false;  // AH00548 is logged once
};

UncommonCoreDirSettings merge(const UncommonCoreDirSettings& base,
                              const UncommonCoreDirSettings& add);
CoreDirConfig merge(const CoreDirConfig& base, const CoreDirConfig& add);
CoreServerConfig merge(const CoreServerConfig& base, const CoreServerConfig& add);

// What a <VirtualHost> copies from the main server when httpd creates it
// (ap_init_virtual_host): the ServerName port, the LimitRequest* values and
// the ErrorLogFormat as they stand at that line. Call it when the section
// opens; merge() later fills in only what is still unset.
void init_virtual_host(CoreServerConfig& vhost, const CoreServerConfig& main);

// The flags a regex compiled now gets by default (RegexDefaultOptions read
// so far; httpd's default is DOTALL and DOLLAR_ENDONLY).
unsigned regex_default_flags(const CoreServerConfig& main);

// httpd's defaults for unset values.
inline constexpr std::chrono::seconds kDefaultTimeout{60};
inline constexpr int kDefaultLimitRequestLine = 8190;
inline constexpr int kDefaultLimitRequestFieldsize = 8190;
inline constexpr int kDefaultLimitRequestFields = 100;
inline constexpr std::uint64_t kDefaultLimitRequestBody = std::uint64_t{1} << 30;
inline constexpr std::int64_t kDefaultLimitXmlRequestBody = 1000000;
inline constexpr std::uint64_t kDefaultFlushMaxThreshold = 65535;
inline constexpr int kDefaultFlushMaxPipelined = 4;
inline constexpr int kDefaultMaxInternalRedirects = 10;
inline constexpr int kDefaultMaxSubrequestDepth = 10;
inline constexpr const char* kDefaultServerAdmin = "[no address given]";
inline constexpr const char* kDefaultCharsetName = "iso-8859-1";

}  // namespace feather::mod::core

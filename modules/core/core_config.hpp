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

// LogLevel: a default level and per-module overrides.
struct LogLevels {
    std::optional<LogLevel> level;
    std::map<ModuleId, LogLevel> per_module;
};

struct ResourceLimit {
    std::optional<std::uint64_t> soft;  // nullopt: "max" (keep the current value)
    std::optional<std::uint64_t> hard;
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

struct CoreDirConfig {
    // Options: either absolute (opts set) or relative (+/-) to the parent.
    unsigned opts = kOptUnset;
    unsigned opts_add = 0;
    unsigned opts_remove = 0;
    // AllowOverride: which classes .htaccess may use; Options= list.
    Setting<unsigned> override;          // bits of directives::Allow
    Setting<unsigned> override_opts;
    Setting<std::vector<std::string>> override_list;  // AllowOverrideList

    Setting<AcceptPathInfo> accept_path_info;
    Setting<std::string> add_default_charset;  // empty: Off
    Setting<HostnameLookups> hostname_lookups;
    Setting<bool> content_digest;
    Setting<UseCanonicalName> use_canonical_name;
    Setting<bool> use_canonical_phys_port;
    Setting<ServerSignature> server_signature;
    Setting<std::uint64_t> limit_req_body;
    Setting<std::int64_t> limit_xml_body;
    Setting<ResourceLimit> limit_cpu;
    Setting<ResourceLimit> limit_mem;
    Setting<ResourceLimit> limit_nproc;
    Setting<std::string> mime_type;        // ForceType ("none" clears)
    Setting<std::string> handler;          // SetHandler ("none" clears)
    Setting<std::string> output_filters;   // SetOutputFilter
    Setting<std::string> input_filters;    // SetInputFilter
    Setting<std::string> default_type;     // DefaultType (2.4: only "none" has effect)
    unsigned etag_bits = kEtagUnset;       // FileETag
    unsigned etag_add = 0;
    unsigned etag_remove = 0;
    Setting<bool> enable_mmap;
    Setting<bool> enable_sendfile;
    Setting<std::size_t> read_buf_size;
    Setting<int> max_ranges;               // -1: unlimited, 0: none, else the count
    Setting<int> max_overlaps;
    Setting<int> max_reversals;
    Setting<bool> cgi_pass_auth;
    std::map<std::string, std::string> cgi_vars;  // CGIVar
    Setting<bool> qualify_redirect_url;
    Setting<LogLevels> log_levels;
    std::map<int, std::string> error_documents;   // ErrorDocument, status -> target
    std::vector<Section> files;            // <Files> nested in this section
    std::vector<Section> ifs;              // <If>/<ElseIf>/<Else> nested in this section
};

// Mutex <name> <mechanism>[:dir]
struct MutexSetting {
    std::string mechanism = "default";
    std::string directory;  // empty: the default runtime dir
    bool omit_pid = false;
};

struct CoreServerConfig {
    Setting<std::string> document_root;
    Setting<std::vector<std::string>> access_file_names;  // AccessFileName
    Setting<std::string> server_admin;
    Setting<std::string> server_name;   // host part
    Setting<std::uint16_t> server_port; // port part of ServerName
    Setting<std::string> server_scheme; // scheme part of ServerName
    std::vector<std::string> server_aliases;       // ServerAlias without wildcards
    std::vector<std::string> server_wild_aliases;  // ServerAlias with wildcards
    Setting<std::string> server_path;
    Setting<std::string> error_log;
    Setting<std::string> error_log_format;
    Setting<std::chrono::seconds> timeout;
    Setting<std::string> protocol;               // Protocol (for AcceptFilter)
    std::vector<std::string> protocols;          // Protocols
    Setting<bool> protocols_honor_order;
    Setting<int> limit_req_line;
    Setting<int> limit_req_fieldsize;
    Setting<int> limit_req_fields;
    Setting<int> limit_internal_recursion;
    Setting<int> limit_internal_recursion_depth;
    Setting<EncodedSlashes> encoded_slashes;
    Setting<bool> strict_host_check;
    Setting<bool> merge_slashes;
    Setting<bool> merge_trailers;
    Setting<TraceEnable> trace_enable;
    Setting<unsigned> http_protocol_options;     // bits, see core_directives
    Setting<std::uint64_t> flush_max_threshold;
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
    Setting<std::string> pid_file;
    Setting<std::string> scoreboard_file;
    Setting<bool> extended_status;
    Setting<bool> see_request_tail;
    Setting<std::uint64_t> max_connections_per_child;
    Setting<std::string> core_dump_directory;
    Setting<std::uint64_t> max_mem_free;
    Setting<std::uint64_t> thread_stack_size;
    Setting<ServerTokens> server_tokens;
    Setting<std::string> runtime_dir;       // DefaultRuntimeDir
    Setting<unsigned> regex_default_options;
    std::vector<std::string> registered_methods;  // RegisterHttpMethod
    std::map<std::string, MutexSetting> mutexes;  // Mutex, by mutex name ("default" too)
};

CoreDirConfig merge(const CoreDirConfig& base, const CoreDirConfig& add);
CoreServerConfig merge(const CoreServerConfig& base, const CoreServerConfig& add);

}  // namespace feather::mod::core

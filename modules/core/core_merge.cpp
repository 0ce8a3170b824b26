// httpd's merge_core_dir_configs and merge_core_server_configs (plus the
// server_rec inheritance of ap_fixup_virtual_hosts), typed.

#include "modules/core/core_config.hpp"

#include "directives/regex.hpp"

namespace feather::mod::core {

namespace {

template <class T>
void inherit(Setting<T>& into, const Setting<T>& base)
{
    if (!into.is_set()) {
        into = base;
    }
}

template <class K, class V>
std::map<K, V> overlay(const std::map<K, V>& base, const std::map<K, V>& add)
{
    std::map<K, V> out = base;
    for (const auto& [k, v] : add) {
        out[k] = v;
    }
    return out;
}

}  // namespace

UncommonCoreDirSettings merge(const UncommonCoreDirSettings& base,
                              const UncommonCoreDirSettings& add)
{
    UncommonCoreDirSettings conf = base;
    conf.hostname_lookups = merge(base.hostname_lookups, add.hostname_lookups);
    conf.content_digest = merge(base.content_digest, add.content_digest);
    conf.accept_path_info = merge(base.accept_path_info, add.accept_path_info);
    conf.use_canonical_name = merge(base.use_canonical_name, add.use_canonical_name);
    conf.use_canonical_phys_port = merge(base.use_canonical_phys_port, add.use_canonical_phys_port);
    conf.limit_cpu = merge(base.limit_cpu, add.limit_cpu);
    conf.limit_mem = merge(base.limit_mem, add.limit_mem);
    conf.limit_nproc = merge(base.limit_nproc, add.limit_nproc);
    conf.limit_req_body = merge(base.limit_req_body, add.limit_req_body);
    conf.limit_xml_body = merge(base.limit_xml_body, add.limit_xml_body);
    conf.server_signature = merge(base.server_signature, add.server_signature);
    conf.add_default_charset = merge(base.add_default_charset, add.add_default_charset);
    conf.output_filters = merge(base.output_filters, add.output_filters);
    conf.input_filters = merge(base.input_filters, add.input_filters);
    conf.enable_mmap = merge(base.enable_mmap, add.enable_mmap);
    conf.enable_sendfile = merge(base.enable_sendfile, add.enable_sendfile);
    // ReadBufferSize 0 leaves the inherited size in place.
    if (add.read_buf_size.is_set() && *add.read_buf_size.value != 0) {
        conf.read_buf_size = add.read_buf_size;
    }

    if (add.log_levels.is_set()) {
        if (!base.log_levels.is_set()) {
            conf.log_levels = add.log_levels;
        } else {
            LogLevels merged = *base.log_levels.value;
            const LogLevels& more = *add.log_levels.value;
            if (more.level) {
                merged.level = more.level;
                merged.per_module = more.per_module;  // a new default level resets module levels
            } else {
                for (const auto& [m, l] : more.per_module) {
                    merged.per_module[m] = l;
                }
            }
            conf.log_levels.set(std::move(merged), add.log_levels.set_at);
        }
    }

    conf.max_ranges = merge(base.max_ranges, add.max_ranges);
    conf.max_overlaps = merge(base.max_overlaps, add.max_overlaps);
    conf.max_reversals = merge(base.max_reversals, add.max_reversals);
    conf.cgi_pass_auth = merge(base.cgi_pass_auth, add.cgi_pass_auth);
    conf.cgi_vars = overlay(base.cgi_vars, add.cgi_vars);
    conf.qualify_redirect_url = merge(base.qualify_redirect_url, add.qualify_redirect_url);
    return conf;
}

const UncommonCoreDirSettings& CoreDirConfig::uncommon() const
{
    static const UncommonCoreDirSettings nothing_set;
    return uncommon_settings ? *uncommon_settings : nothing_set;
}

UncommonCoreDirSettings& CoreDirConfig::edit_uncommon()
{
    // Copy on write: the settings may be shared with the configuration this
    // one was merged from.
    if (!uncommon_settings || uncommon_settings.use_count() > 1) {
        uncommon_settings = std::make_shared<UncommonCoreDirSettings>(uncommon());
    }
    return const_cast<UncommonCoreDirSettings&>(*uncommon_settings);
}

CoreDirConfig merge(const CoreDirConfig& base, const CoreDirConfig& add)
{
    CoreDirConfig conf = base;

    if (add.opts & kOptUnset) {
        // Only +/- changes here: apply them to the inherited set, keeping
        // opts_add and opts_remove disjoint.
        conf.opts_add = (conf.opts_add & ~add.opts_remove) | add.opts_add;
        conf.opts_remove = (conf.opts_remove & ~add.opts_add) | add.opts_remove;
        conf.opts = (conf.opts & ~conf.opts_remove) | conf.opts_add;
        // Includes with exec inherited, IncludesNOEXEC added: exec goes.
        if ((base.opts & (kOptIncludes | kOptIncWithExec)) == (kOptIncludes | kOptIncWithExec) &&
            (add.opts & (kOptIncludes | kOptIncWithExec)) == kOptIncludes) {
            conf.opts &= ~kOptIncWithExec;
        }
    } else {
        // An absolute Options line overrides every earlier +/- change.
        conf.opts = add.opts;
        conf.opts_add = add.opts_add;
        conf.opts_remove = add.opts_remove;
    }

    conf.override = merge(base.override, add.override);
    conf.override_opts = merge(base.override_opts, add.override_opts);
    conf.override_list = merge(base.override_list, add.override_list);
    conf.error_documents = overlay(base.error_documents, add.error_documents);

    conf.files = base.files;
    conf.files.insert(conf.files.end(), add.files.begin(), add.files.end());
    conf.ifs = base.ifs;
    conf.ifs.insert(conf.ifs.end(), add.ifs.begin(), add.ifs.end());

    conf.mime_type = merge(base.mime_type, add.mime_type);
    conf.handler = merge(base.handler, add.handler);

    if (add.etag_bits == kEtagUnset) {
        conf.etag_add = (conf.etag_add & ~add.etag_remove) | add.etag_add;
        conf.etag_remove = (conf.etag_remove & ~add.etag_add) | add.etag_remove;
        conf.etag_bits = (conf.etag_bits & ~conf.etag_remove) | conf.etag_add;
    } else {
        conf.etag_bits = add.etag_bits;
        conf.etag_add = add.etag_add;
        conf.etag_remove = add.etag_remove;
    }
    if (conf.etag_bits != kEtagNone) {
        conf.etag_bits &= ~kEtagNone;
    }

    // Where only one side set any of the uncommon settings, the merge is
    // that side's, shared rather than copied.
    // (A ReadBufferSize 0 is the exception: it must not pass for a size.)
    if (add.uncommon_settings) {
        const UncommonCoreDirSettings& more = *add.uncommon_settings;
        const bool zero_buffer = more.read_buf_size.is_set() && *more.read_buf_size.value == 0;
        if (base.uncommon_settings || zero_buffer) {
            conf.uncommon_settings =
                std::make_shared<const UncommonCoreDirSettings>(merge(base.uncommon(), more));
        } else {
            conf.uncommon_settings = add.uncommon_settings;
        }
    }
    return conf;
}

CoreServerConfig merge(const CoreServerConfig& base, const CoreServerConfig& virt)
{
    CoreServerConfig conf = virt;

    // What a virtual host does not set, it takes from the main server.
    inherit(conf.document_root, base.document_root);
    inherit(conf.access_file_names, base.access_file_names);
    inherit(conf.server_admin, base.server_admin);
    inherit(conf.server_port, base.server_port);
    inherit(conf.error_log, base.error_log);
    inherit(conf.error_log_format, base.error_log_format);
    if (conf.error_log_conn.empty()) {
        conf.error_log_conn = base.error_log_conn;
    }
    if (conf.error_log_req.empty()) {
        conf.error_log_req = base.error_log_req;
    }
    // A virtual host's Timeout 0 (or junk) takes the main server's, as
    // ap_fixup_virtual_hosts tests for 0.
    if (!conf.timeout.is_set() || conf.timeout.value->count() == 0) {
        conf.timeout = base.timeout;
    }
    inherit(conf.protocol, base.protocol);
    if (conf.protocols.empty()) {
        conf.protocols = base.protocols;
    }
    inherit(conf.protocols_honor_order, base.protocols_honor_order);
    inherit(conf.limit_req_line, base.limit_req_line);
    inherit(conf.limit_req_fieldsize, base.limit_req_fieldsize);
    inherit(conf.limit_req_fields, base.limit_req_fields);
    inherit(conf.limit_internal_recursion, base.limit_internal_recursion);
    inherit(conf.limit_internal_recursion_depth, base.limit_internal_recursion_depth);
    inherit(conf.strict_host_check, base.strict_host_check);
    inherit(conf.merge_slashes, base.merge_slashes);
    inherit(conf.merge_trailers, base.merge_trailers);
    inherit(conf.trace_enable, base.trace_enable);
    // HttpProtocolOptions: each category the virtual host leaves alone
    // comes from the main server.
    if (base.http_protocol_options.is_set()) {
        const unsigned vb = conf.http_protocol_options.get_or(0);
        const unsigned bb = *base.http_protocol_options.value;
        unsigned bits = 0;
        for (const unsigned mask :
             {unsigned{kHttp09Mask}, unsigned{kHttpConformanceMask}, unsigned{kHttpMethodsMask}}) {
            bits |= (vb & mask) ? (vb & mask) : (bb & mask);
        }
        conf.http_protocol_options.set(bits, conf.http_protocol_options.is_set()
                                                 ? conf.http_protocol_options.set_at
                                                 : base.http_protocol_options.set_at);
    }
    // 0 and -1 (the unset values in httpd) inherit.
    if (!conf.flush_max_threshold.is_set() || *conf.flush_max_threshold.value == 0) {
        conf.flush_max_threshold = base.flush_max_threshold;
    }
    if (!conf.flush_max_pipelined.is_set() || *conf.flush_max_pipelined.value < 0) {
        conf.flush_max_pipelined = base.flush_max_pipelined;
    }
    // AllowEncodedSlashes is not inherited by virtual hosts (httpd copies
    // the vhost's own value, set or not).
    conf.accept_filters = base.accept_filters;

    // The main server's sections come first, then the virtual host's.
    conf.directories = base.directories;
    conf.directories.insert(conf.directories.end(), virt.directories.begin(), virt.directories.end());
    conf.locations = base.locations;
    conf.locations.insert(conf.locations.end(), virt.locations.begin(), virt.locations.end());

    // Global settings live on the main server only.
    conf.pid_file = base.pid_file;
    conf.scoreboard_file = base.scoreboard_file;
    conf.extended_status = base.extended_status;
    conf.see_request_tail = base.see_request_tail;
    conf.max_connections_per_child = base.max_connections_per_child;
    conf.core_dump_directory = base.core_dump_directory;
    conf.max_mem_free = base.max_mem_free;
    conf.thread_stack_size = base.thread_stack_size;
    conf.server_tokens = base.server_tokens;
    conf.runtime_dir = base.runtime_dir;
    conf.regex_default_options = base.regex_default_options;
    conf.registered_methods = base.registered_methods;
    conf.mutexes = base.mutexes;
    conf.name_virtual_host_warned = base.name_virtual_host_warned;
    return conf;
}

void init_virtual_host(CoreServerConfig& vhost, const CoreServerConfig& main)
{
    vhost.server_port = main.server_port;
    // The limits are fixed now, defaults included, so that a later
    // main-server line does not reach this host through the merge.
    vhost.limit_req_line.set(main.limit_req_line.get_or(kDefaultLimitRequestLine),
                             main.limit_req_line.set_at);
    vhost.limit_req_fieldsize.set(main.limit_req_fieldsize.get_or(kDefaultLimitRequestFieldsize),
                                  main.limit_req_fieldsize.set_at);
    vhost.limit_req_fields.set(main.limit_req_fields.get_or(kDefaultLimitRequestFields),
                               main.limit_req_fields.set_at);
    vhost.error_log_format = main.error_log_format;
}

unsigned regex_default_flags(const CoreServerConfig& main)
{
    return main.regex_default_options.get_or(Regex::kDotAll | Regex::kDollarEndOnly);
}

}  // namespace feather::mod::core

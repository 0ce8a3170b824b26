// mod_core's per-directory directives (core_dir_config in httpd): content
// handling, ETags, naming, signatures, CGI variables.

#include "directives/registry.hpp"
#include "modules/core/core_config.hpp"
#include "modules/core/core_setters.hpp"
#include "modules/core/core_values.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

CoreDirConfig& dir(Cmd& cmd) { return dir_conf<CoreDirConfig>(cmd); }

// The "on"/"off" keyword setters that share httpd's wording.
std::optional<bool> on_off(const std::string& arg)
{
    if (iequals(arg, "on")) {
        return true;
    }
    if (iequals(arg, "off")) {
        return false;
    }
    return std::nullopt;
}

// ap_index_of_response: the statuses httpd has a status line for.
bool known_status(int s)
{
    if (s < 100 || s > 999) {
        return false;
    }
    if (s <= 102 || (s >= 200 && s <= 208) || s == 226 || (s >= 300 && s <= 305) || s == 307 ||
        s == 308) {
        return true;
    }
    if ((s >= 400 && s <= 417) || (s >= 421 && s <= 424) || s == 426 || s == 428 || s == 429 ||
        s == 431 || s == 451) {
        return true;
    }
    return (s >= 500 && s <= 508) || s == 510 || s == 511;
}

}  // namespace

Status set_add_default_charset(Cmd& cmd, const Args& args)
{
    auto& d = dir(cmd);
    if (iequals(args[0], "Off")) {
        d.edit_uncommon().add_default_charset.set(std::nullopt, cmd.loc());
    } else if (iequals(args[0], "On")) {
        d.edit_uncommon().add_default_charset.set(std::string(kDefaultCharsetName), cmd.loc());
    } else {
        d.edit_uncommon().add_default_charset.set(args[0], cmd.loc());
    }
    return std::nullopt;
}

Status set_accept_path_info(Cmd& cmd, const Args& args)
{
    AcceptPathInfo v;
    if (iequals(args[0], "on")) {
        v = AcceptPathInfo::On;
    } else if (iequals(args[0], "off")) {
        v = AcceptPathInfo::Off;
    } else if (iequals(args[0], "default")) {
        v = AcceptPathInfo::Default;
    } else {
        return "AcceptPathInfo must be set to on, off or default";
    }
    dir(cmd).edit_uncommon().accept_path_info.set(v, cmd.loc());
    return std::nullopt;
}

Status set_error_document(Cmd& cmd, const Args& args)
{
    const std::string& code = args[0];
    const std::string& msg = args[1];
    const int status = c_atoi(code);
    if (status != 500 && !known_status(status)) {
        return "Unsupported HTTP response code " + code;
    }

    // httpd's heuristic: text with a space is a message, then a local path,
    // then a URL; anything else is a message too.
    ErrorDocument doc;
    if (msg.find(' ') != std::string::npos) {
        doc.kind = ErrorDocument::Kind::Message;
    } else if (msg.front() == '/') {
        doc.kind = ErrorDocument::Kind::LocalPath;
    } else if (is_url(msg)) {
        doc.kind = ErrorDocument::Kind::Url;
    } else {
        doc.kind = ErrorDocument::Kind::Message;
    }

    if (status == 401 && doc.kind == ErrorDocument::Kind::Url) {
        cmd.loader->log(
            LogLevel::Notice, ModuleId::Core,
            "AH00113: " + std::string(cmd.loc().file()) + ":" + std::to_string(cmd.loc().line) +
                " cannot use a full URL in a 401 ErrorDocument directive --- ignoring!");
        return std::nullopt;
    }
    if (iequals(msg, "default")) {
        doc.kind = ErrorDocument::Kind::Default;
    } else {
        // A message keeps a leading '"', as httpd marks it.
        const std::string text = doc.kind == ErrorDocument::Kind::Message ? "\"" + msg : msg;
        if (auto err = parse_string_expr(text, doc.expr)) {
            return "Cannot parse expression in ErrorDocument: " + *err;
        }
    }
    dir(cmd).error_documents[status] = std::move(doc);
    return std::nullopt;
}

Status set_default_type(Cmd& cmd, const Args& args)
{
    // 2.4 ignores DefaultType; only "none" (or "off") is quiet.
    if (!iequals(args[0], "off") && !iequals(args[0], "none")) {
        cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                        "AH00117: Ignoring deprecated use of DefaultType in line " +
                            std::to_string(cmd.loc().line) + " of " + std::string(cmd.loc().file()) +
                            ".");
    }
    return std::nullopt;
}

Status set_file_e_tag(Cmd& cmd, const Args& args)
{
    auto& cfg = dir(cmd);
    std::string_view rest = args.raw;
    bool first = true;
    bool explicit_set = false;
    while (!rest.empty()) {
        std::string token = parser::next_word(rest);
        char action = '*';
        if (!token.empty() && (token.front() == '+' || token.front() == '-')) {
            action = token.front();
            token.erase(0, 1);
        } else if (first) {
            // An absolute keyword forgets what was inherited and added so far.
            cfg.etag_bits = kEtagUnset;
            cfg.etag_add = kEtagUnset;
            cfg.etag_remove = kEtagUnset;
            first = false;
        }

        unsigned bit = kEtagUnset;
        bool valid = true;
        if (iequals(token, "None")) {
            if (action != '*') {
                valid = false;
            } else {
                cfg.etag_bits = bit = kEtagNone;
                explicit_set = true;
            }
        } else if (iequals(token, "All")) {
            if (action != '*') {
                valid = false;
            } else {
                explicit_set = true;
                cfg.etag_bits = bit = kEtagAll;
            }
        } else if (iequals(token, "Size")) {
            bit = kEtagSize;
        } else if (iequals(token, "LMTime") || iequals(token, "MTime") ||
                   iequals(token, "LastModified")) {
            bit = kEtagMtime;
        } else if (iequals(token, "INode")) {
            bit = kEtagInode;
        } else if (iequals(token, "Digest")) {
            bit = kEtagDigest;
        } else {
            return "Unknown keyword '" + token + "' for " + std::string(cmd.spec->name) +
                   " directive";
        }
        if (!valid) {
            return std::string(cmd.spec->name) + " keyword '" + token +
                   "' cannot be used with '+' or '-'";
        }

        if (action == '+') {
            cfg.etag_add |= bit;
            cfg.etag_remove &= ~bit;
        } else if (action == '-') {
            cfg.etag_remove |= bit;
            cfg.etag_add &= ~bit;
        } else {
            cfg.etag_bits |= bit;
            cfg.etag_add = kEtagUnset;
            cfg.etag_remove = kEtagUnset;
            explicit_set = true;
        }
    }
    if (explicit_set && (cfg.etag_bits & kEtagNone) != kEtagNone) {
        cfg.etag_bits &= ~kEtagNone;
    }
    return std::nullopt;
}

Status set_enable_mmap(Cmd& cmd, const Args& args)
{
    const auto v = on_off(args[0]);
    if (!v) {
        return "parameter must be 'on' or 'off'";
    }
    dir(cmd).edit_uncommon().enable_mmap.set(*v, cmd.loc());
    return std::nullopt;
}

Status set_enable_sendfile(Cmd& cmd, const Args& args)
{
    const auto v = on_off(args[0]);
    if (!v) {
        return "parameter must be 'on' or 'off'";
    }
    dir(cmd).edit_uncommon().enable_sendfile.set(*v, cmd.loc());
    return std::nullopt;
}

Status set_hostname_lookups(Cmd& cmd, const Args& args)
{
    HostnameLookups v;
    if (iequals(args[0], "on")) {
        v = HostnameLookups::On;
    } else if (iequals(args[0], "off")) {
        v = HostnameLookups::Off;
    } else if (iequals(args[0], "double")) {
        v = HostnameLookups::Double;
    } else {
        return "parameter must be 'on', 'off', or 'double'";
    }
    dir(cmd).edit_uncommon().hostname_lookups.set(v, cmd.loc());
    return std::nullopt;
}

Status set_server_signature(Cmd& cmd, const Args& args)
{
    ServerSignature v;
    if (iequals(args[0], "On")) {
        v = ServerSignature::On;
    } else if (iequals(args[0], "Off")) {
        v = ServerSignature::Off;
    } else if (iequals(args[0], "EMail")) {
        v = ServerSignature::Email;
    } else {
        return "ServerSignature: use one of: off | on | email";
    }
    dir(cmd).edit_uncommon().server_signature.set(v, cmd.loc());
    return std::nullopt;
}

Status set_content_digest(Cmd& cmd, const Args& args)
{
    dir(cmd).edit_uncommon().content_digest.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_use_canonical_name(Cmd& cmd, const Args& args)
{
    UseCanonicalName v;
    if (iequals(args[0], "on")) {
        v = UseCanonicalName::On;
    } else if (iequals(args[0], "off")) {
        v = UseCanonicalName::Off;
    } else if (iequals(args[0], "dns")) {
        v = UseCanonicalName::Dns;
    } else {
        return "parameter must be 'on', 'off', or 'dns'";
    }
    dir(cmd).edit_uncommon().use_canonical_name.set(v, cmd.loc());
    return std::nullopt;
}

Status set_use_canonical_physical_port(Cmd& cmd, const Args& args)
{
    const auto v = on_off(args[0]);
    if (!v) {
        return "parameter must be 'on' or 'off'";
    }
    dir(cmd).edit_uncommon().use_canonical_phys_port.set(*v, cmd.loc());
    return std::nullopt;
}

Status set_cgi_pass_auth(Cmd& cmd, const Args& args)
{
    dir(cmd).edit_uncommon().cgi_pass_auth.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_cgi_var(Cmd& cmd, const Args& args)
{
    const std::string& var = args[0];
    const std::string rule = to_lower(args[1]);
    if (var != "REQUEST_URI") {
        return "Unrecognized CGI variable: \"" + var + "\"";
    }
    if (rule != "current-uri" && rule != "original-uri") {
        return "Valid rules for REQUEST_URI are 'current-uri' and 'original-uri'";
    }
    dir(cmd).edit_uncommon().cgi_vars[var] = rule;
    return std::nullopt;
}

Status set_qualify_redirect_url(Cmd& cmd, const Args& args)
{
    dir(cmd).edit_uncommon().qualify_redirect_url.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_force_type(Cmd& cmd, const Args& args)
{
    // ap_set_string_slot_lower; "none" is kept and means "force nothing".
    dir(cmd).mime_type.set(to_lower(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_set_handler(Cmd& cmd, const Args& args)
{
    StringExpr expr;
    if (auto err = parse_string_expr(args[0], expr)) {
        return "Can't parse expression : " + *err;
    }
    dir(cmd).handler.set(std::move(expr), cmd.loc());
    return std::nullopt;
}

Status set_set_output_filter(Cmd& cmd, const Args& args)
{
    dir(cmd).edit_uncommon().output_filters.set(args[0], cmd.loc());
    return std::nullopt;
}

Status set_set_input_filter(Cmd& cmd, const Args& args)
{
    dir(cmd).edit_uncommon().input_filters.set(args[0], cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core

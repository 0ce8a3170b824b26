#include "runtime/http/error_response.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "modules/config_sets.hpp"
#include "runtime/http/error_document.hpp"
#include "runtime/http/options_trace.hpp"
#include "runtime/http/response_writer.hpp"
#include "modules/request/server_url.hpp"

namespace feather::runtime {

namespace {

struct StatusText {
    int code;
    const char* text;
};

// httpd's status_lines (modules/http/http_protocol.c), as apache2 2.4.71
// has them (with 103).
constexpr StatusText kStatusLines[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Request Entity Too Large"},
    {414, "Request-URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Requested Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

const char* find_status(int status)
{
    for (const auto& s : kStatusLines) {
        if (s.code == status) {
            return s.text;
        }
    }
    return nullptr;
}

std::string escape_html(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

std::string notes(const Request& r, std::string_view key)
{
    const auto n = r.notes.get(key);
    return n ? std::string(*n) : std::string();
}

std::string canned_text(int status, const Request& r, const std::string& location)
{
    switch (status) {
    case 301:
    case 302:
    case 307:
    case 308:
        return "<p>The document has moved <a href=\"" + escape_html(location) +
               "\">here</a>.</p>\n";
    case 303:
        return "<p>The answer to your request is located <a href=\"" + escape_html(location) +
               "\">here</a>.</p>\n";
    case 305:
        return "<p>This resource is only accessible through the proxy\n<br />\nYou will need to "
               "configure your "
               "client to use that proxy.</p>\n";
    case 401:
    case 407:
        return "<p>This server could not verify that you\nare authorized to access the "
               "document\nrequested.  "
               "Either you supplied the wrong\ncredentials (e.g., bad password), or your\nbrowser "
               "doesn't "
               "understand how to supply\nthe credentials required.</p>\n";
    case 400:
        return "<p>Your browser sent a request that this server could not understand.<br />\n" +
               notes(r, "error-notes") + "</p>\n";
    case 403:
        return "<p>You don't have permission to access this resource." + notes(r, "error-notes") +
               "</p>\n";
    case 404: return "<p>The requested URL was not found on this server.</p>\n";
    case 405:
        return "<p>The requested method " + escape_html(r.method) +
               " is not allowed for this URL.</p>\n";
    case 406:
        return "<p>An appropriate representation of the requested resource could not be found on "
               "this "
               "server.</p>\n" +
               notes(r, "variant-list");
    case 300: return notes(r, "variant-list");
    case 411:
        return "<p>A request of the requested method " + escape_html(r.method) +
               " requires a valid Content-length.<br />\n" + notes(r, "error-notes") + "</p>\n";
    case 412: return "<p>The precondition on the request for this URL evaluated to false.</p>\n";
    case 501:
        return "<p>" + escape_html(r.method) + " not supported for current URL.<br />\n" +
               notes(r, "error-notes") + "</p>\n";
    case 502:
        return "<p>The proxy server received an invalid\r\nresponse from an upstream server.<br "
               "/>\r\n" +
               notes(r, "error-notes") + "</p>\n";
    case 506:
        return "<p>A variant for the requested resource\n<pre>\n\n</pre>\nis itself a negotiable "
               "resource. "
               "This indicates a configuration error.</p>\n";
    case 408: return "<p>Server timeout waiting for the HTTP request from the client.</p>\n";
    case 410:
        return "<p>The requested resource is no longer available on this server and there is no "
               "forwarding "
               "address.\nPlease remove all references to this resource.</p>\n";
    case 413:
        return "The requested resource does not allow request data with " + escape_html(r.method) +
               " requests, or the amount of data provided in\nthe request exceeds the capacity "
               "limit.\n";
    case 414:
        return "<p>The requested URL's length exceeds the capacity\nlimit for this server.<br "
               "/>\n" +
               notes(r, "error-notes") + "</p>\n";
    case 415:
        return "<p>The supplied request data is not in a format\nacceptable for processing by this "
               "resource.</p>\n";
    case 416:
        return "<p>None of the range-specifier values in the Range\nrequest-header field overlap "
               "the current "
               "extent\nof the selected resource.</p>\n";
    case 417: {
        std::string s;
        if (const auto e = r.headers_in.get("Expect")) {
            s = "<p>The expectation given in the Expect request-header\nfield could not be met by "
                "this "
                "server.\nThe client sent<pre>\n    Expect: " +
                escape_html(*e) + "\n</pre>\n";
        } else {
            s = "<p>No expectation was seen, the Expect request-header \nfield was not presented "
                "by the "
                "client.\n";
        }
        return s + notes(r, "error-notes") +
               "</p><p>Only the 100-continue expectation is supported.</p>\n";
    }
    case 422:
        return "<p>The server understands the media type of the\nrequest entity, but was unable to "
               "process "
               "the\ncontained instructions.</p>\n";
    case 423:
        return "<p>The requested resource is currently locked.\nThe lock must be released or "
               "proper "
               "identification\ngiven before the method can be applied.</p>\n";
    case 424:
        return "<p>The method could not be performed on the resource\nbecause the requested action "
               "depended "
               "on another\naction and that other action failed.</p>\n";
    case 426:
        return "<p>The requested resource can only be retrieved\nusing SSL.  The server is willing "
               "to upgrade "
               "the current\nconnection to SSL, but your client doesn't support it.\nEither "
               "upgrade your "
               "client, or try requesting the page\nusing https://\n";
    case 428: return "<p>The request is required to be conditional.</p>\n";
    case 429: return "<p>The user has sent too many requests\nin a given amount of time.</p>\n";
    case 431:
        return "<p>The server refused this request because\nthe request header fields are too "
               "large.</p>\n";
    case 507:
        return "<p>The method could not be performed on the resource\nbecause the server is unable "
               "to store "
               "the\nrepresentation needed to successfully complete the\nrequest.  There is "
               "insufficient free "
               "space left in\nyour storage allocation.</p>\n";
    case 503:
        return "<p>The server is temporarily unable to service your\nrequest due to maintenance "
               "downtime or "
               "capacity\nproblems. Please try again later.</p>\n";
    case 504:
        return "<p>The gateway did not receive a timely response\nfrom the upstream server or "
               "application.</p>\n";
    case 508:
        return "<p>The server terminated an operation because\nit encountered an infinite "
               "loop.</p>\n";
    case 510:
        return "<p>A mandatory extension policy in the request is not\naccepted by the server for "
               "this "
               "resource.</p>\n";
    case 511: return "<p>The client needs to authenticate to gain\nnetwork access.</p>\n";
    case 421:
        return "<p>The client needs a new connection for this\nrequest as the requested host name "
               "does not "
               "match\nthe Server Name Indication (SNI) in use for this\nconnection.</p>\n";
    case 451:
        return "<p>Access to this URL has been denied for legal reasons.<br />\n" +
               notes(r, "error-notes") + "</p>\n";
    default: {
        // error-notes are shown only when a module vouches for them.
        if (const auto en = r.notes.get("error-notes");
            en && r.notes.get("verbose-error-to") == "*") {
            return std::string(*en) + "<p />\n";
        }
        const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
        return "<p>The server encountered an internal error or\nmisconfiguration and was unable to "
               "complete\nyour request.</p>\n<p>Please contact the server administrator at \n " +
               escape_html(core.server_admin.get_or(mod::core::kDefaultServerAdmin)) +
               " to inform them of the time this error occurred,\n and the actions you performed "
               "just before "
               "this error.</p>\n<p>More information about this error may be available\nin the "
               "server error "
               "log.</p>\n";
    }
    }
}

// ap_psignature("<hr>\n", r)
std::string signature(const Request& r)
{
    if (!r.per_dir) {
        return "";
    }
    const auto sig = get<mod::core::CoreDirConfig>(*r.per_dir)
                         .uncommon().server_signature.get_or(mod::core::ServerSignature::Off);
    if (sig == mod::core::ServerSignature::Off) {
        return "";
    }
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    const std::string name = escape_html(server_name(r));
    const std::string port = std::to_string(server_port(r));
    const auto& main_core = get<mod::core::CoreServerConfig>(*r.config->main_server().modules);
    const std::string banner =
        server_banner(main_core.server_tokens.get_or(mod::core::ServerTokens::Full));
    if (sig == mod::core::ServerSignature::Email) {
        const std::string admin = core.server_admin.get_or(mod::core::kDefaultServerAdmin);
        const bool mailto =
            admin.size() >= 7 && iequal(std::string_view(admin).substr(0, 7), "mailto:");
        return "<hr>\n<address>" + banner + " Server at <a href=\"" + (mailto ? "" : "mailto:") +
               escape_html(admin) + "\">" + name + "</a> Port " + port + "</address>\n";
    }
    return "<hr>\n<address>" + banner + " Server at " + name + " Port " + port + "</address>\n";
}

// The page title: httpd's reason phrase, or a module's status line when
// it starts with the status ("Unknown Reason" filling an empty phrase).
std::string page_title(const Request& r)
{
    std::string title =
        status_known(r.status) ? status_line(r.status) : "500 Internal Server Error";
    const std::string& sl = r.status_line;
    if (sl.size() >= 3) {
        const bool digits = std::isdigit(static_cast<unsigned char>(sl[0])) &&
                            std::isdigit(static_cast<unsigned char>(sl[1])) &&
                            std::isdigit(static_cast<unsigned char>(sl[2]));
        if (digits && std::atoi(sl.substr(0, 3).c_str()) == r.status &&
            (sl.size() < 4 || std::isspace(static_cast<unsigned char>(sl[3]))) &&
            (sl.size() < 5 || std::isalnum(static_cast<unsigned char>(sl[4])))) {
            title = sl.size() == 3   ? sl + " Unknown Reason"
                    : sl.size() == 4 ? sl + "Unknown Reason"
                                     : sl;
        }
    }
    return title;
}

}  // namespace

std::string error_document_text(const mod::core::ErrorDocument& doc, const Request& r)
{
    if (doc.kind == mod::core::ErrorDocument::Kind::Default) {
        return "";
    }
    return evaluate_string_expr(doc.expr, r);
}

std::string error_document_text(const mod::core::ErrorDocument& doc)
{
    if (doc.kind == mod::core::ErrorDocument::Kind::Default) {
        return "";
    }
    return doc.expr.literal_text();
}

bool status_known(int status) { return find_status(status) != nullptr; }

std::string status_line(int status)
{
    if (const char* t = find_status(status)) {
        return std::to_string(status) + " " + t;
    }
    return "500 Internal Server Error";
}

bool status_drops_connection(int status)
{
    switch (status) {
    case 400:
    case 408:
    case 411:
    case 413:
    case 414:
    case 500:
    case 503:
    case 501: return true;
    default: return false;
    }
}

void make_canned_error_response(Request& r, int recursive_error)
{
    const int status = r.status;
    r.body.clear();
    r.unknown_length = false;
    // 204 and 304 carry no body; their headers stay as they are.
    if (status < 200 || status == 204 || status == 304) {
        return;
    }
    std::string location;
    if (const auto l = r.headers_out.get("Location")) {
        location = std::string(*l);
    } else if (const auto l2 = r.err_headers_out.get("Location")) {
        location = std::string(*l2);
    }
    if (!r.assbackwards) {
        // Only err_headers_out survive an error (plus Location on redirects).
        r.headers_out.clear();
        if ((status >= 300 && status < 400) || status == 201) {
            if (!location.empty()) {
                r.headers_out.set("Location", location);
            }
        }
        r.content_languages.clear();
        r.content_encoding.clear();
        r.content_type = r.subprocess_env.has("suppress-error-charset")
                             ? "text/html"
                             : "text/html; charset=iso-8859-1";
        if (status == 405 || status == 501) {
            r.headers_out.set("Allow", make_allow(r));
        }
        if (r.header_only) {
            return;
        }
    }
    const auto custom = error_document_for(r, status);
    if (custom && !custom->empty() && custom->front() == '"') {
        r.body.emplace_back(custom->substr(1));
        return;
    }
    const std::string title = page_title(r);
    std::string page =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
        "\"http://www.w3.org/TR/html4/strict.dtd\">\n"
        "<html><head>\n<title>" +
        title + "</title>\n</head><body>\n<h1>" + title.substr(4) + "</h1>\n";
    page += canned_text(status, r, location);
    if (recursive_error != 0) {
        page += "<p>Additionally, a " + status_line(recursive_error) +
                "\nerror was encountered while trying to use an ErrorDocument to handle the "
                "request.</p>\n";
    }
    page += signature(r);
    page += "</body></html>\n";
    r.body.emplace_back(std::move(page));
}

}  // namespace feather::runtime

#pragma once
// Requests built by hand for the serving tests: a configuration loaded from
// text into a temp ServerRoot (with a document tree the test makes), a
// connection from 127.0.0.1, and services that record what is logged.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "modules/config_sets.hpp"
#include "modules/request/request.hpp"
#include "modules/request/services.hpp"
#include "tests/support/config_fixture.hpp"

namespace feather::test::serving {

struct LogRecord {
    LogLevel level;
    std::string text;
    int os_error;
};

class RecordingServices final : public RequestServices {
public:
    std::vector<LogRecord> lines;

    bool log_enabled(const Request&, ModuleId, LogLevel) const override { return true; }
    void log(const Request&, ModuleId, LogLevel level, std::string_view text,
             int os_error) const override
    {
        const_cast<RecordingServices*>(this)->lines.push_back({level, std::string(text), os_error});
    }
    std::unique_ptr<Request> lookup_uri(Request&, std::string_view) override { return nullptr; }
    std::unique_ptr<Request> lookup_file(Request&, std::string_view) override { return nullptr; }
    int run_subrequest(Request&) override { return 0; }
    void fast_redirect(Request&, Request&) override {}
    void internal_redirect(Request&, std::string_view) override {}
    std::optional<std::string> remote_host(Request& r, RemoteHost, bool*) override
    {
        return r.connection->client_ip;
    }
    std::int64_t now_us() const override { return 0; }

    std::vector<std::string> texts() const
    {
        std::vector<std::string> out;
        for (const auto& l : lines) {
            out.push_back(l.text);
        }
        return out;
    }
};

// A loaded configuration and requests on it. "@ROOT@" in the text is the
// ServerRoot.
class Serving {
public:
    explicit Serving(const std::string& conf_text)
    {
        std::string text = conf_text;
        for (auto p = text.find("@ROOT@"); p != std::string::npos; p = text.find("@ROOT@")) {
            text.replace(p, 6, root.str());
        }
        root.mkdir("htdocs");
        outcome = load_text(root, text);
        if (!outcome.ok()) {
            ADD_FAILURE() << outcome.error();
            return;
        }
        fixup_virtual_hosts();
        conn.client_ip = "127.0.0.1";
        conn.client_port = 40000;
    }

    // A request on server `server_index` (0: the main server) with its
    // per-directory defaults, the time fixed at `now_us`.
    std::unique_ptr<Request> request(std::string uri = "/", std::size_t server_index = 0)
    {
        auto r = std::make_unique<Request>();
        r->connection = &conn;
        r->config = outcome.config.get();
        r->server_index = server_index;
        r->server = &outcome.config->servers[server_index];
        r->per_dir = r->server->defaults;
        r->services = &services;
        r->method = "GET";
        r->method_number = 0;
        r->protocol = "HTTP/1.1";
        r->uri = std::move(uri);
        r->the_request = "GET " + r->uri + " HTTP/1.1";
        r->request_time_us = now_us;
        return r;
    }

    // httpd's ap_fixup_virtual_hosts: each virtual host's configs merged
    // onto the main server's (its sections after the main server's). The
    // loader does not do this yet; the walks expect it done.
    void fixup_virtual_hosts()
    {
        auto fixed = std::make_shared<directives::Config>(*outcome.config);
        const auto& main = fixed->servers.front();
        for (std::size_t i = 1; i < fixed->servers.size(); ++i) {
            auto& v = fixed->servers[i];
            v.modules = std::make_shared<ServerConfigSet>(merge(*main.modules, *v.modules));
            v.defaults = std::make_shared<DirConfigSet>(merge(*main.defaults, *v.defaults));
        }
        outcome.config = fixed;
    }

    std::string path(const std::string& relative) const { return root.str() + "/" + relative; }

    TempDir root;
    LoadOutcome outcome;
    ConnectionInfo conn;
    RecordingServices services;
    std::int64_t now_us = std::int64_t{1800000000} * 1000000;  // 2027-01-15
};

}  // namespace feather::test::serving

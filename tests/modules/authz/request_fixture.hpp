#pragma once
// Hand-built requests for the request-time tests of access control: a
// connection from a chosen client, services that record log lines and
// answer host name lookups from the test, and the modules' hooks.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modules/authz/require_eval.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/phases.hpp"
#include "modules/request/request.hpp"
#include "modules/request/scoreboard_layout.hpp"
#include "modules/request/services.hpp"
#include "tests/modules/authz/authz_fixture.hpp"

namespace feather::mod::authz {
extern const ModuleHooks kAuthzCoreHooks;
extern const ModuleHooks kAccessCompatHooks;
}  // namespace feather::mod::authz

namespace feather::test::authz {

struct LogRecord {
    ModuleId module;
    LogLevel level;
    std::string text;
};

class RecordingServices final : public RequestServices {
public:
    LogLevel threshold = LogLevel::Debug;
    std::vector<LogRecord> lines;
    // What a double-reverse lookup finds; nullopt: no verified name.
    std::optional<std::string> verified_name;
    int lookups = 0;

    bool log_enabled(const Request&, ModuleId, LogLevel level) const override
    {
        return level <= threshold;
    }
    void log(const Request&, ModuleId module, LogLevel level, std::string_view text,
             int) const override
    {
        if (level <= threshold) {
            const_cast<RecordingServices*>(this)->lines.push_back({module, level, std::string(text)});
        }
    }
    std::unique_ptr<Request> lookup_uri(Request&, std::string_view) override { return nullptr; }
    std::unique_ptr<Request> lookup_file(Request&, std::string_view) override { return nullptr; }
    int run_subrequest(Request&) override { return 0; }
    void fast_redirect(Request&, Request&) override {}
    void internal_redirect(Request&, std::string_view) override {}
    std::optional<std::string> remote_host(Request& r, RemoteHost type, bool* is_ip) override
    {
        EXPECT_EQ(type, RemoteHost::DoubleRev);
        ++lookups;
        if (is_ip != nullptr) {
            *is_ip = false;
        }
        (void)r;
        return verified_name;
    }
    std::int64_t now_us() const override { return 0; }
    std::optional<ScoreboardView> scoreboard() const override { return std::nullopt; }
    const ServerFacts& server_facts() const override
    {
        static const ServerFacts facts;
        return facts;
    }

    // The texts logged at `level` (all levels when none).
    std::vector<std::string> texts(std::optional<LogLevel> level = std::nullopt) const
    {
        std::vector<std::string> out;
        for (const auto& l : lines) {
            if (!level || l.level == *level) {
                out.push_back(l.text);
            }
        }
        return out;
    }
};

// A request for `uri` (file `filename`) from `client_ip`, served on
// `local_ip`, with the per-directory config `per_dir`.
struct HandRequest {
    ConnectionInfo connection;
    RecordingServices services;
    Request r;

    explicit HandRequest(std::string client_ip = "127.0.0.1", std::string method = "GET",
                         int method_number = 0)
    {
        connection.client_ip = std::move(client_ip);
        connection.client_port = 40000;
        connection.local_ip = "127.0.0.1";
        connection.local_port = 80;
        r.connection = &connection;
        r.services = &services;
        r.method = std::move(method);
        r.method_number = method_number;
        r.uri = "/sub/index.html";
        r.filename = "/srv/htdocs/sub/index.html";
        r.per_dir = std::make_shared<DirConfigSet>();
    }

    void set_authz(AuthzCoreDirConfig conf)
    {
        auto set = std::make_shared<DirConfigSet>(*r.per_dir);
        set->edit<AuthzCoreDirConfig>() = std::move(conf);
        r.per_dir = set;
    }
    void set_compat(AccessCompatDirConfig conf)
    {
        auto set = std::make_shared<DirConfigSet>(*r.per_dir);
        set->edit<AccessCompatDirConfig>() = std::move(conf);
        r.per_dir = set;
    }
};

// The module's hook for `phase`, run on `r`.
inline Verdict run_hook(const ModuleHooks& module, Phase phase, Request& r)
{
    for (const HookSpec& h : module.hooks) {
        if (h.phase == phase) {
            return h.fn(r);
        }
    }
    ADD_FAILURE() << "no hook for the phase";
    return Verdict::declined();
}

inline int code_of(Verdict v)
{
    switch (v.kind) {
    case Verdict::Kind::Ok:
        return 0;
    case Verdict::Kind::Declined:
        return -1;
    case Verdict::Kind::Done:
        return -2;
    case Verdict::Kind::Status:
        return v.status;
    }
    return -3;
}

inline RequireNode container(RequireNode::Kind kind, std::vector<RequireNode> children,
                             bool negated = false)
{
    RequireNode n;
    n.kind = kind;
    n.negated = negated;
    for (const RequireNode& c : children) {
        n.methods |= c.methods;
    }
    n.children = std::move(children);
    return n;
}

inline RequireNode all_granted(bool negated = false)
{
    return provider_node("all", "granted", AllRule{true}, negated);
}
inline RequireNode all_denied(bool negated = false)
{
    return provider_node("all", "denied", AllRule{false}, negated);
}
inline RequireNode ip(std::string_view text, bool negated = false)
{
    return provider_node("ip", std::string(text), IpRule{{network(text)}}, negated);
}

}  // namespace feather::test::authz

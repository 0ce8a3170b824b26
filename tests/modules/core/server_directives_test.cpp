// Core per-server and process-wide directives: accepted values land typed.

#include <gtest/gtest.h>

#include "directives/regex.hpp"
#include "modules/all_modules.hpp"
#include "modules/core/core_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using mod::core::CoreServerConfig;

struct Accepted {
    const char* line;
    const char* message;  // always "": apache2 -t says Syntax OK
};

// Every line here loads in apache2 -t as in Feather.
// BEGIN apache2-checked
const Accepted kAccepted[] = {
    {R"(Timeout abc)", R"()"},
    {R"(Timeout 5ms)", R"()"},
    {R"(ServerName https://x.com:443)", R"()"},
    {R"(ServerName x.com:80:90)", R"()"},
    {R"(ServerPath /x)", R"()"},
    {R"(NameVirtualHost *:80)", R"()"},
    {R"(Protocol HTTP)", R"()"},
    {R"(Protocols h2 http/1.1 bogus)", R"()"},
    {R"(AcceptFilter HTTPS None)", R"()"},
    {R"(LimitRequestLine abc)", R"()"},
    {R"(LimitRequestLine 99999999999)", R"()"},
    {R"(LimitInternalRecursion 2 3)", R"()"},
    {R"(FlushMaxPipelined -1)", R"()"},
    {R"(ReadBufferSize 4294967295)", R"()"},
    {R"(RegexDefaultOptions)", R"()"},
    {R"(RegexDefaultOptions none +DOLLAR_ENDONLY -ICASE)", R"()"},
    {R"(RegexDefaultOptions +icase)", R"()"},
    {R"(RegisterHttpMethod FOO bar GET)", R"()"},
    {R"(Mutex file:/tmp OmitPID mpm-accept)", R"()"},
    {R"(Mutex pthread default omitpid)", R"()"},
    {R"(Mutex default watchdog-callback)", R"()"},
    {R"(Mutex posixsem:/tmp)", R"()"},
    {R"(Mutex sysvsem)", R"()"},
    {R"(Mutex flock:/tmp default mpm-accept)", R"()"},
    {R"(Mutex yes)", R"()"},
    {R"(MaxMemFree abc)", R"()"},
    {R"(MaxConnectionsPerChild abc)", R"()"},
    {R"(MaxRequestsPerChild 4)", R"()"},
    {R"(ScoreBoardFile x)", R"()"},
    {R"(CoreDumpDirectory /tmp)", R"()"},
    {R"(ServerTokens ProductOnly)", R"()"},
    {R"(HttpProtocolOptions Unsafe Allow0.9 LenientMethods)", R"()"},
    {R"(ErrorLogFormat "%9M")", R"()"},
    {R"(ErrorLogFormat "[%{u}t] [%-m:%l] %7F: %E: %M% ,\ referer\ %{Referer}i")", R"()"},
    {R"(ErrorLogFormat connection "[%{u}t] [%-m:%l] ^^^^ new connection")", R"()"},
    {R"(ErrorLogFormat request "%+L %-{Referer}i")", R"()"},
    {R"(ErrorLog "|$/bin/cat")", R"()"},
    {R"(ErrorLog syslog:local3:tag)", R"()"},
    {R"(ErrorLog syslog:bogusfacility)", R"()"},
    {R"(LogLevel core:debug)", R"()"},
    {R"(LogLevel so:info)", R"()"},
    {R"(LogLevel info core_module:trace3 mod_so.c:debug)", R"()"},
    {R"(DefaultType text/plain)", R"()"},
    {R"(UseCanonicalName DNS)", R"()"},
};
// END apache2-checked

TEST(CoreServer, AcceptedFormsLoad)
{
    for (const auto& row : kAccepted) {
        SCOPED_TRACE(row.line);
        EXPECT_EQ(error_of(row.line), "");
    }
}

TEST(CoreServer, ServerNameParts)
{
    TempDir root;
    auto o = load_text(root, "ServerName HTTPS://www.Example.com:8443\nServerAdmin webmaster@x\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    EXPECT_EQ(*c.server_scheme.value, "https");
    EXPECT_EQ(*c.server_name.value, "www.Example.com");
    EXPECT_EQ(*c.server_port.value, 8443);
    EXPECT_EQ(c.server_name.set_at.line, 1u);
    EXPECT_EQ(*c.server_admin.value, "webmaster@x");

    o = load_text(root, "ServerName x.com:80:90\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(*main_server<CoreServerConfig>(o).server_name.value, "x.com");
    EXPECT_EQ(*main_server<CoreServerConfig>(o).server_port.value, 80);
    EXPECT_FALSE(main_server<CoreServerConfig>(o).server_scheme.is_set());

    // No port: port 0 (httpd's "none given"), which a virtual host would not inherit over.
    o = load_text(root, "ServerName plain\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(*main_server<CoreServerConfig>(o).server_port.value, 0);
}

TEST(CoreServer, DocumentRootResolvedAgainstServerRoot)
{
    TempDir root;
    root.mkdir("htdocs/sub");
    auto o = load_text(root, "DocumentRoot htdocs/./sub/../sub\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(*main_server<CoreServerConfig>(o).document_root.value, root.str() + "/htdocs/sub");
}

TEST(CoreServer, DocumentRootNotCheckedWithT)
{
    TempDir root;
    root.write("httpd.conf", "DocumentRoot missing/\n");
    directives::Loader loader(mod::registry(), mod::config_factory(), {}, mod::config_checks());
    directives::LoadOptions options;
    options.server_root = root.str();
    options.config_file = "httpd.conf";
    options.pre_directives = {"LoadModule mpm_prefork_module modules/mod_mpm_prefork.so"};
    options.document_root_check = false;
    const auto r = loader.load(options);
    ASSERT_TRUE(r.config) << (r.error_lines.empty() ? "" : r.error_lines.back());
    EXPECT_EQ(*get<CoreServerConfig>(*r.config->main_server().modules).document_root.value,
              root.str() + "/missing/");
}

TEST(CoreServer, TimeoutIsAtoiSeconds)
{
    TempDir root;
    auto o = load_text(root, "Timeout 30\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(*main_server<CoreServerConfig>(o).timeout.value, std::chrono::seconds(30));
    o = load_text(root, "Timeout 5ms\n");
    EXPECT_EQ(*main_server<CoreServerConfig>(o).timeout.value, std::chrono::seconds(5));
    o = load_text(root, "Timeout abc\n");
    EXPECT_EQ(*main_server<CoreServerConfig>(o).timeout.value, std::chrono::seconds(0));
}

TEST(CoreServer, ProtocolsAndFilters)
{
    TempDir root;
    auto o = load_text(
        root, "Protocol HTTP\nProtocols h2 http/1.1\nProtocols H2C\nProtocolsHonorOrder On\n"
              "AcceptFilter HTTPS None\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    EXPECT_EQ(*c.protocol.value, "http");
    EXPECT_EQ(c.protocols, (std::vector<std::string>{"h2", "http/1.1", "H2C"}));
    EXPECT_TRUE(*c.protocols_honor_order.value);
    EXPECT_EQ(c.accept_filters.at("https"), "none");
}

TEST(CoreServer, RequestLimits)
{
    TempDir root;
    auto o = load_text(
        root, "LimitRequestLine 4000\nLimitRequestFieldsize 99999999999\nLimitRequestFields 0\n"
              "LimitInternalRecursion 20\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    EXPECT_EQ(*c.limit_req_line.value, 4000);
    EXPECT_EQ(*c.limit_req_fieldsize.value, 1215752191);  // atoi's truncation, as httpd
    EXPECT_EQ(*c.limit_req_fields.value, 0);
    EXPECT_EQ(*c.limit_internal_recursion.value, 20);
    EXPECT_EQ(*c.limit_internal_recursion_depth.value, 20);  // one number sets both
    EXPECT_TRUE(o.warnings.empty());

    o = load_text(root, "LimitInternalRecursion 2 3\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(*main_server<CoreServerConfig>(o).limit_internal_recursion.value, 2);
    EXPECT_EQ(*main_server<CoreServerConfig>(o).limit_internal_recursion_depth.value, 3);
    EXPECT_EQ(o.warnings,
              (std::vector<std::string>{"AH00119: Limiting internal redirects to very low numbers "
                                        "may cause normal requests to fail.",
                                        "AH00120: Limiting the subrequest depth to a very low "
                                        "level may cause normal requests to "
                                        "fail."}));
}

TEST(CoreServer, FlushLimits)
{
    TempDir root;
    auto o = load_text(root, "FlushMaxThreshold 4294967295\nFlushMaxPipelined -1\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(*main_server<CoreServerConfig>(o).flush_max_threshold.value, 4294967295u);
    EXPECT_EQ(*main_server<CoreServerConfig>(o).flush_max_pipelined.value, -1);
}

TEST(CoreServer, HttpRules)
{
    TempDir root;
    auto o = load_text(
        root, "HttpProtocolOptions Unsafe Allow0.9\nHttpProtocolOptions LenientMethods\n"
              "TraceEnable extended\nMergeTrailers on\nMergeSlashes off\nStrictHostCheck On\n"
              "AllowEncodedSlashes NoDecode\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    EXPECT_EQ(*c.http_protocol_options.value,
              unsigned{mod::core::kHttpUnsafe | mod::core::kHttp09Allow | mod::core::kHttpLenient});
    EXPECT_EQ(*c.trace_enable.value, mod::core::TraceEnable::Extended);
    EXPECT_TRUE(*c.merge_trailers.value);
    EXPECT_FALSE(*c.merge_slashes.value);
    EXPECT_TRUE(*c.strict_host_check.value);
    EXPECT_EQ(*c.encoded_slashes.value, mod::core::EncodedSlashes::NoDecode);
}

TEST(CoreServer, RegisteredMethods)
{
    TempDir root;
    auto o = load_text(root, "RegisterHttpMethod FOO bar GET FOO\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(main_server<CoreServerConfig>(o).registered_methods,
              (std::vector<std::string>{"FOO", "bar"}));
}

TEST(CoreServer, ErrorLogTargets)
{
    using Kind = mod::core::ErrorLogTarget::Kind;
    TempDir root;
    auto o = load_text(root, "ErrorLog logs/err.log\n");
    ASSERT_TRUE(o.ok()) << o.error();
    auto t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::File);
    EXPECT_EQ(t.path, root.str() + "/logs/err.log");
    EXPECT_EQ(t.raw, "logs/err.log");

    o = load_text(root, "ErrorLog \"|$/usr/bin/logger -t x\"\n");
    t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::Pipe);
    EXPECT_TRUE(t.shell);
    EXPECT_EQ(t.command, "/usr/bin/logger -t x");

    o = load_text(root, "ErrorLog ||/bin/cat\n");
    t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::Pipe);
    EXPECT_FALSE(t.shell);
    EXPECT_EQ(t.command, "/bin/cat");

    o = load_text(root, "ErrorLog syslog:local3:mytag\n");
    t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::Syslog);
    EXPECT_EQ(t.facility, "local3");
    EXPECT_EQ(t.tag, "mytag");

    o = load_text(root, "ErrorLog syslog\n");
    t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::Syslog);
    EXPECT_EQ(t.facility, "");

    // "Syslog" (case differs) is a file name, as in httpd.
    o = load_text(root, "ErrorLog Syslog\n");
    t = *main_server<CoreServerConfig>(o).error_log.value;
    EXPECT_EQ(t.kind, Kind::File);
    EXPECT_EQ(t.path, root.str() + "/Syslog");
}

TEST(CoreServer, ErrorLogFormatItems)
{
    using Kind = mod::core::ErrorLogItem::Kind;
    TempDir root;
    auto o =
        load_text(root, "ErrorLogFormat \"[%{u}t] [%-m:%l] %7F: %M% ,\\ referer\\ %{Referer}i\"\n"
                        "ErrorLogFormat request \"%+L\"\nErrorLogFormat connection \"x\"\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    const auto& f = *c.error_log_format.value;
    ASSERT_EQ(f.size(), 15u);
    EXPECT_EQ(f[0].kind, Kind::Literal);
    EXPECT_EQ(f[0].arg, "[");
    EXPECT_EQ(f[1].kind, Kind::Field);
    EXPECT_EQ(f[1].field, 't');
    EXPECT_EQ(f[1].arg, "u");
    EXPECT_EQ(f[2].arg, "]");  // a blank after text ends it
    EXPECT_FALSE(f[2].field_sep);
    EXPECT_EQ(f[3].kind, Kind::Literal);
    EXPECT_EQ(f[3].arg, " [");
    EXPECT_TRUE(f[3].field_sep);
    EXPECT_EQ(f[4].field, 'm');
    EXPECT_TRUE(f[4].null_as_hyphen);
    EXPECT_EQ(f[5].arg, ":");
    EXPECT_EQ(f[6].field, 'l');
    EXPECT_EQ(f[8].arg, " ");
    EXPECT_TRUE(f[8].field_sep);
    EXPECT_EQ(f[9].field, 'F');
    EXPECT_EQ(f[9].min_loglevel, 7u);
    EXPECT_EQ(f[12].kind, Kind::Message);
    EXPECT_EQ(f[13].kind, Kind::Literal);  // "% " then text with escaped blanks
    EXPECT_TRUE(f[13].field_sep);
    EXPECT_EQ(f[13].arg, ", referer ");
    EXPECT_EQ(f[14].field, 'i');
    EXPECT_EQ(f[14].arg, "Referer");
    ASSERT_EQ(c.error_log_req.size(), 1u);
    EXPECT_TRUE(c.error_log_req[0][0].required);
    ASSERT_EQ(c.error_log_conn.size(), 1u);
    EXPECT_EQ(c.error_log_conn[0][0].arg, "x");
}

TEST(CoreServer, ProcessWideSettings)
{
    TempDir root;
    auto o = load_text(
        root, "PidFile run/x.pid\nScoreBoardFile sb\nExtendedStatus On\nSeeRequestTail on\n"
              "MaxConnectionsPerChild 1000\nCoreDumpDirectory /tmp\nMaxMemFree 2048\n"
              "ThreadStackSize 8388608\nServerTokens Prod\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& c = main_server<CoreServerConfig>(o);
    EXPECT_EQ(*c.pid_file.value, root.str() + "/run/x.pid");
    EXPECT_EQ(*c.scoreboard_file.value, root.str() + "/sb");
    EXPECT_TRUE(*c.extended_status.value);
    EXPECT_TRUE(*c.see_request_tail.value);
    EXPECT_EQ(*c.max_connections_per_child.value, 1000);
    EXPECT_EQ(*c.core_dump_directory.value, "/tmp");
    EXPECT_EQ(*c.max_mem_free.value, 2048u * 1024u);
    EXPECT_EQ(*c.thread_stack_size.value, 8388608u);
    EXPECT_EQ(*c.server_tokens.value, mod::core::ServerTokens::Prod);

    o = load_text(root, "MaxRequestsPerChild 7\nMaxMemFree 4194304\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(*main_server<CoreServerConfig>(o).max_connections_per_child.value, 7);
    // 4194304 KiB is 2^32 bytes: httpd's 32-bit product wraps to 0.
    EXPECT_EQ(*main_server<CoreServerConfig>(o).max_mem_free.value, 0u);
}

TEST(CoreServer, ServerTokensKeywords)
{
    using mod::core::ServerTokens;
    const std::pair<const char*, ServerTokens> cases[] = {
        {"OS", ServerTokens::OS},           {"min", ServerTokens::Minimal},
        {"Minimal", ServerTokens::Minimal}, {"MAJOR", ServerTokens::Major},
        {"Minor", ServerTokens::Minor},     {"prod", ServerTokens::Prod},
        {"Full", ServerTokens::Full},
    };
    for (const auto& [word, want] : cases) {
        TempDir root;
        auto o = load_text(root, std::string("ServerTokens ") + word + "\n");
        ASSERT_TRUE(o.ok()) << word;
        EXPECT_EQ(*main_server<CoreServerConfig>(o).server_tokens.value, want) << word;
    }
}

TEST(CoreServer, Mutexes)
{
    using mod::core::MutexMechanism;
    TempDir root;
    root.mkdir("locks");
    auto o = load_text(root, "Mutex file:locks OmitPID mpm-accept\nMutex sysvsem default\n"
                             "Mutex posixsem:/tmp watchdog-callback\nMutex pthread mpm-accept\n");
    ASSERT_TRUE(o.ok()) << o.error();
    const auto& m = main_server<CoreServerConfig>(o).mutexes;
    ASSERT_EQ(m.size(), 3u);
    // A later line keeps the directory an earlier one gave.
    EXPECT_EQ(m.at("mpm-accept").mechanism, MutexMechanism::Pthread);
    EXPECT_EQ(*m.at("mpm-accept").directory, root.str() + "/locks");
    EXPECT_FALSE(m.at("mpm-accept").omit_pid);
    EXPECT_EQ(m.at("default").mechanism, MutexMechanism::SysvSem);
    EXPECT_FALSE(m.at("default").directory.has_value());
    EXPECT_EQ(m.at("watchdog-callback").mechanism, MutexMechanism::PosixSem);
    EXPECT_EQ(*m.at("watchdog-callback").directory, "/tmp");

    o = load_text(root, "Mutex flock:/tmp omitpid\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(main_server<CoreServerConfig>(o).mutexes.at("default").mechanism,
              MutexMechanism::Flock);
    EXPECT_TRUE(main_server<CoreServerConfig>(o).mutexes.at("default").omit_pid);
}

TEST(CoreServer, RegexDefaultOptions)
{
    TempDir root;
    auto o = load_text(root, "ServerName x\n");
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(mod::core::regex_default_flags(main_server<CoreServerConfig>(o)),
              unsigned{Regex::kDotAll | Regex::kDollarEndOnly});

    o = load_text(root, "RegexDefaultOptions +ICASE -DOTALL\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(mod::core::regex_default_flags(main_server<CoreServerConfig>(o)),
              unsigned{Regex::kCaseless | Regex::kDollarEndOnly});

    o = load_text(root, "RegexDefaultOptions ICASE\nRegexDefaultOptions +DOTALL\n");
    EXPECT_EQ(*main_server<CoreServerConfig>(o).regex_default_options.value,
              unsigned{Regex::kCaseless | Regex::kDotAll});

    o = load_text(root, "RegexDefaultOptions none\n");
    EXPECT_EQ(*main_server<CoreServerConfig>(o).regex_default_options.value, 0u);
}

TEST(CoreServer, NameVirtualHostWarnsOnce)
{
    TempDir root;
    auto o = load_text(root, "NameVirtualHost *:80\nNameVirtualHost *:443\n");
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_EQ(o.warnings[0],
              "AH00548: NameVirtualHost has no effect and will be removed in the next release " +
                  root.str() + "/httpd.conf:1");
}

TEST(CoreServer, DefaultTypeWarns)
{
    TempDir root;
    auto o = load_text(root, "DefaultType none\nDefaultType text/plain\n");
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_EQ(o.warnings[0], "AH00117: Ignoring deprecated use of DefaultType in line 2 of " +
                                 root.str() + "/httpd.conf.");
}

}  // namespace
}  // namespace feather::test

// Core per-directory directives, given at server level (the server's
// defaults): accepted values land typed.

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include "modules/core/core_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using namespace mod::core;

struct Accepted {
    const char* line;
    const char* message;  // always "": apache2 -t says Syntax OK
};

// BEGIN apache2-checked
const Accepted kAccepted[] = {
    {R"(AddDefaultCharset On)", R"()"},
    {R"(AddDefaultCharset utf-8)", R"()"},
    {R"(AcceptPathInfo Default)", R"()"},
    {R"(ErrorDocument 200 /x)", R"()"},
    {R"(ErrorDocument 100 x)", R"()"},
    {R"(ErrorDocument 404x /x)", R"()"},
    {R"(ErrorDocument 500 "oops)", R"()"},
    {R"(ErrorDocument 401 http://x/)", R"()"},
    {R"(ErrorDocument 404 default)", R"()"},
    {R"(ErrorDocument 510 /x)", R"()"},
    {R"(ErrorDocument 511 /x)", R"()"},
    {R"(ErrorDocument 451 /x)", R"()"},
    {R"(ErrorDocument 302 /x)", R"()"},
    {R"(ErrorDocument 404 "%{REQUEST_URI} gone")", R"()"},
    {R"(ErrorDocument 404 "%{tolower:x} y")", R"()"},
    {R"(ErrorDocument 404 "a $1 b")", R"()"},
    {R"(ErrorDocument 404 "100%")", R"()"},
    {R"(ErrorDocument 404 "a } b")", R"()"},
    {R"(ErrorDocument 404 "%{HTTP:Host} y")", R"()"},
    {R"(ErrorDocument 404 "x\\y")", R"()"},
    {R"(ErrorDocument 404 "\12 x")", R"()"},
    {R"(ErrorDocument 404 "%{tolower:%{REQUEST_URI}} z")", R"()"},
    {R"(ErrorDocument 404 "%{tolower:$1x} z")", R"()"},
    {R"(ErrorDocument 404 "%{Tolower:x} %{request_uri}")", R"()"},
    {R"(FileETag)", R"()"},
    {R"(FileETag INode +MTime -Size +Digest)", R"()"},
    {R"(FileETag None)", R"()"},
    {R"(EnableMMAP OFF)", R"()"},
    {R"(EnableSendfile On)", R"()"},
    {R"(HostnameLookups Double)", R"()"},
    {R"(ServerSignature EMail)", R"()"},
    {R"(ContentDigest on)", R"()"},
    {R"(UseCanonicalPhysicalPort On)", R"()"},
    {R"(CGIVar REQUEST_URI Current-URI)", R"()"},
    {R"(QualifyRedirectURL on)", R"()"},
    {R"(ForceType Text/HTML)", R"()"},
    {R"(SetHandler none)", R"()"},
    {R"(SetHandler "%{tolower:X}-handler")", R"()"},
    {R"(SetOutputFilter INCLUDES;DEFLATE)", R"()"},
    {R"(SetInputFilter x)", R"()"},
    {R"(LimitRequestBody 0)", R"()"},
    {R"(LimitXMLRequestBody abc)", R"()"},
    {R"(LimitXMLRequestBody 3074457345618258601)", R"()"},
    {R"(MaxRanges unlimited)", R"()"},
    {R"(MaxRangeOverlaps none)", R"()"},
    {R"(MaxRangeReversals default)", R"()"},
    {R"(RLimitCPU bogus)", R"()"},
    {R"(RLimitCPU 10 bogus)", R"()"},
    {R"(RLimitCPU max max)", R"()"},
    {R"(RLimitMEM 100000000000000000000)", R"()"},
    {R"(RLimitNPROC 5 10)", R"()"},
    {R"(ReadBufferSize 0)", R"()"},
};
// END apache2-checked

TEST(CoreDir, AcceptedFormsLoad)
{
    for (const auto& row : kAccepted) {
        SCOPED_TRACE(row.line);
        EXPECT_EQ(error_of(row.line), "");
    }
}

const CoreDirConfig& load_dir(TempDir& root, const std::string& conf, LoadOutcome& keep)
{
    keep = load_text(root, conf);
    EXPECT_TRUE(keep.ok()) << keep.error();
    return main_dir<CoreDirConfig>(keep);
}

TEST(CoreDir, Keywords)
{
    TempDir root;
    LoadOutcome o;
    const auto& d =
        load_dir(root,
                 "AcceptPathInfo Default\nHostnameLookups Double\nServerSignature EMail\n"
                 "ContentDigest on\nUseCanonicalName DNS\nUseCanonicalPhysicalPort On\n"
                 "EnableMMAP OFF\nEnableSendfile On\nQualifyRedirectURL on\n",
                 o);
    EXPECT_EQ(*d.uncommon().accept_path_info.value, AcceptPathInfo::Default);
    EXPECT_EQ(*d.uncommon().hostname_lookups.value, HostnameLookups::Double);
    EXPECT_EQ(*d.uncommon().server_signature.value, ServerSignature::Email);
    EXPECT_TRUE(*d.uncommon().content_digest.value);
    EXPECT_EQ(*d.uncommon().use_canonical_name.value, UseCanonicalName::Dns);
    EXPECT_TRUE(*d.uncommon().use_canonical_phys_port.value);
    EXPECT_FALSE(*d.uncommon().enable_mmap.value);
    EXPECT_TRUE(*d.uncommon().enable_sendfile.value);
    EXPECT_TRUE(*d.uncommon().qualify_redirect_url.value);
    EXPECT_EQ(d.uncommon().enable_mmap.set_at.line, 7u);
}

TEST(CoreDir, AddDefaultCharset)
{
    TempDir root;
    LoadOutcome o;
    EXPECT_EQ(*load_dir(root, "AddDefaultCharset On\n", o).uncommon().add_default_charset.value,
              std::optional<std::string>("iso-8859-1"));
    EXPECT_EQ(*load_dir(root, "AddDefaultCharset UTF-8\n", o).uncommon().add_default_charset.value,
              std::optional<std::string>("UTF-8"));
    const auto& off = load_dir(root, "AddDefaultCharset off\n", o);
    ASSERT_TRUE(off.uncommon().add_default_charset.is_set());
    EXPECT_FALSE(off.uncommon().add_default_charset.value->has_value());
}

TEST(CoreDir, ErrorDocuments)
{
    using Kind = ErrorDocument::Kind;
    TempDir root;
    LoadOutcome o;
    const auto& d =
        load_dir(root,
                 "ErrorDocument 404 /missing.html\nErrorDocument 500 \"Sorry, broken\"\n"
                 "ErrorDocument 403 http://example.com/denied\nErrorDocument 410 gone\n"
                 "ErrorDocument 503 default\nErrorDocument 401 http://x/\n"
                 "ErrorDocument 402 \"%{REQUEST_URI} costs\"\n",
                 o);
    ASSERT_EQ(d.error_documents.size(), 6u);  // the 401 URL is ignored
    EXPECT_EQ(d.error_documents.at(404).kind, Kind::LocalPath);
    EXPECT_EQ(d.error_documents.at(404).expr.source, "/missing.html");
    EXPECT_EQ(d.error_documents.at(500).kind, Kind::Message);
    EXPECT_EQ(d.error_documents.at(500).expr.source, "\"Sorry, broken");
    EXPECT_EQ(d.error_documents.at(500).expr.literal_text(), "\"Sorry, broken");
    EXPECT_EQ(d.error_documents.at(403).kind, Kind::Url);
    EXPECT_EQ(d.error_documents.at(410).kind, Kind::Message);  // no slash, no scheme
    EXPECT_EQ(d.error_documents.at(410).expr.source, "\"gone");
    EXPECT_EQ(d.error_documents.at(503).kind, Kind::Default);
    const auto& dyn = d.error_documents.at(402).expr;
    ASSERT_EQ(dyn.parts.size(), 3u);
    EXPECT_EQ(dyn.parts[1].kind, StringExprPart::Kind::Variable);
    EXPECT_EQ(dyn.parts[1].text, "REQUEST_URI");
    EXPECT_FALSE(dyn.is_literal());
    ASSERT_EQ(o.warnings.size(), 1u);
    EXPECT_EQ(
        o.warnings[0],
        "AH00113: " + root.str() +
            "/httpd.conf:6 cannot use a full URL in a 401 ErrorDocument directive --- ignoring!");
}

TEST(CoreDir, FileETag)
{
    TempDir root;
    LoadOutcome o;
    auto d = load_dir(root, "FileETag INode +MTime -Size\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagInode});
    EXPECT_EQ(d.etag_add, unsigned{kEtagMtime});
    EXPECT_EQ(d.etag_remove, unsigned{kEtagSize});

    d = load_dir(root, "FileETag +INode -Digest\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagUnset});
    EXPECT_EQ(d.etag_add, unsigned{kEtagInode});
    EXPECT_EQ(d.etag_remove, unsigned{kEtagDigest});

    d = load_dir(root, "FileETag All\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagAll});
    d = load_dir(root, "FileETag None\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagNone});
    d = load_dir(root, "FileETag None Size\n", o);
    // httpd keeps None next to Size here; the merge drops it.
    EXPECT_EQ(d.etag_bits, unsigned{kEtagNone | kEtagSize});
    EXPECT_EQ(merge(CoreDirConfig{}, d).etag_bits, unsigned{kEtagSize});
    d = load_dir(root, "FileETag +Size\nFileETag MTime\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagMtime});  // an absolute line forgets +/-
    EXPECT_EQ(d.etag_add, 0u);
    d = load_dir(root, "FileETag LastModified LMTime\n", o);
    EXPECT_EQ(d.etag_bits, unsigned{kEtagMtime});
}

TEST(CoreDir, TypesHandlersFilters)
{
    TempDir root;
    LoadOutcome o;
    const auto& d =
        load_dir(root,
                 "ForceType Text/HTML\nSetHandler Server-Status\nSetOutputFilter INCLUDES;DEFLATE\n"
                 "SetInputFilter x\nCGIVar REQUEST_URI Original-URI\n",
                 o);
    EXPECT_EQ(*d.mime_type.value, "text/html");
    EXPECT_TRUE(d.handler.value->is_literal());
    EXPECT_EQ(d.handler.value->literal_text(),
              "Server-Status");  // lower-cased per request, as httpd
    EXPECT_EQ(*d.uncommon().output_filters.value, "INCLUDES;DEFLATE");
    EXPECT_EQ(*d.uncommon().input_filters.value, "x");
    EXPECT_EQ(d.uncommon().cgi_vars.at("REQUEST_URI"), "original-uri");

    const auto& none = load_dir(root, "ForceType None\nSetHandler None\n", o);
    EXPECT_EQ(*none.mime_type.value, "none");
    EXPECT_EQ(none.handler.value->literal_text(), "None");
}

TEST(CoreDir, BodyLimits)
{
    TempDir root;
    LoadOutcome o;
    auto d = load_dir(root, "LimitRequestBody 102400\nLimitXMLRequestBody 0\n", o);
    EXPECT_EQ(*d.uncommon().limit_req_body.value, 102400u);
    EXPECT_EQ(*d.uncommon().limit_xml_body.value, 0);
    d = load_dir(root, "LimitXMLRequestBody 12abc\n", o);
    EXPECT_EQ(*d.uncommon().limit_xml_body.value, 12);  // atol
}

TEST(CoreDir, RangeLimits)
{
    TempDir root;
    LoadOutcome o;
    const auto& d =
        load_dir(root, "MaxRanges 5x\nMaxRangeOverlaps none\nMaxRangeReversals unlimited\n", o);
    EXPECT_EQ(*d.uncommon().max_ranges.value, (RangeLimit{RangeLimit::Kind::Count, 5}));
    EXPECT_EQ(*d.uncommon().max_overlaps.value, (RangeLimit{RangeLimit::Kind::None, 0}));
    EXPECT_EQ(*d.uncommon().max_reversals.value, (RangeLimit{RangeLimit::Kind::Unlimited, 0}));
    const auto& def = load_dir(root, "MaxRanges Default\n", o);
    EXPECT_EQ(*def.uncommon().max_ranges.value, (RangeLimit{RangeLimit::Kind::Default, 0}));
}

TEST(CoreDir, ResourceLimitsWorkedOutFromTheProcess)
{
    struct rlimit cpu {};
    ASSERT_EQ(::getrlimit(RLIMIT_CPU, &cpu), 0);
    TempDir root;
    LoadOutcome o;
    auto d = load_dir(root, "RLimitCPU max\n", o);
    EXPECT_EQ(d.uncommon().limit_cpu.value->soft, cpu.rlim_max);
    EXPECT_EQ(d.uncommon().limit_cpu.value->hard, cpu.rlim_max);

    d = load_dir(root, "RLimitNPROC 5 10\n", o);
    EXPECT_EQ(d.uncommon().limit_nproc.value->soft, 5u);
    struct rlimit nproc {};
    ASSERT_EQ(::getrlimit(RLIMIT_NPROC, &nproc), 0);
    if (::geteuid() == 0 || nproc.rlim_max >= 10) {
        EXPECT_EQ(d.uncommon().limit_nproc.value->hard, 10u);
    }
}

TEST(CoreDir, ReadBufferSize)
{
    TempDir root;
    LoadOutcome o;
    EXPECT_EQ(*load_dir(root, "ReadBufferSize 65536\n", o).uncommon().read_buf_size.value, 65536u);
}

TEST(CoreDir, LogLevels)
{
    TempDir root;
    LoadOutcome o;
    auto d = load_dir(root, "LogLevel info core_module:trace3 mod_so.c:debug\n", o);
    EXPECT_EQ(d.uncommon().log_levels.value->level, LogLevel::Info);
    EXPECT_EQ(d.uncommon().log_levels.value->per_module.at(ModuleId::Core), LogLevel::Trace3);
    EXPECT_EQ(d.uncommon().log_levels.value->per_module.at(ModuleId::So), LogLevel::Debug);

    // A later default level drops the module levels; a module level alone
    // leaves the default unset.
    d = load_dir(root, "LogLevel core:debug\nLogLevel Warn\n", o);
    EXPECT_EQ(d.uncommon().log_levels.value->level, LogLevel::Warn);
    EXPECT_TRUE(d.uncommon().log_levels.value->per_module.empty());
    d = load_dir(root, "LogLevel http:trace8\n", o);
    EXPECT_FALSE(d.uncommon().log_levels.value->level.has_value());
    EXPECT_EQ(d.uncommon().log_levels.value->per_module.at(ModuleId::Http), LogLevel::Trace8);

    // A module loaded with LoadModule is found by its short name too.
    d = load_dir(
        root, "LoadModule mime_module modules/mod_mime.so\nLogLevel mime:debug mod_mime.c:info\n",
        o);
    EXPECT_EQ(d.uncommon().log_levels.value->per_module.at(ModuleId::Mime), LogLevel::Info);
}

}  // namespace
}  // namespace feather::test

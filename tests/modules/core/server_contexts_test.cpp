// The context restrictions of the directives' rows (httpd's
// ap_check_cmd_context flags): what each says inside <VirtualHost>, as
// apache2 -t says it.

#include <gtest/gtest.h>

#include "directives/binder.hpp"
#include "modules/all_modules.hpp"

namespace feather::test {
namespace {

// apache2 -t on "<VirtualHost *:80>", the directive, "</VirtualHost>"
// (prefork loaded): "" when the context is fine.
const std::pair<const char*, const char*> kInVirtualHost[] = {
    {"AddDefaultCharset", ""},
    {"AcceptPathInfo", ""},
    {"Error", ""},
    {"DocumentRoot", ""},
    {"ErrorDocument", ""},
    {"DefaultType", ""},
    {"FileETag", ""},
    {"EnableMMAP", ""},
    {"EnableSendfile", ""},
    {"ReadBufferSize", ""},
    {"FlushMaxThreshold", ""},
    {"FlushMaxPipelined", ""},
    {"Protocol", ""},
    {"AcceptFilter", "AcceptFilter cannot occur within <VirtualHost> section"},
    {"Port", ""},
    {"HostnameLookups", ""},
    {"ServerAdmin", ""},
    {"ServerName", ""},
    {"ServerSignature", ""},
    {"ErrorLog", ""},
    {"ErrorLogFormat", ""},
    {"ServerAlias", ""},
    {"ServerPath", ""},
    {"Timeout", ""},
    {"ContentDigest", ""},
    {"UseCanonicalName", ""},
    {"UseCanonicalPhysicalPort", ""},
    {"LogLevel", ""},
    {"NameVirtualHost", ""},
    {"ServerTokens", "ServerTokens cannot occur within <VirtualHost> section"},
    {"LimitRequestLine", ""},
    {"LimitRequestFieldsize", ""},
    {"LimitRequestFields", ""},
    {"LimitRequestBody", ""},
    {"LimitXMLRequestBody", ""},
    {"Mutex", "Mutex cannot occur within <VirtualHost> section"},
    {"MaxRanges", ""},
    {"MaxRangeOverlaps", ""},
    {"MaxRangeReversals", ""},
    {"RLimitCPU", ""},
    {"RLimitMEM", ""},
    {"RLimitNPROC", ""},
    {"RegexDefaultOptions", "RegexDefaultOptions cannot occur within <VirtualHost> section"},
    {"LimitInternalRecursion", ""},
    {"CGIPassAuth", ""},
    {"CGIVar", ""},
    {"QualifyRedirectURL", ""},
    {"StrictHostCheck", ""},
    {"ForceType", ""},
    {"SetHandler", ""},
    {"SetOutputFilter", ""},
    {"SetInputFilter", ""},
    {"AllowEncodedSlashes", ""},
    {"ScoreBoardFile", "ScoreBoardFile cannot occur within <VirtualHost> section"},
    {"ExtendedStatus", "ExtendedStatus cannot occur within <VirtualHost> section"},
    {"SeeRequestTail", "SeeRequestTail cannot occur within <VirtualHost> section"},
    {"PidFile", "PidFile cannot occur within <VirtualHost> section"},
    {"MaxRequestsPerChild", "MaxRequestsPerChild cannot occur within <VirtualHost> section"},
    {"MaxConnectionsPerChild", "MaxConnectionsPerChild cannot occur within <VirtualHost> section"},
    {"CoreDumpDirectory", "CoreDumpDirectory cannot occur within <VirtualHost> section"},
    {"MaxMemFree", "MaxMemFree cannot occur within <VirtualHost> section"},
    {"ThreadStackSize", "ThreadStackSize cannot occur within <VirtualHost> section"},
    {"TraceEnable", ""},
    {"MergeTrailers", ""},
    {"Protocols", ""},
    {"ProtocolsHonorOrder", ""},
    {"HttpProtocolOptions", ""},
    {"RegisterHttpMethod", "RegisterHttpMethod cannot occur within <VirtualHost> section"},
    {"MergeSlashes", ""},
    {"KeepAliveTimeout", ""},
    {"MaxKeepAliveRequests", ""},
    {"KeepAlive", ""},
    {"User", "User cannot occur within <VirtualHost> section"},
    {"Group", "Group cannot occur within <VirtualHost> section"},
    {"ChrootDir", "ChrootDir cannot occur within <VirtualHost> section"},
    {"Suexec", "Suexec cannot occur within <VirtualHost> section"},
    {"LogIOTrackTTFB", ""},
    {"ListenBacklog", "ListenBacklog cannot occur within <VirtualHost> section"},
    {"ListenCoresBucketsRatio",
     "ListenCoresBucketsRatio cannot occur within <VirtualHost> section"},
    {"Listen", "Listen cannot occur within <VirtualHost> section"},
    {"SendBufferSize", "SendBufferSize cannot occur within <VirtualHost> section"},
    {"ReceiveBufferSize", "ReceiveBufferSize cannot occur within <VirtualHost> section"},
    {"ListenTCPDeferAccept", "ListenTCPDeferAccept cannot occur within <VirtualHost> section"},
    {"StartServers", "StartServers cannot occur within <VirtualHost> section"},
    {"MinSpareServers", "MinSpareServers cannot occur within <VirtualHost> section"},
    {"MaxSpareServers", "MaxSpareServers cannot occur within <VirtualHost> section"},
    {"MaxClients", "MaxClients cannot occur within <VirtualHost> section"},
    {"MaxRequestWorkers", "MaxRequestWorkers cannot occur within <VirtualHost> section"},
    {"ServerLimit", "ServerLimit cannot occur within <VirtualHost> section"},
    {"GracefulShutdownTimeout",
     "GracefulShutdownTimeout cannot occur within <VirtualHost> section"},
};

TEST(DirectiveContexts, InVirtualHost)
{
    directives::ServerConfig vhost;
    vhost.is_virtual = true;
    for (const auto& [name, message] : kInVirtualHost) {
        SCOPED_TRACE(name);
        const auto specs = mod::registry().find(name);
        ASSERT_FALSE(specs.empty());
        for (const directives::DirectiveSpec* spec : specs) {
            directives::Cmd cmd;
            cmd.server = &vhost;
            cmd.spec = spec;
            EXPECT_EQ(directives::check_context(cmd, spec->forbid).value_or(""), message);
        }
    }
}

}  // namespace
}  // namespace feather::test

// How a virtual host inherits the main server's core settings
// (merge_core_server_configs and ap_fixup_virtual_hosts), and the dir-merge
// rules of the fields with httpd's "0 means unset" quirks.

#include <gtest/gtest.h>

#include "modules/core/core_config.hpp"

namespace feather::test {
namespace {

using namespace mod::core;

TEST(CoreServerMerge, UnsetAndZeroTimeoutInherit)
{
    CoreServerConfig main;
    main.timeout.set(std::chrono::seconds(120));
    CoreServerConfig vhost;
    EXPECT_EQ(*merge(main, vhost).timeout.value, std::chrono::seconds(120));
    vhost.timeout.set(std::chrono::seconds(0));  // "Timeout 0" (or junk) in a vhost
    EXPECT_EQ(*merge(main, vhost).timeout.value, std::chrono::seconds(120));
    vhost.timeout.set(std::chrono::seconds(7));
    EXPECT_EQ(*merge(main, vhost).timeout.value, std::chrono::seconds(7));
}

TEST(CoreServerMerge, FlushLimitsInheritOnHttpdsUnsetValues)
{
    CoreServerConfig main;
    main.flush_max_threshold.set(1000);
    main.flush_max_pipelined.set(9);
    CoreServerConfig vhost;
    vhost.flush_max_threshold.set(0);
    vhost.flush_max_pipelined.set(-1);
    auto m = merge(main, vhost);
    EXPECT_EQ(*m.flush_max_threshold.value, 1000u);
    EXPECT_EQ(*m.flush_max_pipelined.value, 9);
    vhost.flush_max_threshold.set(5);
    vhost.flush_max_pipelined.set(0);
    m = merge(main, vhost);
    EXPECT_EQ(*m.flush_max_threshold.value, 5u);
    EXPECT_EQ(*m.flush_max_pipelined.value, 0);
}

TEST(CoreServerMerge, HttpProtocolOptionsByCategory)
{
    CoreServerConfig main;
    main.http_protocol_options.set(kHttpUnsafe | kHttp09Allow);
    CoreServerConfig vhost;
    vhost.http_protocol_options.set(kHttpStrict | kHttpRegistered);
    EXPECT_EQ(*merge(main, vhost).http_protocol_options.value,
              unsigned{kHttpStrict | kHttpRegistered | kHttp09Allow});
    EXPECT_EQ(*merge(main, CoreServerConfig{}).http_protocol_options.value,
              unsigned{kHttpUnsafe | kHttp09Allow});
    EXPECT_FALSE(merge(CoreServerConfig{}, CoreServerConfig{}).http_protocol_options.is_set());
}

TEST(CoreServerMerge, WhatIsAndIsNotInherited)
{
    CoreServerConfig main{};
    main.document_root.set("/srv");
    main.server_admin.set("a@b");
    main.server_name.set("main");
    main.server_port.set(8080);
    main.server_scheme.set("https");
    main.encoded_slashes.set(EncodedSlashes::On);
    main.error_log_req.push_back({ErrorLogItem{}});
    main.protocols = {"h2"};
    main.pid_file.set("/run/x.pid");
    main.trace_enable.set(TraceEnable::Off);
    main.strict_host_check.set(true);

    CoreServerConfig vhost;
    vhost.pid_file.set("/ignored");
    const auto m = merge(main, vhost);
    EXPECT_EQ(*m.document_root.value, "/srv");
    EXPECT_EQ(*m.server_admin.value, "a@b");
    EXPECT_EQ(*m.server_port.value, 8080);
    EXPECT_FALSE(m.server_name.is_set());  // found from the address later
    EXPECT_FALSE(m.server_scheme.is_set());
    EXPECT_FALSE(m.encoded_slashes.is_set());  // httpd copies the vhost's own
    EXPECT_EQ(m.error_log_req.size(), 1u);
    EXPECT_EQ(m.protocols, std::vector<std::string>{"h2"});
    EXPECT_EQ(*m.pid_file.value, "/run/x.pid");  // global settings are the main server's
    EXPECT_EQ(*m.trace_enable.value, TraceEnable::Off);
    EXPECT_TRUE(*m.strict_host_check.value);

    // A vhost ServerName without a port keeps port 0 rather than the main one.
    vhost.server_port.set(0);
    EXPECT_EQ(*merge(main, vhost).server_port.value, 0);
}

TEST(CoreServerMerge, InitVirtualHostSnapshotsTheMainServer)
{
    CoreServerConfig main;
    main.limit_req_line.set(100);
    main.server_port.set(81);
    CoreServerConfig vhost;
    init_virtual_host(vhost, main);
    main.limit_req_line.set(200);  // a later line of the main server
    EXPECT_EQ(*merge(main, vhost).limit_req_line.value, 100);
    EXPECT_EQ(*merge(main, vhost).server_port.value, 81);
}

TEST(CoreDirMerge, ReadBufferSizeZeroKeepsTheParents)
{
    CoreDirConfig base;
    base.edit_uncommon().read_buf_size.set(65536);
    CoreDirConfig add;
    add.edit_uncommon().read_buf_size.set(0);
    EXPECT_EQ(*merge(base, add).uncommon().read_buf_size.value, 65536u);
    add.edit_uncommon().read_buf_size.set(1024);
    EXPECT_EQ(*merge(base, add).uncommon().read_buf_size.value, 1024u);
}

TEST(CoreDirMerge, ReadBufferSizeZeroOverNothingStaysUnset)
{
    CoreDirConfig add;
    add.edit_uncommon().read_buf_size.set(0);
    add.edit_uncommon().enable_sendfile.set(true);
    const CoreDirConfig merged = merge(CoreDirConfig{}, add);
    EXPECT_FALSE(merged.uncommon().read_buf_size.is_set());
    EXPECT_TRUE(*merged.uncommon().enable_sendfile.value);
}

TEST(CoreDirMerge, UncommonSettingsAreSharedWhenOnlyOneSideHasThem)
{
    CoreDirConfig plain;  // only Options, as most sections
    plain.opts = kOptIndexes;
    EXPECT_EQ(plain.uncommon_settings, nullptr);
    EXPECT_FALSE(plain.uncommon().enable_mmap.is_set());

    CoreDirConfig with;
    with.edit_uncommon().enable_mmap.set(false);
    EXPECT_EQ(merge(with, plain).uncommon_settings, with.uncommon_settings);
    EXPECT_EQ(merge(plain, with).uncommon_settings, with.uncommon_settings);
    EXPECT_EQ(merge(plain, plain).uncommon_settings, nullptr);

    CoreDirConfig other;
    other.edit_uncommon().enable_sendfile.set(true);
    const CoreDirConfig both = merge(with, other);
    EXPECT_NE(both.uncommon_settings, with.uncommon_settings);
    EXPECT_NE(both.uncommon_settings, other.uncommon_settings);
    EXPECT_FALSE(*both.uncommon().enable_mmap.value);
    EXPECT_TRUE(*both.uncommon().enable_sendfile.value);
}

TEST(CoreDirMerge, EditingSharedUncommonSettingsCopiesThem)
{
    CoreDirConfig with;
    with.edit_uncommon().enable_mmap.set(false);
    CoreDirConfig merged = merge(with, CoreDirConfig{});
    ASSERT_EQ(merged.uncommon_settings, with.uncommon_settings);
    merged.edit_uncommon().enable_mmap.set(true);
    EXPECT_NE(merged.uncommon_settings, with.uncommon_settings);
    EXPECT_FALSE(*with.uncommon().enable_mmap.value);
    EXPECT_TRUE(*merged.uncommon().enable_mmap.value);
}

TEST(CoreDirMerge, ErrorDocumentsOverlay)
{
    CoreDirConfig base;
    base.error_documents[404].kind = ErrorDocument::Kind::LocalPath;
    base.error_documents[500].kind = ErrorDocument::Kind::Message;
    CoreDirConfig add;
    add.error_documents[404].kind = ErrorDocument::Kind::Default;
    const auto m = merge(base, add);
    EXPECT_EQ(m.error_documents.at(404).kind, ErrorDocument::Kind::Default);
    EXPECT_EQ(m.error_documents.at(500).kind, ErrorDocument::Kind::Message);
}

}  // namespace
}  // namespace feather::test

// mod_logio's LogIOTrackTTFB.

#include <gtest/gtest.h>

#include "modules/logio/logio_config.hpp"
#include "tests/modules/core/server_test_helpers.hpp"

namespace feather::test {
namespace {

using mod::logio::LogioDirConfig;

// BEGIN apache2-checked
const std::pair<const char*, const char*> kRows[] = {
    {R"(LogIOTrackTTFB ON)", R"()"},
    {R"(LogIOTrackTTFB maybe)", R"(LogIOTrackTTFB must be On or Off)"},
    {R"(LogIOTrackTTFB on off)", R"()"},  // FLAG ignores extra words
};
// END apache2-checked

TEST(Logio, RowsAsHttpd)
{
    for (const auto& [line, message] : kRows) {
        SCOPED_TRACE(line);
        EXPECT_EQ(error_of(line), message);
    }
}

TEST(Logio, TrackTtfb)
{
    TempDir root;
    auto o = load_text(root, "LogIOTrackTTFB ON\n");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_TRUE(*main_dir<LogioDirConfig>(o).track_ttfb.value);
    o = load_text(root, "LogIOTrackTTFB off\n");
    EXPECT_FALSE(*main_dir<LogioDirConfig>(o).track_ttfb.value);

    LogioDirConfig base;
    base.track_ttfb.set(true);
    EXPECT_TRUE(*merge(base, LogioDirConfig{}).track_ttfb.value);
}

}  // namespace
}  // namespace feather::test

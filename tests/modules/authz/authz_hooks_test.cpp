// mod_authz_core's hooks on hand-built requests with configurations read
// from text: the verdicts of authorize_userless/authorize_user, their log
// lines, <Limit>/<LimitExcept> masks, AuthMerging across nested sections
// and provider aliases.

#include "tests/modules/authz/request_fixture.hpp"

namespace feather::test::authz {
namespace {

using mod::authz::kAccessCompatHooks;
using mod::authz::kAuthzCoreHooks;

constexpr int kPost = 2;

class AuthzHooksTest : public AuthzTest {
protected:
    void read(const std::string& conf)
    {
        loaded_ = load(conf);
        ASSERT_TRUE(loaded_.ok()) << conf << "\n" << loaded_.error();
    }

    // The server defaults with the given sections merged over them in order,
    // as the directory walk does.
    std::shared_ptr<const DirConfigSet> walk(std::initializer_list<std::size_t> sections) const
    {
        auto set = std::make_shared<DirConfigSet>(*loaded_.config->main_server().defaults);
        for (const std::size_t i : sections) {
            *set = merge(*set, *made_sections().at(i));
        }
        return set;
    }

    // The verdict of the access_checker_ex hook for a request that the
    // given sections apply to.
    int userless(HandRequest& h, std::initializer_list<std::size_t> sections = {0})
    {
        h.r.config = loaded_.config.get();
        h.r.per_dir = walk(sections);
        return code_of(run_hook(kAuthzCoreHooks, Phase::CheckAccessEx, h.r));
    }
    int userless_from(std::string client, std::initializer_list<std::size_t> sections = {0},
                      int method_number = 0)
    {
        HandRequest h(std::move(client), method_number == kPost ? "POST" : "GET", method_number);
        return userless(h, sections);
    }

    LoadOutcome loaded_;
};

TEST_F(AuthzHooksTest, RegisteredLastAsHttpdDoes)
{
    ASSERT_EQ(kAuthzCoreHooks.module, ModuleId::AuthzCore);
    ASSERT_EQ(kAuthzCoreHooks.hooks.size(), 2u);
    EXPECT_EQ(kAuthzCoreHooks.hooks[0].phase, Phase::CheckAccessEx);
    EXPECT_EQ(kAuthzCoreHooks.hooks[0].rank, Rank::Last);
    EXPECT_EQ(kAuthzCoreHooks.hooks[1].phase, Phase::CheckAuthz);
    EXPECT_EQ(kAuthzCoreHooks.hooks[1].rank, Rank::Last);
    ASSERT_EQ(kAccessCompatHooks.module, ModuleId::AccessCompat);
    ASSERT_EQ(kAccessCompatHooks.hooks.size(), 1u);
    EXPECT_EQ(kAccessCompatHooks.hooks[0].phase, Phase::CheckAccess);
    EXPECT_EQ(kAccessCompatHooks.hooks[0].rank, Rank::Middle);
}

TEST_F(AuthzHooksTest, NoRequireGrants)
{
    read("<Directory /srv>\nOptions None\n</Directory>\n");
    HandRequest h;
    EXPECT_EQ(userless(h, {}), 0);
    EXPECT_EQ(h.services.texts(),
              std::vector<std::string>{"AH01628: authorization result: granted (no directives)"});
}

TEST_F(AuthzHooksTest, DenialIs403WithAH01630)
{
    read("<Directory /srv>\nRequire all denied\n</Directory>\n");
    HandRequest h;
    h.services.threshold = LogLevel::Error;
    EXPECT_EQ(userless(h), 403);
    ASSERT_EQ(h.services.lines.size(), 1u);
    EXPECT_EQ(h.services.lines[0].module, ModuleId::AuthzCore);
    EXPECT_EQ(h.services.lines[0].level, LogLevel::Error);
    EXPECT_EQ(h.services.lines[0].text,
              "AH01630: client denied by server configuration: /srv/htdocs/sub/index.html");

    HandRequest no_file;
    no_file.services.threshold = LogLevel::Error;
    no_file.r.filename.clear();
    EXPECT_EQ(userless(no_file), 403);
    EXPECT_EQ(no_file.services.texts(),
              std::vector<std::string>{"AH01630: client denied by server configuration: uri /sub/index.html"});
}

TEST_F(AuthzHooksTest, AuthorizeUserGivesTheSameAnswersWithoutAuthType)
{
    read("<Directory /srv>\nRequire ip 127.0.0.1\n</Directory>\n");
    HandRequest in;
    in.r.config = loaded_.config.get();
    in.r.per_dir = walk({0});
    EXPECT_EQ(code_of(run_hook(kAuthzCoreHooks, Phase::CheckAuthz, in.r)), 0);
    HandRequest out("10.0.0.1");
    out.r.config = loaded_.config.get();
    out.r.per_dir = walk({0});
    EXPECT_EQ(code_of(run_hook(kAuthzCoreHooks, Phase::CheckAuthz, out.r)), 403);
    EXPECT_EQ(out.services.texts(LogLevel::Error),
              std::vector<std::string>{
                  "AH01630: client denied by server configuration: /srv/htdocs/sub/index.html"});
}

TEST_F(AuthzHooksTest, RequireLinesAreAlternatives)
{
    read("<Directory /srv>\nRequire ip 10.0.0.0/8\nRequire ip 127.0.0.1\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1"), 0);
    EXPECT_EQ(userless_from("10.9.9.9"), 0);
    EXPECT_EQ(userless_from("192.0.2.1"), 403);
}

TEST_F(AuthzHooksTest, RequireAllWithNegation)
{
    read("<Directory /srv>\n<RequireAll>\nRequire all granted\nRequire not ip 10.0.0.0/8\n"
         "</RequireAll>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1"), 0);
    EXPECT_EQ(userless_from("10.1.2.3"), 403);
}

TEST_F(AuthzHooksTest, RequireNoneInsideRequireAll)
{
    // Read with De Morgan's law into negated lines of the <RequireAll>.
    read("<Directory /srv>\n<RequireAll>\nRequire ip 127.0.0.0/8 10.0.0.0/8\n<RequireNone>\n"
         "Require ip 127.0.0.2\nRequire ip 10.0.0.0/16\n</RequireNone>\n</RequireAll>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1"), 0);
    EXPECT_EQ(userless_from("127.0.0.2"), 403);
    EXPECT_EQ(userless_from("10.0.5.5"), 403);
    EXPECT_EQ(userless_from("10.1.5.5"), 0);
    EXPECT_EQ(userless_from("192.0.2.1"), 403);
}

TEST_F(AuthzHooksTest, RequireAnyInsideRequireAll)
{
    read("<Directory /srv>\n<RequireAll>\nRequire not ip 127.0.0.2\n<RequireAny>\n"
         "Require ip 10.0.0.0/8\nRequire local\n</RequireAny>\n</RequireAll>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1"), 0);
    EXPECT_EQ(userless_from("127.0.0.2"), 403);
    EXPECT_EQ(userless_from("10.0.0.2"), 0);
    EXPECT_EQ(userless_from("192.0.2.1"), 403);
}

TEST_F(AuthzHooksTest, LimitAppliesToItsMethodsOnly)
{
    read("<Directory /srv>\n<Limit POST>\nRequire all denied\n</Limit>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}, 0), 0);
    EXPECT_EQ(userless_from("127.0.0.1", {0}, kPost), 403);
}

TEST_F(AuthzHooksTest, LimitExceptAppliesToTheOtherMethods)
{
    read("<Directory /srv>\n<LimitExcept GET>\nRequire ip 10.0.0.0/8\n</LimitExcept>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}, 0), 0);
    EXPECT_EQ(userless_from("127.0.0.1", {0}, kPost), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0}, kPost), 0);
}

TEST_F(AuthzHooksTest, LimitedLineBesideAnUnlimitedOne)
{
    // The lines are alternatives: the POST-only denial does not stop the
    // grant that applies to every method.
    read("<Directory /srv>\nRequire all granted\n<Limit POST>\nRequire all denied\n</Limit>\n"
         "</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}, kPost), 0);
    read("<Directory /srv>\nRequire ip 10.0.0.0/8\n<Limit POST>\nRequire all granted\n</Limit>\n"
         "</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}, 0), 403);
    EXPECT_EQ(userless_from("127.0.0.1", {0}, kPost), 0);
}

// ---- AuthMerging across nested sections -------------------------------------

const std::string kOuter = "<Directory /srv>\nRequire ip 127.0.0.1\n</Directory>\n";

TEST_F(AuthzHooksTest, InnerRequireReplacesByDefault)
{
    read(kOuter + "<Directory /srv/htdocs>\nRequire all denied\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}), 0);
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 403);
    read(kOuter + "<Directory /srv/htdocs>\nRequire all granted\n</Directory>\n");
    EXPECT_EQ(userless_from("10.0.0.1", {0}), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1}), 0);
}

TEST_F(AuthzHooksTest, InnerSectionWithoutRequireInherits)
{
    read(kOuter + "<Directory /srv/htdocs>\nOptions None\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 0);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1}), 403);
}

TEST_F(AuthzHooksTest, AuthMergingAnd)
{
    read(kOuter + "<Directory /srv/htdocs>\nAuthMerging And\nRequire ip 127.0.0.0/8 10.0.0.1\n"
                  "</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 0);
    EXPECT_EQ(userless_from("127.0.0.2", {0, 1}), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1}), 403);

    HandRequest h;
    h.services.threshold = LogLevel::Debug;
    EXPECT_EQ(userless(h, {0, 1}), 0);
    EXPECT_EQ(h.services.texts().back(), "AH01626: authorization result of AuthMerging All: granted");
}

TEST_F(AuthzHooksTest, AuthMergingOr)
{
    read(kOuter + "<Directory /srv/htdocs>\nAuthMerging Or\nRequire ip 10.0.0.1\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 0);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1}), 0);
    EXPECT_EQ(userless_from("10.0.0.2", {0, 1}), 403);
}

TEST_F(AuthzHooksTest, AuthMergingOff)
{
    read(kOuter + "<Directory /srv/htdocs>\nAuthMerging Off\nRequire ip 10.0.0.1\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1}), 0);
}

TEST_F(AuthzHooksTest, AuthMergingThreeLevels)
{
    // (ip 127.0.0.1 or ip 10.0.0.1) and (all granted and not ip 127.0.0.1)
    read(kOuter +
         "<Directory /srv/htdocs>\nAuthMerging Or\nRequire ip 10.0.0.1\n</Directory>\n"
         "<Directory /srv/htdocs/sub>\nAuthMerging And\n<RequireAll>\nRequire all granted\n"
         "Require not ip 127.0.0.1\n</RequireAll>\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1}), 0);
    EXPECT_EQ(userless_from("127.0.0.1", {0, 1, 2}), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0, 1, 2}), 0);
    EXPECT_EQ(userless_from("10.0.0.2", {0, 1, 2}), 403);
}

// ---- provider aliases ----------------------------------------------------------

TEST_F(AuthzHooksTest, AliasChecksTheAliasedProvider)
{
    read("<AuthzProviderAlias ip loopback-net 127.0.0.0/8>\n</AuthzProviderAlias>\n"
         "<Directory /srv>\n<RequireAll>\nRequire all granted\nRequire not loopback-net\n"
         "</RequireAll>\n</Directory>\n"
         "<Directory /srv/htdocs>\nRequire loopback-net\n</Directory>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}), 403);
    EXPECT_EQ(userless_from("10.0.0.1", {0}), 0);
    EXPECT_EQ(userless_from("127.0.0.1", {1}), 0);
    EXPECT_EQ(userless_from("10.0.0.1", {1}), 403);
}

TEST_F(AuthzHooksTest, LaterAliasOfTheSameNameWins)
{
    read("<AuthzProviderAlias ip net 10.0.0.0/8>\n</AuthzProviderAlias>\n"
         "<Directory /srv>\nRequire net\n</Directory>\n"
         "<AuthzProviderAlias ip net 127.0.0.1>\n</AuthzProviderAlias>\n");
    EXPECT_EQ(userless_from("127.0.0.1", {0}), 0);
    EXPECT_EQ(userless_from("10.0.0.1", {0}), 403);
}

}  // namespace
}  // namespace feather::test::authz

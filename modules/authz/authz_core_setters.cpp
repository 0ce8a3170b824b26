// Require, its containers, <AuthzProviderAlias>, AuthMerging and
// AuthzSendForbiddenOnFailure, with mod_authz_core's checks and messages.

#include "modules/authz/authz_core_setters.hpp"

#include <limits>

#include "modules/authz/authz_check.hpp"
#include "modules/authz/require_providers.hpp"
#include "parser/word.hpp"

namespace feather::mod::authz {

namespace {

using Kind = RequireNode::Kind;

// Where a Require line or a container goes: the container being walked, or
// the section's implicit <RequireAny> root, made on first use.
RequireNode& current_container(Cmd& cmd, AuthzCoreDirConfig& conf)
{
    if (cmd.require_container != nullptr) {
        return *cmd.require_container;
    }
    if (!conf.section) {
        conf.section.emplace();
        conf.section->kind = Kind::Any;
    }
    return *conf.section;
}

std::uint64_t methods_of(const Cmd& cmd) { return static_cast<std::uint64_t>(cmd.limited); }

bool only_negative(const RequireNode& container)
{
    for (const RequireNode& child : container.children) {
        if (!child.negated) {
            return false;
        }
    }
    return true;
}

// Adds a closed container to its parent the way httpd ends up with it.
// While reading, httpd splices a container into a parent of the same kind.
// Once the configuration is read (not for .htaccess files), it checks every
// container that remains for one holding only negative requirements
// (AH01624) and, by De Morgan, replaces a negated container whose kind
// differs from its parent's by its children, negated.
void attach(Cmd& cmd, RequireNode& parent, RequireNode&& section)
{
    parent.methods |= section.methods;
    if (!section.negated && section.kind == parent.kind) {
        for (RequireNode& child : section.children) {
            parent.children.push_back(std::move(child));
        }
        return;
    }
    if (!cmd.htaccess) {
        if (only_negative(section)) {
            note_negative_only(cmd, section.describe() +
                                        " directive contains only negative authorization directives");
        }
        if (section.negated && section.kind != parent.kind) {
            for (RequireNode& child : section.children) {
                child.negated = !child.negated;
                parent.children.push_back(std::move(child));
            }
            return;
        }
    }
    parent.children.push_back(std::move(section));
}

Status add_container(Cmd& cmd, const Args& args, Kind kind, bool negated)
{
    AuthzCoreDirConfig& conf = dir_conf<AuthzCoreDirConfig>(cmd);
    const std::string name(cmd.spec->name);
    const auto close = args.raw.rfind('>');
    if (close == std::string_view::npos) {
        return name + "> directive missing closing '>'";
    }
    if (close != 0) {
        return name + "> directive doesn't take additional arguments";
    }

    RequireNode section;
    section.kind = kind;
    section.negated = negated;
    section.loc = cmd.loc();

    Cmd inner = cmd;
    inner.require_container = &section;
    // httpd clears the top method bit so that directives refusing <Limit>
    // (<Files>, <If>...) refuse a container too.
    inner.limited = cmd.limited & std::numeric_limits<std::int64_t>::max();
    inner.override = Allow::AuthConfig;
    inner.sections.push_back(cmd.node);
    if (auto err = cmd.loader->walk(inner, cmd.node->children)) {
        return err;
    }

    if (section.children.empty()) {
        return section.describe() + " directive contains no authorization directives";
    }
    RequireNode& parent = current_container(cmd, conf);
    if (section.negated && parent.kind == Kind::Any) {
        return section.describe() + " directive has no effect in " + parent.describe() +
               " directive";
    }
    attach(cmd, parent, std::move(section));
    return std::nullopt;
}

}  // namespace

Status set_require(Cmd& cmd, const Args& args)
{
    AuthzCoreDirConfig& conf = dir_conf<AuthzCoreDirConfig>(cmd);
    std::string_view rest = args.raw;

    RequireNode node;
    node.kind = Kind::Provider;
    node.loc = cmd.loc();
    node.provider = parser::next_word(rest);
    if (directives::iequals(node.provider, "not")) {
        node.provider = parser::next_word(rest);
        node.negated = true;
    }
    node.args = std::string(rest);

    const auto kind = find_provider(cmd, node.provider);
    if (!kind) {
        return "Unknown Authz provider: " + node.provider;
    }
    node.methods = methods_of(cmd);
    if (auto err = parse_provider_args(cmd, *kind, node.provider, rest, node.rule)) {
        return err;
    }

    RequireNode& parent = current_container(cmd, conf);
    if (node.negated && parent.kind == Kind::Any) {
        return "negative " + std::string(cmd.spec->name) + " directive has no effect in " +
               parent.describe() + " directive";
    }
    parent.methods |= node.methods;
    parent.children.push_back(std::move(node));
    return std::nullopt;
}

Status section_require_all(Cmd& cmd, const Args& args)
{
    return add_container(cmd, args, Kind::All, false);
}

Status section_require_any(Cmd& cmd, const Args& args)
{
    return add_container(cmd, args, Kind::Any, false);
}

Status section_require_none(Cmd& cmd, const Args& args)
{
    return add_container(cmd, args, Kind::Any, true);
}

Status section_authz_provider_alias(Cmd& cmd, const Args& args)
{
    const std::string name(cmd.spec->name);
    const auto close = args.raw.rfind('>');
    if (close == std::string_view::npos) {
        return name + "> directive missing closing '>'";
    }
    std::string_view rest = args.raw.substr(0, close);
    if (rest.empty()) {
        return name + "> directive requires additional arguments";
    }
    const std::string provider = parser::next_word(rest);
    const std::string alias = parser::next_word(rest);
    const std::string provider_args = parser::next_word(rest);
    const std::string extra = parser::next_word(rest);
    if (provider.empty() || alias.empty()) {
        return name + "> directive requires additional arguments";
    }
    if (!extra.empty()) {
        cmd.loader->log(LogLevel::Warn, ModuleId::AuthzCore,
                        "AH10142: When several arguments (" + provider_args + " " + extra +
                            "...) are passed to a " + name +
                            " directive, they must be enclosed in quotation marks.  Otherwise, "
                            "only the first one is taken into account");
    }

    // The section's directives make a per-directory config of their own.
    const std::shared_ptr<DirConfigSet> settings = cmd.loader->new_empty_dir_config();
    Cmd inner = cmd;
    inner.dir = settings.get();
    inner.override = Allow::AuthConfig | Allow::AccessConf;
    inner.require_container = nullptr;
    inner.sections.push_back(cmd.node);
    if (auto err = cmd.loader->walk(inner, cmd.node->children)) {
        return err;
    }

    // The provider is looked up only now, after the section's body.
    const auto kind = find_provider(cmd, provider);
    if (!kind) {
        return "Unknown Authz provider: " + provider;
    }
    ProviderAlias rec;
    rec.provider = provider;
    rec.args = provider_args;
    rec.settings = settings;
    rec.loc = cmd.loc();
    if (auto err = parse_provider_args(cmd, *kind, provider, provider_args, rec.rule)) {
        return "Can't parse 'Require " + provider + " " + provider_args + "': " + *err;
    }
    main_conf<AuthzCoreServerConfig>(cmd).aliases.insert_or_assign(alias, std::move(rec));
    return std::nullopt;
}

Status set_auth_merging(Cmd& cmd, const Args& args)
{
    AuthzCoreDirConfig& conf = dir_conf<AuthzCoreDirConfig>(cmd);
    const std::string& v = args[0];
    if (directives::iequals(v, "Off")) {
        conf.merging.set(AuthMerging::Off, cmd.loc());
    } else if (directives::iequals(v, "And")) {
        conf.merging.set(AuthMerging::And, cmd.loc());
    } else if (directives::iequals(v, "Or")) {
        conf.merging.set(AuthMerging::Or, cmd.loc());
    } else {
        return std::string(cmd.spec->name) + " must be one of: Off | And | Or";
    }
    return std::nullopt;
}

Status set_authz_send_forbidden_on_failure(Cmd& cmd, const Args& args)
{
    dir_conf<AuthzCoreDirConfig>(cmd).forbidden_on_failure.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::authz

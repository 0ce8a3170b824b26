#include "modules/authz/require_providers.hpp"

#include <string>
#include <vector>

#include "modules/authz/expr_string.hpp"
#include "parser/word.hpp"

namespace feather::mod::authz {

namespace {

// The words of a provider line as its loops read them: they stop at the
// first empty word, so an empty quoted word ("") ends the list.
std::vector<std::string> words_until_empty(std::string_view text)
{
    std::vector<std::string> words;
    for (std::string w = parser::next_word(text); !w.empty(); w = parser::next_word(text)) {
        words.push_back(std::move(w));
    }
    return words;
}

Status parse_all(std::string_view args, ProviderRule& rule)
{
    // The whole text is compared, so quotes or a second word are errors.
    if (directives::iequals(args, "granted")) {
        rule = AllRule{true};
    } else if (directives::iequals(args, "denied")) {
        rule = AllRule{false};
    } else {
        return "Argument for 'Require all' must be 'granted' or 'denied'";
    }
    return std::nullopt;
}

Status parse_method(Cmd& cmd, std::string_view args, ProviderRule& rule)
{
    const auto& registered = main_conf<core::CoreServerConfig>(cmd).registered_methods;
    MethodRule r;
    for (const std::string& w : words_until_empty(args)) {
        const auto number = method_number(w, registered);
        if (!number) {
            return "Invalid Method '" + w + "'";
        }
        r.methods |= method_bit(*number);
    }
    rule = r;
    return std::nullopt;
}

Status parse_ip(std::string_view args, ProviderRule& rule)
{
    const std::vector<std::string> words = words_until_empty(args);
    if (words.empty()) {
        return "'require ip' requires an argument";
    }
    IpRule r;
    for (const std::string& w : words) {
        const std::string_view text = w;
        const auto slash = text.find('/');
        const auto parsed = slash == std::string_view::npos
                                ? parse_ip_network(text, std::nullopt)
                                : parse_ip_network(text.substr(0, slash), text.substr(slash + 1));
        if (const auto* err = std::get_if<IpParseError>(&parsed)) {
            if (*err == IpParseError::NotAnAddress) {
                return "ip address '" + w + "' appears to be invalid";
            }
            return "ip address '" + w + "' appears to be invalid: " + std::string(error_text(*err));
        }
        r.networks.push_back(std::get<IpNetwork>(parsed));
    }
    rule = std::move(r);
    return std::nullopt;
}

// host and forward-dns read their line as an ap_expr string.
Status expr_string(std::string_view args, std::string& value)
{
    ExprString v = evaluate_literal_string(args);
    if (!v.value) {
        return "Cannot parse expression in require line: " + v.error;
    }
    value = std::move(*v.value);
    return std::nullopt;
}

Status parse_host(std::string_view args, ProviderRule& rule)
{
    HostRule r;
    if (auto err = expr_string(args, r.line)) {
        return err;
    }
    std::string_view names = r.line;
    if (const auto hash = names.find('#'); hash != std::string_view::npos) {
        r.comment = hash == 0 ? HostRule::Comment::Only : HostRule::Comment::Trailing;
        names = names.substr(0, hash);
    }
    r.names = words_until_empty(names);
    rule = std::move(r);
    return std::nullopt;
}

Status parse_forward_dns(std::string_view args, ProviderRule& rule)
{
    std::string line;
    if (auto err = expr_string(args, line)) {
        return err;
    }
    ForwardDnsRule r;
    for (std::string& w : words_until_empty(line)) {
        // A '#' ends the list; the text before it in its word still counts.
        const auto hash = w.find('#');
        if (hash == 0) {
            break;
        }
        if (hash != std::string::npos) {
            w.resize(hash);
            r.names.push_back(std::move(w));
            break;
        }
        r.names.push_back(std::move(w));
    }
    rule = std::move(r);
    return std::nullopt;
}

}  // namespace

std::optional<ProviderKind> find_provider(Cmd& cmd, std::string_view name)
{
    if (main_conf<AuthzCoreServerConfig>(cmd).aliases.contains(name)) {
        return ProviderKind::Alias;
    }
    struct Known {
        std::string_view name;
        ProviderKind kind;
        ModuleId module;
    };
    static constexpr Known kKnown[] = {
        {"env", ProviderKind::Env, ModuleId::AuthzCore},
        {"all", ProviderKind::All, ModuleId::AuthzCore},
        {"method", ProviderKind::Method, ModuleId::AuthzCore},
        {"expr", ProviderKind::Expr, ModuleId::AuthzCore},
        {"ip", ProviderKind::Ip, ModuleId::AuthzHost},
        {"host", ProviderKind::Host, ModuleId::AuthzHost},
        {"forward-dns", ProviderKind::ForwardDns, ModuleId::AuthzHost},
        {"local", ProviderKind::Local, ModuleId::AuthzHost},
    };
    for (const Known& k : kKnown) {
        if (k.name == name && cmd.loader->modules().contains(k.module)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

Status parse_provider_args(Cmd& cmd, ProviderKind kind, std::string_view name,
                           std::string_view args, ProviderRule& rule)
{
    switch (kind) {
    case ProviderKind::All:
        return parse_all(args, rule);
    case ProviderKind::Env:
        rule = EnvRule{words_until_empty(args)};
        return std::nullopt;
    case ProviderKind::Method:
        return parse_method(cmd, args, rule);
    case ProviderKind::Expr:
        return "Require expr is not supported: Feather does not support ap_expr yet";
    case ProviderKind::Ip:
        return parse_ip(args, rule);
    case ProviderKind::Host:
        return parse_host(args, rule);
    case ProviderKind::ForwardDns:
        return parse_forward_dns(args, rule);
    case ProviderKind::Local:
        rule = LocalRule{};
        return std::nullopt;
    case ProviderKind::Alias:
        rule = AliasRule{std::string(name)};
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace feather::mod::authz

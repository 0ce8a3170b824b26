// negotiation_module's setters (httpd's mod_negotiation.c
// cache_negotiated_docs, set_language_priority, set_force_priority).

#include "modules/negotiation/negotiation_setters.hpp"

#include "modules/negotiation/negotiation_config.hpp"

namespace feather::mod::negotiation {

namespace {

using directives::iequals;

}  // namespace

Status set_cache_negotiated_docs(Cmd& cmd, const Args& args)
{
    auto& setting = server_conf<NegotiationServerConfig>(cmd).cache_negotiated_docs;
    if (args.flag) {
        setting.set(true, cmd.loc());
    } else {
        setting = {};  // httpd stores nothing for Off (see the config's comment)
    }
    return std::nullopt;
}

Status set_language_priority(Cmd& cmd, const Args& args)
{
    auto& setting = dir_conf<NegotiationDirConfig>(cmd).language_priority;
    std::vector<std::string> list = setting.get_or({});
    list.push_back(args[0]);
    setting.set(std::move(list), cmd.loc());
    return std::nullopt;
}

// The checks look only at what this section said before (its lines
// accumulate); "None" then replaces, the others add.
Status set_force_language_priority(Cmd& cmd, const Args& args)
{
    auto& setting = dir_conf<NegotiationDirConfig>(cmd).force_language_priority;
    ForceLanguagePriority flp = setting.get_or({});
    const std::string& word = args[0];
    if (iequals(word, "None")) {
        if (flp.prefer || flp.fallback) {
            return "Cannot combine ForceLanguagePriority options with None";
        }
        flp = {.none = true};
    } else if (iequals(word, "Prefer")) {
        if (flp.none) {
            return "Cannot combine ForceLanguagePriority options None and Prefer";
        }
        flp.prefer = true;
    } else if (iequals(word, "Fallback")) {
        if (flp.none) {
            return "Cannot combine ForceLanguagePriority options None and Fallback";
        }
        flp.fallback = true;
    } else {
        return "Invalid ForceLanguagePriority option " + word;
    }
    setting.set(flp, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::negotiation

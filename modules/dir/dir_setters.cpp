// dir_module's setters (httpd's mod_dir.c add_index, configure_slash,
// configure_checkhandler, configure_redirect).

#include "modules/dir/dir_setters.hpp"

#include <cctype>
#include <cstdlib>

#include "modules/dir/dir_config.hpp"
#include "parser/word.hpp"

namespace feather::mod::dir {

namespace {

using directives::iequals;

}  // namespace

Status set_fallback_resource(Cmd& cmd, const Args& args)
{
    dir_conf<DirConfig>(cmd).fallback.set(args[0], cmd.loc());
    return std::nullopt;
}

// httpd reads words until the first empty one. "disabled" as the only word
// empties the section's list (earlier lines included); anywhere else it is
// an ordinary file name.
Status set_directory_index(Cmd& cmd, const Args& args)
{
    auto& names = dir_conf<DirConfig>(cmd).index_names;
    std::vector<std::string> list = names.get_or({});
    std::string_view rest = args.raw;
    bool first = true;
    for (std::string w = parser::next_word(rest); !w.empty(); w = parser::next_word(rest)) {
        if (first && iequals(w, "disabled")) {
            std::string_view peek = rest;
            if (parser::next_word(peek).empty()) {
                list.clear();
                break;
            }
        }
        list.push_back(std::move(w));
        first = false;
    }
    // Even a line without words sets the (then empty) list, as httpd
    // creates the array before reading the words.
    names.set(std::move(list), cmd.loc());
    return std::nullopt;
}

Status set_directory_slash(Cmd& cmd, const Args& args)
{
    dir_conf<DirConfig>(cmd).slash.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_directory_check_handler(Cmd& cmd, const Args& args)
{
    dir_conf<DirConfig>(cmd).check_handler.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_directory_index_redirect(Cmd& cmd, const Args& args)
{
    const std::string& arg = args[0];
    int status = 0;
    if (iequals(arg, "on") || iequals(arg, "temp")) {
        status = 302;
    } else if (iequals(arg, "off")) {
        status = 0;
    } else if (iequals(arg, "permanent")) {
        status = 301;
    } else if (iequals(arg, "seeother")) {
        status = 303;
    } else if (std::isdigit(static_cast<unsigned char>(arg[0]))) {
        // httpd's atoi: the leading digits, so "301x" is 301.
        status = static_cast<int>(std::strtol(arg.c_str(), nullptr, 10));
        if (status < 300 || status > 399) {
            return "DirectoryIndexRedirect only accepts values between 300 and 399";
        }
    } else {
        return "DirectoryIndexRedirect ON|OFF|permanent|temp|seeother|3xx";
    }
    dir_conf<DirConfig>(cmd).index_redirect.set(status, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::dir

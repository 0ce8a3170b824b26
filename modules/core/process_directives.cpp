// mod_core's process-wide directives (GLOBAL_ONLY in httpd): PidFile,
// ScoreBoardFile, Mutex, per-child limits, ServerTokens, RegexDefaultOptions.

#include <cerrno>
#include <cstdlib>

#include "directives/regex.hpp"
#include "directives/registry.hpp"
#include "modules/core/core_config.hpp"
#include "modules/core/core_setters.hpp"
#include "modules/core/core_values.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

CoreServerConfig& global(Cmd& cmd) { return main_conf<CoreServerConfig>(cmd); }

constexpr const char* kMutexMechanisms =
    "Mutex mechanisms are: 'none', 'default', 'flock:/path/to/file', 'fcntl:/path/to/file', "
    "'file:/path/to/file', 'pthread', 'sysvsem', 'posixsem', 'sem'";

// The mutex types registered before the configuration is read: the default
// (ap_mutex_init), the MPM's accept mutex, and mod_watchdog's (built into
// Debian's httpd). None of them allows "none".
bool known_mutex_type(std::string_view type)
{
    return type == "default" || type == "mpm-accept" || type == "watchdog-callback";
}

// strtol for MaxMemFree and ThreadStackSize: nullopt when negative or out of
// range; junk reads as 0.
std::optional<long> parse_nonnegative_long(const std::string& arg)
{
    errno = 0;
    const long v = std::strtol(arg.c_str(), nullptr, 10);
    if (v < 0 || errno == ERANGE) {
        return std::nullopt;
    }
    return v;
}

}  // namespace

Status set_mutex(Cmd& cmd, const Args& args)
{
    std::string_view rest = args.raw;
    const std::string mechdir = parser::next_word(rest);
    if (mechdir.empty()) {
        return std::string("Mutex requires at least a mechanism argument (") + kMutexMechanisms +
               ")";
    }

    // ap_parse_mutex: "mechanism[:file]".
    std::string meth = mechdir;
    std::optional<std::string> file;
    if (const auto colon = meth.find(':'); colon != std::string::npos) {
        if (colon + 1 < meth.size()) {
            file = meth.substr(colon + 1);
        }
        meth.erase(colon);
    }
    bool none = false;
    MutexMechanism mech = MutexMechanism::Default;
    std::optional<std::string> dir;
    if (iequals(meth, "none") || iequals(meth, "no")) {
        none = true;
    } else {
        if (iequals(meth, "default") || iequals(meth, "yes")) {
            mech = MutexMechanism::Default;
        } else if (iequals(meth, "fcntl") || iequals(meth, "file")) {
            mech = MutexMechanism::Fcntl;
        } else if (iequals(meth, "flock")) {
            mech = MutexMechanism::Flock;
        } else if (iequals(meth, "posixsem") || iequals(meth, "sem")) {
            // Semaphores are not files: the name is kept as given.
            mech = MutexMechanism::PosixSem;
            dir = file;
            file.reset();
        } else if (iequals(meth, "sysvsem")) {
            mech = MutexMechanism::SysvSem;
        } else if (iequals(meth, "pthread")) {
            mech = MutexMechanism::Pthread;
        } else {
            return "Invalid Mutex argument " + mechdir + " (" + kMutexMechanisms + ")";
        }
        if (file) {
            dir = cmd.loader->server_root_relative(*file);
        }
        if (dir && !is_directory(*dir)) {
            return "Invalid Mutex directory in argument " + mechdir;
        }
    }

    bool omit_pid = false;
    std::vector<std::string> types;
    while (!rest.empty()) {
        std::string s = parser::next_word(rest);
        if (iequals(s, "omitpid")) {
            omit_pid = true;
        } else {
            types.push_back(std::move(s));
        }
    }
    if (types.empty()) {
        types.emplace_back("default");
    }

    // httpd pops the types off the end of the list.
    auto& mutexes = global(cmd).mutexes;
    for (auto it = types.rbegin(); it != types.rend(); ++it) {
        if (!known_mutex_type(*it)) {
            return "Mutex type " + *it + " is not valid";
        }
        MutexSetting& m = mutexes[*it];
        m.none = false;
        m.omit_pid = omit_pid;
        if (none) {
            return "None is not allowed for mutex type " + *it;
        }
        m.mechanism = mech;
        if (dir) {
            m.directory = dir;  // otherwise the earlier (or default) one stays
        }
    }
    return std::nullopt;
}

Status set_score_board_file(Cmd& cmd, const Args& args)
{
    global(cmd).scoreboard_file.set(cmd.loader->server_root_relative(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_extended_status(Cmd& cmd, const Args& args)
{
    global(cmd).extended_status.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_see_request_tail(Cmd& cmd, const Args& args)
{
    global(cmd).see_request_tail.set(args.flag, cmd.loc());
    return std::nullopt;
}

Status set_pid_file(Cmd& cmd, const Args& args)
{
    global(cmd).pid_file.set(cmd.loader->server_root_relative(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_max_requests_per_child(Cmd& cmd, const Args& args)
{
    cmd.loader->log(
        LogLevel::Info, ModuleId::Core,
        "AH00545: MaxRequestsPerChild is deprecated, use MaxConnectionsPerChild instead.");
    return set_max_connections_per_child(cmd, args);
}

Status set_max_connections_per_child(Cmd& cmd, const Args& args)
{
    global(cmd).max_connections_per_child.set(c_atoi(args[0]), cmd.loc());
    return std::nullopt;
}

Status set_core_dump_directory(Cmd& cmd, const Args& args)
{
    const std::string fname = cmd.loader->server_root_relative(args[0]);
    struct stat st {};
    if (::stat(fname.c_str(), &st) != 0) {
        return "CoreDumpDirectory " + fname + " does not exist";
    }
    if (!S_ISDIR(st.st_mode)) {
        return "CoreDumpDirectory " + fname + " is not a directory";
    }
    global(cmd).core_dump_directory.set(fname, cmd.loc());
    return std::nullopt;
}

Status set_max_mem_free(Cmd& cmd, const Args& args)
{
    const auto v = parse_nonnegative_long(args[0]);
    if (!v) {
        return "Invalid MaxMemFree value: " + args[0];
    }
    // KiB, turned into bytes in 32 bits as httpd does.
    global(cmd).max_mem_free.set(static_cast<std::uint32_t>(*v) * 1024u, cmd.loc());
    return std::nullopt;
}

Status set_thread_stack_size(Cmd& cmd, const Args& args)
{
    const auto v = parse_nonnegative_long(args[0]);
    if (!v) {
        return "Invalid ThreadStackSize value: " + args[0];
    }
    global(cmd).thread_stack_size.set(static_cast<std::uint64_t>(*v), cmd.loc());
    return std::nullopt;
}

Status set_server_tokens(Cmd& cmd, const Args& args)
{
    const std::string& a = args[0];
    ServerTokens v;
    if (iequals(a, "OS")) {
        v = ServerTokens::OS;
    } else if (iequals(a, "Min") || iequals(a, "Minimal")) {
        v = ServerTokens::Minimal;
    } else if (iequals(a, "Major")) {
        v = ServerTokens::Major;
    } else if (iequals(a, "Minor")) {
        v = ServerTokens::Minor;
    } else if (iequals(a, "Prod") || iequals(a, "ProductOnly")) {
        v = ServerTokens::Prod;
    } else if (iequals(a, "Full")) {
        v = ServerTokens::Full;
    } else {
        return "ServerTokens takes 1 argument: 'Prod(uctOnly)', 'Major', 'Minor', 'Min(imal)', "
               "'OS', or "
               "'Full'";
    }
    global(cmd).server_tokens.set(v, cmd.loc());
    return std::nullopt;
}

Status set_regex_default_options(Cmd& cmd, const Args& args)
{
    auto& conf = global(cmd);
    unsigned flags = regex_default_flags(conf);
    std::string_view rest = args.raw;
    while (!rest.empty()) {
        std::string name = parser::next_word(rest);
        if (iequals(name, "none")) {
            flags = 0;
            continue;
        }
        int how = 0;
        if (!name.empty() && (name.front() == '+' || name.front() == '-')) {
            how = name.front() == '+' ? 1 : -1;
            name.erase(0, 1);
        }
        // ap_regcomp_default_cflag_by_name; EXTENDED is a no-op flag (0) in
        // httpd and so reads as unknown.
        unsigned flag = 0;
        if (iequals(name, "ICASE")) {
            flag = Regex::kCaseless;
        } else if (iequals(name, "DOTALL")) {
            flag = Regex::kDotAll;
        } else if (iequals(name, "DOLLAR_ENDONLY")) {
            flag = Regex::kDollarEndOnly;
        }
        if (flag == 0) {
            return std::string(cmd.spec->name) + ": option '" + name + "' unknown";
        }
        if (how > 0) {
            flags |= flag;
        } else if (how < 0) {
            flags &= ~flag;
        } else {
            flags = flag;
        }
    }
    conf.regex_default_options.set(flags, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core

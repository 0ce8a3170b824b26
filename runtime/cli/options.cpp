#include "runtime/cli/options.hpp"

#include <array>

#include "runtime/cli/getopt.hpp"

namespace feather::runtime {

std::string usage_text(const std::string& program_path)
{
    const std::string pad(program_path.size(), ' ');
    std::string s;
    s += "Usage: " + program_path + " [-D name] [-d directory] [-f file]\n";
    s += "       " + pad + " [-C \"directive\"] [-c \"directive\"]\n";
    s += "       " + pad + " [-k start|restart|graceful|graceful-stop|stop]\n";
    s += "       " + pad + " [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]\n";
    s += "Options:\n";
    s += "  -D name            : define a name for use in <IfDefine name> directives\n";
    s += "  -d directory       : specify an alternate initial ServerRoot\n";
    s += "  -f file            : specify an alternate ServerConfigFile\n";
    s += "  -C \"directive\"     : process directive before reading config files\n";
    s += "  -c \"directive\"     : process directive after reading config files\n";
    s += "  -e level           : show startup errors of level (see LogLevel)\n";
    s += "  -E file            : log startup errors to file\n";
    s += "  -v                 : show version number\n";
    s += "  -V                 : show compile settings\n";
    s += "  -h                 : list available command line options (this page)\n";
    s += "  -l                 : list compiled in modules\n";
    s += "  -L                 : list available configuration directives\n";
    s += "  -t -D DUMP_VHOSTS  : show parsed vhost settings\n";
    s += "  -t -D DUMP_RUN_CFG : show parsed run settings\n";
    s += "  -S                 : a synonym for -t -D DUMP_VHOSTS -D DUMP_RUN_CFG\n";
    s += "  -t -D DUMP_MODULES : show all loaded modules \n";
    s += "  -M                 : a synonym for -t -D DUMP_MODULES\n";
    s += "  -t -D DUMP_INCLUDES: show all included configuration files\n";
    s += "  -t                 : run syntax check for config files\n";
    s += "  -T                 : start without DocumentRoot(s) check\n";
    s += "  -X                 : debug mode (only one worker, do not detach)\n";
    return s;
}

namespace {

// httpd's AP_SERVER_BASEARGS.
constexpr std::string_view kBaseArgs = "C:c:D:d:E:e:f:vVlLtTSMh?X";

bool is_signal_word(std::string_view w)
{
    constexpr std::array<std::string_view, 5> kWords = {"start", "stop", "restart", "graceful",
                                                        "graceful-stop"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// httpd's Unix MPMs take "-k <word>" out of argv before main() reads it
// (ap_mpm_rewrite_args): the first -k with a known word is kept aside, every
// other flag is passed on, and at the first word that is not an option (or
// the first bad flag, backing up one word) the rest is copied unread. A -k
// left in argv is then an illegal option for main().
std::vector<std::string> take_signal(const std::vector<std::string>& argv,
                                     std::optional<std::string>& signal)
{
    std::vector<std::string> out;
    out.push_back(argv.empty() ? std::string("feather") : argv.front());
    OptionScanner scan(argv, "k:" + std::string(kBaseArgs));
    OptionScanner::Result r;
    while ((r = scan.next()).status == OptionScanner::Status::Option) {
        if (r.letter == 'k' && !signal && is_signal_word(*r.value)) {
            signal = *r.value;
            continue;
        }
        out.push_back(std::string("-") + r.letter);
        if (r.value) {
            out.push_back(*r.value);
        }
    }
    if (r.status == OptionScanner::Status::Bad) {
        scan.back();
    }
    for (std::size_t i = scan.index(); i < argv.size(); ++i) {
        out.push_back(argv[i]);
    }
    return out;
}

bool is_dump_define(std::string_view name)
{
    return name == "DUMP_VHOSTS" || name == "DUMP_RUN_CFG" || name == "DUMP_MODULES" ||
           name == "DUMP_INCLUDES";
}

}  // namespace

CliOptions parse_command_line(int argc, const char* const argv[])
{
    std::vector<std::string> words;
    for (int i = 0; i < argc; ++i) {
        words.emplace_back(argv[i] != nullptr ? argv[i] : "");
    }
    return parse_command_line(words);
}

// main()'s getopt loop (server/main.c): each flag acts in the order given;
// -v, -l and -h end the parse at once.
CliOptions parse_command_line(const std::vector<std::string>& argv)
{
    CliOptions out;
    if (!argv.empty()) {
        out.program_path = argv.front();
        out.program = program_short_name(argv.front());
    }
    OptionScanner scan(take_signal(argv, out.signal), kBaseArgs);
    bool dump = false;
    OptionScanner::Result r;
    while ((r = scan.next()).status == OptionScanner::Status::Option) {
        const std::string value = r.value.value_or(std::string());
        switch (r.letter) {
        case 'c': out.post_directives.push_back(value); break;
        case 'C': out.pre_directives.push_back(value); break;
        case 'd': out.server_root = value; break;
        case 'D':
            out.defines.push_back(value);
            dump = dump || is_dump_define(value);
            break;
        case 'e':
            out.startup_log_level = parse_log_level(value);
            if (!out.startup_log_level) {
                out.usage = true;
                return out;
            }
            break;
        case 'E': out.startup_error_log = value; break;
        case 'X':
            out.debug_single_process = true;
            out.defines.emplace_back("DEBUG");
            break;
        case 'f': out.config_file = value; break;
        case 'v': out.show_version = true; return out;
        case 'l': out.list_modules = true; return out;
        case 'L':
            out.list_directives = true;
            dump = true;
            break;
        case 't':
            if (!dump) {
                out.mode = RunMode::ConfigTest;
            }
            break;
        case 'T': out.no_document_root_check = true; break;
        case 'S':
            dump = true;
            out.defines.emplace_back("DUMP_VHOSTS");
            out.defines.emplace_back("DUMP_RUN_CFG");
            break;
        case 'M':
            dump = true;
            out.defines.emplace_back("DUMP_MODULES");
            break;
        case 'V':
            // Every MPM is a module switched on by LoadModule, so -V reads
            // the configuration to name it (httpd with a shared MPM).
            out.show_compile_settings = true;
            dump = true;
            break;
        case 'h':
        case '?': out.usage = true; return out;
        default: break;
        }
    }
    if (dump) {
        out.mode = RunMode::ConfigDump;
    }
    if (r.status == OptionScanner::Status::Bad) {
        out.usage = true;
        out.usage_error = r.message;
    } else if (scan.index() < scan.argv().size()) {
        out.usage = true;  // a word that is not an option
    }
    return out;
}

}  // namespace feather::runtime

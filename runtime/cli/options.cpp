#include "runtime/cli/options.hpp"

#include <boost/program_options.hpp>

#include <algorithm>

namespace feather::runtime {

namespace po = boost::program_options;

std::string usage_text(const std::string& program)
{
    const std::string pad(program.size(), ' ');
    std::string s;
    s += "Usage: " + program + " [-D name] [-d directory] [-f file]\n";
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

CliOptions parse_command_line(int argc, const char* const argv[])
{
    CliOptions out;
    if (argc > 0 && argv[0] != nullptr) {
        std::string p = argv[0];
        out.program = p.substr(p.rfind('/') + 1);
    }

    // Flags are handled in the order given, as httpd's getopt loop does:
    // the run mode depends on it (-t then -D DUMP_VHOSTS is a dump).
    po::options_description desc;
    desc.add_options()
        (",C", po::value<std::vector<std::string>>()->composing())
        (",c", po::value<std::vector<std::string>>()->composing())
        (",D", po::value<std::vector<std::string>>()->composing())
        (",d", po::value<std::string>())
        (",E", po::value<std::string>())
        (",e", po::value<std::string>())
        (",f", po::value<std::string>())
        (",k", po::value<std::string>())
        (",v", po::bool_switch())
        (",V", po::bool_switch())
        (",l", po::bool_switch())
        (",L", po::bool_switch())
        (",t", po::bool_switch())
        (",T", po::bool_switch())
        (",S", po::bool_switch())
        (",M", po::bool_switch())
        (",X", po::bool_switch())
        (",h", po::bool_switch());

    std::vector<po::option> parsed;
    try {
        const auto style = po::command_line_style::allow_short | po::command_line_style::short_allow_adjacent |
                           po::command_line_style::short_allow_next | po::command_line_style::allow_dash_for_short |
                           po::command_line_style::allow_sticky;
        parsed = po::command_line_parser(argc, argv).options(desc).style(style).run().options;
    } catch (const po::error&) {
        out.usage = true;
        return out;
    }

    auto dump = [&] { out.mode = RunMode::ConfigDump; };
    for (const po::option& opt : parsed) {
        if (opt.unregistered || opt.position_key >= 0) {
            out.usage = true;  // stray words after the options
            return out;
        }
        const std::string& key = opt.string_key;
        const std::string value = opt.value.empty() ? std::string() : opt.value.front();
        if (key == "-C") {
            out.pre_directives.push_back(value);
        } else if (key == "-c") {
            out.post_directives.push_back(value);
        } else if (key == "-D") {
            out.defines.push_back(value);
            if (value == "DUMP_VHOSTS" || value == "DUMP_RUN_CFG" || value == "DUMP_MODULES" ||
                value == "DUMP_INCLUDES") {
                dump();
            }
        } else if (key == "-d") {
            out.server_root = value;
        } else if (key == "-E") {
            out.startup_error_log = value;
        } else if (key == "-e") {
            out.startup_log_level = value;
        } else if (key == "-f") {
            out.config_file = value;
        } else if (key == "-k") {
            out.signal = value;
        } else if (key == "-v") {
            out.show_version = true;
            return out;  // httpd acts on -v at once
        } else if (key == "-V") {
            out.show_compile_settings = true;
            return out;
        } else if (key == "-l") {
            out.list_modules = true;
            return out;
        } else if (key == "-L") {
            out.list_directives = true;
            dump();
        } else if (key == "-t") {
            if (out.mode == RunMode::Normal) {
                out.mode = RunMode::ConfigTest;
            }
        } else if (key == "-T") {
            out.no_document_root_check = true;
        } else if (key == "-S") {
            dump();
            out.defines.emplace_back("DUMP_VHOSTS");
            out.defines.emplace_back("DUMP_RUN_CFG");
        } else if (key == "-M") {
            dump();
            out.defines.emplace_back("DUMP_MODULES");
        } else if (key == "-X") {
            out.debug_single_process = true;
            out.defines.emplace_back("DEBUG");
        } else if (key == "-h") {
            out.usage = true;
            return out;
        }
    }
    return out;
}

}  // namespace feather::runtime

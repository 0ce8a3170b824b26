// feather_docgen: writes feather.conf(5) from the directive registry.
//
//   feather_docgen --tsv man/directives.tsv --template man/feather.conf.5.in
//                  --version 0.1.0 (--output FILE | --check FILE)
//
// --check exits 1 when FILE differs from what would be generated (the
// checked-in page is stale: rebuild the `man_pages` target).

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "modules/all_modules.hpp"
#include "tools/docgen/man_page.hpp"

namespace {

bool read_file(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int usage()
{
    std::cerr << "usage: feather_docgen --tsv FILE --template FILE --version V [--output FILE | "
                 "--check FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char* argv[])
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) {
        args[argv[i]] = argv[i + 1];
    }
    if (argc % 2 == 0 || !args.count("--tsv") || !args.count("--template") ||
        !args.count("--version")) {
        return usage();
    }
    std::string tsv;
    std::string page_template;
    if (!read_file(args["--tsv"], tsv) || !read_file(args["--template"], page_template)) {
        std::cerr << "feather_docgen: cannot read " << args["--tsv"] << " or " << args["--template"]
                  << "\n";
        return 2;
    }
    std::string missing;
    const std::string page = feather::docgen::render_man_page(
        feather::mod::registry(), feather::docgen::parse_doc_table(tsv), page_template,
        args["--version"], missing);
    if (!missing.empty()) {
        std::cerr << "feather_docgen: not in " << args["--tsv"]
                  << " (context taken from the registry):\n"
                  << missing;
    }
    if (args.count("--check")) {
        std::string current;
        if (!read_file(args["--check"], current) || current != page) {
            std::cerr << "feather_docgen: " << args["--check"]
                      << " is not what the registry generates; rebuild the man_pages target and "
                         "commit it\n";
            return 1;
        }
        return 0;
    }
    if (args.count("--output")) {
        std::ofstream out(args["--output"], std::ios::binary);
        out << page;
        return out ? 0 : 2;
    }
    std::cout << page;
    return 0;
}

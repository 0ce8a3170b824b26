#include "modules/mime/mime_types.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "modules/config_sets.hpp"
#include "modules/mime/mime_config.hpp"
#include "parser/word.hpp"

namespace feather::mod::mime {

namespace {

// httpd reads with an 8192-byte buffer (MAX_STRING_LEN): a line that does
// not fit stops the reading.
constexpr std::size_t kMaxLine = 8192;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && parser::is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && parser::is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// The next logical line (ap_cfg_getline): a physical line ending in
// "\\\n" or "\\\r\n" continues on the next one. False at the end of the
// text, or when the line does not fit httpd's buffer.
bool next_line(std::string_view& text, std::string& line)
{
    line.clear();
    if (text.empty()) {
        return false;
    }
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view piece = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (line.size() + piece.size() >= kMaxLine - 1) {
            return false;
        }
        std::string_view body = piece;
        if (nl != std::string_view::npos && !body.empty() && body.back() == '\r') {
            body.remove_suffix(1);
        }
        if (nl != std::string_view::npos && !body.empty() && body.back() == '\\') {
            body.remove_suffix(1);
            line.append(body);
            continue;
        }
        line.append(piece);
        return true;
    }
    return true;
}

}  // namespace

TypesTable parse_types(std::string_view text)
{
    TypesTable table;
    std::string line;
    while (next_line(text, line)) {
        std::string_view rest = trim(line);
        if (!rest.empty() && rest.front() == '#') {
            continue;
        }
        const std::string type = parser::next_word(rest);
        while (!rest.empty()) {
            table.by_extension[lower(parser::next_word(rest))] = type;
        }
    }
    return table;
}

std::optional<TypesTable> read_types_file(const std::string& path, std::string& error)
{
    auto fail = [&](int err) {
        error = "(" + std::to_string(err) + ")" + std::strerror(err) +
                ": AH01597: could not open mime types config file " + path + ".";
        return std::nullopt;
    };
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return fail(errno);
    }
    // ap_pcfg_openfile refuses what is not a regular file (but /dev/null).
    if (!S_ISREG(st.st_mode) && path != "/dev/null") {
        return fail(EBADF);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(errno != 0 ? errno : EACCES);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_types(text.str());
}

std::string types_config_path(const directives::Config& config)
{
    return get<MimeServerConfig>(*config.main_server().modules)
        .types_config.get_or(kDefaultTypesConfig);
}

bool load_types_config(const directives::Config& config, ModuleStates& states, PostConfigContext&,
                       std::string& error)
{
    if (!config.modules.contains(ModuleId::Mime)) {
        return true;
    }
    auto table = read_types_file(types_config_path(config), error);
    if (!table) {
        return false;
    }
    states.mime_types = std::make_shared<const TypesTable>(std::move(*table));
    return true;
}

}  // namespace feather::mod::mime

#include "runtime/http/htaccess_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "directives/loader.hpp"
#include "modules/all_modules.hpp"
#include "modules/config_sets.hpp"
#include "modules/request/services.hpp"

namespace feather::runtime {

namespace {

// Closes the descriptor on every path out.
struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

// The rest of an open file; errno on failure.
int read_all(int fd, std::string& out)
{
    char buf[8192];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        if (n == 0) {
            return 0;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
}

// httpd logs these without a request (ap_log_error / ap_log_perror with no
// server): the main server's log, no client.
void log_bare(const Request& r, LogLevel level, const std::string& text, int os_error = 0)
{
    if (r.services == nullptr) {
        return;
    }
    Request bare;
    bare.server_index = 0;
    bare.server = r.config != nullptr ? &r.config->main_server() : r.server;
    bare.config = r.config;
    bare.services = r.services;
    r.services->log(bare, ModuleId::Core, level, text, os_error);
}

void log_request(const Request& r, LogLevel level, const std::string& text, int os_error = 0)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Core, level, text, os_error);
    }
}

// What a parse (new or reused) means for the request.
int report(Request& r, const std::string& path, const ParsedHtaccess& parsed,
           std::shared_ptr<const DirConfigSet>& out)
{
    for (const ParseWarning& w : parsed.warnings) {
        log_bare(r, w.level, w.text);
    }
    if (parsed.error) {
        log_request(r, LogLevel::Alert, path + ": " + *parsed.error);
        return 500;
    }
    out = parsed.config;
    return 0;
}

}  // namespace

ParsedHtaccess parse_htaccess(const directives::Config& config, std::size_t server_index,
                              const std::string& path, const std::string& dir, std::string text,
                              const OverrideRules& rules)
{
    ParsedHtaccess parsed;
    directives::Loader loader(
        mod::registry(), mod::config_factory(),
        [&parsed](LogLevel level, ModuleId, std::string_view message, bool) {
            parsed.warnings.push_back(ParseWarning{level, std::string(message)});
        });
    directives::AccessFile file;
    file.path = path;
    file.text = std::move(text);
    file.dir = dir;
    file.override = static_cast<directives::Allow>(rules.override);
    file.override_opts = rules.override_opts;
    file.override_list = &rules.list;
    auto result = loader.read_access_file(config, server_index, file);
    parsed.sources = std::move(result.sources);
    if (result.error) {
        parsed.error = std::move(result.error);
    } else {
        parsed.config = std::move(result.config);
    }
    return parsed;
}

int read_htaccess(Request& r, const std::string& dir, const OverrideRules& rules,
                  std::shared_ptr<const DirConfigSet>& out, HtaccessCache& cache)
{
    out.reset();
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    static const std::vector<std::string> kDefaultNames{".htaccess"};
    const auto& names = core.access_file_names.is_set() ? *core.access_file_names.value
                                                         : kDefaultNames;
    for (const std::string& name : names) {
        const std::string path = dir + name;
        Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
        int err = file.fd < 0 ? errno : 0;
        struct stat st {};
        if (err == 0 && ::fstat(file.fd, &st) != 0) {
            err = errno;
        }
        if (err == 0 && !S_ISREG(st.st_mode) && path != "/dev/null") {
            log_bare(r, LogLevel::Error,
                     "AH00554: Access to file " + path +
                         " denied by server: not a regular file");
            err = EBADF;
        }
        if (err == ENOENT || err == ENOTDIR) {
            continue;  // no such file here: try the next name
        }
        if (err != 0) {
            log_request(r, LogLevel::Crit,
                        "AH00529: " + path +
                            " pcfg_openfile: unable to check htaccess file, ensure it is "
                            "readable and that '" +
                            dir + "' is executable",
                        err);
            r.notes.set("error-notes",
                        "Server unable to read htaccess file, denying access to be safe");
            return 403;
        }

        const FileStamp stamp = FileStamp::of(st);
        if (const auto known = cache.find(r.server, path, rules, stamp)) {
            return report(r, path, *known, out);
        }
        std::string text;
        if (const int rerr = read_all(file.fd, text)) {
            // httpd reports a read error as a parse error of the file.
            ParsedHtaccess failed;
            failed.error = std::string(std::strerror(rerr));
            return report(r, path, failed, out);
        }
        auto parsed = std::make_shared<const ParsedHtaccess>(
            parse_htaccess(*r.config, r.server_index, path, dir, std::move(text), rules));
        return report(r, path, *cache.store(r.server, path, rules, stamp, std::move(parsed)), out);
    }
    return 0;
}

}  // namespace feather::runtime

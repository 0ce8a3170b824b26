// mod_unixd's directives: User, Group, ChrootDir, Suexec.

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "modules/unixd/unixd_config.hpp"
#include "modules/unixd/unixd_setters.hpp"

namespace feather::mod::unixd {

namespace {

UnixdConfig& conf(Cmd& cmd) { return main_conf<UnixdConfig>(cmd); }

// Where Debian's httpd looks for suexec (SUEXEC_BIN).
constexpr const char* kSuexecBin = "/usr/lib/apache2/suexec";

constexpr const char* kRootRefused = "Error:\tApache has not been designed to serve pages while\n"
                                     "\trunning as root.  There are known race conditions that\n"
                                     "\twill allow any local user to read any file on the system.\n"
                                     "\tIf you still desire to serve pages as root then\n"
                                     "\tadd -DBIG_SECURITY_HOLE to the CFLAGS env variable\n"
                                     "\tand then rebuild the server.\n"
                                     "\tIt is strongly suggested that you instead modify the User\n"
                                     "\tdirective in your httpd.conf file to list a non-root\n"
                                     "\tuser.\n";

// "#n" is a number (atoi, so "#junk" is 0); anything else a name to look up.
// httpd exits at once for an unknown name ("bad user name"); here that ends
// the load with the same text.
long id_of(const std::string& name) { return std::strtol(name.c_str() + 1, nullptr, 10); }

Status bad_name(Cmd& cmd, const char* code, const char* what, const std::string& name)
{
    return cmd.loader->fail_bare(std::string(code) + ": " + cmd.loader->options().program_name + ": bad " + what +
                                 " name " + name);
}

// The suEXEC wrapper is usable when it exists, is setuid root and this
// process may run it (unixd_pre_config).
std::optional<std::string> suexec_unusable()
{
    struct stat st {};
    if (::stat(kSuexecBin, &st) != 0) {
        return std::string("Missing suexec binary ") + kSuexecBin;
    }
    if ((st.st_mode & S_ISUID) == 0 || st.st_uid != 0 || ::access(kSuexecBin, R_OK | X_OK) != 0) {
        return std::string("Invalid owner or file mode for ") + kSuexecBin;
    }
    return std::nullopt;
}

}  // namespace

Status set_user(Cmd& cmd, const Args& args)
{
    const std::string& name = args[0];
    uid_t uid;
    if (name.front() == '#') {
        uid = static_cast<uid_t>(static_cast<int>(id_of(name)));
    } else {
        const passwd* pw = ::getpwnam(name.c_str());
        if (pw == nullptr) {
            return bad_name(cmd, "AH00543", "user", name);
        }
        uid = pw->pw_uid;
    }
    auto& c = conf(cmd);
    c.user_name.set(name, cmd.loc());
    c.user_id.set(uid, cmd.loc());
    if (uid == 0) {
        return kRootRefused;
    }
    return std::nullopt;
}

Status set_group(Cmd& cmd, const Args& args)
{
    const std::string& name = args[0];
    gid_t gid;
    if (name.front() == '#') {
        gid = static_cast<gid_t>(static_cast<int>(id_of(name)));
    } else {
        const group* gr = ::getgrnam(name.c_str());
        if (gr == nullptr) {
            return bad_name(cmd, "AH00544", "group", name);
        }
        gid = gr->gr_gid;
    }
    auto& c = conf(cmd);
    c.group_name.set(name, cmd.loc());
    c.group_id.set(gid, cmd.loc());
    return std::nullopt;
}

Status set_chroot_dir(Cmd& cmd, const Args& args)
{
    // Checked as written (relative to the working directory), as httpd does.
    struct stat st {};
    if (::stat(args[0].c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        return "ChrootDir must be a valid directory";
    }
    conf(cmd).chroot_dir.set(args[0], cmd.loc());
    return std::nullopt;
}

Status set_suexec(Cmd& cmd, const Args& args)
{
    if (args.flag) {
        // An earlier "Suexec Off" is itself the reason it stays off.
        if (conf(cmd).suexec.is_set() && !*conf(cmd).suexec.value) {
            return "suEXEC isn't supported: Suexec directive is Off";
        }
        if (auto why = suexec_unusable()) {
            return "suEXEC isn't supported: " + *why;
        }
    }
    conf(cmd).suexec.set(args.flag, cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::unixd

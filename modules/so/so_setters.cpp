// mod_so: LoadModule switches on a module Feather has built in (the file
// named is not loaded: every module is compiled into feather).

#include <sys/stat.h>

#include "modules/so/so_setters.hpp"

namespace feather::mod::so {

namespace {

std::string modules_we_have(const Cmd& cmd)
{
    std::string list;
    for (const ModuleInfo* m : cmd.loader->registry().modules()) {
        if (m->id == ModuleId::MpmEvent) {
            continue;
        }
        if (!list.empty()) {
            list += ", ";
        }
        list += m->symbol;
    }
    return list;
}

}  // namespace

Status set_load_module(Cmd& cmd, const Args& args)
{
    const std::string& name = args[0];
    const ModuleInfo* module = cmd.loader->registry().module_by_symbol(name);
    if (module == nullptr) {
        return "Cannot load " + name + ": Feather has no such module (it has " + modules_we_have(cmd) + ")";
    }
    if (module->id == ModuleId::MpmEvent) {
        return "Cannot load " + name +
               ": Feather does not support the event MPM yet; load mpm_prefork_module or "
               "mpm_worker_module instead";
    }
    if (module->builtin) {
        return std::nullopt;  // compiled in, as in upstream httpd's shared build
    }
    if (!cmd.loader->modules().add(module->id)) {
        cmd.loader->log(LogLevel::Warn, ModuleId::So,
                        "AH01574: module " + name + " is already loaded, skipping");
    }
    return std::nullopt;
}

Status set_load_file(Cmd& cmd, const Args& args)
{
    // Feather links everything it needs; the library must still exist, as
    // httpd would fail to load a missing one.
    const std::string path = cmd.reader->server_root_relative(args[0]);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return "Cannot load " + path + " into server: " + path +
               ": cannot open shared object file: No such file or directory";
    }
    return std::nullopt;
}

}  // namespace feather::mod::so

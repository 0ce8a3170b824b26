#pragma once
// What a module's directive file needs: the registry's row type, the setter
// context, and typed access to the module's own configuration.

#include "directives/binder.hpp"
#include "directives/cmd.hpp"
#include "directives/loader.hpp"
#include "directives/module_info.hpp"
#include "directives/spec.hpp"
#include "modules/config_sets.hpp"

namespace feather::mod {

using directives::Allow;
using directives::Args;
using directives::ArgShape;
using directives::Cmd;
using directives::DirectiveSpec;
using directives::Forbid;
using directives::ModuleInfo;
using directives::Status;

// The per-directory config of the section (or server level) being read;
// from now on the set speaks for this module (DirConfigSet::has).
template <class T>
T& dir_conf(Cmd& cmd)
{
    return cmd.dir->edit<T>();
}

// The per-server config of the server being read (main or virtual host).
template <class T>
T& server_conf(Cmd& cmd)
{
    return std::get<T>(cmd.server->modules->parts);
}

// The main server's config, for settings that exist once.
template <class T>
T& main_conf(Cmd& cmd)
{
    return std::get<T>(cmd.loader->config().servers.front().modules->parts);
}

}  // namespace feather::mod

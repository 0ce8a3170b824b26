#pragma once
// What every section directive of core.c shares: the closing '>' check, the
// errors for a malformed opening line, a fresh per-directory config and the
// walk over the section's children.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "modules/module_api.hpp"

namespace feather::mod::core {

// The text before the section's closing '>' (the last '>' on the line, as
// httpd's ap_strrchr_c), or nullopt when there is none.
std::optional<std::string_view> before_closing(std::string_view raw);

// "<Directory> directive missing closing '>'"
std::string unclosed_directive(const Cmd& cmd);
// "<Directory> directive requires additional arguments"
std::string missing_container_arg(const Cmd& cmd);
// "Multiple <Directory> arguments not (yet) supported."
std::string multiple_arguments(const Cmd& cmd);

// A per-directory config for a new section. Sections start without the
// FollowSymLinks default that server-level configs have (httpd's
// create_core_dir_config with a path).
std::shared_ptr<DirConfigSet> new_section_config(Cmd& cmd);

// The next unique Section::id of this configuration.
int next_section_id(Cmd& cmd);

// A copy of `cmd` for the children of the section being applied: the same
// context with the section's node added to the enclosing sections.
Cmd body_context(const Cmd& cmd);

// Applies the children of the section being applied in `inner`.
Status walk_body(const Cmd& cmd, Cmd& inner);

// The flags every section regex is compiled with: RegexDefaultOptions as
// set so far (httpd's default_cflags), or httpd's default.
unsigned section_regex_flags(Cmd& cmd);

}  // namespace feather::mod::core

// <Limit methods> and <LimitExcept methods>: httpd's ap_limit_section
// (server/core.c). The children are applied with cmd.limited narrowed to the
// chosen methods; path, override and per-directory config stay the parent's.

#include "modules/core/core_setters.hpp"
#include "modules/core/methods.hpp"
#include "modules/core/section_body.hpp"
#include "parser/word.hpp"

namespace feather::mod::core {

namespace {

Status limit_section(Cmd& cmd, const Args& args, bool except)
{
    const auto text = before_closing(args.raw);
    if (!text) {
        return unclosed_directive(cmd);
    }
    if (text->empty()) {
        return missing_container_arg(cmd);
    }
    auto& registered = main_conf<CoreServerConfig>(cmd).registered_methods;
    MethodMask limited = 0;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::string method = parser::next_word(rest);
        int number = method_number_of(registered, method);
        if (number == kMethodTrace && !except) {
            return std::string("TRACE cannot be controlled by <Limit>, see TraceEnable");
        }
        if (number == kMethodInvalid) {
            // Unknown methods are registered: access checks run before
            // method handling, so the method must have a number.
            if (cmd.htaccess) {
                return "Could not register method '" + method + "' for " +
                       std::string(cmd.spec->name) + " from .htaccess configuration";
            }
            number = register_method(registered, method);
            if (number == kMethodInvalid) {
                cmd.loader->log(LogLevel::Error, ModuleId::Http,
                                "AH01610: Maximum new request methods " +
                                    std::to_string(kLastRegisteredMethod) +
                                    " reached while registering method " + method + ".");
            }
        }
        limited |= method_bit(number);
    }
    if (except) {
        limited = ~limited;
    }
    const MethodMask old = cmd.limited;
    if ((old & limited) == 0) {
        return std::string(cmd.spec->name) + "> directive excludes all methods";
    }
    if ((old & limited) == old) {
        return std::string(cmd.spec->name) + "> directive specifies methods already excluded";
    }
    Cmd inner = body_context(cmd);
    inner.limited = old & limited;
    return walk_body(cmd, inner);
}

}  // namespace

Status section_limit(Cmd& cmd, const Args& args) { return limit_section(cmd, args, false); }
Status section_limit_except(Cmd& cmd, const Args& args) { return limit_section(cmd, args, true); }

}  // namespace feather::mod::core

// mod_core's limits: request line and fields, bodies, ranges, resource
// limits, recursion, buffer sizes.

#include <sys/resource.h>
#include <unistd.h>

#include "directives/registry.hpp"
#include "modules/core/core_config.hpp"
#include "modules/core/core_setters.hpp"
#include "modules/core/core_values.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

// LimitRequestLine/Fieldsize/Fields: atoi, negative refused.
Status set_request_limit(Cmd& cmd, const Args& args, Setting<int> CoreServerConfig::*field,
                         const char* suffix)
{
    const int lim = c_atoi(args[0]);
    if (lim < 0) {
        return std::string(cmd.spec->name) + " \"" + args[0] + "\" must be a non-negative integer" +
               suffix;
    }
    (server_conf<CoreServerConfig>(cmd).*field).set(lim, cmd.loc());
    return std::nullopt;
}

// MaxRanges, MaxRangeOverlaps, MaxRangeReversals.
Status set_range_limit(Cmd& cmd, const Args& args,
                       Setting<RangeLimit> UncommonCoreDirSettings::*field)
{
    RangeLimit v;
    if (iequals(args[0], "none")) {
        v.kind = RangeLimit::Kind::None;
    } else if (iequals(args[0], "default")) {
        v.kind = RangeLimit::Kind::Default;
    } else if (iequals(args[0], "unlimited")) {
        v.kind = RangeLimit::Kind::Unlimited;
    } else {
        v.kind = RangeLimit::Kind::Count;
        v.count = c_atoi(args[0]);
        if (v.count <= 0) {
            return std::string(cmd.spec->name) +
                   " requires 'none', 'default', 'unlimited' or a positive integer";
        }
    }
    (dir_conf<CoreDirConfig>(cmd).edit_uncommon().*field).set(v, cmd.loc());
    return std::nullopt;
}

// ap_unixd_set_rlimit: the limits are worked out now, from the server's
// own, as httpd does: "max" or atol for the soft limit, atol for the hard
// one (0: keep). Nothing here is an error; an unprivileged server that asks
// to raise the hard limit is told so in the log.
Status set_rlimit(Cmd& cmd, const Args& args,
                  Setting<ResourceLimit> UncommonCoreDirSettings::*field, int resource)
{
    struct rlimit current {};
    if (::getrlimit(resource, &current) != 0) {
        cmd.loader->log(LogLevel::Error, ModuleId::Core,
                        "AH02172: " + std::string(cmd.spec->name) + ": getrlimit failed");
        return std::nullopt;
    }
    const std::uint64_t cur =
        iequals(args[0], "max") ? current.rlim_max : static_cast<std::uint64_t>(c_atol(args[0]));
    const std::uint64_t max = args.size() > 1 ? static_cast<std::uint64_t>(c_atol(args[1])) : 0;

    ResourceLimit limit{current.rlim_cur, current.rlim_max};
    if (::geteuid() != 0) {
        limit.soft = cur;
        if (max != 0 && max > limit.hard) {
            cmd.loader->log(LogLevel::Error, ModuleId::Core,
                            "AH02174: Must be uid 0 to raise maximum " +
                                std::string(cmd.spec->name));
        } else if (max != 0) {
            limit.hard = max;
        }
    } else {
        if (cur != 0) {
            limit.soft = cur;
        }
        if (max != 0) {
            limit.hard = max;
        }
    }
    (dir_conf<CoreDirConfig>(cmd).edit_uncommon().*field).set(limit, cmd.loc());
    return std::nullopt;
}

// ReadBufferSize and FlushMaxThreshold: apr_strtoff, 0..UINT32_MAX.
std::optional<std::uint64_t> parse_u32_size(const std::string& arg)
{
    const auto p = c_strtoff(arg);
    if (!p || p->trailing || p->value < 0 || p->value > 4294967295LL) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(p->value);
}

constexpr const char* kU32SizeError = "parameter must be a number between 0 and (4294967295U)): ";

}  // namespace

Status set_limit_request_line(Cmd& cmd, const Args& args)
{
    return set_request_limit(cmd, args, &CoreServerConfig::limit_req_line, "");
}

Status set_limit_request_fieldsize(Cmd& cmd, const Args& args)
{
    return set_request_limit(cmd, args, &CoreServerConfig::limit_req_fieldsize, "");
}

Status set_limit_request_fields(Cmd& cmd, const Args& args)
{
    return set_request_limit(cmd, args, &CoreServerConfig::limit_req_fields, " (0 = no limit)");
}

Status set_limit_request_body(Cmd& cmd, const Args& args)
{
    const auto p = c_strtoff(args[0]);
    if (!p) {
        return "LimitRequestBody argument is not parsable.";
    }
    if (p->trailing || p->value < 0) {
        return "LimitRequestBody requires a non-negative integer.";
    }
    dir_conf<CoreDirConfig>(cmd).edit_uncommon().limit_req_body.set(
        static_cast<std::uint64_t>(p->value), cmd.loc());
    return std::nullopt;
}

Status set_limit_xml_request_body(Cmd& cmd, const Args& args)
{
    const long v = c_atol(args[0]);
    if (v < 0) {
        return "LimitXMLRequestBody requires a non-negative integer.";
    }
    // AP_MAX_LIMIT_XML_BODY: SIZE_MAX / 6 - 1.
    constexpr std::uint64_t kMax = SIZE_MAX / 6 - 1;
    if (static_cast<std::uint64_t>(v) > kMax) {
        return "LimitXMLRequestBody must not exceed " + std::to_string(kMax);
    }
    dir_conf<CoreDirConfig>(cmd).edit_uncommon().limit_xml_body.set(v, cmd.loc());
    return std::nullopt;
}

Status set_max_ranges(Cmd& cmd, const Args& args)
{
    return set_range_limit(cmd, args, &UncommonCoreDirSettings::max_ranges);
}

Status set_max_range_overlaps(Cmd& cmd, const Args& args)
{
    return set_range_limit(cmd, args, &UncommonCoreDirSettings::max_overlaps);
}

Status set_max_range_reversals(Cmd& cmd, const Args& args)
{
    return set_range_limit(cmd, args, &UncommonCoreDirSettings::max_reversals);
}

Status set_r_limit_cpu(Cmd& cmd, const Args& args)
{
    return set_rlimit(cmd, args, &UncommonCoreDirSettings::limit_cpu, RLIMIT_CPU);
}

Status set_r_limit_mem(Cmd& cmd, const Args& args)
{
    return set_rlimit(cmd, args, &UncommonCoreDirSettings::limit_mem, RLIMIT_AS);
}

Status set_r_limit_nproc(Cmd& cmd, const Args& args)
{
    return set_rlimit(cmd, args, &UncommonCoreDirSettings::limit_nproc, RLIMIT_NPROC);
}

Status set_limit_internal_recursion(Cmd& cmd, const Args& args)
{
    auto& conf = server_conf<CoreServerConfig>(cmd);
    int limit = c_atoi(args[0]);
    if (limit <= 0) {
        return "The recursion limit must be greater than zero.";
    }
    if (limit < 4) {
        cmd.loader->log(LogLevel::Warn, ModuleId::Core,
                        "AH00119: Limiting internal redirects to very low numbers may cause normal "
                        "requests to fail.");
    }
    conf.limit_internal_recursion.set(limit, cmd.loc());
    if (args.size() > 1) {
        limit = c_atoi(args[1]);
        if (limit <= 0) {
            return "The recursion limit must be greater than zero.";
        }
        if (limit < 4) {
            cmd.loader->log(
                LogLevel::Warn, ModuleId::Core,
                "AH00120: Limiting the subrequest depth to a very low level may cause normal "
                "requests to fail.");
        }
    }
    // Without a second number the first limits the nesting too.
    conf.limit_internal_recursion_depth.set(limit, cmd.loc());
    return std::nullopt;
}

Status set_read_buffer_size(Cmd& cmd, const Args& args)
{
    const auto v = parse_u32_size(args[0]);
    if (!v) {
        return kU32SizeError + args[0];
    }
    dir_conf<CoreDirConfig>(cmd).edit_uncommon().read_buf_size.set(static_cast<std::size_t>(*v),
                                                                   cmd.loc());
    return std::nullopt;
}

Status set_flush_max_threshold(Cmd& cmd, const Args& args)
{
    const auto v = parse_u32_size(args[0]);
    if (!v) {
        return kU32SizeError + args[0];
    }
    server_conf<CoreServerConfig>(cmd).flush_max_threshold.set(*v, cmd.loc());
    return std::nullopt;
}

Status set_flush_max_pipelined(Cmd& cmd, const Args& args)
{
    const auto p = c_strtoff(args[0]);
    if (!p || p->trailing || p->value < -1 || p->value > 2147483647LL) {
        return "parameter must be a number between -1 and (2147483647): " + args[0];
    }
    server_conf<CoreServerConfig>(cmd).flush_max_pipelined.set(static_cast<int>(p->value),
                                                               cmd.loc());
    return std::nullopt;
}

}  // namespace feather::mod::core

#include "runtime/http/core_hooks.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/config_sets.hpp"
#include "modules/core/methods.hpp"
#include "modules/request/request.hpp"
#include "modules/request/services.hpp"
#include "runtime/http/options_trace.hpp"
#include "runtime/http/section_walk.hpp"

namespace feather::runtime {

namespace {

// core_translate: DocumentRoot + URI.
Verdict core_translate(Request& r)
{
    if (r.uri.empty() || (r.uri.front() != '/' && r.uri != "*")) {
        return Verdict::http(400);
    }
    const auto& core = get<mod::core::CoreServerConfig>(*r.server->modules);
    std::string root = core.document_root.get_or("/usr/local/apache2/htdocs");
    while (root.size() > 1 && root.back() == '/') {
        root.pop_back();
    }
    r.filename = root + r.uri;
    return Verdict::ok();
}

// core_map_to_storage: the directory and file walks.
Verdict core_map_to_storage(Request& r)
{
    if (const int rc = directory_walk(r)) {
        return Verdict::http(rc);
    }
    if (const int rc = file_walk(r)) {
        return Verdict::http(rc);
    }
    return Verdict::ok();
}

// The default handler: a regular file, sent whole.
Verdict default_handler(Request& r)
{
    if (!r.handler.empty() && r.handler != "default-handler" && r.handler.find('/') == std::string::npos) {
        return Verdict::declined();
    }
    if (const auto answered = default_handler_methods(r)) {
        return *answered;
    }
    if (!r.finfo) {
        return Verdict::http(404);
    }
    if (S_ISDIR(r.finfo->st_mode)) {
        return Verdict::http(404);
    }
    auto file = std::make_shared<OpenFile>();
    file->fd = ::open(r.filename.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->fd < 0) {
        return Verdict::http(403);
    }
    file->st = *r.finfo;
    file->path = r.filename;
    r.body.emplace_back(FileRange{file, 0, static_cast<std::uint64_t>(file->st.st_size)});
    return Verdict::ok();
}

// core's do_nothing type checker: a request no module typed is still fine.
Verdict do_nothing(Request&) { return Verdict::ok(); }

constexpr HookSpec kHooks[] = {
    {Phase::TypeChecker, &do_nothing, Rank::ReallyLast},
    {Phase::TranslateName, &core_translate, Rank::ReallyLast},
    {Phase::MapToStorage, &core_map_to_storage, Rank::ReallyLast},
    {Phase::Handler, &default_handler, Rank::ReallyLast},
};

const ModuleHooks kCoreHooks{ModuleId::Core, kHooks};

}  // namespace

const ModuleHooks& core_hooks() { return kCoreHooks; }

}  // namespace feather::runtime

// mod_mime's request hook: find_ct (the type checker). Every dot-separated
// part of the file name after the first is an extension, looked up (in
// lower case) in the section's Add* mappings and in the TypesConfig table.

#include <sys/stat.h>

#include <algorithm>
#include <cctype>

#include "modules/config_sets.hpp"
#include "modules/mime/content_type.hpp"
#include "modules/mime/mime_hooks.hpp"
#include "modules/mime/mime_types.hpp"
#include "modules/module_states.hpp"
#include "modules/request/services.hpp"

namespace feather::mod::mime {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void warn(const Request& r, const std::string& text)
{
    if (r.services != nullptr) {
        r.services->log(r, ModuleId::Mime, LogLevel::Warn, text);
    }
}

}  // namespace

Verdict find_ct(Request& r)
{
    if (r.finfo && S_ISDIR(r.finfo->st_mode)) {
        r.content_type = kDirMagicType;
        return Verdict::ok();
    }
    if (r.filename.empty()) {
        return Verdict::declined();
    }
    static const MimeDirConfig kEmpty;
    const MimeDirConfig& conf = r.per_dir ? get<MimeDirConfig>(*r.per_dir) : kEmpty;
    const TypesTable* types = r.states != nullptr ? r.states->mime_types.get() : nullptr;
    const MultiviewsMatch multimatch = conf.multiviews_match.get_or({});

    const std::string resource =
        conf.use_path_info.get_or(false) ? r.filename + r.path_info : r.filename;
    std::string_view fn = resource;
    if (const auto slash = fn.rfind('/'); slash != std::string_view::npos) {
        fn.remove_prefix(slash + 1);
    }

    // The base name is never an extension; leading dots belong to it (".png"
    // is a hidden file, not a PNG).
    std::vector<std::string> exceptions;
    std::size_t first = 0;
    while (first < fn.size() && fn[first] == '.') {
        ++first;
    }
    const auto dot = fn.find('.', first);
    exceptions.emplace_back(fn.substr(0, dot));
    std::string_view rest = dot == std::string_view::npos ? std::string_view() : fn.substr(dot + 1);

    bool found_metadata = false;
    std::optional<std::string> charset;
    while (!rest.empty()) {
        const auto next = rest.find('.');
        const std::string_view word = rest.substr(0, next);
        rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
        if (word.empty()) {
            continue;  // "bad..html"
        }
        const std::string ext = lower(word);
        bool found = false;
        const auto mapping = conf.extensions.find(ext);
        const ExtensionInfo* info = mapping == conf.extensions.end() ? nullptr : &mapping->second;

        if (info == nullptr || !info->type) {
            if (const std::string* type = types != nullptr ? types->find(ext) : nullptr) {
                r.content_type = *type;
                found = true;
            }
        }
        if (info != nullptr) {
            // An empty type is RemoveType's: it hides the types file's entry.
            if (info->type && !info->type->empty()) {
                r.content_type = *info->type;
                found = true;
            }
            if (info->charset) {
                charset = info->charset;
                found = true;
            }
            if (info->language) {
                r.content_languages.push_back(*info->language);
                found = true;
            }
            if (info->encoding) {
                // Order matters and doubled encodings are allowed.
                r.content_encoding = r.content_encoding.empty()
                                         ? *info->encoding
                                         : r.content_encoding + ", " + *info->encoding;
                found = true;
            }
            // Handlers and filters make no metadata for negotiation unless
            // MultiviewsMatch says so.
            if (info->handler) {
                r.handler = *info->handler;
                found = found || multimatch.handlers;
            }
            if (info->input_filters || info->output_filters) {
                found = found || multimatch.filters;
            }
        }
        if (found || multimatch.any) {
            found_metadata = true;
        } else {
            exceptions.emplace_back(word);
        }
    }

    // For mod_negotiation: the name parts that no mapping claimed.
    if (found_metadata) {
        std::string list;
        for (const auto& e : exceptions) {
            list += (list.empty() ? "" : "/") + e;
        }
        r.notes.set(kExceptionsNote, list);
    }

    if (!r.content_type.empty()) {
        std::string warning;
        if (const auto media = analyze_content_type(r.content_type, warning)) {
            r.content_type = rebuild_content_type(*media, charset);
        } else {
            warn(r, warning);
        }
    }

    if (r.content_languages.empty() && conf.default_language.is_set()) {
        r.content_languages.push_back(*conf.default_language.value);
    }
    return r.content_type.empty() ? Verdict::declined() : Verdict::ok();
}

namespace {

constexpr HookSpec kHookSpecs[] = {
    {Phase::TypeChecker, &find_ct, Rank::Middle},
};

}  // namespace

extern const ModuleHooks kMimeHooks{ModuleId::Mime, kHookSpecs};

}  // namespace feather::mod::mime

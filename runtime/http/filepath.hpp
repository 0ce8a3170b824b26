#pragma once
// APR's Unix path rules as httpd's request mapping uses them
// (apr_filepath_merge with its flags, apr_filepath_root) and httpd's small
// path helpers (ap_make_dirstr_parent, ap_make_full_path, ap_count_dirs).

#include <optional>
#include <string>
#include <string_view>

namespace feather::runtime {

enum FilepathFlags : unsigned {
    kPathSecureRootTest = 1,  // APR_FILEPATH_SECUREROOTTEST: fail on any climb above root
    kPathNotAboveRoot = 2,  // APR_FILEPATH_NOTABOVEROOT: the result must stay under root
    kPathNotRelative = 4,  // APR_FILEPATH_NOTRELATIVE: fail when both paths are relative
    kPathSecureRoot = kPathSecureRootTest | kPathNotAboveRoot,  // APR_FILEPATH_SECUREROOT
};

// apr_filepath_merge(root, add, flags) on Unix (TRUENAME changes nothing
// there). `root` nullopt is APR's NULL: the working directory. nullopt when
// APR fails (above the root, relative, too long).
std::optional<std::string> filepath_merge(std::optional<std::string_view> root,
                                          std::string_view add, unsigned flags);

// ap_make_dirstr_parent: everything up to and including the last '/'.
std::string dirstr_parent(std::string_view path);
// ap_make_full_path: a + '/' + b, without doubling the slash a ends with.
std::string full_path(std::string_view a, std::string_view b);
// ap_count_dirs: the number of '/' in `path`.
unsigned count_slashes(std::string_view path);

}  // namespace feather::runtime

#pragma once
// Reads configuration files into a syntax tree the way Apache's
// ap_build_config does: line by line, sections matched to their closers,
// and the directives that act while reading (Include, Define, <IfModule>...,
// Apache's EXEC_ON_READ) run at once through the DirectiveCatalog.
//
// Errors are returned as Apache words them, so that scripts reading
// `feather -t` see the same text: an error inside a file is wrapped as
// "Syntax error on line N of FILE: ..." once per file level.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.hpp"
#include "parser/defines.hpp"
#include "parser/line_reader.hpp"
#include "parser/node_store.hpp"
#include "parser/source_loc.hpp"

namespace feather::parser {

class ConfigReader;

using ReadError = std::optional<std::string>;  // nullopt: fine

// What the reader needs from the directive registry.
class DirectiveCatalog {
public:
    virtual ~DirectiveCatalog() = default;
    struct Known {
        std::string_view name;  // the declared spelling (outlives every tree)
        bool acts_on_read = false;  // it runs while the file is read
        std::uint32_t number = Node::kUnknown;  // the catalog's number for the name
    };
    // A directive of a loaded module (matched case-insensitively), or
    // nullopt when no loaded module has it.
    virtual std::optional<Known> find(std::string_view name) const = 0;
    // Runs such a directive. Nodes it produces (an included file, the body
    // of a true <IfModule>) are appended to `out`.
    virtual ReadError run_on_read(ConfigReader& reader, const Node& directive, NodeList& out) = 0;
};

// One line of `-t -D DUMP_INCLUDES` output.
struct IncludedFile {
    unsigned depth = 0;        // 0 for the main file
    std::uint32_t line = 0;    // line of the Include that named it; 0 for the main file
    std::string path;
};

// State that lives across all files of one configuration load.
struct ReadState {
    std::shared_ptr<SourceMap> sources = std::make_shared<SourceMap>();
    Defines defines;
    std::string server_root;  // absolute; Include paths are relative to it
    std::vector<IncludedFile> included;  // filled when DUMP_INCLUDES is defined
    std::function<void(std::string_view)> warn;  // startup warnings ("AH00111: ...")
    unsigned include_depth = 0;
    std::uint32_t last_include_line = 0;
};

class ConfigReader {
public:
    // Nodes go into `store`, which must outlive the trees read.
    ConfigReader(ReadState& state, DirectiveCatalog& catalog, NodeStore& store);

    // A whole file (Apache's ap_process_resource_config).
    ReadError read_file(const std::string& path, NodeList& out);
    // Text already read from `name` (an .htaccess file), which the caller
    // keeps alive as long as the tree: errors come back bare, as
    // ap_parse_htaccess prefixes them with the file name itself.
    ReadError read_text(std::string_view text, std::string_view name, NodeList& out);
    // Directives from -C or -c, read as one pseudo-file.
    ReadError read_command_lines(const std::vector<std::string>& lines, NodeList& out);

    // Include/IncludeOptional: a file, a directory (recursively, sorted), or
    // a pattern with wildcards in any component. `path` is made absolute
    // against ServerRoot first.
    ReadError include(std::string_view path, bool optional, NodeList& out);

    // For conditional sections: read the rest of the open section
    // `section_name` ("<IfModule") into `out`, or skip it (still requiring
    // that nested sections balance).
    ReadError read_section_body(std::string_view section_name, NodeList& out);
    ReadError skip_section_body(std::string_view section_name);

    ReadState& state() { return state_; }
    const DirectiveCatalog& catalog() const { return catalog_; }
    // The location of the line being processed.
    SourceLoc location() const;
    // Apache's ap_server_root_relative.
    std::string server_root_relative(std::string_view path) const;

private:
    struct Frame;
    struct Cursor;

    ReadError read_frame(Frame& frame, NodeList& out);
    ReadError build_line(std::string_view line, Cursor& cursor);
    ReadError include_nofnmatch(const std::string& path, bool optional, unsigned& dir_depth,
                                NodeList& out);
    ReadError include_fnmatch(const std::string& dir, std::string_view pattern, bool optional,
                              unsigned& dir_depth, NodeList& out);
    Frame& frame();

    ReadState& state_;
    DirectiveCatalog& catalog_;
    NodeStore& store_;
    std::vector<Frame*> frames_;
};

// Apache's apr_filepath_merge(root, path): absolute paths stand alone,
// relative ones join the root; "." and ".." segments and doubled slashes go.
std::string merge_path(std::string_view root, std::string_view path);

}  // namespace feather::parser

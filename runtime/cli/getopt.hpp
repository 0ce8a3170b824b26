#pragma once
// apr_getopt's scanning rules, which httpd's command line follows exactly:
// clustered flags ("-tS"), a value stuck to its flag or in the next word
// ("-Dname", "-D name", "-D -t" defines "-t"), "--" ends the options, a lone
// "-" or a word without '-' stops the scan where it is.
//
// Boost.Program_options cannot be bent to these rules (it refuses "-D -t" and
// has no notion of a scan that stops and leaves its index behind, which
// httpd's -k pre-pass relies on), so this small scanner applies them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather::runtime {

class OptionScanner {
public:
    enum class Status {
        Option,  // `letter` (and `value` for a flag that takes one)
        End,     // no more options: index() is the first word not read
        Bad,     // unknown letter or missing value; `message` says which
    };
    struct Result {
        Status status = Status::End;
        char letter = 0;
        std::optional<std::string> value;
        std::string message;  // "feather: illegal option -- z"
    };

    // `spec` lists the letters, each followed by ':' when it takes a value
    // ("C:c:D:..."), as apr_getopt's opts string.
    OptionScanner(std::vector<std::string> argv, std::string_view spec);

    Result next();
    std::size_t index() const { return ind_; }
    // One step back: httpd's -k pre-pass re-reads the word that failed.
    void back() { --ind_; }
    const std::vector<std::string>& argv() const { return argv_; }

private:
    std::vector<std::string> argv_;
    std::string spec_;
    std::size_t ind_ = 1;
    std::string_view place_;  // the rest of the cluster being read
};

// Basename of argv[0], as apr_filepath_name_get.
std::string program_short_name(std::string_view argv0);

}  // namespace feather::runtime

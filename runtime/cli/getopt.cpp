#include "runtime/cli/getopt.hpp"

namespace feather::runtime {

std::string program_short_name(std::string_view argv0)
{
    const auto slash = argv0.rfind('/');
    return std::string(slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1));
}

OptionScanner::OptionScanner(std::vector<std::string> argv, std::string_view spec)
    : argv_(std::move(argv)), spec_(spec)
{
}

OptionScanner::Result OptionScanner::next()
{
    Result r;
    const std::string program = argv_.empty() ? std::string() : program_short_name(argv_.front());
    if (place_.empty()) {
        if (ind_ >= argv_.size() || argv_[ind_].empty() || argv_[ind_].front() != '-') {
            return r;  // End
        }
        place_ = argv_[ind_];
        // "--" (apr_getopt looks at the second character only) ends the
        // options and is itself consumed.
        if (place_.size() > 1) {
            place_.remove_prefix(1);
            if (place_.front() == '-') {
                ++ind_;
                place_ = {};
                return r;
            }
        }
    }
    const char letter = place_.front();
    place_.remove_prefix(1);
    const auto at = letter == ':' ? std::string::npos : spec_.find(letter);
    if (at == std::string::npos) {
        if (letter == '-') {
            // A lone "-", or "-t-v": the scan stops without consuming it.
            place_ = {};
            return r;
        }
        if (place_.empty()) {
            ++ind_;
        }
        r.status = Status::Bad;
        r.letter = letter;
        r.message = program + ": illegal option -- " + letter;
        return r;
    }
    r.letter = letter;
    const bool takes_value = at + 1 < spec_.size() && spec_[at + 1] == ':';
    if (!takes_value) {
        if (place_.empty()) {
            ++ind_;
        }
        r.status = Status::Option;
        return r;
    }
    if (!place_.empty()) {
        r.value = std::string(place_);
    } else if (++ind_ >= argv_.size()) {
        place_ = {};
        r.status = Status::Bad;
        r.message = program + ": option requires an argument -- " + letter;
        return r;
    } else {
        r.value = argv_[ind_];
    }
    place_ = {};
    ++ind_;
    r.status = Status::Option;
    return r;
}

}  // namespace feather::runtime

#include "runtime/http/field_reader.hpp"

#include <cstring>

namespace feather::runtime {

namespace {

constexpr const char* kFieldTooLong = "Size of a request header field exceeds server limit.";

bool is_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

// field-content: VCHAR, obs-text, SP, HTAB (ap_scan_http_field_content).
bool is_field_content(unsigned char c) { return c == '\t' || c == ' ' || (c > 0x20 && c != 0x7f); }

}  // namespace

FieldReader::FieldReader(const HeadLimits& limits, Request& r, Headers& into)
    : limits_(limits), r_(r), into_(into)
{}

int FieldReader::line(std::string_view text)
{
    // Trailing white space means nothing, but one lone white space byte
    // stays (it makes an empty fold line, an error).
    while (text.size() > 1 && (text.back() == '\t' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    if (!text.empty() && (text.front() == '\t' || text.front() == ' ')) {
        if (!have_last_) {
            return 400;  // folding before the first field
        }
        if (text.size() == 1) {
            return 400;  // an empty folded line
        }
        while (text.size() > 1 && (text[1] == '\t' || text[1] == ' ')) {
            text.remove_prefix(1);
        }
        if (last_.size() + text.size() + 1 >= limits_.field_size) {
            r_.notes.set("error-notes", kFieldTooLong);
            return 400;
        }
        // RFC 7230 3.2.4: the obs-fold becomes one space.
        last_ += ' ';
        last_.append(text.substr(1));
        return 0;
    }
    if (have_last_) {
        if (const int rc = take_last()) {
            return rc;
        }
    }
    if (text.empty()) {
        // Repeated fields are combined (RFC 7230 3.2.2), in the order they
        // came, then each must still fit the limit.
        for (const auto& f : read_.fields()) {
            into_.merge(f.name, f.value);
        }
        for (const auto& f : into_.fields()) {
            if (f.value.size() > limits_.field_size) {
                r_.notes.set("error-notes", kFieldTooLong);
                return 400;
            }
        }
        return kDone;
    }
    last_.assign(text);
    have_last_ = true;
    return 0;
}

int FieldReader::take_last()
{
    have_last_ = false;
    if (limits_.fields > 0 && ++fields_read_ > limits_.fields) {
        r_.notes.set("error-notes",
                     "The number of request header fields exceeds this server's limit.");
        return 400;
    }
    const std::string_view f = last_;
    std::size_t colon = 0;
    if (limits_.strict) {
        while (colon < f.size() && is_tchar(static_cast<unsigned char>(f[colon]))) {
            ++colon;
        }
        if (colon == 0 || colon >= f.size() || f[colon] != ':') {
            return 400;  // the name must be a token followed by ':'
        }
    } else {
        colon = f.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            return 400;
        }
        if (f.substr(0, colon).find_first_of("\t\n\v\f\r ") != std::string_view::npos) {
            return 400;
        }
    }
    std::size_t v = colon + 1;
    while (v < f.size() && (f[v] == ' ' || f[v] == '\t')) {
        ++v;
    }
    const std::string_view value = f.substr(v);
    for (const char c : value) {
        const auto uc = static_cast<unsigned char>(c);
        if (limits_.strict ? !is_field_content(uc)
                           : (c == '\n' || c == '\v' || c == '\f' || c == '\r')) {
            return 400;
        }
    }
    read_.add(f.substr(0, colon), value);
    return 0;
}

}  // namespace feather::runtime

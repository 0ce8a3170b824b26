#pragma once
// The names given by -D and Define, and the values given by Define: what
// <IfDefine> tests and ${NAME} reads.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace feather::parser {

class Defines {
public:
    bool defined(std::string_view name) const;
    // Define NAME [VALUE]: a name is listed once; a value replaces the old one.
    void define(std::string_view name, std::optional<std::string_view> value = std::nullopt);
    // UnDefine NAME. As Apache does, the last name takes the freed place, so
    // the listing order (DUMP_RUN_CFG) changes the same way.
    void undefine(std::string_view name);
    std::optional<std::string_view> value(std::string_view name) const;
    const std::vector<std::string>& names() const { return names_; }

private:
    std::vector<std::string> names_;
    std::vector<std::pair<std::string, std::string>> values_;
};

}  // namespace feather::parser

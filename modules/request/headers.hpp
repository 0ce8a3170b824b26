#pragma once
// An HTTP header table as httpd's apr_table_t: fields kept in order,
// several with one name allowed, names compared without regard to case.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feather {

class Headers {
public:
    struct Field {
        std::string name;
        std::string value;
    };

    // The first field named `name`.
    std::optional<std::string_view> get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    // Replaces every `name` field with one, where the first one was
    // (apr_table_set).
    void set(std::string_view name, std::string_view value);
    // Appends a field (apr_table_add).
    void add(std::string_view name, std::string_view value);
    // Appends ", value" to the first `name` field, or adds it (apr_table_merge).
    void merge(std::string_view name, std::string_view value);
    void unset(std::string_view name);
    void clear() { fields_.clear(); }

    const std::vector<Field>& fields() const { return fields_; }
    bool empty() const { return fields_.empty(); }
    std::size_t size() const { return fields_.size(); }

private:
    std::vector<Field> fields_;
};

bool iequal(std::string_view a, std::string_view b);

}  // namespace feather

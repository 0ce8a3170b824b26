#pragma once
// A directory under $TMPDIR removed with everything in it when the test ends.

#include <filesystem>
#include <string>
#include <string_view>

namespace feather::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }
    // Writes `content` to `relative` (parent directories made as needed) and
    // returns the absolute path.
    std::string write(std::string_view relative, std::string_view content) const;
    std::string mkdir(std::string_view relative) const;

private:
    std::filesystem::path path_;
};

}  // namespace feather::test

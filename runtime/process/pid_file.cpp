#include "runtime/process/pid_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace feather::runtime {

bool write_pid_file(const std::string& path, std::string& error)
{
    // Written to a temporary name then renamed, so a reader never sees a
    // half-written file.
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH00099: could not create " + path;
        return false;
    }
    const std::string text = std::to_string(::getpid()) + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "(" + std::to_string(errno) + ")" + std::strerror(errno) + ": AH00099: could not create " + path;
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

void remove_pid_file(const std::string& path)
{
    // Only our own file: a newer master may have replaced it.
    const auto pid = read_running_pid(path);
    if (pid && *pid == ::getpid()) {
        ::unlink(path.c_str());
    }
}

std::optional<pid_t> read_running_pid(const std::string& path)
{
    std::ifstream in(path);
    long pid = 0;
    if (!(in >> pid) || pid <= 0) {
        return std::nullopt;
    }
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
        return std::nullopt;
    }
    return static_cast<pid_t>(pid);
}

}  // namespace feather::runtime

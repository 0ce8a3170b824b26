#include "runtime/log/piped_logs.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace feather::runtime {

std::vector<std::string> tokenize_command(std::string_view command)
{
    std::vector<std::string> words;
    std::size_t i = 0;
    while (true) {
        while (i < command.size() && (command[i] == ' ' || command[i] == '\t')) {
            ++i;
        }
        if (i == command.size()) {
            return words;
        }
        std::string word;
        char quote = 0;
        for (; i < command.size(); ++i) {
            const char c = command[i];
            if (quote == 0 && (c == ' ' || c == '\t')) {
                break;
            }
            if (c == '\\' && i + 1 < command.size()) {
                word.push_back(command[++i]);
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else {
                word.push_back(c);
            }
        }
        words.push_back(std::move(word));
    }
}

PipedLogs::PipedLogs(std::string working_dir) : working_dir_(std::move(working_dir)) {}

PipedLogs::~PipedLogs()
{
    for (auto& p : programs_) {
        if (p.read_fd >= 0) {
            ::close(p.read_fd);
        }
        if (p.write_fd >= 0) {
            ::close(p.write_fd);
        }
    }
}

bool PipedLogs::spawn(Program& p, std::string& error) const
{
    const std::vector<std::string> argv_words = p.shell ? std::vector<std::string>{"/bin/sh", "-c", p.command}
                                                        : tokenize_command(p.command);
    if (argv_words.empty()) {
        error = "empty piped log command";
        return false;
    }
    // Exec errors come back through a close-on-exec pipe, so that a missing
    // program is reported at startup instead of dying silently.
    int status_pipe[2];
    if (::pipe2(status_pipe, O_CLOEXEC) != 0) {
        error = std::strerror(errno);
        return false;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = std::strerror(errno);
        ::close(status_pipe[0]);
        ::close(status_pipe[1]);
        return false;
    }
    if (pid == 0) {
        ::close(status_pipe[0]);
        ::dup2(p.read_fd, STDIN_FILENO);
        for (const auto& other : programs_) {
            if (other.read_fd >= 0 && other.read_fd != STDIN_FILENO) {
                ::close(other.read_fd);
            }
            if (other.write_fd >= 0) {
                ::close(other.write_fd);
            }
        }
        if (p.read_fd != STDIN_FILENO) {
            ::close(p.read_fd);
        }
        ::close(p.write_fd);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (!working_dir_.empty() && ::chdir(working_dir_.c_str()) != 0) {
            // keep going from the current directory
        }
        std::vector<char*> argv;
        for (const auto& w : argv_words) {
            argv.push_back(const_cast<char*>(w.c_str()));
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        const int err = errno;
        [[maybe_unused]] auto n = ::write(status_pipe[1], &err, sizeof err);
        ::_exit(127);
    }
    ::close(status_pipe[1]);
    int child_errno = 0;
    ssize_t n;
    do {
        n = ::read(status_pipe[0], &child_errno, sizeof child_errno);
    } while (n < 0 && errno == EINTR);
    ::close(status_pipe[0]);
    if (n == static_cast<ssize_t>(sizeof child_errno)) {
        ::waitpid(pid, nullptr, 0);
        error = std::string("(") + std::to_string(child_errno) + ")" + std::strerror(child_errno);
        return false;
    }
    p.pid = pid;
    return true;
}

std::optional<int> PipedLogs::writer(std::string_view target, std::string& error)
{
    for (auto& p : programs_) {
        if (p.target == target && p.write_fd >= 0) {
            if (p.pid < 0 && !spawn(p, error)) {
                return std::nullopt;
            }
            return p.write_fd;
        }
    }
    Program p;
    p.target = std::string(target);
    std::string_view cmd = target;
    if (!cmd.empty() && cmd.front() == '|') {
        cmd.remove_prefix(1);
    }
    if (!cmd.empty() && cmd.front() == '|') {
        cmd.remove_prefix(1);  // "||program": explicitly without a shell
    } else if (!cmd.empty() && cmd.front() == '$') {
        cmd.remove_prefix(1);
        p.shell = true;
    }
    p.command = std::string(cmd);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    p.read_fd = fds[0];
    p.write_fd = fds[1];
    if (!spawn(p, error)) {
        ::close(p.read_fd);
        ::close(p.write_fd);
        return std::nullopt;
    }
    programs_.push_back(std::move(p));
    return programs_.back().write_fd;
}

bool PipedLogs::on_exit(pid_t pid, bool stopping)
{
    for (auto& p : programs_) {
        if (p.pid != pid) {
            continue;
        }
        p.pid = -1;
        if (stopping) {
            return true;
        }
        if (report_) {
            report_("AH00106: piped log program '" + p.command + "' failed unexpectedly", 0);
        }
        std::string error;
        if (!spawn(p, error) && report_) {
            report_("AH00107: piped_log_maintenance: unable to respawn '" + p.command + "': " + error, 0);
        }
        return true;
    }
    return false;
}

void PipedLogs::retain_only(const std::set<std::string>& targets)
{
    std::vector<Program> kept;
    for (auto& p : programs_) {
        if (targets.count(p.target) != 0) {
            kept.push_back(std::move(p));
            continue;
        }
        // Closing our write end lets the program read what remains and see
        // end of file once the old children have gone too.
        ::close(p.write_fd);
        ::close(p.read_fd);
    }
    programs_ = std::move(kept);
}

void PipedLogs::stop_all()
{
    for (auto& p : programs_) {
        if (p.write_fd >= 0) {
            ::close(p.write_fd);
            p.write_fd = -1;
        }
        if (p.read_fd >= 0) {
            ::close(p.read_fd);
            p.read_fd = -1;
        }
    }
    // The programs read what is left and exit at end of file; wait briefly,
    // then insist.
    for (auto& p : programs_) {
        if (p.pid <= 0) {
            continue;
        }
        bool gone = false;
        for (int i = 0; i < 50 && !gone; ++i) {
            gone = ::waitpid(p.pid, nullptr, WNOHANG) == p.pid;
            if (!gone) {
                ::usleep(20000);
            }
        }
        if (!gone) {
            ::kill(p.pid, SIGTERM);
            ::waitpid(p.pid, nullptr, 0);
        }
        p.pid = -1;
    }
    programs_.clear();
}

void PipedLogs::close_read_ends_in_child() const
{
    for (const auto& p : programs_) {
        if (p.read_fd >= 0) {
            ::close(p.read_fd);
        }
    }
}

std::vector<pid_t> PipedLogs::pids() const
{
    std::vector<pid_t> out;
    for (const auto& p : programs_) {
        if (p.pid > 0) {
            out.push_back(p.pid);
        }
    }
    return out;
}

}  // namespace feather::runtime

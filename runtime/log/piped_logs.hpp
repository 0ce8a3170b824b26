#pragma once
// Piped logs ("|program", "||program", "|$command"): the master starts each
// program once, with its standard input reading a pipe whose write end every
// server process inherits. If the program dies the master starts it again on
// the same pipe, so what children wrote meanwhile waits in the pipe and is
// not lost; the program keeps running across graceful restarts while the
// configuration still names it (httpd restarts it at each restart).

#include <sys/types.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace feather::runtime {

class PipedLogs {
public:
    using Reporter = std::function<void(std::string_view message, int os_error)>;

    explicit PipedLogs(std::string working_dir);
    ~PipedLogs();
    PipedLogs(const PipedLogs&) = delete;
    PipedLogs& operator=(const PipedLogs&) = delete;

    void set_working_dir(std::string dir) { working_dir_ = std::move(dir); }
    void set_reporter(Reporter r) { report_ = std::move(r); }

    // The write end of the pipe for `target` (the text after ErrorLog /
    // CustomLog, starting with '|'). Starts the program when needed;
    // nullopt and `error` filled when it cannot.
    std::optional<int> writer(std::string_view target, std::string& error);

    // The master calls this for every child it reaps: true when `pid` was
    // one of ours (and has been started again unless stopping).
    bool on_exit(pid_t pid, bool stopping);

    // After a reload: stop the programs the new configuration no longer names.
    void retain_only(const std::set<std::string>& targets);
    // Stop every program (server shutdown).
    void stop_all();
    // In a server child: close the read ends it must not hold.
    void close_read_ends_in_child() const;

    std::vector<pid_t> pids() const;

private:
    struct Program {
        std::string target;   // as configured, the key
        std::string command;  // without the leading '|', '||' or '|$'
        bool shell = false;   // "|$": through /bin/sh -c
        int read_fd = -1;
        int write_fd = -1;
        pid_t pid = -1;
    };
    bool spawn(Program& p, std::string& error) const;

    std::string working_dir_;
    Reporter report_;
    std::vector<Program> programs_;
};

// apr_tokenize_to_argv: words separated by white space, "..." and '...'
// grouping, backslash escaping the next character.
std::vector<std::string> tokenize_command(std::string_view command);

}  // namespace feather::runtime

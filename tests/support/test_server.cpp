#include "tests/support/test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace feather::test {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
        s.replace(p, from.size(), to);
    }
    return s;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool port_accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

std::string feather_binary()
{
    if (const char* b = std::getenv("FEATHER_BINARY")) {
        return b;
    }
#ifdef FEATHER_BINARY
    return FEATHER_BINARY;
#else
    return "feather";
#endif
}

int free_port()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::string raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return {};
    }
    std::size_t sent = 0;
    while (sent < request.size()) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            break;
        }
        sent += static_cast<std::size_t>(n);
    }
    std::string out;
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (::poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) {
            break;
        }
        char buf[65536];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

int status_of(const std::string& response)
{
    if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) {
        return 0;
    }
    return std::atoi(response.c_str() + 9);
}

TestServer::TestServer() : port_(free_port())
{
    // Children drop to "nobody" when tests run as root: let it read the tree.
    std::filesystem::permissions(root_.path(), std::filesystem::perms::owner_all |
                                                   std::filesystem::perms::group_read |
                                                   std::filesystem::perms::group_exec |
                                                   std::filesystem::perms::others_read |
                                                   std::filesystem::perms::others_exec);
    root_.mkdir("logs");
    root_.mkdir("htdocs");
}

TestServer::~TestServer()
{
    if (running()) {
        stop(std::chrono::seconds(5));
    }
}

void TestServer::write_config(const std::string& text)
{
    root_.write("httpd.conf", replace_all(replace_all(text, "@ROOT@", root_.str()), "@PORT@", std::to_string(port_)));
}

bool TestServer::start(const std::vector<std::string>& extra_args, std::chrono::milliseconds timeout)
{
    const std::string err = root_.str() + "/stderr.txt";
    std::vector<std::string> args = {feather_binary(), "-d", root_.str(), "-f", "httpd.conf", "-DFOREGROUND"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
        ::setsid();
        const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDERR_FILENO);
        ::dup2(fd, STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    exit_status_.reset();
    return eventually(
        [&] {
            if (!running()) {
                return true;  // exited: report below
            }
            return port_accepts(port_);
        },
        timeout) &&
           running();
}

bool TestServer::running() const
{
    if (pid_ <= 0 || exit_status_) {
        return false;
    }
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        const_cast<TestServer*>(this)->exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

std::optional<int> TestServer::wait_exit(std::chrono::milliseconds timeout)
{
    eventually([&] { return !running(); }, timeout);
    return exit_status_;
}

void TestServer::signal(int sig) const
{
    if (pid_ > 0) {
        ::kill(pid_, sig);
    }
}

int TestServer::stop(std::chrono::milliseconds timeout)
{
    if (!running()) {
        return exit_status_.value_or(-1);
    }
    ::kill(pid_, SIGTERM);
    if (!wait_exit(timeout)) {
        ::kill(pid_, SIGKILL);
        wait_exit(std::chrono::seconds(5));
        // Children of a killed master: clean them up by their pids.
        for (const pid_t c : children()) {
            ::kill(c, SIGKILL);
        }
    }
    return exit_status_.value_or(-1);
}

std::vector<pid_t> TestServer::children() const
{
    std::vector<pid_t> out;
    if (pid_ <= 0) {
        return out;
    }
    std::ifstream in("/proc/" + std::to_string(pid_) + "/task/" + std::to_string(pid_) + "/children");
    long p = 0;
    while (in >> p) {
        out.push_back(static_cast<pid_t>(p));
    }
    return out;
}

std::string TestServer::stderr_text() const { return read_file(root_.str() + "/stderr.txt"); }

std::string TestServer::file(const std::string& relative) const { return read_file(root_.str() + "/" + relative); }

std::string TestServer::get(const std::string& path, const std::string& host) const
{
    return raw_exchange(port_, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
}

std::pair<int, std::string> TestServer::run_cli(const std::vector<std::string>& args, std::chrono::milliseconds timeout)
{
    int out_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        return {-1, {}};
    }
    std::vector<std::string> full = {feather_binary()};
    full.insert(full.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setsid();
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(out_pipe[1], STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& a : full) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    std::string out;
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        pollfd p{out_pipe[0], POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char buf[4096];
            const ssize_t n = ::read(out_pipe[0], buf, sizeof buf);
            if (n <= 0) {
                break;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(out_pipe[0]);
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == 0) {
        eventually([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(5));
    }
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace feather::test

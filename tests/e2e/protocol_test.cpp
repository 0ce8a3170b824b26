// The HTTP/1.1 protocol end to end, on a real feather: requests answered
// before any access check (malformed ones, "OPTIONS *", TRACE), pipelining,
// keep-alive counts, "100 Continue", chunked answers. Every expected byte
// was checked against apache2 2.4.71 (tests/compat/http/scenarios/protocol_*
// run the same requests against both).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>

#include <gtest/gtest.h>

#include "tests/support/test_server.hpp"

namespace feather::test {
namespace {

using namespace std::chrono_literals;

const std::string kConfig =
    "LoadModule mpm_worker_module modules/mod_mpm_worker.so\n"
    "LoadModule authz_core_module modules/mod_authz_core.so\n"
    "Listen 127.0.0.1:@PORT@\n"
    "ServerName localhost\n"
    "User nobody\n"
    "Group nogroup\n"
    "PidFile logs/feather.pid\n"
    "ErrorLog logs/error_log\n"
    "DocumentRoot @ROOT@/htdocs\n"
    "StartServers 1\n"
    "Timeout 2\n"
    "KeepAliveTimeout 1\n"
    "MaxKeepAliveRequests 3\n"
    "LimitRequestLine 100\n"
    "ServerTokens Prod\n";

// The Date value changes; nothing else may.
std::string without_dates(const std::string& s)
{
    static const std::regex date(
        "Date: [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    return std::regex_replace(s, date, "Date: D");
}

class Connection {
public:
    explicit Connection(int port)
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }
    ~Connection() { ::close(fd_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool connected() const { return connected_; }
    void send(const std::string& bytes)
    {
        (void)::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }
    // Reads until `quiet` passes without data, or the server closes.
    std::string read(std::chrono::milliseconds quiet = 500ms)
    {
        std::string out;
        while (true) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(quiet.count())) <= 0) {
                return out;
            }
            char buf[16384];
            const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) {
                closed_ = true;
                return out;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
    }
    bool closed() const { return closed_; }

private:
    int fd_ = -1;
    bool connected_ = false;
    bool closed_ = false;
};

class Protocol : public ::testing::Test {
protected:
    void SetUp() override
    {
        server_.write_config(kConfig + extra_);
        ASSERT_TRUE(server_.start()) << server_.stderr_text();
    }

    TestServer server_;
    std::string extra_;
};

TEST_F(Protocol, PipelinedAnswersInOrderUntilTheMaximum)
{
    Connection c(server_.port());
    ASSERT_TRUE(c.connected());
    const std::string ping = "OPTIONS * HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
    c.send(ping + ping + ping + ping + ping);
    const std::string got = without_dates(c.read());
    const std::string head =
        "HTTP/1.1 200 OK\r\nDate: D\r\nServer: Apache\r\nContent-Length: 0\r\n";
    EXPECT_EQ(got, head + "Keep-Alive: timeout=1, max=3\r\nConnection: Keep-Alive\r\n\r\n" + head +
                       "Keep-Alive: timeout=1, max=2\r\nConnection: Keep-Alive\r\n\r\n" + head +
                       "Keep-Alive: timeout=1, max=1\r\nConnection: Keep-Alive\r\n\r\n" + head +
                       "Connection: close\r\n\r\n");
    EXPECT_TRUE(c.closed());
}

TEST_F(Protocol, TraceIsChunkedOnHttp11)
{
    Connection c(server_.port());
    c.send(
        "TRACE /x?y HTTP/1.1\r\nHost: LocalHost\r\nX-A: 1\r\nX-A: 2\r\nConnection: close\r\n\r\n");
    const std::string echo =
        "TRACE /x?y HTTP/1.1\r\nHost: LocalHost\r\nX-A: 1, 2\r\nConnection: close\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", echo.size());
    // ap_set_keepalive says "close" before the header filter adds the coding.
    EXPECT_EQ(without_dates(c.read()),
              "HTTP/1.1 200 OK\r\nDate: D\r\nServer: Apache\r\nConnection: close\r\n"
              "Transfer-Encoding: chunked\r\nContent-Type: message/http\r\n\r\n" +
                  std::string(size) + "\r\n" + echo + "\r\n0\r\n\r\n");
    EXPECT_TRUE(c.closed());
}

TEST_F(Protocol, LongRequestLineIs414AndCloses)
{
    Connection c(server_.port());
    c.send("GET /" + std::string(200, 'a') + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const std::string got = without_dates(c.read());
    EXPECT_EQ(
        got.substr(0, got.find("\r\n\r\n") + 4),
        "HTTP/1.1 414 Request-URI Too Long\r\nDate: D\r\nServer: Apache\r\nContent-Length: 288\r\n"
        "Connection: close\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n");
    EXPECT_TRUE(c.closed());
}

TEST_F(Protocol, HundredContinueBeforeTheBody)
{
    Connection c(server_.port());
    c.send(
        "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: "
        "5\r\n\r\n");
    EXPECT_EQ(c.read(), "HTTP/1.1 100 Continue\r\n\r\n");
    c.send("hello");
    EXPECT_EQ(without_dates(c.read()),
              "HTTP/1.1 200 OK\r\nDate: D\r\nServer: Apache\r\nContent-Length: 0\r\n\r\n");
    EXPECT_FALSE(c.closed());
}

TEST_F(Protocol, UnknownExpectationClosesWithoutSayingSo)
{
    Connection c(server_.port());
    c.send(
        "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nExpect: later\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: "
        "x\r\n\r\n");
    const std::string got = without_dates(c.read());
    EXPECT_EQ(
        got.substr(0, got.find("\r\n\r\n") + 4),
        "HTTP/1.1 417 Expectation Failed\r\nDate: D\r\nServer: Apache\r\nContent-Length: 397\r\n"
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n");
    EXPECT_EQ(got.find("HTTP/1.1 200"), std::string::npos);  // the second request is not read
    EXPECT_TRUE(c.closed());
}

TEST_F(Protocol, SmugglingAttemptClosesAfterTheFirstAnswer)
{
    Connection c(server_.port());
    c.send(
        "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nContent-Length: 20\r\nTransfer-Encoding: "
        "chunked\r\n\r\n"
        "0\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string got = without_dates(c.read());
    EXPECT_EQ(got,
              "HTTP/1.1 200 OK\r\nDate: D\r\nServer: Apache\r\nContent-Length: 0\r\nConnection: "
              "close\r\n\r\n");
    EXPECT_TRUE(c.closed());
}

TEST_F(Protocol, Http09ErrorIsTheBodyAlone)
{
    Connection c(server_.port());
    c.send("HEAD /index.html\r\n");  // HTTP/0.9 allows GET only: answered as HTTP/1.0
    const std::string got = without_dates(c.read());
    EXPECT_EQ(got,
              "HTTP/1.1 400 Bad Request\r\nDate: D\r\nServer: Apache\r\nConnection: close\r\n"
              "Content-Type: text/html; charset=iso-8859-1\r\n\r\n");
    EXPECT_TRUE(c.closed());
}

class TraceOff : public Protocol {
protected:
    void SetUp() override
    {
        extra_ = "TraceEnable off\n";
        Protocol::SetUp();
    }
};

TEST_F(TraceOff, BrokenBodyAfterAnErrorReplacesItWithoutALength)
{
    Connection c(server_.port());
    c.send("TRACE / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    const std::string got = without_dates(c.read());
    EXPECT_EQ(
        got,
        "HTTP/1.1 400 Bad Request\r\nDate: D\r\nServer: Apache\r\nConnection: close\r\n"
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n"
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
        "\"http://www.w3.org/TR/html4/strict.dtd\">\n"
        "<html><head>\n<title>400 Bad Request</title>\n</head><body>\n<h1>Bad Request</h1>\n"
        "<p>Your browser sent a request that this server could not understand.<br />\n"
        "TRACE denied by server configuration</p>\n<p>Additionally, a 405 Method Not Allowed\n"
        "error was encountered while trying to use an ErrorDocument to handle the request.</p>\n"
        "</body></html>\n");
    EXPECT_TRUE(c.closed());
}

}  // namespace
}  // namespace feather::test

// Entity tags as httpd's ap_make_etag_ex builds them from FileETag, and the
// Last-Modified / Content-Type helpers of the protocol code.

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "runtime/http/etag.hpp"
#include "runtime/http/file_digest.hpp"
#include "runtime/http/response_meta.hpp"
#include "tests/runtime/http/serving_fixture.hpp"

namespace feather::test::serving {
namespace {

using runtime::make_etag;

constexpr std::int64_t kMtimeUs = 1700000000123456;  // hex 60a2418202240

// A request for a 6-byte file with a known mtime, made an hour later.
std::unique_ptr<Request> file_request(Serving& s)
{
    const std::string path = s.root.write("htdocs/f.txt", "hello\n");
    const struct timespec times[2] = {{1700000000, 123456789}, {1700000000, 123456789}};
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
    auto r = s.request("/f.txt");
    r->filename = path;
    struct stat st {};
    ::stat(path.c_str(), &st);
    r->finfo = st;
    r->request_time_us = kMtimeUs + std::int64_t{3600} * 1000000;
    return r;
}

std::string hex(std::uint64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lx", static_cast<unsigned long>(v));
    return buf;
}

// The tag under `directive`, the file's inode number written "INODE".
std::string etag_for(const std::string& directive, bool weak_window = false)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n" + directive + "\n");
    auto r = file_request(s);
    if (weak_window) {
        r->request_time_us = kMtimeUs + 999999;
    }
    std::string tag = make_etag(*r, false);
    const std::string inode = hex(r->finfo->st_ino);
    if (const auto p = tag.find(inode); p != std::string::npos && inode != "6") {
        tag.replace(p, inode.size(), "INODE");
    }
    return tag;
}

TEST(ServingEtag, FileEtagComponents)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    auto r = file_request(s);
    EXPECT_EQ(make_etag(*r, false), "\"6-60a2418202240\"");  // unset: MTime Size
    EXPECT_EQ(make_etag(*r, true), "W/\"6-60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag All"), "\"INODE-6-60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag INode MTime Size"), "\"INODE-6-60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag MTime"), "\"60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag Size INode"), "\"INODE-6\"");
    EXPECT_EQ(etag_for("FileETag None"), "");
    // A relative change with nothing to change from: only what was added
    // (httpd's ETAG_UNSET base).
    EXPECT_EQ(etag_for("FileETag +INode"), "\"INODE\"");
    EXPECT_EQ(etag_for("FileETag -INode"), "\"6-60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag All -INode"), "\"6-60a2418202240\"");
    EXPECT_EQ(etag_for("FileETag Digest"), "\"9XLTlvrpIGYocU+yzgD3LpTyJY8=\"");
    EXPECT_EQ(etag_for("FileETag Digest", true),
              "\"9XLTlvrpIGYocU+yzgD3LpTyJY8=\"");  // never weak by age
}

TEST(ServingEtag, WeakWithinTheSecondOfTheChange)
{
    EXPECT_EQ(etag_for("", true), "W/\"6-60a2418202240\"");
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    auto r = file_request(s);
    r->request_time_us = kMtimeUs + 1000000;
    EXPECT_EQ(make_etag(*r, false), "\"6-60a2418202240\"");
    r->request_time_us = kMtimeUs - 5000000;  // a file from the future
    EXPECT_EQ(make_etag(*r, false), "W/\"6-60a2418202240\"");
}

TEST(ServingEtag, VariantListValidatorAndNoFile)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    auto r = file_request(s);
    r->vlist_validator = "\"vlv1\"";
    // apache2 loses the closing quote (apr_cpystrn with the quote counted).
    EXPECT_EQ(make_etag(*r, false), "\"6-60a2418202240;vlv1");
    r->vlist_validator = "W/\"vlv2\"";
    EXPECT_EQ(make_etag(*r, false), "W/\"6-60a2418202240;vlv2");
    r->vlist_validator.clear();
    r->finfo.reset();
    r->request_time_us = kMtimeUs + 3600000000;
    EXPECT_EQ(make_etag(*r, false), "\"0\"");  // not a file: the mtime form
}

TEST(ServingEtag, SetEtagOrTheNoEtagNote)
{
    Serving s("DocumentRoot @ROOT@/htdocs\nFileETag None\n");
    auto r = file_request(s);
    runtime::set_etag(*r);
    EXPECT_FALSE(r->headers_out.has("ETag"));
    EXPECT_EQ(r->notes.get("no-etag"), "omit");
    Serving t("DocumentRoot @ROOT@/htdocs\n");
    auto q = file_request(t);
    runtime::set_etag(*q);
    EXPECT_EQ(q->headers_out.get("ETag"), "\"6-60a2418202240\"");
}

TEST(ServingDigest, Base64OfFileDigests)
{
    TempDir d;
    const std::string path = d.write("x", "hello\n");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    EXPECT_EQ(runtime::file_digest_base64(fd, runtime::DigestKind::Md5),
              "sZRqySSS0jR8YjW00mERhA==");
    EXPECT_EQ(runtime::file_digest_base64(fd, runtime::DigestKind::Sha1),
              "9XLTlvrpIGYocU+yzgD3LpTyJY8=");
    ::close(fd);
    const unsigned char two[] = {'a', 'b'};
    EXPECT_EQ(runtime::base64_encode(two, 2), "YWI=");
    EXPECT_EQ(runtime::base64_encode(two, 1), "YQ==");
    EXPECT_EQ(runtime::base64_encode(two, 0), "");
}

TEST(ServingMeta, LastModifiedNeverInTheFuture)
{
    Serving s("DocumentRoot @ROOT@/htdocs\n");
    auto r = s.request("/");
    r->request_time_us = std::int64_t{1700000000} * 1000000;
    runtime::update_mtime(*r, std::int64_t{1600000000} * 1000000);
    runtime::update_mtime(*r, std::int64_t{1500000000} * 1000000);  // older: ignored
    EXPECT_EQ(r->mtime_us, std::int64_t{1600000000} * 1000000);
    runtime::set_last_modified(*r);
    EXPECT_EQ(r->headers_out.get("Last-Modified"), "Sun, 13 Sep 2020 12:26:40 GMT");
    // an mtime ahead of the clock is sent as "now"
    r->mtime_us = std::int64_t{4000000000} * 1000000;
    const std::int64_t t = runtime::rationalize_mtime(*r, r->mtime_us);
    EXPECT_LT(t, std::int64_t{4000000000} * 1000000);
    EXPECT_GE(t, r->request_time_us);
    r->assbackwards = true;
    r->headers_out.clear();
    runtime::set_last_modified(*r);
    EXPECT_FALSE(r->headers_out.has("Last-Modified"));
}

TEST(ServingMeta, AddDefaultCharset)
{
    Serving off("DocumentRoot @ROOT@/htdocs\n");
    auto r = off.request("/");
    EXPECT_EQ(runtime::make_content_type(*r, "text/plain"), "text/plain");
    EXPECT_EQ(runtime::make_content_type(*r, ""), "");

    Serving on("DocumentRoot @ROOT@/htdocs\nAddDefaultCharset On\n");
    auto q = on.request("/");
    EXPECT_EQ(runtime::make_content_type(*q, "text/plain"), "text/plain; charset=iso-8859-1");
    EXPECT_EQ(runtime::make_content_type(*q, "text/html"), "text/html; charset=iso-8859-1");
    EXPECT_EQ(runtime::make_content_type(*q, "application/xhtml+xml"), "application/xhtml+xml");
    EXPECT_EQ(runtime::make_content_type(*q, "text/html; charset=utf-8"),
              "text/html; charset=utf-8");
    EXPECT_EQ(runtime::make_content_type(*q, "text/html;level=1"),
              "text/html;level=1; charset=iso-8859-1");
    EXPECT_EQ(runtime::make_content_type(*q, "Text/HTML"), "Text/HTML");  // a case-sensitive test

    Serving named("DocumentRoot @ROOT@/htdocs\nAddDefaultCharset utf-8\n");
    auto n = named.request("/");
    EXPECT_EQ(runtime::make_content_type(*n, "text/plain"), "text/plain; charset=utf-8");
}

TEST(ServingMeta, HeadersKeepTheirPlace)
{
    Headers h;
    h.add("A", "1");
    h.add("Content-Length", "5");
    h.add("B", "2");
    h.add("content-length", "6");
    runtime::set_header_in_place(h, "Content-Length", "9");
    ASSERT_EQ(h.fields().size(), 3u);
    EXPECT_EQ(h.fields()[1].name, "Content-Length");
    EXPECT_EQ(h.fields()[1].value, "9");
    EXPECT_EQ(h.fields()[2].name, "B");
    runtime::set_header_in_place(h, "C", "3");
    EXPECT_EQ(h.fields()[3].name, "C");
}

}  // namespace
}  // namespace feather::test::serving

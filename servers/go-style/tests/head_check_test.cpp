// The raw request-head checks that back Beast's parser.
#include <gtest/gtest.h>

#include "http/head_check.hpp"

namespace {

using gohttp::head_bytes_acceptable;

TEST(HeadCheck, AcceptsAWellFormedHeadAndIgnoresTheBody) {
  EXPECT_TRUE(head_bytes_acceptable("GET / HTTP/1.1\r\nHost: t\r\nX-A: caf\xc3\xa9\r\n\r\n"));
  EXPECT_TRUE(head_bytes_acceptable("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n\n\x01 "));
  EXPECT_TRUE(head_bytes_acceptable("GET / HTTP/1.1\r\nHos"));  // incomplete so far, nothing wrong yet
}

TEST(HeadCheck, RefusesBareLineEndsFoldingAndControlBytes) {
  EXPECT_FALSE(head_bytes_acceptable("GET / HTTP/1.1\nHost: t\r\n\r\n"));
  EXPECT_FALSE(head_bytes_acceptable("GET / HTTP/1.1\rHost: t\r\n\r\n"));
  EXPECT_FALSE(head_bytes_acceptable("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n"));
  EXPECT_FALSE(head_bytes_acceptable("GET / HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n"));
  EXPECT_FALSE(head_bytes_acceptable("GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n"));
  EXPECT_FALSE(head_bytes_acceptable(std::string_view("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 27)));
}

}  // namespace

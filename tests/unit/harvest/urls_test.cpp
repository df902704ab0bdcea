// The harvest helpers that need no network: base URLs as users type them,
// links as ModernGov servers write them, file names that carry the format,
// Content-Type parameters, the HTTP client's refusals, and libcurl loaded at
// run time.

#include "engine/harvest/urls.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "engine/harvest/curl_library.hpp"
#include "engine/harvest/http_client.hpp"
#include "engine/harvest/moderngov_harvester.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
namespace harvest = casebook::harvest;

BOOST_AUTO_TEST_SUITE(harvest_urls)

BOOST_AUTO_TEST_CASE(base_url_loses_trailing_slash_and_pasted_service_path) {
  BOOST_TEST(harvest::normalize_base_url(" https://democracy.example.gov.uk/ ") ==
             "https://democracy.example.gov.uk");
  BOOST_TEST(harvest::normalize_base_url(
                 "https://example.gov.uk/moderngov/mgWebService.asmx/GetCommittees") ==
             "https://example.gov.uk/moderngov");
}

BOOST_AUTO_TEST_CASE(base_url_must_be_http) {
  auto e = expect_error(ErrorKind::Usage, [] { harvest::normalize_base_url("democracy.example"); });
  BOOST_TEST(contains(e.what(), "democracy.example"));
  expect_error(ErrorKind::Usage, [] { harvest::normalize_base_url("ftp://example.org"); });
  expect_error(ErrorKind::Usage, [] { harvest::normalize_base_url("https://"); });
}

BOOST_AUTO_TEST_CASE(links_are_made_absolute) {
  const std::string base = "https://democracy.example.gov.uk/mg";
  BOOST_TEST(harvest::resolve_document_url(base, "https://other.org/a.pdf") ==
             "https://other.org/a.pdf");
  BOOST_TEST(harvest::resolve_document_url(base, "/documents/s1/A.pdf") ==
             "https://democracy.example.gov.uk/documents/s1/A.pdf");
  BOOST_TEST(harvest::resolve_document_url(base, "mgConvert2PDF.aspx?ID=7") ==
             "https://democracy.example.gov.uk/mg/mgConvert2PDF.aspx?ID=7");
  BOOST_TEST(harvest::resolve_document_url(base, "//cdn.example.org/x.pdf") ==
             "https://cdn.example.org/x.pdf");
}

BOOST_AUTO_TEST_CASE(http_links_to_an_https_site_are_upgraded_only_on_the_same_host) {
  const std::string base = "https://democracy.example.gov.uk";
  BOOST_TEST(harvest::resolve_document_url(base, "http://Democracy.example.gov.uk/a.pdf") ==
             "https://Democracy.example.gov.uk/a.pdf");
  BOOST_TEST(harvest::resolve_document_url(base, "http://elsewhere.org/a.pdf") ==
             "http://elsewhere.org/a.pdf");
}

BOOST_AUTO_TEST_CASE(spaces_and_non_ascii_in_links_are_encoded_once) {
  BOOST_TEST(harvest::resolve_document_url("http://h", "/documents/s1/Budget Report £.pdf") ==
             "http://h/documents/s1/Budget%20Report%20%C2%A3.pdf");
  BOOST_TEST(harvest::resolve_document_url("http://h", "/documents/s1/A%20B.pdf") ==
             "http://h/documents/s1/A%20B.pdf");
}

BOOST_AUTO_TEST_CASE(file_name_extension_comes_from_content_type_then_url) {
  BOOST_TEST(harvest::document_file_name("Budget report", "application/pdf",
                                         "http://h/mgConvert2PDF.aspx?ID=1") ==
             "Budget report.pdf");
  BOOST_TEST(harvest::document_file_name("Minutes", "text/html; charset=utf-8", "http://h/x") ==
             "Minutes.html");
  BOOST_TEST(harvest::document_file_name("Paper", "application/octet-stream",
                                         "http://h/documents/s1/Paper.DOCX?x=1") == "Paper.docx");
  BOOST_TEST(harvest::document_file_name("Paper", "", "http://h/mgConvert2PDF.aspx?ID=1") ==
             "Paper.bin");
  BOOST_TEST(harvest::document_file_name("Report.PDF", "application/pdf", "") == "Report.PDF");
}

BOOST_AUTO_TEST_CASE(file_name_is_safe_and_short) {
  BOOST_TEST(harvest::document_file_name("Minutes , 12/02/2019: Council", "text/plain", "") ==
             "Minutes , 12_02_2019_ Council.txt");
  BOOST_TEST(harvest::document_file_name("  ", "text/plain", "") == "document.txt");
  std::string long_title(79, 'a');
  long_title += "é and more";  // the 80-byte cut falls inside "é"
  std::string name = harvest::document_file_name(long_title, "text/plain", "");
  BOOST_TEST(name == std::string(79, 'a') + ".txt");
}

BOOST_AUTO_TEST_CASE(content_type_parameters) {
  BOOST_TEST(harvest::charset_of("text/plain; charset=windows-1252") == "windows-1252");
  BOOST_TEST(harvest::charset_of("text/html;Charset=\"UTF-8\"; x=y") == "UTF-8");
  BOOST_TEST(harvest::charset_of("application/pdf") == "");
  BOOST_TEST(harvest::media_type_of(" Text/HTML ; charset=utf-8") == "text/html");
}

BOOST_AUTO_TEST_CASE(dates_and_types_for_the_web_service) {
  BOOST_TEST(harvest::moderngov_date("2019-05-14") == "14/05/2019");
  BOOST_TEST(harvest::source_type_for("agenda") == "agenda");
  BOOST_TEST(harvest::source_type_for("decision") == "minutes");
  BOOST_TEST(harvest::source_type_for("appendix") == "report");
  BOOST_TEST(harvest::source_type_for("other") == "document");
}

BOOST_AUTO_TEST_CASE(user_agent_names_casebook_and_its_purpose) {
  std::string ua = harvest::default_user_agent();
  BOOST_TEST(ua.rfind(std::string("casebook/") + CASEBOOK_VERSION, 0) == 0);
  BOOST_TEST(contains(ua, "research harvesting"));
}

// A port on the loopback interface that nothing listens on: bound, then
// released, so connecting to it is refused.
int unused_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

BOOST_AUTO_TEST_CASE(refused_connection_is_an_io_error_naming_the_url) {
  harvest::HttpClient client;
  const std::string url =
      "http://127.0.0.1:" + std::to_string(unused_loopback_port()) + "/mgWebService.asmx/X";
  auto e = expect_error(ErrorKind::Io, [&] { client.get(url); });
  BOOST_TEST(contains(e.what(), url));
  BOOST_TEST(!e.hint().empty());
}

BOOST_AUTO_TEST_CASE(other_protocols_are_refused) {
  harvest::HttpClient client;
  expect_error(ErrorKind::Io, [&] { client.get("file:///etc/passwd"); });
}

BOOST_AUTO_TEST_CASE(libcurl_is_loaded_at_run_time_and_a_missing_one_is_named) {
  const harvest::CurlApi& api = harvest::curl_api();
  BOOST_TEST(&api == &harvest::curl_api());  // loaded once
  BOOST_REQUIRE(api.easy_strerror != nullptr);
  BOOST_TEST(std::string(api.easy_strerror(CURLE_OK)) == "No error");
  auto e = expect_error(ErrorKind::Internal,
                        [] { harvest::load_curl_library("libcurl-not-installed.so.4"); });
  BOOST_TEST(contains(e.what(), "libcurl-not-installed.so.4"));
  BOOST_TEST(contains(e.hint(), "libcurl4"));
  // A library that is there but is not libcurl: the missing symbol is named.
  auto not_curl =
      expect_error(ErrorKind::Internal, [] { harvest::load_curl_library("libz.so.1"); });
  BOOST_TEST(contains(not_curl.what(), "curl_global_init"));
}

BOOST_AUTO_TEST_SUITE_END()

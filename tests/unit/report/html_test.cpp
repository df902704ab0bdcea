// The report's building blocks: escaping of hostile and malformed strings,
// locale-independent numbers, UTF-8 aware truncation, colours, safe file
// names and exporting::Document as HTML.

#include "engine/report/html.hpp"

#include <boost/test/unit_test.hpp>
#include <clocale>
#include <limits>
#include <string>
#include <vector>

#include "report_support.hpp"

namespace html = casebook::report::html;
using casebook::report::testing::cell;
using casebook::report::testing::xml_errors;

BOOST_AUTO_TEST_SUITE(report_html)

BOOST_AUTO_TEST_CASE(escapes_every_special_character) {
  BOOST_TEST(html::escape("<script>alert('x' & \"y\")</script>") ==
             "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
  BOOST_TEST(html::escape("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(escape_repairs_what_xml_would_reject) {
  // A lone continuation byte, a truncated sequence, an overlong '/', a
  // surrogate, and control characters.
  const std::string bad =
      "a\x80"
      "b\xE2\x82"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\x01\x1B\tf\n";
  const std::string escaped = html::escape(bad);
  BOOST_TEST(escaped.find('\x01') == std::string::npos);
  BOOST_TEST(escaped.find('\x1B') == std::string::npos);
  BOOST_TEST(escaped.find("\tf\n") != std::string::npos);
  BOOST_TEST(xml_errors("<p>" + escaped + "</p>") == "");
}

BOOST_AUTO_TEST_CASE(numbers_do_not_depend_on_the_locale) {
  // A locale with a decimal comma, if this system has one.
  const char* comma_locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8"};
  std::string old = std::setlocale(LC_ALL, nullptr);
  for (const char* name : comma_locales) {
    if (std::setlocale(LC_ALL, name) != nullptr) break;
  }
  BOOST_TEST(html::fixed(1234.5, 2) == "1234.50");
  BOOST_TEST(html::number(2.5) == "2.5");
  std::setlocale(LC_ALL, old.c_str());

  BOOST_TEST(html::number(12.0) == "12");
  BOOST_TEST(html::number(0.125, 2) == "0.12");  // round half to even on the binary value
  BOOST_TEST(html::number(-0.001) == "0");
  BOOST_TEST(html::fixed(-0.0001, 2) == "0.00");
  BOOST_TEST(html::fixed(std::numeric_limits<double>::quiet_NaN(), 2) == "0");
  BOOST_TEST(html::fixed(std::numeric_limits<double>::infinity(), 1) == "0");
}

BOOST_AUTO_TEST_CASE(truncates_by_code_points_with_an_ellipsis) {
  BOOST_TEST(html::truncate("short", 10) == "short");
  BOOST_TEST(html::truncate("abcdefghij", 5) == "abcd\xE2\x80\xA6");
  BOOST_TEST(html::length("\xC3\xA9t\xC3\xA9") == 3u);
  // Four emoji of four bytes each: cut after three whole ones.
  const std::string faces =
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x81\xF0\x9F\x98\x82\xF0\x9F\x98\x83\xF0\x9F\x98\x84";
  BOOST_TEST(html::truncate(faces, 4) ==
             "\xF0\x9F\x98\x80\xF0\x9F\x98\x81\xF0\x9F\x98\x82\xE2\x80\xA6");
}

BOOST_AUTO_TEST_CASE(truncation_keeps_combining_marks_with_their_letter) {
  // "cafe" + U+0301 COMBINING ACUTE + "s": cutting at 5 would keep "cafe" and
  // drop the accent's place; the cut moves before the accented letter.
  const std::string text = "cafe\xCC\x81s and more";
  const std::string cut = html::truncate(text, 5);
  BOOST_TEST(cut == "caf\xE2\x80\xA6");
  BOOST_TEST(html::truncate(text, 6) == "cafe\xCC\x81\xE2\x80\xA6");
}

BOOST_AUTO_TEST_CASE(colours_are_parsed_strictly) {
  const auto colour = html::parse_colour("#1F77b4");
  BOOST_REQUIRE(colour.has_value());
  BOOST_TEST(html::hex(*colour) == "#1f77b4");
  BOOST_TEST(html::rgba(*colour, 0.3) == "rgba(31,119,180,0.3)");
  BOOST_TEST(html::hex(*html::parse_colour("#abc")) == "#aabbcc");
  BOOST_TEST(!html::parse_colour("red").has_value());
  BOOST_TEST(!html::parse_colour("#12345").has_value());
  BOOST_TEST(!html::parse_colour("#123456;background:url(x)").has_value());
}

BOOST_AUTO_TEST_CASE(file_stems_are_safe_and_unique) {
  const std::vector<std::string> stems =
      html::safe_file_stems({"Int-7", "Int 7", "Int/7", "../etc", "index", "INDEX", "",
                             "Caf\xC3\xA9", "int-7", ".hidden"},
                            {"index"});
  const std::vector<std::string> expected = {"Int-7",   "Int_7",  "Int_7-2", "_._etc",  "index-2",
                                             "INDEX-3", "source", "Caf__",   "int-7-2", "_hidden"};
  BOOST_TEST(stems == expected, boost::test_tools::per_element());
  for (const std::string& stem : stems) {
    BOOST_TEST(stem.find_first_not_of(
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
               std::string::npos);
  }
  BOOST_TEST(html::safe_file_stems({std::string(200, 'x')}, {}).front().size() == 80u);
}

BOOST_AUTO_TEST_CASE(slugs_are_tokens) {
  BOOST_TEST(html::slug("Single source") == "single-source");
  BOOST_TEST(html::slug("  --Spending (\xC2\xA3m)--") == "spending-m");
  BOOST_TEST(html::slug("\xC3\xA9") == "x");
}

BOOST_AUTO_TEST_CASE(documents_become_escaped_tables) {
  casebook::exporting::Table table;
  table.id = "ev";
  table.caption = "Evidence <b>";
  table.columns = {{"Code", casebook::exporting::Align::Left, 1},
                   {"Count", casebook::exporting::Align::Right, 3}};
  table.rows = {{cell("<script>x</script>"), cell("3")}, {cell("short row")}};
  table.notes = {"a & b"};
  casebook::exporting::Document document;
  document.blocks = {
      casebook::exporting::Heading{1, "Part"},
      casebook::exporting::Paragraph{{"plain "}, {"em", casebook::exporting::Style::Emphasis}},
      table};
  const std::string body = html::document_body(document);
  BOOST_TEST(body.find("<script>") == std::string::npos);
  BOOST_TEST(body.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(body.find("<h2>Part</h2>") != std::string::npos);
  BOOST_TEST(body.find("<p>plain <em>em</em></p>") != std::string::npos);
  BOOST_TEST(body.find("<caption>Evidence &lt;b&gt;</caption>") != std::string::npos);
  BOOST_TEST(body.find("id=\"table-ev\"") != std::string::npos);
  BOOST_TEST(body.find("<td class=\"num\">3</td>") != std::string::npos);
  BOOST_TEST(body.find("<col style=\"width:75%\"/>") != std::string::npos);
  BOOST_TEST(body.find("<p class=\"note\">a &amp; b</p>") != std::string::npos);
  // The short row is padded to the header's width.
  BOOST_TEST(body.find("<tr><td>short row</td><td class=\"num\"></td></tr>") != std::string::npos);
  BOOST_TEST(xml_errors("<div>" + body + "</div>") == "");
}

BOOST_AUTO_TEST_CASE(pages_have_the_frame_and_parse_as_xml) {
  html::Frame frame{"Study <1>", "Sources", "../", html::Page::Sources, "casebook 0.1"};
  const std::string page = html::page(frame, "<p>body</p>\n");
  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(page.find("<title>Sources \xE2\x80\x94 Study &lt;1&gt;</title>") != std::string::npos);
  BOOST_TEST(page.find("href=\"../style.css\"") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"../sources/index.html\" aria-current=\"page\">") !=
             std::string::npos);
  BOOST_TEST(xml_errors(page) == "");
}

BOOST_AUTO_TEST_SUITE_END()

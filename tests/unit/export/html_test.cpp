// HTML: one self-contained page (no scripts, no external resources),
// escaping, table structure (caption, colgroup, thead/tbody, ids) and notes.

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::testing::contains;
using casebook::testing::count_of;
using casebook::testing::plain;

BOOST_AUTO_TEST_SUITE(export_html)

BOOST_AUTO_TEST_CASE(a_self_contained_utf8_page) {
  ex::Document d;
  d.title = "Codes <&> \"quoted\"";
  const std::string html = ex::write_html(d, {});
  BOOST_TEST(html.rfind("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0u);
  BOOST_TEST(contains(html, "<title>Codes &lt;&amp;&gt; &quot;quoted&quot;</title>"));
  BOOST_TEST(contains(html, "<h1>Codes &lt;&amp;&gt; &quot;quoted&quot;</h1>"));
  BOOST_TEST(contains(html, "<style>\n"));
  BOOST_TEST(contains(html, "@media print"));
  BOOST_TEST(!contains(html, "<script"));
  BOOST_TEST(!contains(html, "<link"));
  BOOST_TEST(!contains(html, "http:"));
  BOOST_TEST(!contains(html, "https:"));
  BOOST_TEST(!contains(html, "url("));
  BOOST_TEST(html.substr(html.size() - 16) == "</body>\n</html>\n");
  // A page needs a non-empty title even when the document has none.
  BOOST_TEST(contains(ex::write_html(ex::Document{}, {}), "<title>Export</title>"));
}

BOOST_AUTO_TEST_CASE(text_is_escaped_and_control_characters_dropped) {
  ex::Document d;
  d.blocks.emplace_back(ex::Heading{1, "a<b"});
  d.blocks.emplace_back(ex::Heading{2, "c&d"});
  d.blocks.emplace_back(ex::Paragraph{{"<script>alert('x')</script> & \x01\x1F", ex::Style::Plain},
                                      {"em", ex::Style::Emphasis},
                                      {"strong\nline", ex::Style::Strong}});
  const std::string html = ex::write_html(d, {});
  BOOST_TEST(contains(html, "<h2>a&lt;b</h2>\n<h3>c&amp;d</h3>\n"));
  BOOST_TEST(contains(html,
                      "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <em>em</em>"
                      "<strong>strong<br>\nline</strong></p>\n"),
             html);
  BOOST_TEST(!contains(html, "\x01"));
}

BOOST_AUTO_TEST_CASE(tables_have_caption_colgroup_head_body_ids_and_notes) {
  ex::Document d;
  ex::Table t;
  t.id = "codes & co";
  t.caption = "Codes <1>";
  t.columns = {
      {"Code", ex::Align::Left, 1}, {"Quotes", ex::Align::Left, 3}, {"n", ex::Align::Right, 1}};
  t.rows = {{ex::Cell("a"), ex::Cell::of({plain("q1"), plain("q2")}), ex::Cell("3")},
            {ex::Cell("b"), ex::Cell("only"), ex::Cell("")}};
  t.notes = {"Note <n>"};
  d.blocks.emplace_back(t);
  ex::Table again = t;
  d.blocks.emplace_back(again);
  const std::string html = ex::write_html(d, {});
  BOOST_TEST(contains(html, "<table id=\"tab-codes---co\">\n<caption>Codes &lt;1&gt;</caption>\n"));
  BOOST_TEST(contains(html, "<table id=\"tab-codes---co-2\">"));  // ids stay unique
  BOOST_TEST(contains(html,
                      "<colgroup><col style=\"width: 20.0%\"><col style=\"width: 60.0%\">"
                      "<col style=\"width: 20.0%\"></colgroup>"));
  BOOST_TEST(contains(html,
                      "<thead>\n<tr><th scope=\"col\">Code</th><th scope=\"col\">Quotes</th>"
                      "<th scope=\"col\" class=\"num\">n</th></tr>\n</thead>\n<tbody>\n"));
  BOOST_TEST(
      contains(html, "<tr><td>a</td><td><p>q1</p><p>q2</p></td><td class=\"num\">3</td></tr>\n"));
  BOOST_TEST(
      contains(html,
               "<tr><td>b</td><td>only</td><td class=\"num\"></td></tr>\n</tbody>\n</table>\n"
               "<p class=\"note\">Note &lt;n&gt;</p>\n"));
  BOOST_TEST(count_of(html, "<table") == 2u);
}

BOOST_AUTO_TEST_CASE(the_nasty_document_is_well_formed_markup) {
  const std::string html = ex::write_html(casebook::testing::nasty_document(), {});
  // Every tag that opens closes.
  for (const char* tag : {"table", "thead", "tbody", "tr", "td", "th", "caption", "p", "em",
                          "strong", "h1", "h2", "h3"}) {
    const std::string name(tag);
    const std::size_t opened = count_of(html, "<" + name + ">") + count_of(html, "<" + name + " ");
    BOOST_TEST(opened == count_of(html, "</" + name + ">"), name);
  }
  BOOST_TEST(contains(html, "\xF0\x9F\x98\x80"));  // UTF-8 passes through
}

BOOST_AUTO_TEST_SUITE_END()

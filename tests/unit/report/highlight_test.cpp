// Coded passages on source pages: positions are code points, overlapping
// codings are cut at every boundary, paragraphs survive, and nothing in the
// text can break the markup.

#include "engine/report/highlight.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "report_support.hpp"

using casebook::report::CodeStyle;
using casebook::report::CodeTable;
using casebook::report::highlighted_text;
using casebook::report::SourcePage;
using casebook::report::testing::mark_titles;
using casebook::report::testing::marked;
using casebook::report::testing::xml_errors;

namespace {

const std::vector<CodeStyle> kCodes = {{"a", "Alpha", "#1f77b4"}, {"b", "Beta", "#ff7f0e"}};

std::string render(const std::string& text, std::vector<casebook::report::Highlight> highlights) {
  SourcePage source;
  source.label = "S";
  source.text = text;
  source.highlights = std::move(highlights);
  return highlighted_text(source, CodeTable(kCodes));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_highlight)

BOOST_AUTO_TEST_CASE(overlapping_codings_are_split_at_every_boundary) {
  // a on [0,10), b on [5,15): "01234" a, "56789" a+b, "abcde" b, rest plain.
  const std::string out =
      render("0123456789abcdefghij", {{0, 10, "a", "ann"}, {5, 15, "b", "bob"}});
  const std::vector<std::string> expected = {"01234", "56789", "abcde"};
  BOOST_TEST(marked(out) == expected, boost::test_tools::per_element());
  const std::vector<std::string> titles = {"Alpha (ann)", "Alpha (ann); Beta (bob)", "Beta (bob)"};
  BOOST_TEST(mark_titles(out) == titles, boost::test_tools::per_element());
  BOOST_TEST(out.find("data-codes=\"a b\"") != std::string::npos);
  BOOST_TEST(out.find("class=\"overlap\"") != std::string::npos);
  BOOST_TEST(out.find("</mark>fghij</p>") != std::string::npos);
  BOOST_TEST(xml_errors(out) == "");
}

BOOST_AUTO_TEST_CASE(nested_codings_and_two_coders_of_one_code) {
  // b inside a, and a coded twice by two coders on the same span.
  const std::string out =
      render("abcdefghij", {{0, 10, "a", "ann"}, {0, 10, "a", "bob"}, {3, 6, "b", ""}});
  const std::vector<std::string> expected = {"abc", "def", "ghij"};
  BOOST_TEST(marked(out) == expected, boost::test_tools::per_element());
  const std::vector<std::string> titles = {"Alpha (ann, bob)", "Alpha (ann, bob); Beta",
                                           "Alpha (ann, bob)"};
  BOOST_TEST(mark_titles(out) == titles, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(positions_are_code_points_not_bytes) {
  // "naïve 😀 café" with the é of café decomposed (e + U+0301): code points
  // n a ï v e ␠ 😀 ␠ c a f e ◌́ → 😀 is code point 6, "café" is [8, 13).
  const std::string text = "na\xC3\xAFve \xF0\x9F\x98\x80 cafe\xCC\x81!";
  const std::string out = render(text, {{2, 3, "a", ""}, {6, 7, "b", ""}, {8, 13, "a", ""}});
  const std::vector<std::string> expected = {"\xC3\xAF", "\xF0\x9F\x98\x80", "cafe\xCC\x81"};
  BOOST_TEST(marked(out) == expected, boost::test_tools::per_element());
  BOOST_TEST(out.find("</mark>!</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(paragraphs_are_kept_and_marks_close_at_their_end) {
  // a spans the paragraph break: it is cut into one mark per paragraph.
  const std::string out = render("one\ntwo\n\nthree\n\n\nfour", {{4, 13, "a", ""}});
  BOOST_TEST(out.rfind("<p>one\n<mark", 0) == 0u);
  BOOST_TEST(out.find("two</mark></p>\n<p><mark") != std::string::npos);
  BOOST_TEST(out.find("thre</mark>e</p>\n<p>four</p>\n") != std::string::npos);
  BOOST_TEST(marked(out) == (std::vector<std::string>{"two", "thre"}),
             boost::test_tools::per_element());
  BOOST_TEST(casebook::report::testing::count(out, "<p>") == 3u);
  BOOST_TEST(out.find("<p>four</p>") != std::string::npos);
  BOOST_TEST(xml_errors("<div>" + out + "</div>") == "");
}

BOOST_AUTO_TEST_CASE(hostile_text_is_escaped_inside_and_outside_marks) {
  const std::string out = render("<script>alert(1)</script> & \"x\"", {{0, 8, "a", "<img>"}});
  BOOST_TEST(out.find("<script>") == std::string::npos);
  BOOST_TEST(marked(out).at(0) == "&lt;script&gt;");
  BOOST_TEST(out.find("Alpha (&lt;img&gt;)") != std::string::npos);
  BOOST_TEST(out.find("&amp; &quot;x&quot;") != std::string::npos);
  BOOST_TEST(xml_errors(out) == "");
}

BOOST_AUTO_TEST_CASE(out_of_range_and_empty_highlights_are_clipped_or_ignored) {
  const std::string out = render("abc", {{1, 99, "a", ""}, {2, 2, "b", ""}, {50, 60, "b", ""}});
  BOOST_TEST(marked(out) == std::vector<std::string>{"bc"}, boost::test_tools::per_element());
  BOOST_TEST(render("", {{0, 3, "a", ""}}) == "");
}

BOOST_AUTO_TEST_CASE(codes_get_their_colour_and_unknown_codes_grey) {
  const std::string out = render("abcdef", {{0, 2, "a", ""}, {2, 4, "zz", ""}});
  BOOST_TEST(out.find("background-color:rgba(31,119,180,0.32)") != std::string::npos);
  BOOST_TEST(out.find("background-color:rgba(136,136,136,0.32)") != std::string::npos);
  BOOST_TEST(mark_titles(out).at(1) == "zz");
  // A malformed colour falls back to grey rather than reaching the style attribute.
  SourcePage source;
  source.text = "abc";
  source.highlights = {{0, 3, "x", ""}};
  const std::string injected =
      highlighted_text(source, CodeTable({{"x", "X", "#fff;background:url(http://evil)"}}));
  BOOST_TEST(injected.find("evil") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

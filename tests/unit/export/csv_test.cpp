// CSV: RFC 4180 quoting, LF line ends, only the tables marked in_csv, one
// empty line between tables, no title, caption or note rows.

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/export/writers.hpp"
#include "export_support.hpp"

namespace ex = casebook::exporting;

namespace {

ex::Table table(const std::string& id, bool in_csv) {
  ex::Table t;
  t.id = id;
  t.caption = "Caption of " + id;
  t.columns = {{"code", ex::Align::Left, 1}, {"count", ex::Align::Right, 1}};
  t.rows = {{ex::Cell(id + "-a"), ex::Cell("1")}};
  t.notes = {"a note"};
  t.in_csv = in_csv;
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_csv)

BOOST_AUTO_TEST_CASE(fields_are_quoted_only_when_needed_and_quotes_doubled) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"plain"}, {"comma, here"}, {"quote \"q\""}, {"line\nbreak"}, {"cr\rhere"}};
  t.rows = {{ex::Cell("x"), ex::Cell("a,b"), ex::Cell("say \"hi\""),
             ex::Cell::of({casebook::testing::plain("p1"), casebook::testing::plain("p2")}),
             ex::Cell("  spaces kept  ")}};
  d.blocks.emplace_back(t);
  BOOST_TEST(ex::write_csv(d, {}) ==
             "plain,\"comma, here\",\"quote \"\"q\"\"\",\"line\nbreak\",\"cr\rhere\"\n"
             "x,\"a,b\",\"say \"\"hi\"\"\",\"p1\np2\",  spaces kept  \n");
}

BOOST_AUTO_TEST_CASE(cells_are_plain_text_whatever_their_style) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"q"}};
  t.rows = {{ex::Cell::of(
      {{{"a ", ex::Style::Plain}, {"b", ex::Style::Emphasis}, {"c", ex::Style::Strong}}})}};
  d.blocks.emplace_back(t);
  BOOST_TEST(ex::write_csv(d, {}) == "q\na bc\n");
}

BOOST_AUTO_TEST_CASE(only_tables_marked_in_csv_separated_by_one_empty_line) {
  ex::Document d;
  d.title = "Title";
  d.blocks.emplace_back(ex::Heading{1, "Heading"});
  d.blocks.emplace_back(casebook::testing::plain("A paragraph"));
  d.blocks.emplace_back(table("first", true));
  d.blocks.emplace_back(table("skipped", false));
  d.blocks.emplace_back(table("second", true));
  BOOST_TEST(ex::write_csv(d, {}) == "code,count\nfirst-a,1\n\ncode,count\nsecond-a,1\n");
}

BOOST_AUTO_TEST_CASE(short_rows_are_padded_and_a_lone_empty_field_is_quoted) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"a"}, {"b"}};
  t.rows = {{ex::Cell("1")}};
  d.blocks.emplace_back(t);
  ex::Table single;
  single.columns = {{"only"}};
  single.rows = {{ex::Cell("")}, {ex::Cell("x")}};
  d.blocks.emplace_back(single);
  // An unquoted empty record would read as a blank line (the table gap).
  BOOST_TEST(ex::write_csv(d, {}) == "a,b\n1,\n\nonly\n\"\"\nx\n");
}

BOOST_AUTO_TEST_CASE(no_tables_give_an_empty_file_and_text_passes_unchanged) {
  ex::Document d;
  d.title = "Only a title";
  BOOST_TEST(ex::write_csv(d, {}) == "");
  const std::string csv = ex::write_csv(casebook::testing::nasty_document(), {});
  BOOST_TEST(csv.find("Caption") == std::string::npos);
  BOOST_TEST(csv.find("Note") == std::string::npos);
  BOOST_TEST(csv.find("\xF0\x9F\x98\x80") != std::string::npos);  // UTF-8 as given, no BOM
  BOOST_TEST(csv.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  BOOST_TEST(csv.find("\r\n") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

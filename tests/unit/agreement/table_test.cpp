// Reading reliability data tables (ReCal / K-Alpha layout): levels, labels,
// missing cells, and errors that name the file, row and column.

#include "engine/agreement/table.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace ag = casebook::agreement;
using ag::Level;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;

namespace {

ag::TableOptions at(Level level, std::vector<std::string> order = {}) {
  ag::TableOptions o;
  o.level = level;
  o.label_order = std::move(order);
  return o;
}

std::string data_error(std::string_view text, const ag::TableOptions& options = {}) {
  const auto e =
      expect_error(ErrorKind::Data, [&] { ag::parse_reliability_table(text, "r.csv", options); });
  BOOST_TEST(!e.hint().empty(), e.what());
  BOOST_TEST(contains(e.what(), "r.csv"), e.what());
  return e.what();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(agreement_table)

BOOST_AUTO_TEST_CASE(nominal_labels_in_order_of_appearance_and_empty_cells_missing) {
  const auto d = ag::parse_reliability_table(
      "unit,ann,bob,cy\nu1,yes,yes,\nu2,no,yes,no\nu3,,maybe\n", "r.csv");
  BOOST_TEST((d.level() == Level::Nominal));
  BOOST_TEST(d.coders() == (std::vector<std::string>{"ann", "bob", "cy"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.unit_ids() == (std::vector<std::string>{"u1", "u2", "u3"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.labels() == (std::vector<std::string>{"yes", "no", "maybe"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.at(0, 0) == 0.0);
  BOOST_TEST(std::isnan(d.at(0, 2)));
  BOOST_TEST(d.at(1, 0) == 1.0);
  BOOST_TEST(std::isnan(d.at(2, 0)));
  BOOST_TEST(d.at(2, 1) == 2.0);
  BOOST_TEST(std::isnan(d.at(2, 2)));  // short row: the last coder is missing
}

BOOST_AUTO_TEST_CASE(ordinal_numbers_sort_numerically_and_spellings_merge) {
  const auto d =
      ag::parse_reliability_table("id;a;b\n1;10;2\n2;2.0;9\n3;9;10\n", "r.csv", at(Level::Ordinal));
  BOOST_TEST(d.labels() == (std::vector<std::string>{"2", "9", "10"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.at(0, 0) == 2.0);  // 10 is the third category
  BOOST_TEST(d.at(1, 0) == 0.0);  // 2.0 is the same category as 2
  BOOST_TEST(d.at(1, 1) == 1.0);
}

BOOST_AUTO_TEST_CASE(ordinal_labels_follow_the_given_order) {
  const auto d = ag::parse_reliability_table("id,a,b\nx,high,low\ny,mid,\n", "r.csv",
                                             at(Level::Ordinal, {"low", "mid", "high"}));
  BOOST_TEST(d.labels().size() == 3u);
  BOOST_TEST(d.at(0, 0) == 2.0);
  BOOST_TEST(d.at(0, 1) == 0.0);
  BOOST_TEST(d.at(1, 0) == 1.0);
  const auto msg = data_error("id,a,b\nx,high,lo\n", at(Level::Ordinal, {"low", "mid", "high"}));
  BOOST_TEST(contains(msg, "row 2, column 'b'"), msg);
  BOOST_TEST(contains(msg, "'lo' is not one of the 3 labels"), msg);
}

BOOST_AUTO_TEST_CASE(interval_and_ratio_take_numbers) {
  const auto d = ag::parse_reliability_table("id,a,b\nx,1.5,-2e1\ny,NA,3\n", "r.csv", [] {
    auto o = at(Level::Interval);
    o.missing_markers = {"NA"};
    return o;
  }());
  BOOST_TEST(d.at(0, 0) == 1.5);
  BOOST_TEST(d.at(0, 1) == -20.0);
  BOOST_TEST(std::isnan(d.at(1, 0)));
  BOOST_TEST(d.labels().empty());
  auto msg = data_error("id,a,b\nx,1,two\n", at(Level::Interval));
  BOOST_TEST(contains(msg, "row 2, column 'b': 'two' is not a number"), msg);
  msg = data_error("id,a,b\nx,1,inf\n", at(Level::Interval));
  BOOST_TEST(contains(msg, "'inf' is not a number"), msg);
  msg = data_error("id,a,b\nx,1,-1\n", at(Level::Ratio));
  BOOST_TEST(contains(msg, "negative"), msg);
}

BOOST_AUTO_TEST_CASE(shape_errors_name_the_row_and_column) {
  BOOST_TEST(contains(data_error(""), "is empty"));
  BOOST_TEST(contains(data_error("id,a,b\n"), "no units"));
  BOOST_TEST(contains(data_error("id,a\nx,1\n"), "at least two"));
  BOOST_TEST(contains(data_error("id,a,a\nx,1,2\n"), "coder 'a' heads columns 2 and 3"));
  BOOST_TEST(contains(data_error("id,a,,b\nx,1,2,3\n"), "column 3: the coder column has no name"));
  auto msg = data_error("id,a,b\nx,1,2\ny,1,1\nx,2,2\n");
  BOOST_TEST(contains(msg, "row 4, column 'id': unit 'x' already appeared on row 2"), msg);
  msg = data_error("id,a,b\n,1,2\n");
  BOOST_TEST(contains(msg, "row 2, column 'id': the unit id is empty"), msg);
  msg = data_error("id,a,b\nx,1,2,3\n");
  BOOST_TEST(contains(msg, "row 2, column 4: '3' is beyond the last coder column"), msg);
}

BOOST_AUTO_TEST_CASE(trailing_empty_header_and_cells_are_ignored_and_bom_dropped) {
  const auto d = ag::parse_reliability_table("\xEF\xBB\xBFid,a,b,,\nx,1,2,,\n", "r.csv");
  BOOST_TEST(d.coder_count() == 2u);
  BOOST_TEST(d.unit_count() == 1u);
}

BOOST_AUTO_TEST_CASE(limits_stop_oversized_input) {
  ag::TableOptions o;
  o.max_cells = 4;
  auto msg = data_error("id,a,b\nx,1,2\ny,1,2\nz,1,2\n", o);
  BOOST_TEST(contains(msg, "more than 4 cells"), msg);
  o = {};
  o.max_labels = 2;
  msg = data_error("id,a,b\nx,p,q\ny,r,p\n", o);
  BOOST_TEST(contains(msg, "row 3, column 'a': more than 2 different values"), msg);
  o = {};
  o.max_coders = 2;
  expect_error(ErrorKind::Data,
               [&] { ag::parse_reliability_table("id,a,b,c\nx,1,2,3\n", "r.csv", o); });
}

BOOST_AUTO_TEST_CASE(reads_a_file_and_refuses_a_large_one) {
  casebook::testing::TempDir dir("agree");
  casebook::testing::write_file(dir / "t.csv", "unit,A,B\n1,a,a\n2,b,a\n");
  const auto d = ag::read_reliability_table(dir / "t.csv");
  BOOST_TEST(d.unit_count() == 2u);
  ag::TableOptions o;
  o.max_file_bytes = 10;
  const auto e =
      expect_error(ErrorKind::Data, [&] { ag::read_reliability_table(dir / "t.csv", o); });
  BOOST_TEST(contains(e.what(), "t.csv"), e.what());
  expect_error(ErrorKind::Io, [&] { ag::read_reliability_table(dir / "missing.csv"); });
}

BOOST_AUTO_TEST_CASE(krippendorff_example_read_from_a_table) {
  // [K2011] (see reliability_test.cpp) written as a K-Alpha style table.
  const char* text =
      "unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n6,1,2,3,4\n"
      "7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,,3,\n";
  const auto ordinal = ag::parse_reliability_table(text, "k.csv", at(Level::Ordinal));
  BOOST_TEST(*ag::krippendorff_alpha(ordinal, Level::Ordinal).value == 0.815,
             boost::test_tools::tolerance(0.0006));
  const auto ratio = ag::parse_reliability_table(text, "k.csv", at(Level::Ratio));
  BOOST_TEST(*ag::krippendorff_alpha(ratio, Level::Ratio).value == 0.797,
             boost::test_tools::tolerance(0.0006));
  BOOST_TEST(*ag::krippendorff_alpha(ratio, Level::Interval).value == 0.849,
             boost::test_tools::tolerance(0.0006));
}

BOOST_AUTO_TEST_SUITE_END()

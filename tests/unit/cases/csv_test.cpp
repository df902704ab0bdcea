// The RFC 4180 reader under the case sheet: quoting, line numbers, line
// breaks, blank rows, trimming, separator sniffing and limits.

#include "engine/cases/csv.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/core/error.hpp"

namespace csv = casebook::cases::csv;

namespace {

struct Row {
  int line;
  std::vector<std::string> cells;
};

std::vector<Row> read_all(std::string_view text, char separator = ',', csv::Limits limits = {}) {
  csv::Reader reader(text, separator, "t.csv", limits);
  std::vector<Row> rows;
  csv::Record record;
  while (reader.next(record)) {
    Row row{record.line, {}};
    for (const csv::Field& f : record.fields) row.cells.push_back(f.value);
    rows.push_back(std::move(row));
  }
  return rows;
}

using Cells = std::vector<std::string>;

auto message_is(const std::string& expected) {
  return [expected](const casebook::Error& e) {
    BOOST_TEST_INFO("message: " << e.what());
    return e.kind() == casebook::ErrorKind::Data && e.what() == expected && !e.hint().empty();
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(quoted_cells_hold_separators_quotes_and_line_breaks) {
  const auto rows = read_all("id,notes,n\nA,\"one, \"\"two\"\"\nthree\",1\nB,plain,2\n");
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[1].cells == (Cells{"A", "one, \"two\"\nthree", "1"}),
             boost::test_tools::per_element());
  BOOST_TEST(rows[1].line == 2);
  BOOST_TEST(rows[2].line == 4);  // the quoted line break moved B down a line
}

BOOST_AUTO_TEST_CASE(lf_crlf_and_lone_cr_each_end_a_line) {
  const auto rows = read_all("a\r\nb\rc\nd");
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  for (int i = 0; i < 4; ++i) BOOST_TEST(rows[i].line == i + 1);
  BOOST_TEST(rows[3].cells == Cells{"d"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_breaks_inside_quotes_become_lf) {
  const auto rows = read_all("\"x\r\ny\rz\"\r\nnext\r\n");
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].cells[0] == "x\ny\nz");
  BOOST_TEST(rows[1].line == 4);
}

BOOST_AUTO_TEST_CASE(blank_lines_and_rows_of_empty_cells_are_skipped) {
  const auto rows = read_all("a,b\n\n   \n,,\n\"\",\n1,2\n,\n");
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[1].line == 6);
  BOOST_TEST(rows[1].cells == (Cells{"1", "2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unquoted_cells_are_trimmed_and_keep_inner_quotes) {
  const auto rows = read_all("  5\" floppy  ,\t x y \t, \"  kept  \" ,z");
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].cells == (Cells{"5\" floppy", "x y", "  kept  ", "z"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_trailing_separator_adds_an_empty_cell) {
  const auto rows = read_all("a,b,");
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].cells == (Cells{"a", "b", ""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(semicolon_separator) {
  const auto rows = read_all("a;\"b;c\";d,e\n", ';');
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].cells == (Cells{"a", "b;c", "d,e"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sniffs_the_separator_from_the_first_record) {
  BOOST_TEST(csv::sniff_separator("a;b;c\n1,2,3,4,5\n") == ';');
  BOOST_TEST(csv::sniff_separator("a,b;c\n") == ',');
  BOOST_TEST(csv::sniff_separator("\"x;y;z\",a\n") == ',');          // quoted ';' do not count
  BOOST_TEST(csv::sniff_separator("\"multi\nline;;\";b\n") == ';');  // nor quoted line breaks
  BOOST_TEST(csv::sniff_separator("\n \r\na;b\n") == ';');           // blank lines first
  BOOST_TEST(csv::sniff_separator("a;b,c\n") == ',');                // a tie is a comma
  BOOST_TEST(csv::sniff_separator("") == ',');
}

BOOST_AUTO_TEST_CASE(line_of_offset_counts_like_the_reader) {
  const std::string_view text = "a\r\nb\rc\nd";
  BOOST_TEST(csv::line_of_offset(text, 0) == 1);
  BOOST_TEST(csv::line_of_offset(text, 1) == 1);  // the CR of a CRLF
  BOOST_TEST(csv::line_of_offset(text, 3) == 2);
  BOOST_TEST(csv::line_of_offset(text, 5) == 3);
  BOOST_TEST(csv::line_of_offset(text, 7) == 4);
  BOOST_TEST(csv::line_of_offset(text, 99) == 4);
}

BOOST_AUTO_TEST_CASE(unterminated_quote_names_the_record_and_the_quote_line) {
  BOOST_CHECK_EXCEPTION(read_all("a,b\n1,\"open\nmore"), casebook::Error,
                        message_is("t.csv: row 2, column 2: the opening quote of this cell is "
                                   "never closed"));
  BOOST_CHECK_EXCEPTION(read_all("a,b,c\n1,\"x\ny\",\"open\n"), casebook::Error,
                        message_is("t.csv: row 2, column 3: the opening quote (on line 3) of "
                                   "this cell is never closed"));
}

BOOST_AUTO_TEST_CASE(text_after_a_closing_quote_is_an_error) {
  BOOST_CHECK_EXCEPTION(read_all("a\n\"say \"hi\" now\"\n"), casebook::Error,
                        message_is("t.csv: row 2, column 1: text after the closing quote"));
}

BOOST_AUTO_TEST_CASE(named_columns_appear_in_messages) {
  csv::Reader reader("h\n\"x", ',', "t.csv");
  csv::Record record;
  BOOST_TEST_REQUIRE(reader.next(record));
  reader.name_columns({"notes"});
  BOOST_CHECK_EXCEPTION(reader.next(record), casebook::Error,
                        message_is("t.csv: row 2, column 'notes': the opening quote of this cell "
                                   "is never closed"));
}

BOOST_AUTO_TEST_CASE(limits_on_cell_size_and_cell_count) {
  const csv::Limits small{8, 3};
  BOOST_CHECK_NO_THROW(read_all("12345678,\"12\"\"45678\"", ',', small));
  BOOST_CHECK_EXCEPTION(read_all("a\n123456789", ',', small), casebook::Error,
                        message_is("t.csv: row 2, column 1: a cell longer than 8 bytes"));
  BOOST_CHECK_EXCEPTION(read_all("a\n\"1234\n56789\"", ',', small), casebook::Error,
                        message_is("t.csv: row 2, column 1: a cell longer than 8 bytes"));
  BOOST_CHECK_EXCEPTION(read_all("a,b,c,d", ',', small), casebook::Error,
                        message_is("t.csv: row 1: more than 3 cells"));
}

BOOST_AUTO_TEST_SUITE_END()

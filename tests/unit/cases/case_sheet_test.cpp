// Case sheets: a realistic 13-case sheet in every spelling a spreadsheet
// produces, type inference and canonical values, every error the parser
// reports (with its exact row and column), limits, and garbage input.

#include "engine/cases/case_sheet.hpp"

#include <boost/test/unit_test.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/core/error.hpp"

using casebook::cases::AttributeType;
using casebook::cases::CaseRow;
using casebook::cases::CaseSheet;
using casebook::cases::parse_case_sheet;

namespace {

// Thirteen shared-service partnerships, as a spreadsheet exports them:
// multi-line quoted cells (member councils), quoted commas and quotes, a
// blank line (14), padded cells, booleans spelled five ways and a trailing
// row of empty cells (30). Each case starts on the line noted in kLines.
const std::string kSheet =
    "id,outcome,sub_outcome,member_councils,governance,start_year:integer,end_year,"
    "population:integer,deprivation:decimal,joint_committee:boolean,went_live:date\n"
    "A,sustained,,\"Adur\nWorthing\",\"joint committee, shared chief executive\",2008,,116500,"
    "18.4,yes,2008-04-01\n"
    "B,sustained,extended,\"Babergh\nMid Suffolk\",shared management team,2011,,187000,12.9,no,"
    "2011-06\n"
    "C,dissolved,political,\"South Holland\nBreckland\",shared chief executive,2010,2018,231000,"
    "21.7,No,2010-10-01\n"
    "D,sustained,,\"Cotswold\nForest of Dean\nWest Oxfordshire\nCheltenham\",\"company "
    "(\"\"Publica\"\"), owned by four councils\",2017,,380000,14.2,TRUE,2017-11-01\n"
    "E,dissolved,financial,\"Bromsgrove\nRedditch\",shared services board,2008,2021,183000,24.5,"
    "N,2009\n"
    "\n"
    "F,sustained,,\"South Hams\nWest Devon\",single officer structure, 2007 ,,141000,15.0,Y,"
    "2007-05\n"
    "G,mixed,partial,Hart,\"  two councils, one chief executive  \",2012,2016,97000,8.1,false,"
    "2012-09-03\n"
    "H,dissolved,political,\"East Northamptonshire\nNorthampton\",shared chief executive,2013,"
    "2015,310000,19.9,0,2013-01\n"
    "I,sustained,,\"Richmond upon Thames\nWandsworth\",shared staffing arrangement,2016,,520000,"
    "9.6,1,2016-10-01\n"
    "J,mixed,scaled_back,\"South Oxfordshire\nVale of White Horse\",shared senior management,2008,"
    "2019,285000,7.4,no,2008\n"
    "K,sustained,,\"Eden\nCarlisle\",joint committee,2019,,163000,22.3,yes,2019-04-01\n"
    "L,dissolved,financial,\"Hambleton\nRichmondshire\",shared chief executive,2009,2014,145000,"
    "10.2,no,2009-06-15\n"
    "M,sustained,,\"Melton\nRushcliffe\",joint committee,2014,,210000,11.8,yes,2014-02\n"
    ",,,,,,,,,,\n";

const std::vector<int> kLines = {2, 4, 6, 8, 12, 15, 17, 18, 20, 22, 24, 26, 28};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The same sheet with ';' between cells (commas inside quotes stay).
std::string with_semicolons(const std::string& csv) {
  std::string out = csv;
  bool quoted = false;
  for (char& c : out) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) c = ';';
  }
  return out;
}

const CaseRow& row_of(const CaseSheet& sheet, const std::string& id) {
  for (const CaseRow& row : sheet.rows) {
    if (row.id == id) return row;
  }
  BOOST_FAIL("no case " << id);
  return sheet.rows.front();
}

std::string attribute(const CaseSheet& sheet, const std::string& id, const std::string& name) {
  const auto& attributes = row_of(sheet, id).attributes;
  const auto it = attributes.find(name);
  return it == attributes.end() ? "<absent>" : it->second;
}

AttributeType type_of(const CaseSheet& sheet, const std::string& name) {
  for (const auto& column : sheet.columns) {
    if (column.name == name) return column.type;
  }
  BOOST_FAIL("no column " << name);
  return AttributeType::Text;
}

std::string type_name_of(const CaseSheet& sheet, const std::string& name) {
  return std::string(casebook::cases::type_name(type_of(sheet, name)));
}

void check_same(const CaseSheet& a, const CaseSheet& b) {
  BOOST_TEST_REQUIRE(a.columns.size() == b.columns.size());
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    BOOST_TEST(a.columns[i].name == b.columns[i].name);
    BOOST_TEST((a.columns[i].type == b.columns[i].type));
    BOOST_TEST(a.columns[i].declared == b.columns[i].declared);
  }
  BOOST_TEST_REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    BOOST_TEST(a.rows[i].line == b.rows[i].line);
    BOOST_TEST(a.rows[i].id == b.rows[i].id);
    BOOST_TEST(a.rows[i].outcome == b.rows[i].outcome);
    BOOST_TEST(a.rows[i].sub_outcome == b.rows[i].sub_outcome);
    BOOST_TEST((a.rows[i].attributes == b.rows[i].attributes));
  }
}

// For BOOST_CHECK_EXCEPTION: a Data error with exactly this message, and a
// hint that contains `hint_part`.
auto error_is(const std::string& message, const std::string& hint_part = "") {
  return [message, hint_part](const casebook::Error& e) {
    BOOST_TEST_INFO("message: " << e.what() << " | hint: " << e.hint());
    return e.kind() == casebook::ErrorKind::Data && e.what() == message && !e.hint().empty() &&
           e.hint().find(hint_part) != std::string::npos;
  };
}

CaseSheet parse(const std::string& csv) {
  return parse_case_sheet(csv, "cases.csv");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(case_sheet)

// ---- the realistic sheet ----

BOOST_AUTO_TEST_CASE(realistic_sheet_rows_and_lines) {
  const CaseSheet sheet = parse(kSheet);
  BOOST_TEST_REQUIRE(sheet.rows.size() == 13u);
  for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
    BOOST_TEST(sheet.rows[i].id == std::string(1, char('A' + i)));
    BOOST_TEST(sheet.rows[i].line == kLines[i]);
  }
  BOOST_TEST(row_of(sheet, "C").outcome == "dissolved");
  BOOST_TEST(row_of(sheet, "C").sub_outcome == "political");
  BOOST_TEST(row_of(sheet, "A").sub_outcome == "");
  BOOST_TEST(row_of(sheet, "J").sub_outcome == "scaled_back");
}

BOOST_AUTO_TEST_CASE(realistic_sheet_columns) {
  const CaseSheet sheet = parse(kSheet);
  const std::vector<std::string> names = {"member_councils", "governance", "start_year",
                                          "end_year",        "population", "deprivation",
                                          "joint_committee", "went_live"};
  const std::vector<std::string> types = {"text",    "text",    "integer", "integer",
                                          "integer", "decimal", "boolean", "date"};
  const std::vector<bool> declared = {false, false, true, false, true, true, true, true};
  BOOST_TEST_REQUIRE(sheet.columns.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    BOOST_TEST(sheet.columns[i].name == names[i]);
    BOOST_TEST(std::string(casebook::cases::type_name(sheet.columns[i].type)) == types[i]);
    BOOST_TEST(sheet.columns[i].declared == declared[i]);
  }
}

BOOST_AUTO_TEST_CASE(realistic_sheet_values) {
  const CaseSheet sheet = parse(kSheet);
  BOOST_TEST(attribute(sheet, "A", "member_councils") == "Adur\nWorthing");
  BOOST_TEST(attribute(sheet, "D", "member_councils") ==
             "Cotswold\nForest of Dean\nWest Oxfordshire\nCheltenham");
  BOOST_TEST(attribute(sheet, "D", "governance") ==
             "company (\"Publica\"), owned by four councils");
  BOOST_TEST(attribute(sheet, "G", "governance") == "  two councils, one chief executive  ");
  BOOST_TEST(attribute(sheet, "F", "start_year") == "2007");
  BOOST_TEST(attribute(sheet, "A", "end_year") == "<absent>");
  BOOST_TEST(attribute(sheet, "C", "end_year") == "2018");
  BOOST_TEST(attribute(sheet, "I", "population") == "520000");
  BOOST_TEST(attribute(sheet, "F", "deprivation") == "15.0");
  BOOST_TEST(attribute(sheet, "B", "went_live") == "2011-06");
  BOOST_TEST(attribute(sheet, "E", "went_live") == "2009");
  BOOST_TEST(row_of(sheet, "A").attributes.size() == 7u);
  const std::string expected_joint = "TFFTFTFFTFTFT";
  for (std::size_t i = 0; i < expected_joint.size(); ++i) {
    const std::string id(1, char('A' + i));
    BOOST_TEST(attribute(sheet, id, "joint_committee") ==
               (expected_joint[i] == 'T' ? "true" : "false"));
  }
}

BOOST_AUTO_TEST_CASE(crlf_bom_and_semicolon_variants_parse_identically) {
  const CaseSheet lf = parse(kSheet);
  const std::string crlf = replace_all(kSheet, "\n", "\r\n");
  check_same(lf, parse(crlf));
  check_same(lf, parse("\xEF\xBB\xBF" + kSheet));
  check_same(lf, parse("\xEF\xBB\xBF" + crlf));
  check_same(lf, parse(with_semicolons(kSheet)));
  check_same(lf, parse("\xEF\xBB\xBF" + with_semicolons(crlf)));
  check_same(lf, parse(replace_all(kSheet, "\n", "\r")));  // old Mac line ends
}

BOOST_AUTO_TEST_CASE(semicolon_sheet_keeps_unquoted_commas_in_cells) {
  const CaseSheet sheet = parse(
      "id;outcome;governance;population:integer;deprivation\n"
      "A;sustained;joint committee, shared chief executive;116500;18.4\n"
      "B;dissolved;\"quoted; with semicolon\";187000;12\n");
  BOOST_TEST_REQUIRE(sheet.rows.size() == 2u);
  BOOST_TEST(attribute(sheet, "A", "governance") == "joint committee, shared chief executive");
  BOOST_TEST(attribute(sheet, "B", "governance") == "quoted; with semicolon");
  BOOST_TEST(type_name_of(sheet, "deprivation") == "decimal");
}

// ---- header ----

BOOST_AUTO_TEST_CASE(header_names_are_matched_case_insensitively_and_trimmed) {
  const CaseSheet sheet = parse(
      " Case , OUTCOME ,Sub-Outcome, Region : Text ,Size:INTEGER\n"
      "A,won,narrowly,North,3\n");
  BOOST_TEST_REQUIRE(sheet.rows.size() == 1u);
  BOOST_TEST(sheet.rows[0].id == "A");
  BOOST_TEST(sheet.rows[0].outcome == "won");
  BOOST_TEST(sheet.rows[0].sub_outcome == "narrowly");
  BOOST_TEST_REQUIRE(sheet.columns.size() == 2u);
  BOOST_TEST(sheet.columns[0].name == "Region");  // attribute names keep their case
  BOOST_TEST(sheet.columns[0].declared);
  BOOST_TEST(type_name_of(sheet, "Size") == "integer");
  BOOST_TEST(attribute(sheet, "A", "Region") == "North");
}

BOOST_AUTO_TEST_CASE(other_id_and_sub_outcome_spellings) {
  BOOST_TEST(parse("case_id,suboutcome\nX,y\n").rows[0].sub_outcome == "y");
  BOOST_TEST(parse("outcome,sub_outcome,id\nwon,,Z\n").rows[0].id == "Z");
}

BOOST_AUTO_TEST_CASE(the_type_comes_after_the_last_colon) {
  const CaseSheet sheet = parse("id,Notes: interviewer:text,time:of:day:date\nA,Ann,2012-03\n");
  BOOST_TEST_REQUIRE(sheet.columns.size() == 2u);
  BOOST_TEST(sheet.columns[0].name == "Notes: interviewer");
  BOOST_TEST(sheet.columns[1].name == "time:of:day");
  BOOST_TEST(attribute(sheet, "A", "time:of:day") == "2012-03");
}

BOOST_AUTO_TEST_CASE(type_names_round_trip) {
  using casebook::cases::parse_type_name;
  using casebook::cases::type_name;
  for (AttributeType t : {AttributeType::Text, AttributeType::Integer, AttributeType::Decimal,
                          AttributeType::Date, AttributeType::Boolean}) {
    BOOST_TEST((parse_type_name(type_name(t)) == t));
  }
  BOOST_TEST(type_name(AttributeType::Boolean) == "boolean");
  BOOST_TEST((parse_type_name("Decimal") == AttributeType::Decimal));
  BOOST_TEST(!parse_type_name("int").has_value());
  BOOST_TEST(!parse_type_name("").has_value());
}

BOOST_AUTO_TEST_CASE(header_only_sheet_has_no_rows) {
  const CaseSheet sheet = parse("id,outcome,region\n");
  BOOST_TEST(sheet.rows.empty());
  BOOST_TEST_REQUIRE(sheet.columns.size() == 1u);
  BOOST_TEST(type_name_of(sheet, "region") == "text");
}

BOOST_AUTO_TEST_CASE(empty_unnamed_columns_and_trailing_empty_cells_are_ignored) {
  const CaseSheet sheet = parse("id,outcome,,\nA,won,,\nB,lost,,,,\n");
  BOOST_TEST_REQUIRE(sheet.rows.size() == 2u);
  BOOST_TEST(sheet.columns.empty());
}

// ---- inference ----

BOOST_AUTO_TEST_CASE(inferred_types) {
  const CaseSheet sheet = parse(
      "id,years,count,share,started,flag,code,yn,mixed,empty,big,bits,plus,bad_date\n"
      "A,2009,3,0.25,2012-05,yes,007,y,1,,12345678901234567890,1,+3,2013-02-29\n"
      "B,2012,-4,1,2013,No,12,n,x,,1,0,4,2013-03-01\n"
      "C,,0,-0.5,2014-02-28,TRUE,3,y,2,,2,1,5,\n");
  BOOST_TEST(type_name_of(sheet, "years") == "integer");  // bare years are integers
  BOOST_TEST(type_name_of(sheet, "count") == "integer");
  BOOST_TEST(type_name_of(sheet, "share") == "decimal");
  BOOST_TEST(type_name_of(sheet, "started") == "date");  // a year among dates is a date
  BOOST_TEST(type_name_of(sheet, "flag") == "boolean");
  BOOST_TEST(type_name_of(sheet, "code") == "text");  // "007" would lose its zeros
  BOOST_TEST(type_name_of(sheet, "yn") == "text");    // y/n only when declared
  BOOST_TEST(type_name_of(sheet, "mixed") == "text");
  BOOST_TEST(type_name_of(sheet, "empty") == "text");
  BOOST_TEST(type_name_of(sheet, "big") == "text");      // beyond 64 bits: a code
  BOOST_TEST(type_name_of(sheet, "bits") == "integer");  // 1/0 is not boolean
  BOOST_TEST(type_name_of(sheet, "plus") == "text");
  BOOST_TEST(type_name_of(sheet, "bad_date") == "text");  // 2013 was no leap year
  for (const auto& column : sheet.columns) BOOST_TEST(!column.declared);

  BOOST_TEST(attribute(sheet, "B", "flag") == "false");
  BOOST_TEST(attribute(sheet, "C", "flag") == "true");
  BOOST_TEST(attribute(sheet, "B", "started") == "2013");
  BOOST_TEST(attribute(sheet, "A", "code") == "007");
  BOOST_TEST(attribute(sheet, "A", "empty") == "<absent>");
  BOOST_TEST(attribute(sheet, "C", "years") == "<absent>");
}

BOOST_AUTO_TEST_CASE(declared_date_takes_bare_years) {
  const CaseSheet sheet = parse("id,year:date\nA,2009\nB,2012\n");
  BOOST_TEST(type_name_of(sheet, "year") == "date");
  BOOST_TEST(attribute(sheet, "B", "year") == "2012");
}

BOOST_AUTO_TEST_CASE(declared_types_canonicalise) {
  const CaseSheet sheet = parse(
      "id,n:integer,d:decimal,b:boolean,day:date,t:text\n"
      "A,+007,+1.50,Y,2012-4-1,\"  spaced  \"\n"
      "B,-0,1.2E+07,0,2000-02-29,plain\n"
      "C, 42 ,.5,No,1999-12,\n"
      "D,-9223372036854775808,-3,TRUE,2024-02-29,007\n");
  BOOST_TEST(attribute(sheet, "A", "n") == "7");
  BOOST_TEST(attribute(sheet, "B", "n") == "0");
  BOOST_TEST(attribute(sheet, "C", "n") == "42");
  BOOST_TEST(attribute(sheet, "D", "n") == "-9223372036854775808");
  BOOST_TEST(attribute(sheet, "A", "d") == "1.50");
  BOOST_TEST(attribute(sheet, "B", "d") == "1.2E+07");
  BOOST_TEST(attribute(sheet, "C", "d") == ".5");
  BOOST_TEST(attribute(sheet, "A", "b") == "true");
  BOOST_TEST(attribute(sheet, "B", "b") == "false");
  BOOST_TEST(attribute(sheet, "C", "b") == "false");
  BOOST_TEST(attribute(sheet, "D", "b") == "true");
  BOOST_TEST(attribute(sheet, "A", "day") == "2012-04-01");
  BOOST_TEST(attribute(sheet, "B", "day") == "2000-02-29");
  BOOST_TEST(attribute(sheet, "C", "day") == "1999-12");
  BOOST_TEST(attribute(sheet, "A", "t") == "  spaced  ");
  BOOST_TEST(attribute(sheet, "C", "t") == "<absent>");
  BOOST_TEST(attribute(sheet, "D", "t") == "007");
}

BOOST_AUTO_TEST_CASE(ids_and_outcomes_are_trimmed_and_whitespace_cells_are_empty) {
  const CaseSheet sheet = parse("id,outcome,note\n\" A \",\" won \n\",\"   \"\n");
  BOOST_TEST_REQUIRE(sheet.rows.size() == 1u);
  BOOST_TEST(sheet.rows[0].id == "A");
  BOOST_TEST(sheet.rows[0].outcome == "won");
  BOOST_TEST(sheet.rows[0].attributes.empty());
}

// ---- header errors ----

BOOST_AUTO_TEST_CASE(error_missing_id_column) {
  BOOST_CHECK_EXCEPTION(parse("name,outcome\nA,won\n"), casebook::Error,
                        error_is("cases.csv: row 1: no id column", "'id'"));
}

BOOST_AUTO_TEST_CASE(error_duplicate_columns) {
  BOOST_CHECK_EXCEPTION(parse("id,Region,outcome,region\n"), casebook::Error,
                        error_is("cases.csv: row 1: columns 2 ('Region') and 4 ('region') are "
                                 "the same column",
                                 "upper/lower case"));
  BOOST_CHECK_EXCEPTION(parse("id,outcome,Case\n"), casebook::Error,
                        error_is("cases.csv: row 1: columns 1 ('id') and 3 ('case') are the "
                                 "same column",
                                 "case_id"));
  BOOST_CHECK_EXCEPTION(parse("id,sub_outcome,Sub-Outcome\n"), casebook::Error,
                        error_is("cases.csv: row 1: columns 2 ('sub_outcome') and 3 "
                                 "('sub-outcome') are the same column"));
  // The same name with and without a type is still the same column.
  BOOST_CHECK_EXCEPTION(parse("id,size:integer,SIZE\n"), casebook::Error,
                        error_is("cases.csv: row 1: columns 2 ('size') and 3 ('SIZE') are the "
                                 "same column"));
}

BOOST_AUTO_TEST_CASE(error_unknown_type) {
  BOOST_CHECK_EXCEPTION(parse("id,population:int\nA,3\n"), casebook::Error,
                        error_is("cases.csv: row 1, column 2: unknown type 'int'",
                                 "did you mean 'population:integer'?"));
  BOOST_CHECK_EXCEPTION(parse("id,Notes: interviewer\n"), casebook::Error,
                        error_is("cases.csv: row 1, column 2: unknown type 'interviewer'",
                                 "'Notes: interviewer:text'"));
}

BOOST_AUTO_TEST_CASE(error_reserved_columns_cannot_be_typed) {
  BOOST_CHECK_EXCEPTION(
      parse("id:integer,outcome\n1,won\n"), casebook::Error,
      error_is("cases.csv: row 1, column 1: the id column cannot be typed", "remove ':integer'"));
  BOOST_CHECK_NO_THROW(parse("id:text,outcome:TEXT\n1,won\n"));
}

BOOST_AUTO_TEST_CASE(error_header_without_a_name) {
  BOOST_CHECK_EXCEPTION(parse("id,:integer\n"), casebook::Error,
                        error_is("cases.csv: row 1, column 2: the header ':integer' has no name"));
}

BOOST_AUTO_TEST_CASE(error_empty_sheet) {
  for (const std::string empty : {"", "\n\n", " \r\n,,\n", "\xEF\xBB\xBF"}) {
    BOOST_CHECK_EXCEPTION(parse(empty), casebook::Error,
                          error_is("cases.csv: the sheet is empty", "header"));
  }
}

// ---- row errors ----

BOOST_AUTO_TEST_CASE(error_empty_case_id) {
  BOOST_CHECK_EXCEPTION(
      parse("outcome,id\nwon,A\nlost,\" \"\n"), casebook::Error,
      error_is("cases.csv: row 3, column 'id': the case id is empty", "delete the row"));
}

BOOST_AUTO_TEST_CASE(error_duplicate_case_id_names_both_rows) {
  BOOST_CHECK_EXCEPTION(parse("id,notes\nA,\"one\ntwo\"\nB,x\n\nA,y\n"), casebook::Error,
                        error_is("cases.csv: row 6, column 'id': case id 'A' is already used on "
                                 "row 2",
                                 "unique"));
  // In the realistic sheet: case E again at the end, after multi-line cells.
  BOOST_CHECK_EXCEPTION(parse(kSheet + "E,x,,,,,,,,,\n"), casebook::Error,
                        error_is("cases.csv: row 31, column 'id': case id 'E' is already used on "
                                 "row 12"));
}

BOOST_AUTO_TEST_CASE(ids_differing_in_case_are_different_cases) {
  BOOST_TEST(parse("id\nA\na\n").rows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(error_ragged_rows) {
  BOOST_CHECK_EXCEPTION(
      parse("id,a,b\nA,1,2\n\nB,1\n"), casebook::Error,
      error_is("cases.csv: row 4: 2 cells, but the header (row 1) has 3 columns", "double quotes"));
  BOOST_CHECK_EXCEPTION(parse("id,a,b\nA,1,2,3\n"), casebook::Error,
                        error_is("cases.csv: row 2: 4 cells, but the header (row 1) has 3 "
                                 "columns"));
  BOOST_CHECK_EXCEPTION(
      parse("id;a;b\nA;1;2;;3\n"), casebook::Error,
      error_is("cases.csv: row 2: 5 cells, but the header (row 1) has 3 columns", "';'"));
}

BOOST_AUTO_TEST_CASE(error_value_in_a_column_without_header) {
  BOOST_CHECK_EXCEPTION(parse("id,,notes\nA,,y\nB,x,y\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 2: a value ('x') in a column with no "
                                 "header",
                                 "name the column"));
}

BOOST_AUTO_TEST_CASE(error_unterminated_quote_at_end_of_file) {
  BOOST_CHECK_EXCEPTION(parse("id,notes\nA,ok\nB,\"never closed\nC,x\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'notes': the opening quote of this "
                                 "cell is never closed",
                                 "closing double quote"));
  // The realistic sheet cut off inside case D's quoted member councils.
  const std::string cut = kSheet.substr(0, kSheet.find("West Oxfordshire"));
  BOOST_CHECK_EXCEPTION(parse(cut), casebook::Error,
                        error_is("cases.csv: row 8, column 'member_councils': the opening quote "
                                 "of this cell is never closed"));
}

BOOST_AUTO_TEST_CASE(error_unescaped_quote_inside_quoted_cell) {
  BOOST_CHECK_EXCEPTION(
      parse("id,notes\nA,\"the \"Publica\" company\"\n"), casebook::Error,
      error_is("cases.csv: row 2, column 'notes': text after the closing quote", "\"\""));
}

// ---- value errors ----

BOOST_AUTO_TEST_CASE(error_integer_values) {
  const std::string head = "id,population:integer\nA,100\nB,200\n";
  BOOST_CHECK_EXCEPTION(parse(head + "C,abc\n"), casebook::Error,
                        error_is("cases.csv: row 4, column 'population' (integer): 'abc' is not a "
                                 "whole number",
                                 "fix the cell, or declare the column as text with a header "
                                 "'population:text'"));
  BOOST_CHECK_EXCEPTION(parse(head + "C,\"1,234\"\n"), casebook::Error,
                        error_is("cases.csv: row 4, column 'population' (integer): '1,234' has a "
                                 "thousands separator",
                                 "without separators (1234)"));
  BOOST_CHECK_EXCEPTION(parse(head + "C,12 345 678\n"), casebook::Error,
                        error_is("cases.csv: row 4, column 'population' (integer): '12 345 678' "
                                 "has a thousands separator",
                                 "(12345678)"));
  BOOST_CHECK_EXCEPTION(parse(head + "C,2.5\n"), casebook::Error,
                        error_is("cases.csv: row 4, column 'population' (integer): '2.5' is not a "
                                 "whole number",
                                 "'population:decimal'"));
  BOOST_CHECK_EXCEPTION(parse(head + "C,9223372036854775808\n"), casebook::Error,
                        error_is("cases.csv: row 4, column 'population' (integer): "
                                 "'9223372036854775808' is too large for an integer",
                                 "decimal"));
}

BOOST_AUTO_TEST_CASE(error_decimal_values) {
  BOOST_CHECK_EXCEPTION(parse("id;deprivation:decimal\nA;0.5\nB;0,25\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'deprivation' (decimal): '0,25' has a "
                                 "decimal comma",
                                 "write decimals with a point (0.25)"));
  BOOST_CHECK_EXCEPTION(parse("id,deprivation:decimal\nA,\"1,234.5\"\n"), casebook::Error,
                        error_is("cases.csv: row 2, column 'deprivation' (decimal): '1,234.5' has "
                                 "a thousands separator",
                                 "(1234.5)"));
  BOOST_CHECK_EXCEPTION(parse("id,deprivation:decimal\nA,high\n"), casebook::Error,
                        error_is("cases.csv: row 2, column 'deprivation' (decimal): 'high' is not "
                                 "a number",
                                 "'deprivation:text'"));
  BOOST_CHECK_EXCEPTION(parse("id,deprivation:decimal\nA,1e999\n"), casebook::Error,
                        error_is("cases.csv: row 2, column 'deprivation' (decimal): '1e999' is "
                                 "out of range for a decimal"));
}

BOOST_AUTO_TEST_CASE(error_date_values) {
  const std::string head = "id,went_live:date\nA,2012\n";
  BOOST_CHECK_EXCEPTION(parse(head + "B,2013-02-29\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'went_live' (date): '2013-02-29' is "
                                 "not a calendar date"));
  BOOST_CHECK_EXCEPTION(parse(head + "B,2013-13\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'went_live' (date): '2013-13' is not "
                                 "a calendar date"));
  BOOST_CHECK_EXCEPTION(parse(head + "B,01/04/2012\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'went_live' (date): '01/04/2012' is "
                                 "not an ISO date",
                                 "yyyy-mm-dd"));
  BOOST_CHECK_EXCEPTION(parse(head + "B,2012-04-01 10:30\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'went_live' (date): '2012-04-01 10:30' "
                                 "has a time of day",
                                 "(2012-04-01)"));
  BOOST_CHECK_EXCEPTION(parse(head + "B,soon\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'went_live' (date): 'soon' is not a "
                                 "date",
                                 "'went_live:text'"));
}

BOOST_AUTO_TEST_CASE(error_boolean_values) {
  BOOST_CHECK_EXCEPTION(parse(replace_all(kSheet, "N,2009", "maybe,2009")), casebook::Error,
                        error_is("cases.csv: row 12, column 'joint_committee' (boolean): 'maybe' "
                                 "is not a yes/no value",
                                 "y/n or 1/0"));
}

BOOST_AUTO_TEST_CASE(error_in_realistic_sheet_names_line_after_multiline_cells) {
  const std::string bad = replace_all(kSheet, "2013,2015,310000", "2013,2015,310k");
  BOOST_CHECK_EXCEPTION(parse(bad), casebook::Error,
                        error_is("cases.csv: row 18, column 'population' (integer): '310k' is not "
                                 "a whole number"));
  BOOST_CHECK_EXCEPTION(parse(replace_all(bad, "\n", "\r\n")), casebook::Error,
                        error_is("cases.csv: row 18, column 'population' (integer): '310k' is not "
                                 "a whole number"));
}

BOOST_AUTO_TEST_CASE(long_values_are_shortened_in_messages) {
  const std::string value(100, 'x');
  BOOST_CHECK_EXCEPTION(parse("id,n:integer\nA," + value + "\n"), casebook::Error,
                        error_is("cases.csv: row 2, column 'n' (integer): '" +
                                 std::string(60, 'x') + "...' is not a whole number"));
}

// ---- encoding ----

BOOST_AUTO_TEST_CASE(error_invalid_utf8_names_the_line) {
  BOOST_CHECK_EXCEPTION(parse("id,name\nA,ok\nB,\"caf\xE9\"\n"), casebook::Error,
                        error_is("cases.csv: line 3: not valid UTF-8 (at 0xE9)", "UTF-8"));
  BOOST_CHECK_EXCEPTION(parse("\xEF\xBB\xBFid,name\r\nA,\"multi\r\nline\"\r\nB,\xC3\x28\r\n"),
                        casebook::Error, error_is("cases.csv: line 4: not valid UTF-8 (at 0xC3)"));
  BOOST_CHECK_EXCEPTION(parse("\xFF\xFEi\0d\0"), casebook::Error,
                        error_is("cases.csv: the sheet is UTF-16 text, not UTF-8", "CSV UTF-8"));
  BOOST_CHECK_EXCEPTION(parse(std::string("id\nA\nB\0\n", 7)), casebook::Error,
                        error_is("cases.csv: line 3: contains a NUL byte, so it is not a text "
                                 "file"));
}

BOOST_AUTO_TEST_CASE(utf8_names_and_values) {
  const CaseSheet sheet = parse("id,Région,Département\nÅ,Île-de-France,Paris\n");
  BOOST_TEST(sheet.rows[0].id == "Å");
  BOOST_TEST(attribute(sheet, "Å", "Région") == "Île-de-France");
  // Upper and lower case are told apart beyond ASCII too.
  BOOST_CHECK_EXCEPTION(parse("id,Région,RÉGION:text\n"), casebook::Error,
                        error_is("cases.csv: row 1: columns 2 ('Région') and 3 ('RÉGION') are the "
                                 "same column"));
}

// ---- limits ----

BOOST_AUTO_TEST_CASE(error_cell_over_1mb) {
  const std::string big(2 * 1024 * 1024, 'x');
  BOOST_CHECK_EXCEPTION(
      parse("id,notes\nA,\"" + big + "\"\n"), casebook::Error,
      error_is("cases.csv: row 2, column 'notes': a cell longer than 1 MB", "source document"));
  BOOST_CHECK_EXCEPTION(parse("id,notes\nA,ok\nB," + big + "\n"), casebook::Error,
                        error_is("cases.csv: row 3, column 'notes': a cell longer than 1 MB"));
  // A stray quote that swallows the rest of a large file hits the same limit.
  std::string runaway = "id,notes\nA,\"stray\n";
  while (runaway.size() <= 1024 * 1024 + 100) runaway += "B,some ordinary row text\n";
  BOOST_CHECK_EXCEPTION(
      parse(runaway), casebook::Error,
      error_is("cases.csv: row 2, column 'notes': a cell longer than 1 MB", "stray double quote"));
}

BOOST_AUTO_TEST_CASE(a_cell_of_exactly_1mb_is_accepted) {
  const std::string cell(1024 * 1024, 'x');
  const CaseSheet sheet = parse("id,notes\nA,\"" + cell + "\"\n");
  BOOST_TEST(attribute(sheet, "A", "notes").size() == cell.size());
}

BOOST_AUTO_TEST_CASE(error_more_than_100000_rows) {
  std::string csv = "id,n\n";
  for (int i = 1; i <= 100000; ++i) csv += "C" + std::to_string(i) + "," + std::to_string(i) + "\n";
  const CaseSheet sheet = parse(csv);
  BOOST_TEST(sheet.rows.size() == 100000u);
  BOOST_TEST(sheet.rows.back().line == 100001);
  BOOST_CHECK_EXCEPTION(parse(csv + "X,1\n"), casebook::Error,
                        error_is("cases.csv: row 100002: more than 100000 cases", "split"));
}

BOOST_AUTO_TEST_CASE(error_more_than_1000_columns) {
  std::string header = "id";
  for (int i = 1; i <= 1000; ++i) header += ",c" + std::to_string(i);
  BOOST_CHECK_EXCEPTION(parse(header + "\n"), casebook::Error,
                        error_is("cases.csv: row 1: more than 1000 cells"));
  std::string ok = "id";
  for (int i = 1; i < 1000; ++i) ok += ",c" + std::to_string(i);
  BOOST_TEST(parse(ok + "\n").columns.size() == 999u);
}

// ---- garbage ----

namespace {

// Parses `input` and checks what a caller relies on: either a sheet whose
// rows have unique non-empty ids, increasing lines and only known attributes,
// or a Data error naming the file. Returns a description of any breach.
std::string check_garbage(const std::string& input) {
  try {
    const CaseSheet sheet = parse_case_sheet(input, "fuzz.csv");
    std::set<std::string> names;
    for (const auto& c : sheet.columns) names.insert(c.name);
    std::set<std::string> ids;
    int last_line = 0;
    for (const CaseRow& row : sheet.rows) {
      if (row.id.empty() || !ids.insert(row.id).second) return "bad id '" + row.id + "'";
      if (row.line <= last_line) return "lines out of order";
      last_line = row.line;
      for (const auto& [name, value] : row.attributes) {
        if (!names.count(name) || value.empty()) return "bad attribute " + name;
      }
    }
    return {};
  } catch (const casebook::Error& e) {
    if (e.kind() != casebook::ErrorKind::Data) return std::string("wrong kind: ") + e.what();
    if (std::string(e.what()).rfind("fuzz.csv: ", 0) != 0)
      return "unnamed: " + std::string(e.what());
    return {};
  } catch (const std::exception& e) {
    return std::string("other exception: ") + e.what();
  }
}

// Pieces that steer random input into the parser's interesting corners.
const std::vector<std::string> kPieces = {",",
                                          ";",
                                          "\"",
                                          "\"\"",
                                          "\r",
                                          "\n",
                                          "\r\n",
                                          " ",
                                          "A",
                                          "b",
                                          "1",
                                          "0",
                                          "-",
                                          ".",
                                          ":",
                                          "id",
                                          "case",
                                          "outcome",
                                          ":integer",
                                          ":date",
                                          ":boolean",
                                          ":decimal",
                                          ":nope",
                                          "2012-02-29",
                                          "yes",
                                          "1,5",
                                          "\xC3\xA9",
                                          "\xEF\xBB\xBF",
                                          "\xE2\x80\xAF",
                                          "\t",
                                          "99999999999999999999"};

std::string random_pieces(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(0, 60);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::string out = rng() % 2 ? "id," : "";
  for (std::size_t n = count(rng); n > 0; --n) out += kPieces[pick(rng)];
  return out;
}

std::string random_bytes(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> length(0, 300);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(length(rng), '\0');
  for (char& c : out) c = static_cast<char>(byte(rng));
  return out;
}

std::string mutated_sheet(std::mt19937& rng) {
  std::string out = kSheet;
  std::uniform_int_distribution<std::size_t> edits(1, 6);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  for (std::size_t n = edits(rng); n > 0 && !out.empty(); --n) {
    const std::size_t at = rng() % out.size();
    switch (rng() % 3) {
      case 0:
        out.erase(at, 1 + rng() % 8);
        break;
      case 1:
        out.insert(at, kPieces[pick(rng)]);
        break;
      default:
        out[at] = static_cast<char>(rng() % 256);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(garbage_never_crashes) {
  std::mt19937 rng(20240611);  // fixed, so a failure can be replayed
  int parsed = 0;
  int failures = 0;
  std::string first_failure;
  for (int i = 0; i < 6000; ++i) {
    const std::string input = i % 3 == 0   ? random_bytes(rng)
                              : i % 3 == 1 ? random_pieces(rng)
                                           : mutated_sheet(rng);
    const std::string breach = check_garbage(input);
    if (!breach.empty() && failures++ == 0) first_failure = breach + " for input: " + input;
    try {
      parse_case_sheet(input, "fuzz.csv");
      ++parsed;
    } catch (const casebook::Error&) {
    }
  }
  BOOST_TEST(failures == 0, first_failure);
  // The generators must reach the parser's success paths too, not only errors.
  BOOST_TEST(parsed > 300);
}

BOOST_AUTO_TEST_SUITE_END()

// The survey importer: one source per respondent, the question as a heading
// before each answer, attributes as metadata, column roles by header
// convention or inference, detection that leaves ordinary CSV files alone,
// and an error naming the file and row for every malformed sheet.

#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"
#include "zip_fixtures.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::make_zip;
using casebook::text::OffsetMap;

namespace {

ci::InputFile input(const std::string& path, std::string bytes) {
  return ci::InputFile{path, std::move(bytes), std::nullopt, std::nullopt};
}

std::vector<ci::ImportedSource> import_survey(const std::string& bytes,
                                              const std::string& path = "staff-survey.csv") {
  std::vector<ci::ImportedSource> out =
      ci::format_named("survey").make()->import_all(input(path, bytes));
  for (const auto& source : out) ci::validate(source, path);
  return out;
}

Error survey_error(const std::string& bytes, const std::string& path = "staff-survey.csv") {
  return expect_error(ErrorKind::Data, [&] { import_survey(bytes, path); });
}

struct Passage {
  std::string kind;
  std::string heading_path;
  std::string text;
  bool operator==(const Passage& o) const {
    return kind == o.kind && heading_path == o.heading_path && text == o.text;
  }
};

std::ostream& operator<<(std::ostream& out, const Passage& p) {
  return out << "{" << p.kind << " [" << p.heading_path << "] '" << p.text << "'}";
}

std::vector<Passage> passages(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<Passage> out;
  for (const auto& p : s.passages)
    out.push_back({p.kind, p.heading_path, std::string(map.slice(p.span))});
  return out;
}

std::string format_of(const std::string& path, std::string bytes) {
  return std::string(ci::format_for(input(path, std::move(bytes))).format);
}

const std::string kLongA = "The merger saved money but staff morale suffered for two years.";
const std::string kLongB = "We lost local knowledge when the planning teams were combined.";

// ---- XLSX built in memory: shared strings plus one worksheet ----------------

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A cell holding shared string `index`, or a number.
std::string s_cell(const std::string& ref, int index) {
  return "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(index) + "</v></c>";
}
std::string n_cell(const std::string& ref, const std::string& number) {
  return "<c r=\"" + ref + "\"><v>" + number + "</v></c>";
}
std::string row(int r, const std::string& cells) {
  return "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>";
}

std::string xlsx(const std::vector<std::string>& shared, const std::string& sheet_rows) {
  std::string sst = "<sst xmlns=\"" + kMain + "\">";
  for (const auto& str : shared) sst += "<si><t xml:space=\"preserve\">" + str + "</t></si>";
  sst += "</sst>";
  return make_zip({
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
                              "\"><sheets><sheet name=\"Responses\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" +
           kRel +
           "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"" +
           kRel +
           "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
           "</Relationships>"},
      {"xl/sharedStrings.xml", sst},
      {"xl/worksheets/sheet1.xml",
       "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + sheet_rows + "</sheetData></worksheet>"},
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(importers_survey)

BOOST_AUTO_TEST_CASE(one_source_per_respondent_with_question_headings_and_metadata) {
  const std::string csv =
      "id,Council,Role,What changed after the merger?,Anything else?\n"
      "R1,Northshire,officer,\"" +
      kLongA + "\",\"" + kLongB +
      "\"\n"
      "R2,Southshire,member,\"Shared services, mostly; \"\"back office\"\" first.\nThen IT.\",\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 2u);

  const auto& r1 = sources[0];
  BOOST_TEST(r1.format == "survey");
  BOOST_TEST(r1.part == "respondent R1");
  BOOST_TEST(r1.title == "staff-survey \u2013 R1");
  BOOST_TEST(r1.metadata.at("council") == "Northshire");
  BOOST_TEST(r1.metadata.at("role") == "officer");
  BOOST_TEST(r1.metadata.at("respondent") == "R1");
  BOOST_TEST(r1.metadata.count("what changed after the merger?") == 0u);
  const std::vector<Passage> expected1{
      {"heading", "", "What changed after the merger?"},
      {"answer", "What changed after the merger?", kLongA},
      {"heading", "", "Anything else?"},
      {"answer", "Anything else?", kLongB},
  };
  BOOST_TEST(passages(r1) == expected1, boost::test_tools::per_element());
  BOOST_TEST(r1.text ==
             "What changed after the merger?\n\n" + kLongA + "\n\nAnything else?\n\n" + kLongB);

  // Quotes, an embedded line break and a separator inside a quoted answer;
  // the empty answer leaves out its question too.
  const std::vector<Passage> expected2{
      {"heading", "", "What changed after the merger?"},
      {"answer", "What changed after the merger?",
       "Shared services, mostly; \"back office\" first.\nThen IT."},
  };
  BOOST_TEST(passages(sources[1]) == expected2, boost::test_tools::per_element());
  BOOST_TEST(sources[1].part == "respondent R2");
}

BOOST_AUTO_TEST_CASE(crlf_bom_semicolons_and_nfc) {
  // A spreadsheet export from a European locale: BOM, CRLF, ';' separators,
  // decomposed accents that must come out NFC.
  const std::string csv =
      "\xEF\xBB\xBFRespondent ID;Age band;Comment\r\n"
      "7;25-34;Cafe\xCC\x81 staff were moved to the new building without any consultation\r\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 1u);
  BOOST_TEST(sources[0].part == "respondent 7");
  BOOST_TEST(sources[0].metadata.at("age band") == "25-34");
  BOOST_TEST(passages(sources[0]).back().text ==
             "Caf\xC3\xA9 staff were moved to the new building without any consultation");
  BOOST_TEST(sources[0].notes.empty());  // no note about CRLF: the text is built, not kept
}

BOOST_AUTO_TEST_CASE(inference_by_length_and_by_words) {
  // "Why" has short answers of several words (free text); "Band" has long
  // but single-word values (average under 30 characters): an attribute.
  const std::string csv =
      "participant,Band,Why,Score\n"
      "P1,Senior-manager,we were never asked about it,4\n"
      "P2,Officer,it happened far too quickly for us,2\n"
      "P3,Officer,no,5\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 3u);
  BOOST_TEST(sources[0].metadata.at("band") == "Senior-manager");
  BOOST_TEST(sources[0].metadata.at("score") == "4");
  BOOST_TEST(passages(sources[2]).back() == (Passage{"answer", "Why", "no"}));
}

BOOST_AUTO_TEST_CASE(header_suffixes_force_roles) {
  // Without suffixes "Ref" would not be the id (not an id name, and not
  // first), "Yes/no" would be an attribute and "Notes" an answer.
  const std::string csv =
      "Council,Ref:ID,Yes/no:answer,Notes:attr\n"
      "Northshire,A1,Yes,\"" +
      kLongA +
      "\"\n"
      "Southshire,A2,No,\"" +
      kLongB + "\"\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 2u);
  BOOST_TEST(sources[0].part == "respondent A1");
  BOOST_TEST(sources[0].metadata.at("notes") == kLongA);
  BOOST_TEST(sources[0].metadata.at("council") == "Northshire");
  const std::vector<Passage> expected{{"heading", "", "Yes/no"}, {"answer", "Yes/no", "Yes"}};
  BOOST_TEST(passages(sources[1]).size() == 2u);
  BOOST_TEST(passages(sources[0]) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(first_column_is_the_id_without_a_convention) {
  const std::string csv = "Name,Feedback\nAnna,\"" + kLongA + "\"\nBen,\"" + kLongB + "\"\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 2u);
  BOOST_TEST(sources[1].part == "respondent Ben");
  BOOST_TEST(sources[1].metadata.at("respondent") == "Ben");
}

BOOST_AUTO_TEST_CASE(respondents_without_answers_are_left_out_with_a_note) {
  const std::string csv = "id,Council,Comment\n1,North,\"" + kLongA + "\"\n2,South,\n3,East,\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 1u);
  BOOST_REQUIRE_EQUAL(sources[0].notes.size(), 1u);
  BOOST_TEST(contains(sources[0].notes[0], "2 respondents"));
  BOOST_TEST(contains(sources[0].notes[0], "rows 3, 4"));
}

BOOST_AUTO_TEST_CASE(import_gives_the_whole_survey_as_one_source) {
  const std::string csv = "id,Comment\nR1,\"" + kLongA + "\"\nR2,\"" + kLongB + "\"\n";
  const ci::ImportedSource all = ci::format_named("survey").make()->import(input("s.csv", csv));
  ci::validate(all, "s.csv");
  const std::vector<Passage> expected{
      {"heading", "", "respondent R1"},
      {"heading", "respondent R1", "Comment"},
      {"answer", "respondent R1 > Comment", kLongA},
      {"heading", "", "respondent R2"},
      {"heading", "respondent R2", "Comment"},
      {"answer", "respondent R2 > Comment", kLongB},
  };
  BOOST_TEST(passages(all) == expected, boost::test_tools::per_element());
  BOOST_TEST(all.part.empty());
}

// ---- detection ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(survey_csv_is_detected_by_content) {
  const std::string survey = "id,Council,Comment\n1,North,\"" + kLongA + "\"\n";
  BOOST_TEST(format_of("answers.csv", survey) == "survey");
  BOOST_TEST(format_of("answers", survey) == "survey");
  BOOST_TEST(format_of("marked.csv", "Who,Said:answer\nA,yes\n") == "survey");
}

BOOST_AUTO_TEST_CASE(other_csv_files_stay_text) {
  // No answer column, no id header, ragged, or prose with commas.
  BOOST_TEST(format_of("data.csv", "a,b\n1,2\n") == "text");
  BOOST_TEST(format_of("cases.csv", "id,outcome,population\nB,aborted,100\n") == "text");
  BOOST_TEST(format_of("list.csv", "Name,Comment\nAnna,\"" + kLongA + "\"\n") == "text");
  BOOST_TEST(format_of("ragged.csv", "id,Comment\n1,\"" + kLongA + "\",extra,cells\n") == "text");
  BOOST_TEST(format_of("notes.txt",
                       "Interviewer: hello, did the merger change your daily work much?\n"
                       "R: yes, it changed a great deal in the first year, I would say\n") ==
             "text");
  BOOST_TEST(format_of("broken.csv", "id,Comment\n1,\"never closed\n") == "text");
}

BOOST_AUTO_TEST_CASE(sniff_reads_only_the_head_of_a_large_file) {
  // A survey far larger than the sniff window, cut inside a quoted answer.
  std::string csv = "id,Comment\n";
  for (int i = 0; csv.size() < 300 * 1024; ++i) {
    csv += std::to_string(i) + ",\"" + kLongA + "\n" + kLongB + "\"\n";
  }
  BOOST_TEST(format_of("big.csv", csv) == "survey");
}

// ---- errors -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(duplicate_ids_name_the_rows) {
  const Error e = survey_error("id,Comment\nR1,\"" + kLongA + "\"\nR2,\"" + kLongB + "\"\nR1,\"" +
                               kLongB + "\"\n");
  BOOST_TEST(contains(e.what(), "staff-survey.csv"));
  BOOST_TEST(contains(e.what(), "'R1'"));
  BOOST_TEST(contains(e.what(), "rows 2, 4"));
  BOOST_TEST(contains(e.hint(), "unique"));
}

BOOST_AUTO_TEST_CASE(empty_id_names_the_row) {
  const Error e = survey_error("id,Comment\nR1,\"" + kLongA + "\"\n,\"" + kLongB + "\"\n");
  BOOST_TEST(contains(e.what(), "row 3"));
  BOOST_TEST(contains(e.what(), "column 'id'"));
}

BOOST_AUTO_TEST_CASE(no_answer_columns_lists_the_columns_and_how_to_mark_one) {
  const Error e = survey_error("id,Council,Role\n1,North,officer\n2,South,member\n", "cases.csv");
  BOOST_TEST(contains(e.what(), "cases.csv"));
  BOOST_TEST(contains(e.what(), "no answer columns"));
  BOOST_TEST(contains(e.what(), "'id'"));
  BOOST_TEST(contains(e.what(), "'Council', 'Role'"));
  BOOST_TEST(contains(e.hint(), ":answer"));
  BOOST_TEST(contains(e.hint(), "--format text"));
}

BOOST_AUTO_TEST_CASE(ragged_rows_name_the_row) {
  const Error short_row = survey_error("id,Council,Comment\n1,North,\"" + kLongA + "\"\n2,South\n");
  BOOST_TEST(contains(short_row.what(), "row 3 has 2 cells"));
  BOOST_TEST(contains(short_row.what(), "header (row 1) has 3"));
  const Error long_row =
      survey_error("id,Comment\n1,\"" + kLongA + "\"\n2,Some answer, with an unquoted comma\n");
  BOOST_TEST(contains(long_row.what(), "row 3 has 3 cells"));
  BOOST_TEST(contains(long_row.hint(), "double quotes"));
  // Trailing empty cells (a separator after the last cell) are not ragged.
  BOOST_TEST(import_survey("id,Comment\n1,\"" + kLongA + "\",,\n").size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_and_header_only_files) {
  BOOST_TEST(contains(survey_error("").what(), "staff-survey.csv: contains no text"));
  BOOST_TEST(contains(survey_error("\n\n  \n").what(), "contains no text"));
  const Error header_only = survey_error("id,Comment\n");
  BOOST_TEST(contains(header_only.what(), "no respondents"));
}

BOOST_AUTO_TEST_CASE(every_answer_empty) {
  const Error e = survey_error("id,Comment:answer\n1,\n2,\n");
  BOOST_TEST(contains(e.what(), "no respondent answered"));
}

BOOST_AUTO_TEST_CASE(duplicate_column_names) {
  const Error e = survey_error("id,Comment,comment:answer\n1,\"" + kLongA + "\",x\n");
  BOOST_TEST(contains(e.what(), "columns 2 and 3"));
}

BOOST_AUTO_TEST_CASE(csv_syntax_errors_name_the_row_and_column) {
  const Error e = survey_error("id,Comment\n1,\"" + kLongA + "\" oops\n");
  BOOST_TEST(contains(e.what(), "staff-survey.csv: row 2, column 'Comment'"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_decoded_not_crashed) {
  // Latin-1 bytes: the decoder guesses and the importer still builds NFC text.
  const std::string csv =
      "id,Comment\n1,\"Caf\xE9 staff were moved without any consultation at all\"\n";
  const auto sources = import_survey(csv);
  BOOST_REQUIRE_EQUAL(sources.size(), 1u);
  BOOST_TEST(contains(sources[0].text, "Caf\xC3\xA9"));
}

// ---- XLSX ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(xlsx_workbook_one_source_per_respondent) {
  // Shared strings: 0 Respondent, 1 Council, 2 Why did the merger happen?,
  // 3 North, 4 long answer with an escaped ampersand, 5 South.
  const std::vector<std::string> shared{
      "Respondent",
      "Council",
      "Why did the merger happen?",
      "North",
      "Money, mostly &amp; the threat of a takeover by the county council.",
      "South"};
  const std::string rows =
      row(1, s_cell("A1", 0) + s_cell("B1", 1) + s_cell("C1", 2)) +
      row(3, n_cell("A3", "101") + s_cell("B3", 3) + s_cell("C3", 4)) +  // row 2 is blank
      row(4, n_cell("A4", "102") + s_cell("B4", 5));  // no answer: trailing cell missing
  const std::string bytes = xlsx(shared, rows);
  BOOST_TEST(format_of("responses.xlsx", bytes) == "survey");
  BOOST_TEST(format_of("renamed.bin", bytes) == "survey");

  const auto sources = import_survey(bytes, "responses.xlsx");
  BOOST_REQUIRE_EQUAL(sources.size(), 1u);
  BOOST_TEST(sources[0].part == "respondent 101");
  BOOST_TEST(sources[0].title == "responses – 101");
  BOOST_TEST(sources[0].encoding == "UTF-8");
  BOOST_TEST(sources[0].metadata.at("council") == "North");
  const std::vector<Passage> expected{
      {"heading", "", "Why did the merger happen?"},
      {"answer", "Why did the merger happen?",
       "Money, mostly & the threat of a takeover by the county council."}};
  BOOST_TEST(passages(sources[0]) == expected, boost::test_tools::per_element());
  // The respondent without an answer is reported by its spreadsheet row.
  BOOST_REQUIRE_EQUAL(sources[0].notes.size(), 1u);
  BOOST_TEST(contains(sources[0].notes[0], "1 respondent without any answer left out (row 4)"));
}

BOOST_AUTO_TEST_CASE(xlsx_errors_use_spreadsheet_rows) {
  const std::vector<std::string> shared{"id", "Comment",
                                        "A long enough answer to count as free text."};
  const std::string duplicate = xlsx(shared, row(1, s_cell("A1", 0) + s_cell("B1", 1)) +
                                                 row(2, n_cell("A2", "7") + s_cell("B2", 2)) +
                                                 row(5, n_cell("A5", "7") + s_cell("B5", 2)));
  const Error e = survey_error(duplicate, "book.xlsx");
  BOOST_TEST(contains(e.what(), "book.xlsx"));
  BOOST_TEST(contains(e.what(), "rows 2, 5"));

  const std::string ragged =
      xlsx(shared, row(1, s_cell("A1", 0) + s_cell("B1", 1)) +
                       row(2, n_cell("A2", "7") + s_cell("B2", 2) + s_cell("D2", 2)));
  BOOST_TEST(contains(survey_error(ragged, "book.xlsx").what(), "row 2 has 4 cells"));

  BOOST_TEST(contains(survey_error(xlsx({}, ""), "empty.xlsx").what(),
                      "empty.xlsx: the first worksheet is empty"));
  // Not a workbook inside: read_first_sheet's error names the file.
  const std::string not_xlsx = make_zip({{"xl/workbook.xml", "<not closed"}});
  BOOST_TEST(contains(survey_error(not_xlsx, "broken.xlsx").what(), "broken.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()

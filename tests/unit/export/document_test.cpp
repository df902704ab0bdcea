// The format-neutral document (cells, all_text) and the table of formats.

#include "engine/export/document.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;

BOOST_AUTO_TEST_SUITE(export_document)

BOOST_AUTO_TEST_CASE(a_cell_from_a_string_holds_one_plain_paragraph_and_empty_means_none) {
  const ex::Cell text("quote");
  BOOST_TEST(text.paragraphs.size() == 1u);
  BOOST_TEST(text.paragraphs[0].size() == 1u);
  BOOST_TEST(text.paragraphs[0][0].text == "quote");
  BOOST_TEST((text.paragraphs[0][0].style == ex::Style::Plain));
  BOOST_TEST(ex::Cell("").paragraphs.empty());
  BOOST_TEST(ex::Cell().paragraphs.empty());
}

BOOST_AUTO_TEST_CASE(plain_text_concatenates_spans_and_joins_paragraphs_with_newlines) {
  const ex::Cell cell = ex::Cell::of({
      {{"one ", ex::Style::Plain}, {"two", ex::Style::Emphasis}},
      {{"three", ex::Style::Strong}},
      {},
  });
  BOOST_TEST(cell.plain_text() == "one two\nthree\n");
  BOOST_TEST(ex::Cell("a\nb").plain_text() == "a\nb");
  BOOST_TEST(ex::Cell().plain_text() == "");
}

BOOST_AUTO_TEST_CASE(all_text_lists_every_shown_string) {
  ex::Document d;
  d.title = "T";
  d.blocks.emplace_back(ex::Heading{1, "H"});
  d.blocks.emplace_back(ex::Paragraph{{"p1 ", ex::Style::Plain}, {"p2", ex::Style::Strong}});
  ex::Table t;
  t.id = "sheet-id";
  t.caption = "C";
  t.columns = {{"col", ex::Align::Left, 1}};
  t.rows = {{ex::Cell("cell")}, {ex::Cell("")}};
  t.notes = {"N"};
  d.blocks.emplace_back(t);
  const std::vector<std::string> expected{"T", "H", "p1 p2", "sheet-id", "C", "col", "cell", "N"};
  BOOST_TEST(ex::all_text(d) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(formats_are_found_by_name_case_insensitively_and_by_alias) {
  BOOST_TEST(ex::format_named("md").extension == ".md");
  BOOST_TEST(ex::format_named("Markdown").name == "md");
  BOOST_TEST(ex::format_named("TEX").name == "latex");
  BOOST_TEST(ex::format_named("xlsx").binary);
  BOOST_TEST(ex::format_named("docx").binary);
  BOOST_TEST(!ex::format_named("csv").binary);
  for (const ex::Format& f : ex::formats()) {
    BOOST_TEST(f.write != nullptr, f.name);
    BOOST_TEST(!f.description.empty(), f.name);
    BOOST_TEST(&ex::format_named(f.name) == &f);
    BOOST_TEST(&ex::format_for_path("out/file" + f.extension) == &f);
  }
  expect_error(
      ErrorKind::Usage, [] { ex::format_named("pdf"); }, "md, latex, csv, xlsx, docx, html");
}

BOOST_AUTO_TEST_CASE(formats_are_found_by_file_extension) {
  BOOST_TEST(ex::format_for_path("paper/Table.TEX").name == "latex");
  BOOST_TEST(ex::format_for_path("notes.markdown").name == "md");
  BOOST_TEST(ex::format_for_path("page.htm").name == "html");
  BOOST_TEST(ex::format_for_path("dir.v2/codes.xlsx").name == "xlsx");
  expect_error(
      ErrorKind::Usage, [] { ex::format_for_path("report.pdf"); }, "'.pdf'");
  expect_error(
      ErrorKind::Usage, [] { ex::format_for_path("dir.d/report"); }, "no extension");
  const auto e = expect_error(ErrorKind::Usage, [] { ex::format_for_path(".hidden"); });
  BOOST_TEST(contains(e.hint(), ".docx"), e.hint());
}

BOOST_AUTO_TEST_CASE(every_writer_is_deterministic) {
  const ex::Document d = casebook::testing::nasty_document();
  for (const ex::Format& f : ex::formats()) {
    for (bool landscape : {false, true}) {
      ex::WriteOptions options;
      options.landscape = landscape;
      const std::string first = f.write(d, options);
      const std::string second = f.write(d, options);
      BOOST_TEST(!first.empty(), f.name);
      BOOST_TEST((first == second), f.name << " must give the same bytes twice");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

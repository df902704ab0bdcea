// Markdown for Pandoc: escaping, grid tables (widths, alignment, several
// paragraphs per cell), captions and notes, and (when pandoc is installed)
// that Pandoc reads the tables back as tables.

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::testing::contains;
using casebook::testing::plain;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Code points, counting East Asian wide characters twice as Pandoc does.
std::size_t columns_of(const std::string& line);

std::string markdown(const ex::Document& d) {
  return ex::write_markdown(d, {});
}

std::string one_paragraph(const std::string& text) {
  ex::Document d;
  d.blocks.emplace_back(plain(text));
  return markdown(d);
}

// The lines of the first grid table in `md`.
std::vector<std::string> table_lines(const std::string& md) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(md)) {
    if (!line.empty() && (line[0] == '+' || line[0] == '|')) {
      out.push_back(line);
    } else if (!out.empty()) {
      break;
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_markdown)

BOOST_AUTO_TEST_CASE(title_headings_and_styles) {
  ex::Document d;
  d.title = "Codes";
  d.blocks.emplace_back(ex::Heading{1, "Section"});
  d.blocks.emplace_back(ex::Heading{2, "Sub # 2 #"});
  d.blocks.emplace_back(ex::Paragraph{{"plain ", ex::Style::Plain},
                                      {" emphasised ", ex::Style::Emphasis},
                                      {"strong", ex::Style::Strong}});
  BOOST_TEST(markdown(d) ==
             "# Codes\n\n## Section\n\n### Sub \\# 2 \\#\n\nplain *emphasised* **strong**\n");
}

BOOST_AUTO_TEST_CASE(inline_specials_are_backslash_escaped) {
  BOOST_TEST(one_paragraph("a*b_c`d[e]f<g>h|i\\j$k^l~m@n&o{p}q") ==
             "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\\\j\\$k\\^l\\~m\\@n\\&o\\{p\\}q\n");
  // "--" would become a dash with Pandoc's smart typography.
  BOOST_TEST(one_paragraph("a -- b --- c") == "a -\\- b -\\-\\- c\n");
  // Control characters are dropped.
  BOOST_TEST(one_paragraph("x\x01y\x7Fz\xC2\x85!") == "xyz!\n");
}

BOOST_AUTO_TEST_CASE(block_markers_at_line_starts_are_escaped) {
  BOOST_TEST(one_paragraph("# not a heading") == "\\# not a heading\n");
  BOOST_TEST(one_paragraph("- not a list") == "\\- not a list\n");
  BOOST_TEST(one_paragraph("+ not a list") == "\\+ not a list\n");
  BOOST_TEST(one_paragraph("> not a quote") == "\\> not a quote\n");
  BOOST_TEST(one_paragraph("1986. A year") == "1986\\. A year\n");
  BOOST_TEST(one_paragraph("a) item") == "a\\) item\n");
  BOOST_TEST(one_paragraph("(iv) item") == "\\(iv) item\n");
  BOOST_TEST(one_paragraph(": definition") == "\\: definition\n");
  BOOST_TEST(one_paragraph("Table: not a caption") == "Table\\: not a caption\n");
  BOOST_TEST(one_paragraph("% not a title block") == "\\% not a title block\n");
  BOOST_TEST(one_paragraph("= setext") == "\\= setext\n");
  BOOST_TEST(one_paragraph("e.g. fine") == "e.g. fine\n");
}

BOOST_AUTO_TEST_CASE(line_breaks_become_backslash_line_ends_and_markers_stay_escaped) {
  BOOST_TEST(one_paragraph("first\n- second\n\n\n3. third") ==
             "first\\\n\\- second\\\n3\\. third\n");
}

BOOST_AUTO_TEST_CASE(long_paragraphs_wrap_at_word_boundaries_within_100_columns) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
  const std::string md = one_paragraph(text);
  const auto lines = lines_of(md);
  BOOST_TEST(lines.size() > 3u);
  std::string joined;
  for (const std::string& line : lines) {
    BOOST_TEST(line.size() <= 100u, line);
    BOOST_TEST(line.back() != ' ');
    joined += (joined.empty() ? "" : " ") + line;
  }
  BOOST_TEST(joined + " " == text);
}

BOOST_AUTO_TEST_CASE(grid_table_with_caption_alignment_paragraphs_and_notes) {
  ex::Document d;
  ex::Table t;
  t.caption = "Quotes *coded*";
  t.columns = {
      {"Source", ex::Align::Left, 1}, {"Quote", ex::Align::Left, 4}, {"n", ex::Align::Right, 1}};
  t.rows = {{ex::Cell("I1"), ex::Cell::of({plain("first quote"), plain("second quote")}),
             ex::Cell("12")}};
  t.notes = {"Counts are segments."};
  d.blocks.emplace_back(t);
  const std::string md = markdown(d);
  BOOST_TEST(md.rfind("Table: Quotes \\*coded\\*\n\n+", 0) == 0u, md);
  const std::string notes = "+\n\nCounts are segments.\n";
  BOOST_TEST_REQUIRE(md.size() > notes.size());
  BOOST_TEST(md.substr(md.size() - notes.size()) == notes, md);
  const auto lines = table_lines(md);
  BOOST_TEST_REQUIRE(lines.size() == 7u, md);
  // Every line the same width, borders aligned, within the line budget.
  for (const std::string& line : lines) {
    BOOST_TEST(line.size() == lines[0].size(), line);
    BOOST_TEST(line.size() <= 100u);
  }
  BOOST_TEST(lines[0].find_first_not_of("+-") == std::string::npos);
  BOOST_TEST(contains(lines[1], "| Source "));
  // The header separator, with a colon marking the right-aligned column.
  BOOST_TEST(lines[2].find_first_not_of("+=:") == std::string::npos, lines[2]);
  BOOST_TEST(lines[2].substr(lines[2].size() - 2) == ":+");
  BOOST_TEST(lines[2].find(':') == lines[2].size() - 2);
  // The two quotes are two paragraphs: a blank cell line between them.
  BOOST_TEST(contains(lines[3], "| first quote "));
  BOOST_TEST(contains(lines[3], " 12 "));
  BOOST_TEST(lines[4].find_first_not_of("| ") == std::string::npos, lines[4]);
  BOOST_TEST(contains(lines[5], "| second quote "));
  BOOST_TEST(lines[6] == lines[0]);
  // Column widths follow Column::width (1 : 4 : 1).
  const std::size_t first = lines[0].find('+', 1);
  const std::size_t second = lines[0].find('+', first + 1);
  BOOST_TEST((second - first) > 3 * first);
}

BOOST_AUTO_TEST_CASE(cells_wrap_to_their_column_and_long_words_widen_it) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"A", ex::Align::Left, 1}, {"B", ex::Align::Left, 1}};
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "lorem ";
  const std::string url = "https://example.org/" + std::string(70, 'x');
  t.rows = {{ex::Cell(long_text), ex::Cell(url)}};
  d.blocks.emplace_back(t);
  const auto lines = table_lines(markdown(d));
  BOOST_TEST(lines.size() > 5u);
  for (const std::string& line : lines) BOOST_TEST(line.size() == lines[0].size());
  // The URL is never broken (that would insert a space).
  bool url_whole = false;
  for (const std::string& line : lines) url_whole |= contains(line, url);
  BOOST_TEST(url_whole);
}

BOOST_AUTO_TEST_CASE(wide_characters_count_twice_so_borders_align) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"A", ex::Align::Left, 1}, {"B", ex::Align::Left, 1}};
  t.rows = {{ex::Cell("\xE6\xBC\xA2\xE5\xAD\x97"), ex::Cell("q\xCC\x83 \xF0\x9F\x98\x80")}};
  d.blocks.emplace_back(t);
  const auto lines = table_lines(markdown(d));
  BOOST_TEST_REQUIRE(lines.size() == 5u);
  // In display columns: the second border of the CJK row sits where the
  // rule's '+' does.
  const std::string& row = lines[3];
  const std::size_t bar = row.find(" | ");
  BOOST_TEST_REQUIRE(bar != std::string::npos);
  BOOST_TEST(columns_of(row.substr(0, bar + 2)) == lines[0].find('+', 1) + 1);
  BOOST_TEST(columns_of(row) == lines[0].size());
}

BOOST_AUTO_TEST_CASE(cells_starting_with_markers_are_escaped_on_every_line) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"A", ex::Align::Left, 1}};
  t.rows = {{ex::Cell("- dash\n1. number\n+ plus")}};
  d.blocks.emplace_back(t);
  const auto lines = table_lines(markdown(d));
  BOOST_TEST(contains(lines[3], "| \\- dash\\ "));
  BOOST_TEST(contains(lines[4], "| 1\\. number\\ "));
  BOOST_TEST(contains(lines[5], "| \\+ plus "));
}

BOOST_AUTO_TEST_CASE(a_table_without_rows_keeps_its_header_with_one_empty_row) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"A", ex::Align::Left, 1}};
  d.blocks.emplace_back(t);
  const auto lines = table_lines(markdown(d));
  BOOST_TEST_REQUIRE(lines.size() == 5u);
  BOOST_TEST(lines[2].find_first_not_of("+=") == std::string::npos);
  BOOST_TEST(lines[3].find_first_not_of("| ") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(pandoc_reads_the_tables_back) {
  if (!casebook::testing::program_available("pandoc")) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipping the Pandoc round trip");
    return;
  }
  casebook::testing::TempDir dir("export-md");
  casebook::testing::write_file(dir / "doc.md", markdown(casebook::testing::nasty_document()));
  const int status = casebook::testing::run_in(
      dir.path(), "pandoc -f markdown -t html5 -o doc.html doc.md 2> pandoc.err");
  BOOST_TEST_REQUIRE(status == 0, casebook::testing::read_file(dir / "pandoc.err"));
  const std::string html = casebook::testing::read_file(dir / "doc.html");
  BOOST_TEST(casebook::testing::count_of(html, "<table") == 3u);
  BOOST_TEST(casebook::testing::count_of(html, "<caption>") == 3u);
  // 3 + 40 + 1 (the empty table's placeholder row) body rows, 3 header rows.
  BOOST_TEST(casebook::testing::count_of(html, "<tr") == 47u);
  // Specials came through as text, not markup.
  BOOST_TEST(contains(html, "Specials \\ { } $ &amp; # ^ _ % ~ [x] &lt;b&gt; | * `"), html);
  BOOST_TEST(!contains(html, "<b>"));
  BOOST_TEST(!contains(html, "<ul>"));
  BOOST_TEST(!contains(html, "<ol"));
  BOOST_TEST(contains(html, "Table: not a caption"));
  BOOST_TEST(contains(html, "<em>quote</em>"));
  BOOST_TEST(contains(html, "<strong>here</strong>"));
  BOOST_TEST(contains(html, "_x0041_"));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

std::size_t columns_of(const std::string& line) {
  // Only the characters the test uses: ASCII, CJK (wide), a combining tilde
  // (zero) and an emoji (wide).
  std::size_t columns = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead < 0x80) {
      ++columns, ++i;
    } else if (lead < 0xE0) {
      i += 2;  // U+0303 combining tilde
    } else if (lead < 0xF0) {
      columns += 2, i += 3;
    } else {
      columns += 2, i += 4;
    }
  }
  return columns;
}

}  // namespace

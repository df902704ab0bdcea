// DOCX: the WordprocessingML package (parts, relationships, fixed dates, no
// dates or author in docProps), styles, and document.xml read back with
// pugixml: title and headings, runs, tables with a repeated header row,
// grid widths from Column::width, several paragraphs per cell, captions
// above and notes below, landscape sections, escaping.

#include <boost/test/unit_test.hpp>
#include <numeric>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::testing::contains;
using casebook::testing::plain;
using casebook::testing::unzip;

namespace {

struct Parsed {
  std::map<std::string, std::string> parts;
  pugi::xml_document document;
  pugi::xml_node body;
};

// Opens the package and parses word/document.xml, failing the test when
// either is broken.
void parse(const std::string& bytes, Parsed& out) {
  out.parts = unzip(bytes);
  const pugi::xml_parse_result result =
      out.document.load_string(out.parts.at("word/document.xml").c_str());
  BOOST_TEST_REQUIRE(static_cast<bool>(result), "document.xml: " << result.description());
  out.body = out.document.child("w:document").child("w:body");
  BOOST_TEST_REQUIRE(static_cast<bool>(out.body));
}

std::string style_of(pugi::xml_node paragraph) {
  return paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
}

// The text of a paragraph: its w:t pieces, <w:br/> as "\n".
std::string text_of(pugi::xml_node paragraph) {
  std::string text;
  pugi::xpath_node_set pieces = paragraph.select_nodes(".//w:t | .//w:br");
  pieces.sort();  // a union is not in document order
  for (const pugi::xpath_node& node : pieces) {
    const std::string name = node.node().name();
    text += name == "w:br" ? std::string("\n") : std::string(node.node().text().get());
  }
  return text;
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, const char* name) {
  std::vector<pugi::xml_node> nodes;
  for (pugi::xml_node child : parent.children(name)) nodes.push_back(child);
  return nodes;
}

ex::Document codes_document() {
  ex::Document d;
  d.title = "Codes";
  d.blocks.emplace_back(ex::Heading{1, "Section"});
  d.blocks.emplace_back(ex::Heading{2, "Subsection"});
  d.blocks.emplace_back(ex::Paragraph{{"plain ", ex::Style::Plain},
                                      {"emphasis", ex::Style::Emphasis},
                                      {" strong", ex::Style::Strong},
                                      {"\nnext line", ex::Style::Plain}});
  ex::Table t;
  t.id = "codes";
  t.caption = "Codes & quotes";
  t.columns = {
      {"Code", ex::Align::Left, 1}, {"Quotes", ex::Align::Left, 3}, {"n", ex::Align::Right, 1}};
  t.rows = {{ex::Cell("a"), ex::Cell::of({plain("q1"), plain("q2"), {}}), ex::Cell("3")},
            {ex::Cell("b")}};
  t.notes = {"Note one", "Note two"};
  d.blocks.emplace_back(t);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_docx)

BOOST_AUTO_TEST_CASE(the_package_holds_every_part_with_fixed_dates) {
  const std::string bytes = ex::write_docx(casebook::testing::nasty_document(), {});
  const auto headers = casebook::testing::zip_local_headers(bytes);
  std::vector<std::string> names;
  for (const auto& entry : headers) {
    names.push_back(entry.name);
    BOOST_TEST(entry.dos_date == 0x21, entry.name);  // 1980-01-01 in every time zone
    BOOST_TEST(entry.dos_time == 0, entry.name);
  }
  const std::vector<std::string> expected{"[Content_Types].xml", "_rels/.rels",
                                          "word/document.xml",   "word/_rels/document.xml.rels",
                                          "word/styles.xml",     "word/settings.xml",
                                          "docProps/core.xml",   "docProps/app.xml"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  const auto parts = unzip(bytes);
  for (const auto& [name, content] : parts) {
    pugi::xml_document xml;
    BOOST_TEST(static_cast<bool>(xml.load_string(content.c_str())), name << " is not well-formed");
  }
  const std::string& types = parts.at("[Content_Types].xml");
  for (const char* part : {"/word/document.xml", "/word/styles.xml", "/word/settings.xml",
                           "/docProps/core.xml", "/docProps/app.xml"}) {
    BOOST_TEST(contains(types, std::string("PartName=\"") + part + "\""), part);
  }
  BOOST_TEST(contains(parts.at("_rels/.rels"), "Target=\"word/document.xml\""));
  BOOST_TEST(contains(parts.at("word/_rels/document.xml.rels"), "Target=\"styles.xml\""));
  // No dates and no author, so the bytes depend on the document only.
  const std::string& core = parts.at("docProps/core.xml");
  BOOST_TEST(!contains(core, "dcterms:created"));
  BOOST_TEST(!contains(core, "dcterms:modified"));
  BOOST_TEST(!contains(core, "dc:creator"));
  BOOST_TEST(contains(core, "<dc:title>Title Specials"));
  BOOST_TEST(!contains(parts.at("docProps/app.xml"), "Time"));
}

BOOST_AUTO_TEST_CASE(styles_define_title_headings_caption_and_a_bordered_table_style) {
  const auto parts = unzip(ex::write_docx(codes_document(), {}));
  pugi::xml_document styles;
  BOOST_TEST_REQUIRE(static_cast<bool>(styles.load_string(parts.at("word/styles.xml").c_str())));
  for (const char* id : {"Normal", "Title", "Heading1", "Heading2", "Caption", "TableText",
                         "TableNote", "EvidenceTable"}) {
    const std::string query = std::string("//w:style[@w:styleId='") + id + "']";
    BOOST_TEST(static_cast<bool>(styles.select_node(query.c_str())), id);
  }
  BOOST_TEST(
      styles.select_nodes("//w:style[@w:styleId='EvidenceTable']/w:tblPr/w:tblBorders/*").size() ==
      3u);
  BOOST_TEST(static_cast<bool>(
      styles.select_node("//w:style[@w:styleId='Heading1']//w:outlineLvl[@w:val='0']")));
}

BOOST_AUTO_TEST_CASE(title_headings_paragraphs_and_runs) {
  Parsed doc;
  parse(ex::write_docx(codes_document(), {}), doc);
  const auto paragraphs = children(doc.body, "w:p");
  BOOST_TEST_REQUIRE(paragraphs.size() >= 4u);
  BOOST_TEST(style_of(paragraphs[0]) == "Title");
  BOOST_TEST(text_of(paragraphs[0]) == "Codes");
  BOOST_TEST(style_of(paragraphs[1]) == "Heading1");
  BOOST_TEST(style_of(paragraphs[2]) == "Heading2");
  BOOST_TEST(text_of(paragraphs[3]) == "plain emphasis strong\nnext line");
  const auto runs = children(paragraphs[3], "w:r");
  BOOST_TEST_REQUIRE(runs.size() == 4u);
  BOOST_TEST(!runs[0].child("w:rPr"));
  BOOST_TEST(static_cast<bool>(runs[1].child("w:rPr").child("w:i")));
  BOOST_TEST(static_cast<bool>(runs[2].child("w:rPr").child("w:b")));
  BOOST_TEST(std::string(runs[0].child("w:t").attribute("xml:space").value()) == "preserve");
}

BOOST_AUTO_TEST_CASE(tables_have_caption_header_row_grid_cells_and_notes) {
  Parsed doc;
  parse(ex::write_docx(codes_document(), {}), doc);
  const pugi::xml_node table = doc.body.child("w:tbl");
  BOOST_TEST_REQUIRE(static_cast<bool>(table));
  // The caption just above: "Table 1: ..." with a SEQ field and a bookmark.
  const pugi::xml_node caption = table.previous_sibling();
  BOOST_TEST(style_of(caption) == "Caption");
  BOOST_TEST(text_of(caption) == "Table 1: Codes & quotes");
  BOOST_TEST(std::string(caption.child("w:fldSimple").attribute("w:instr").value()) ==
             " SEQ Table \\* ARABIC ");
  BOOST_TEST(std::string(caption.child("w:bookmarkStart").attribute("w:name").value()) ==
             "tab_codes");
  // Style, full text width (A4 less 2 x 2.54 cm), fixed layout.
  const pugi::xml_node properties = table.child("w:tblPr");
  BOOST_TEST(std::string(properties.child("w:tblStyle").attribute("w:val").value()) ==
             "EvidenceTable");
  BOOST_TEST(properties.child("w:tblW").attribute("w:w").as_int() == 9026);
  // Grid widths 1 : 3 : 1 summing to the table width.
  std::vector<int> grid;
  for (pugi::xml_node col : table.child("w:tblGrid").children("w:gridCol"))
    grid.push_back(col.attribute("w:w").as_int());
  BOOST_TEST_REQUIRE(grid.size() == 3u);
  BOOST_TEST(std::accumulate(grid.begin(), grid.end(), 0) == 9026);
  BOOST_TEST(grid[0] == 1805);
  BOOST_TEST(grid[1] == 5415);
  const auto rows = children(table, "w:tr");
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  // The header row repeats on every page and is bold.
  BOOST_TEST(static_cast<bool>(rows[0].child("w:trPr").child("w:tblHeader")));
  BOOST_TEST(!rows[1].child("w:trPr").child("w:tblHeader"));
  BOOST_TEST(rows[0].select_nodes(".//w:r[w:rPr/w:b]").size() == 3u);
  for (const auto& row : rows) BOOST_TEST(children(row, "w:tc").size() == 3u);
  // Two quotes, two paragraphs (the empty third is dropped); every cell
  // holds at least one paragraph; the number column is right-aligned.
  const auto cells = children(rows[1], "w:tc");
  const auto quotes = children(cells[1], "w:p");
  BOOST_TEST_REQUIRE(quotes.size() == 2u);
  BOOST_TEST(text_of(quotes[0]) == "q1");
  BOOST_TEST(text_of(quotes[1]) == "q2");
  BOOST_TEST(style_of(quotes[0]) == "TableText");
  BOOST_TEST(cells[1].child("w:tcPr").child("w:tcW").attribute("w:w").as_int() == 5415);
  BOOST_TEST(
      std::string(cells[2].child("w:p").child("w:pPr").child("w:jc").attribute("w:val").value()) ==
      "right");
  for (const auto& cell : children(rows[2], "w:tc")) BOOST_TEST(children(cell, "w:p").size() == 1u);
  // Notes below.
  const pugi::xml_node first_note = table.next_sibling();
  BOOST_TEST(style_of(first_note) == "TableNote");
  BOOST_TEST(text_of(first_note) == "Note one");
  BOOST_TEST(text_of(first_note.next_sibling()) == "Note two");
}

BOOST_AUTO_TEST_CASE(sections_are_a4_portrait_or_landscape) {
  Parsed portrait;
  parse(ex::write_docx(codes_document(), {}), portrait);
  pugi::xml_node size = portrait.body.child("w:sectPr").child("w:pgSz");
  BOOST_TEST(size.attribute("w:w").as_int() == 11906);
  BOOST_TEST(!size.attribute("w:orient"));
  ex::WriteOptions options;
  options.landscape = true;
  Parsed landscape;
  parse(ex::write_docx(codes_document(), options), landscape);
  size = landscape.body.child("w:sectPr").child("w:pgSz");
  BOOST_TEST(size.attribute("w:w").as_int() == 16838);
  BOOST_TEST(size.attribute("w:h").as_int() == 11906);
  BOOST_TEST(std::string(size.attribute("w:orient").value()) == "landscape");
  BOOST_TEST(
      landscape.body.child("w:tbl").child("w:tblPr").child("w:tblW").attribute("w:w").as_int() ==
      13958);
  // The section properties come last in the body.
  BOOST_TEST(std::string(landscape.body.last_child().name()) == "w:sectPr");
}

BOOST_AUTO_TEST_CASE(text_is_escaped_and_characters_xml_forbids_are_dropped) {
  Parsed doc;
  parse(ex::write_docx(casebook::testing::nasty_document(), {}), doc);
  const pugi::xml_node title = doc.body.child("w:p");
  std::string expected = "Title " + casebook::testing::kNastyText;
  const std::size_t ctrl = expected.find("\x01\x07\x1F");
  expected.erase(ctrl, 3);
  BOOST_TEST(text_of(title) == expected);
  BOOST_TEST(doc.body.select_nodes("w:tbl").size() == 3u);
  // Captions number the tables in order.
  BOOST_TEST(text_of(doc.body.select_nodes("w:tbl")[1].node().previous_sibling()) ==
             "Table 2: Second table");
  // Two tables with one id get distinct bookmarks.
  const auto bookmarks = doc.body.select_nodes("//w:bookmarkStart");
  BOOST_TEST_REQUIRE(bookmarks.size() == 3u);
  BOOST_TEST(std::string(bookmarks[0].node().attribute("w:name").value()) ==
             "tab_quotes_trust___power");
  BOOST_TEST(std::string(bookmarks[1].node().attribute("w:name").value()) ==
             "tab_quotes_trust___power_2");
  // A table at the very end is followed by a paragraph before the section.
  const pugi::xml_node last = doc.body.child("w:sectPr").previous_sibling();
  BOOST_TEST(std::string(last.name()) == "w:p");
}

BOOST_AUTO_TEST_SUITE_END()

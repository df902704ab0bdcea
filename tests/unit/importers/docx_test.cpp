// The DOCX importer: real documents from python-docx's and unstructured's
// test suites, QualCoder's example and a Teams transcript, plus documents
// built in memory for what those do not cover (field codes, tracked changes,
// notes, hostile packages).

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "importers/zip_fixtures.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::importers::format_for;
using casebook::importers::ImportedSource;
using casebook::importers::InputFile;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::make_docx;
using casebook::testing::make_zip;

namespace {

const std::string kDocx = std::string(CASEBOOK_TESTDATA) + "/docx/";

InputFile input(const std::string& path, std::string bytes, std::optional<bool> transcript = {}) {
  InputFile file;
  file.path = path;
  file.bytes = std::move(bytes);
  file.transcript = transcript;
  return file;
}

// Imports through the format table, as `casebook import` does, and checks
// the importer's invariants.
ImportedSource import_bytes(const std::string& path, std::string bytes,
                            std::optional<bool> transcript = {}) {
  const InputFile file = input(path, std::move(bytes), transcript);
  const auto& entry = format_for(file);
  BOOST_TEST(std::string(entry.format) == "docx");
  ImportedSource source = entry.make()->import(file);
  casebook::importers::validate(source, file.path);
  return source;
}

ImportedSource import_file(const std::string& relative, std::optional<bool> transcript = {}) {
  return import_bytes(relative, casebook::testing::read_file(kDocx + relative), transcript);
}

struct Passage {
  std::string kind;
  std::string text;
  int page;
  std::string heading_path;
  std::string speaker;
};

std::vector<Passage> passages(const ImportedSource& source) {
  const casebook::text::OffsetMap map(source.text);
  std::vector<Passage> out;
  for (const auto& p : source.passages) {
    out.push_back({p.kind, std::string(map.slice(p.span)), p.page, p.heading_path, p.speaker});
  }
  return out;
}

std::vector<std::string> texts_of_kind(const ImportedSource& source, const std::string& kind) {
  std::vector<std::string> out;
  for (const Passage& p : passages(source)) {
    if (p.kind == kind) out.push_back(p.text);
  }
  return out;
}

std::vector<std::string> kinds(const ImportedSource& source) {
  std::vector<std::string> out;
  for (const auto& p : source.passages) out.push_back(p.kind);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(docx)

// ---- python-docx acceptance documents ----

BOOST_AUTO_TEST_CASE(python_docx_paragraphs_tables_headers_and_footers) {
  const ImportedSource s = import_file("python-docx/blk-paras-and-tables.docx");
  BOOST_TEST(s.format == "docx");
  BOOST_TEST(kinds(s) == (Strings{"paragraph", "table-row", "paragraph", "header", "footer"}),
             boost::test_tools::per_element());
  // A table nested in a cell is flattened into that cell.
  BOOST_TEST(texts_of_kind(s, "table-row") == (Strings{"Text before Table Between Text after"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of_kind(s, "header") == (Strings{"Left-side\tRight-side"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of_kind(s, "footer") == (Strings{"Copyright\tPage-number"}),
             boost::test_tools::per_element());
  BOOST_TEST(s.metadata.at("author") == "Steve Canny");
  BOOST_TEST(s.date == "2023-11-03");
}

BOOST_AUTO_TEST_CASE(python_docx_comments_follow_the_body) {
  const ImportedSource s = import_file("python-docx/comments-rich-para.docx");
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 11u);
  BOOST_TEST(all[1].text == "Some text worthy of note.");
  BOOST_TEST(all[6].text == "Paragraph 7");
  BOOST_TEST(texts_of_kind(s, "comment") ==
                 (Strings{"Text with hyperlink https://google.com embedded.",
                          "Text with inline image  in the middle.", "Text with character style.",
                          "Paragraph with Heading 2 paragraph style."}),
             boost::test_tools::per_element());
  BOOST_TEST(all.back().kind == "comment");
}

BOOST_AUTO_TEST_CASE(python_docx_empty_documents_are_refused_clearly) {
  // These packages are structurally unusual (no core properties, no
  // settings or styles part) and hold no text; reading them must get as far
  // as finding that out.
  for (const std::string name : {"doc-no-coreprops", "set-no-settings-part",
                                 "sty-having-no-styles-part", "tbl-having-tables"}) {
    const auto e =
        expect_error(ErrorKind::Data, [&] { import_file("python-docx/" + name + ".docx"); });
    BOOST_TEST(contains(e.what(), name + ".docx: contains no text"), e.what());
  }
}

BOOST_AUTO_TEST_CASE(python_docx_odd_and_even_headers) {
  const ImportedSource s = import_file("python-docx/doc-odd-even-hdrs.docx");
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 4u);
  BOOST_TEST(all[0].text == "First Page.");
  BOOST_TEST(all[0].page == 1);
  BOOST_TEST(all[1].text == "Second Page.");
  BOOST_TEST(all[1].page == 2);
  BOOST_TEST(texts_of_kind(s, "header") == (Strings{"Even page header.", "Odd page header."}),
             boost::test_tools::per_element());
  BOOST_TEST(all[2].page == 0);  // headers belong to no single page
  BOOST_TEST(s.metadata.at("last_modified_by") == "Steve Canny");
}

BOOST_AUTO_TEST_CASE(python_docx_header_and_footer_apart_from_the_body) {
  const ImportedSource s = import_file("python-docx/hdr-header-footer.docx");
  BOOST_TEST(texts_of_kind(s, "paragraph") ==
                 (Strings{"section with header", "section without header of its own."}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of_kind(s, "header") == (Strings{"Header for section-1"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of_kind(s, "footer") == (Strings{"Footer for section 1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(python_docx_numbering_hyperlinks_and_headings) {
  BOOST_TEST(texts_of_kind(import_file("python-docx/num-having-numbering-part.docx"),
                           "list-item") == (Strings{"Paragraph having List Number style."}),
             boost::test_tools::per_element());
  const ImportedSource links = import_file("python-docx/par-hyperlinks.docx");
  BOOST_TEST(
      contains(links.text, "Three hyperlinks: the first one here, the second one, and the third."));
  const ImportedSource frags = import_file("python-docx/par-hlink-frags.docx");
  BOOST_TEST(contains(frags.text, "Six with link to https://foo.com?q=bar#the-bar."));
  const auto known = passages(import_file("python-docx/par-known-paragraphs.docx"));
  BOOST_TEST_REQUIRE(known.size() == 2u);
  BOOST_TEST(known[0].kind == "heading");
  BOOST_TEST(known[0].text == "Heading Paragraph");
  BOOST_TEST(known[0].heading_path == "");
  BOOST_TEST(known[1].heading_path == "Heading Paragraph");
}

BOOST_AUTO_TEST_CASE(python_docx_rendered_page_breaks_number_pages) {
  const auto all = passages(import_file("python-docx/par-rendered-page-breaks.docx"));
  BOOST_TEST_REQUIRE(all.size() == 4u);
  BOOST_TEST(all[0].page == 1);
  BOOST_TEST(all[1].page == 1);
  BOOST_TEST(all[2].page == 2);
  BOOST_TEST(all[2].text ==
             "Page break in>><<this hyperlink and another one here>><<with text following");
  BOOST_TEST(all[3].page == 4);
}

// ---- unstructured's fixtures ----

BOOST_AUTO_TEST_CASE(unstructured_heading_paths_and_lists) {
  const auto all = passages(import_file("unstructured/category-level.docx"));
  BOOST_TEST_REQUIRE(all.size() == 12u);
  BOOST_TEST(contains(all[0].text, "Call me Ishmael."));
  BOOST_TEST(all[1].kind == "heading");
  BOOST_TEST(all[3].kind == "list-item");
  BOOST_TEST(all[3].text == "A top level list item");
  BOOST_TEST(all[3].heading_path == "A Heading 1");
  BOOST_TEST(all[8].text == "A Heading 2");
  BOOST_TEST(all[8].heading_path == "A Heading 1");
  BOOST_TEST(all[9].heading_path == "A Heading 1 > A Heading 2");
  BOOST_TEST(all[10].text == "Another Heading 1");
  BOOST_TEST(all[11].heading_path == "Another Heading 1");
  BOOST_TEST(
      texts_of_kind(import_file("unstructured/example-list-items-multiple.docx"), "list-item")
          .size() == 10u);
}

BOOST_AUTO_TEST_CASE(unstructured_headers_and_footers_with_tables) {
  const ImportedSource s = import_file("unstructured/docx-hdrftr.docx");
  BOOST_TEST(texts_of_kind(s, "paragraph") == (Strings{"Main document"}),
             boost::test_tools::per_element());
  const Strings headers = texts_of_kind(s, "header");
  BOOST_TEST_REQUIRE(headers.size() == 1u);
  BOOST_TEST(headers[0] == "First header para\nTable cell1\tTable cell2\nLast header para");
  const Strings footers = texts_of_kind(s, "footer");
  BOOST_TEST_REQUIRE(footers.size() == 1u);
  BOOST_TEST(contains(footers[0], "para1\ncell1\t"));
  BOOST_TEST(contains(footers[0], "para2"));
  // A vertically merged cell's own text is hidden by Word.
  BOOST_TEST(!contains(s.text, "I should not be included"));
  BOOST_TEST(s.metadata.at("author") == "Bernhard Schaefer");
}

BOOST_AUTO_TEST_CASE(unstructured_tables) {
  const Strings rows = texts_of_kind(import_file("unstructured/docx-tables.docx"), "table-row");
  BOOST_TEST(rows == (Strings{"Header Col 1\tHeader Col 2", "Lorem ipsum\tA link example",
                              "a\t>b<\tc", "d\te f g&t h\ti", "j\tk\tl", "a\tb", "c\td", "e"}),
             boost::test_tools::per_element());
  const Strings incomplete =
      texts_of_kind(import_file("unstructured/tables-with-incomplete-rows.docx"), "table-row");
  BOOST_TEST_REQUIRE(incomplete.size() == 17u);
  BOOST_TEST(incomplete[2] == "a");
  BOOST_TEST(incomplete[5] == "b\tc\td");
  BOOST_TEST(incomplete[10] == "e\t\tf");
  BOOST_TEST(incomplete[16] == "Format");
  const ImportedSource emphasized = import_file("unstructured/fake-doc-emphasized-text.docx");
  BOOST_TEST(texts_of_kind(emphasized, "table-row")[1] ==
             "A bold italic bold-italic example\tA Link example");
  BOOST_TEST(contains(emphasized.text, "I am a bold italic bold-italic text."));
}

BOOST_AUTO_TEST_CASE(unstructured_page_breaks_tabs_and_line_breaks) {
  const auto all = passages(import_file("unstructured/page-breaks.docx"));
  BOOST_TEST_REQUIRE(all.size() == 7u);
  BOOST_TEST(all[0].text ==
             "First page, tab here:\tfollowed by line-break here:\nhere:\nand here:\n"
             "no-break hyphen here:-and hard page-break here>>");
  std::vector<int> pages;
  for (const Passage& p : all) pages.push_back(p.page);
  BOOST_TEST(pages == (std::vector<int>{1, 2, 3, 3, 3, 4, 4}), boost::test_tools::per_element());
  const auto dup = passages(import_file("unstructured/duplicate-paragraphs.docx"));
  BOOST_TEST_REQUIRE(dup.size() == 7u);
  BOOST_TEST(dup[6].text == "some text");
  BOOST_TEST(dup[6].page == 2);
  BOOST_TEST(dup[6].heading_path == "This document contains duplicates");
}

BOOST_AUTO_TEST_CASE(unstructured_shapes_handbook_metadata_and_simple) {
  const ImportedSource shapes = import_file("unstructured/docx-shapes.docx");
  BOOST_TEST(contains(shapes.text, "Paragraph with floating shape attached."));
  const ImportedSource handbook = import_file("unstructured/handbook-1p.docx");
  BOOST_TEST(texts_of_kind(handbook, "header") == (Strings{"US Trustee Handbook"}),
             boost::test_tools::per_element());
  BOOST_TEST(texts_of_kind(handbook, "footer") == (Strings{"Copyright"}),
             boost::test_tools::per_element());
  BOOST_TEST(contains(handbook.text, "B.\tROLE OF THE UNITED STATES TRUSTEE"));
  BOOST_TEST(handbook.date == "");
  // hlink-meta states only its dates: empty title and creator are no metadata.
  const ImportedSource meta = import_file("unstructured/hlink-meta.docx");
  BOOST_TEST(meta.date == "2023-10-12");
  BOOST_TEST(meta.title == "");
  BOOST_TEST(meta.metadata.empty());
  BOOST_TEST(contains(meta.text, "Four with link to foo.com searching for bar."));
  const ImportedSource simple = import_file("unstructured/simple.docx");
  BOOST_TEST(passages(simple)[0].kind == "heading");
  BOOST_TEST(passages(simple)[0].text == "These are a few of my favorite things:");
  BOOST_TEST(simple.metadata.at("author") == "python-docx");
  BOOST_TEST(simple.date == "2013-12-23");
}

BOOST_AUTO_TEST_CASE(a_legacy_doc_gets_the_registry_refusal) {
  const InputFile file =
      input("fake.doc", casebook::testing::read_file(kDocx + "unstructured/fake.doc"));
  const auto e = expect_error(ErrorKind::Data, [&] { format_for(file); });
  BOOST_TEST(contains(e.what(), "fake.doc: appears to be an OLE2 compound file"));
}

// ---- other real documents ----

BOOST_AUTO_TEST_CASE(qualcoder_example) {
  const ImportedSource s = import_bytes(
      "ID1.docx", casebook::testing::read_file(std::string(CASEBOOK_TESTDATA) +
                                               "/refi-qda/qualcoder-examples/ID1.docx"));
  BOOST_TEST(s.passages.size() == 3u);
  BOOST_TEST(s.text.rfind("I really like learning new things.", 0) == 0u);
  BOOST_TEST(s.metadata.at("author") == "colin-2");
  BOOST_TEST(s.date == "2013-09-15");
  BOOST_TEST(s.suggested_type == "");
}

BOOST_AUTO_TEST_CASE(teams_transcript) {
  const std::string bytes = casebook::testing::read_file(
      std::string(CASEBOOK_TESTDATA) + "/transcripts/teams-format/teams_chat.docx");
  // Two turns are too few to call it a transcript unasked ...
  const ImportedSource plain = import_bytes("teams_chat.docx", bytes);
  BOOST_TEST(plain.suggested_type == "");
  BOOST_TEST(passages(plain)[0].text == "0:0:0.0 --> 0:0:1.510\nSome Body\nOK. Yeah.");
  // ... but --transcript reads the timing, speaker and words of each.
  const ImportedSource turns = import_bytes("teams_chat.docx", bytes, true);
  BOOST_TEST(turns.suggested_type == "interview");
  const auto all = passages(turns);
  BOOST_TEST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].kind == "turn");
  BOOST_TEST(all[0].speaker == "Some Body");
  BOOST_TEST(all[0].text == "OK. Yeah.");
  BOOST_TEST(turns.passages[0].end_ms == 1510);
  BOOST_TEST(all[1].speaker == "James Bond");
  BOOST_TEST(turns.passages[1].start_ms == 3270);
  BOOST_TEST(all[2].kind == "table-row");  // tables follow the talk
  BOOST_TEST(all[2].text == "saved-by\tDennis Forsythe");
  BOOST_TEST(!turns.notes.empty());
  // --no-transcript keeps the paragraphs.
  BOOST_TEST(import_bytes("teams_chat.docx", bytes, false).suggested_type == "");
}

// ---- built in memory ----

std::string p(const std::string& runs, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}
std::string r(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

BOOST_AUTO_TEST_CASE(keeps_preserved_spaces_and_what_a_reader_sees) {
  const std::string body =
      p(r("one") + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" + r("two") +
        "\n   <w:r>\n  <w:t>three</w:t>\n  </w:r>") +
      // A field: its instruction is hidden, its result shown.
      p(r("Page ") +
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
        r("7") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + r(" of the minutes")) +
      // Tracked changes: insertions stay, deletions go.
      p(r("The council ") +
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>rejected</w:delText></w:r></w:del>" +
        "<w:ins w:id=\"2\" w:author=\"A\">" + r("approved") + "</w:ins>" + r(" the plan.")) +
      // Content controls and hyperlinks keep their text.
      "<w:sdt><w:sdtPr><w:alias w:val=\"Box\"/></w:sdtPr><w:sdtContent>" +
      p("<w:hyperlink r:id=\"rId9\">" + r("linked") + "</w:hyperlink>") +
      "</w:sdtContent></w:sdt>" + "<w:sectPr/>";
  const auto all = passages(import_bytes("mem.docx", make_docx(body)));
  BOOST_TEST_REQUIRE(all.size() == 4u);
  BOOST_TEST(all[0].text == "one twothree");
  BOOST_TEST(all[1].text == "Page 7 of the minutes");
  BOOST_TEST(all[2].text == "The council approved the plan.");
  BOOST_TEST(all[3].text == "linked");
}

BOOST_AUTO_TEST_CASE(styles_headings_lists_and_titles) {
  // A German Word names styles "berschrift1" but keeps English names.
  const std::string styles =
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading "
      "1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:name w:val=\"My sub\"/>"
      "<w:basedOn w:val=\"berschrift2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading "
      "2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
      "</w:styles>";
  const std::string body =
      p(r("Minutes"), "<w:pStyle w:val=\"Titel\"/>") +
      p(r("Budget"), "<w:pStyle w:val=\"berschrift1\"/>") +
      p(r("Capital"), "<w:pStyle w:val=\"Sub\"/>") +
      p(r("Item one"), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>") +
      p(r("Not a list"), "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") +
      p(r("Outline"), "<w:outlineLvl w:val=\"0\"/>") + p(r("After"));
  const auto all =
      passages(import_bytes("styled.docx", make_docx(body, {{"word/styles.xml", styles}})));
  BOOST_TEST_REQUIRE(all.size() == 7u);
  BOOST_TEST(kinds(import_bytes("styled.docx", make_docx(body, {{"word/styles.xml", styles}}))) ==
                 (Strings{"heading", "heading", "heading", "list-item", "paragraph", "heading",
                          "paragraph"}),
             boost::test_tools::per_element());
  BOOST_TEST(all[3].heading_path == "Minutes > Budget > Capital");
  BOOST_TEST(all[6].heading_path == "Minutes > Outline");
  // Without a styles part, Word's own style ids still mark headings.
  const auto bare = passages(import_bytes(
      "bare.docx", make_docx(p(r("Intro"), "<w:pStyle w:val=\"Heading1\"/>") + p(r("Text")))));
  BOOST_TEST_REQUIRE(bare.size() == 2u);
  BOOST_TEST(bare[0].kind == "heading");
  BOOST_TEST(bare[1].heading_path == "Intro");
}

BOOST_AUTO_TEST_CASE(notes_and_comments_after_the_body_in_order) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string body =
      p(r("Body text") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" +
        "<w:r><w:commentReference w:id=\"0\"/></w:r>") +
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH\"/></w:sectPr>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdH\" Type=\"http://x/relationships/header\" Target=\"header1.xml\"/>"
      "<Relationship Id=\"rIdF\" Type=\"http://x/relationships/footnotes\" "
      "Target=\"footnotes.xml\"/>"
      "<Relationship Id=\"rIdE\" Type=\"http://x/relationships/endnotes\" "
      "Target=\"/word/endnotes.xml\"/>"
      "<Relationship Id=\"rIdC\" Type=\"http://x/relationships/comments\" Target=\"comments.xml\"/>"
      "<Relationship Id=\"rIdL\" Type=\"http://x/relationships/hyperlink\" Target=\"https://x\" "
      "TargetMode=\"External\"/>"
      "</Relationships>";
  const auto all = passages(import_bytes(
      "notes.docx",
      make_docx(
          body,
          {{"word/_rels/document.xml.rels", rels},
           {"word/header1.xml", "<w:hdr " + w + ">" + p(r("Council header")) + "</w:hdr>"},
           {"word/footnotes.xml", "<w:footnotes " + w +
                                      "><w:footnote w:type=\"separator\" w:id=\"-1\">" +
                                      p("<w:r><w:separator/></w:r>" + r("SEP")) + "</w:footnote>" +
                                      "<w:footnote w:id=\"1\">" + p(r("A footnote.")) +
                                      p(r("Second para.")) + "</w:footnote></w:footnotes>"},
           {"word/endnotes.xml", "<w:endnotes " + w + "><w:endnote w:id=\"1\">" +
                                     p(r("An endnote.")) + "</w:endnote></w:endnotes>"},
           {"word/comments.xml", "<w:comments " + w + "><w:comment w:id=\"0\" w:author=\"Ann\">" +
                                     p(r("Check this.")) + "</w:comment></w:comments>"}})));
  BOOST_TEST_REQUIRE(all.size() == 5u);
  BOOST_TEST(all[0].text == "Body text");
  BOOST_TEST(all[1].kind == "header");
  BOOST_TEST(all[1].text == "Council header");
  BOOST_TEST(all[2].kind == "footnote");
  BOOST_TEST(all[2].text == "A footnote.\nSecond para.");
  BOOST_TEST(all[3].kind == "endnote");
  BOOST_TEST(all[3].text == "An endnote.");
  BOOST_TEST(all[4].kind == "comment");
  BOOST_TEST(all[4].text == "Check this.");
}

BOOST_AUTO_TEST_CASE(core_properties) {
  const std::string core =
      "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\">"
      "<dc:title> Budget minutes </dc:title><dc:creator>Jo Bloggs</dc:creator>"
      "<cp:lastModifiedBy>Sam</cp:lastModifiedBy><dc:subject>Finance</dc:subject>"
      "<cp:keywords>budget; capital</cp:keywords>"
      "<dcterms:modified>2024-03-02T10:00:00Z</dcterms:modified></cp:coreProperties>";
  const ImportedSource s =
      import_bytes("core.docx", make_docx(p(r("x")), {{"docProps/core.xml", core}}));
  BOOST_TEST(s.title == "Budget minutes");
  BOOST_TEST(s.date == "2024-03-02");  // no created date: the modified one
  BOOST_TEST(s.metadata.at("author") == "Jo Bloggs");
  BOOST_TEST(s.metadata.at("last_modified_by") == "Sam");
  BOOST_TEST(s.metadata.at("subject") == "Finance");
  BOOST_TEST(s.metadata.at("keywords") == "budget; capital");
}

BOOST_AUTO_TEST_CASE(recognises_a_labelled_transcript) {
  std::string body;
  for (int i = 0; i < 3; ++i) {
    body += p(r("Interviewer: Question " + std::to_string(i) + "?"));
    body += p(r("Respondent: Answer " + std::to_string(i) + "."));
  }
  const ImportedSource s = import_bytes("int.docx", make_docx(body));
  BOOST_TEST(s.suggested_type == "interview");
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 6u);
  BOOST_TEST(all[0].speaker == "Interviewer");
  BOOST_TEST(all[1].speaker == "Respondent");
  BOOST_TEST(all[1].text == "Answer 0.");
  BOOST_TEST(import_bytes("int.docx", make_docx(body), false).passages[0].speaker == "");
}

BOOST_AUTO_TEST_CASE(recognises_a_longer_teams_export_unasked) {
  // Teams puts timing, speaker and words in one paragraph, split by breaks.
  const char* speakers[] = {"Ann Lee", "Bo Chan", "Ann Lee", "Bo Chan"};
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += "<w:p><w:r><w:t>0:0:" + std::to_string(i * 5) +
            ".0 --&gt; 0:0:" + std::to_string(i * 5 + 4) + ".500</w:t><w:br/><w:t>" + speakers[i] +
            "</w:t><w:br/><w:t>Words " + std::to_string(i) + ".</w:t></w:r></w:p>";
  }
  const ImportedSource s = import_bytes("teams.docx", make_docx(body));
  BOOST_TEST(s.suggested_type == "interview");
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 4u);
  BOOST_TEST(all[2].speaker == "Ann Lee");
  BOOST_TEST(all[2].text == "Words 2.");
  BOOST_TEST(s.passages[2].start_ms == 10000);
  BOOST_TEST(s.passages[2].end_ms == 14500);
}

BOOST_AUTO_TEST_CASE(hostile_and_broken_packages) {
  // Sniffed by content whatever the name says.
  BOOST_TEST(import_bytes("renamed.bin", make_docx(p(r("hello")))).text == "hello");
  auto e = expect_error(ErrorKind::Data,
                        [] { import_bytes("broken.docx", make_docx(p(r("unclosed")) + "<w:p>")); });
  BOOST_TEST(contains(e.what(), "broken.docx: the XML part word/document.xml is not well-formed"));
  e = expect_error(ErrorKind::Data, [] {
    import_bytes("bomb.docx", make_zip({{"word/document.xml", std::string(40u << 20, ' ')}}));
  });
  BOOST_TEST(contains(e.what(), "bomb.docx: ZIP entry word/document.xml expands"));
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<w:hyperlink>";
  e = expect_error(ErrorKind::Data, [&] { import_bytes("deep.docx", make_docx("<w:p>" + deep)); });
  BOOST_TEST(contains(e.what(), "deep.docx"));
  std::string nested;
  for (int i = 0; i < 300; ++i) nested += "<w:hyperlink>";
  nested += r("deep");
  for (int i = 0; i < 300; ++i) nested += "</w:hyperlink>";
  e = expect_error(ErrorKind::Data, [&] { import_bytes("deep.docx", make_docx(p(nested))); });
  BOOST_TEST(contains(e.what(), "deep.docx: the XML part word/document.xml nests more than"));
  e = expect_error(ErrorKind::Data, [] {
    import_bytes(
        "nobody.docx",
        make_zip({{"word/document.xml",
                   "<w:document "
                   "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}}));
  });
  BOOST_TEST(contains(e.what(), "nobody.docx: word/document.xml has no document body"));
}

BOOST_AUTO_TEST_SUITE_END()

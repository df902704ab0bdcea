// The ODT importer: QualCoder's example document, and documents built in
// memory for headings, lists, tables, spaces, notes, comments, tracked
// changes, pages, master-page headers and metadata.

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
using casebook::testing::make_zip;

namespace {

using Strings = std::vector<std::string>;

const std::string kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

std::string make_odt(const std::string& text_xml, const std::string& master_pages = "",
                     const std::string& meta = "") {
  std::vector<casebook::testing::ZipEntry> entries{
      {"mimetype", "application/vnd.oasis.opendocument.text", true},
      {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content" +
                          kNamespaces + "><office:body><office:text>" + text_xml +
                          "</office:text></office:body></office:document-content>"},
  };
  if (!master_pages.empty()) {
    entries.push_back({"styles.xml", "<office:document-styles" + kNamespaces +
                                         "><office:master-styles>" + master_pages +
                                         "</office:master-styles></office:document-styles>"});
  }
  if (!meta.empty()) {
    entries.push_back({"meta.xml", "<office:document-meta" + kNamespaces + "><office:meta>" + meta +
                                       "</office:meta></office:document-meta>"});
  }
  return make_zip(entries);
}

ImportedSource import_bytes(const std::string& path, std::string bytes,
                            std::optional<bool> transcript = {}) {
  InputFile file;
  file.path = path;
  file.bytes = std::move(bytes);
  file.transcript = transcript;
  const auto& entry = format_for(file);
  BOOST_TEST(std::string(entry.format) == "odt");
  ImportedSource source = entry.make()->import(file);
  casebook::importers::validate(source, file.path);
  return source;
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

std::string para(const std::string& inner) {
  return "<text:p>" + inner + "</text:p>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(odt)

BOOST_AUTO_TEST_CASE(qualcoder_example) {
  const ImportedSource s =
      import_bytes("ID2.odt", casebook::testing::read_file(std::string(CASEBOOK_TESTDATA) +
                                                           "/refi-qda/qualcoder-examples/ID2.odt"));
  BOOST_TEST(s.format == "odt");
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].text.rfind("I have not studied much before, but my father Joe Bloggs", 0) ==
             0u);
  BOOST_TEST(all[1].text ==
             "I really want someone to sit down with me and explain the course material.");
  BOOST_TEST(all[2].text == "The course cost €200.00 and I do not want to waste my money.");
  BOOST_TEST(s.metadata.at("author") == "colin-2");
  BOOST_TEST(s.date == "2013-10-19");  // created, not last saved
}

BOOST_AUTO_TEST_CASE(headings_lists_and_tables) {
  const std::string body =
      "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
      "<text:h text:outline-level=\"1\">Minutes</text:h>" +
      para("Opening.") +
      "<text:h text:outline-level=\"2\">Budget</text:h>"
      "<text:list><text:list-item>" +
      para("First item") + "<text:list><text:list-item>" + para("Nested item") +
      "</text:list-item></text:list></text:list-item></text:list>"
      "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
      "<table:table-cell>" +
      para("Name") + "</table:table-cell><table:table-cell>" + para("Vote") +
      "</table:table-cell></table:table-row></table:table-header-rows>"
      "<table:table-row><table:table-cell>" +
      para("Ann") + para("Smith") +
      "</table:table-cell><table:table-cell table:number-columns-repeated=\"2\"/>"
      "<table:table-cell>" +
      para("Yes") +
      "</table:table-cell></table:table-row>"
      "<table:table-row><table:table-cell table:number-columns-spanned=\"2\">" +
      para("Merged") + "</table:table-cell><table:covered-table-cell>" + para("hidden") +
      "</table:covered-table-cell></table:table-row></table:table>"
      "<text:section text:name=\"S\"><text:h text:outline-level=\"2\">Other</text:h>" +
      para("In section.") + "</text:section>";
  const auto all = passages(import_bytes("doc.odt", make_odt(body)));
  BOOST_TEST_REQUIRE(all.size() == 10u);
  BOOST_TEST(all[0].kind == "heading");
  BOOST_TEST(all[1].heading_path == "Minutes");
  BOOST_TEST(all[2].text == "Budget");
  BOOST_TEST(all[2].heading_path == "Minutes");
  BOOST_TEST(all[3].kind == "list-item");
  BOOST_TEST(all[3].text == "First item");
  BOOST_TEST(all[3].heading_path == "Minutes > Budget");
  BOOST_TEST(all[4].text == "Nested item");
  BOOST_TEST(all[5].kind == "table-row");
  BOOST_TEST(all[5].text == "Name\tVote");
  BOOST_TEST(all[6].text == "Ann Smith\t\t\tYes");
  BOOST_TEST(all[7].text == "Merged");
  BOOST_TEST(!contains(import_bytes("doc.odt", make_odt(body)).text, "hidden"));
  BOOST_TEST(all[9].text == "In section.");
  BOOST_TEST(all[9].heading_path == "Minutes > Other");
}

BOOST_AUTO_TEST_CASE(spaces_tabs_and_line_breaks) {
  const std::string body =
      para(
          "  Leading   runs\n collapse <text:span>across</text:span> "
          "<text:span>spans</text:span>") +
      para("Two<text:s text:c=\"3\"/>spaces<text:s/>and<text:tab/>tab<text:line-break/>next line") +
      para("Huge<text:s text:c=\"999999999\"/>repeat");
  const auto all = passages(import_bytes("spaces.odt", make_odt(body)));
  BOOST_TEST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].text == "Leading runs collapse across spans");
  BOOST_TEST(all[1].text == "Two   spaces and\ttab\nnext line");
  BOOST_TEST(all[2].text.size() < 2000u);  // capped
}

BOOST_AUTO_TEST_CASE(notes_comments_and_tracked_changes) {
  const std::string body =
      "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
      "<office:change-info><dc:creator>Ann</dc:creator></office:change-info>" +
      para("DELETED words") + "</text:deletion></text:changed-region></text:tracked-changes>" +
      para(
          "The plan<text:change text:change-id=\"c1\"/> was approved"
          "<text:note text:id=\"n1\" text:note-class=\"footnote\"><text:note-citation>1"
          "</text:note-citation><text:note-body>" +
          para("See the appendix.") + "</text:note-body></text:note>.") +
      para("Cost<office:annotation><dc:creator>Bo</dc:creator><dc:date>2024-01-01</dc:date>" +
           para("Check the figure.") +
           "</office:annotation> rose"
           "<text:note text:note-class=\"endnote\"><text:note-citation>i</text:note-citation>"
           "<text:note-body>" +
           para("Source: budget.") +
           "</text:note-body></text:note>"
           "<text:bookmark text:name=\"b\"/>.");
  const ImportedSource s = import_bytes("notes.odt", make_odt(body));
  BOOST_TEST(!contains(s.text, "DELETED"));
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 5u);
  BOOST_TEST(all[0].text == "The plan was approved1.");
  BOOST_TEST(all[1].text == "Cost rosei.");
  BOOST_TEST(all[2].kind == "footnote");
  BOOST_TEST(all[2].text == "See the appendix.");
  BOOST_TEST(all[3].kind == "endnote");
  BOOST_TEST(all[3].text == "Source: budget.");
  BOOST_TEST(all[4].kind == "comment");
  BOOST_TEST(all[4].text == "Check the figure.");
}

BOOST_AUTO_TEST_CASE(pages_headers_footers_and_metadata) {
  const std::string body = para("Page one.") + "<text:soft-page-break/>" + para("Page two.") +
                           para("Still two<text:soft-page-break/> then three.") + para("Three.");
  const std::string masters = "<style:master-page style:name=\"Standard\"><style:header>" +
                              para("Council minutes") + "</style:header><style:header-left>" +
                              para("Council minutes") + "</style:header-left><style:footer>" +
                              para("Page <text:page-number>1</text:page-number>") +
                              "</style:footer></style:master-page>";
  const std::string meta =
      "<dc:title>Budget</dc:title><meta:initial-creator>Jo</meta:initial-creator>"
      "<dc:creator>Sam</dc:creator><dc:date>2024-05-01T10:00:00</dc:date>"
      "<meta:keyword>budget</meta:keyword><meta:keyword>capital</meta:keyword>";
  const ImportedSource s = import_bytes("paged.odt", make_odt(body, masters, meta));
  const auto all = passages(s);
  BOOST_TEST_REQUIRE(all.size() == 6u);
  std::vector<int> pages;
  for (const auto& p : all) pages.push_back(p.page);
  BOOST_TEST(pages == (std::vector<int>{1, 2, 2, 3, 0, 0}), boost::test_tools::per_element());
  BOOST_TEST(all[4].kind == "header");
  BOOST_TEST(all[4].text == "Council minutes");  // the left-page copy is not repeated
  BOOST_TEST(all[5].kind == "footer");
  BOOST_TEST(all[5].text == "Page 1");
  BOOST_TEST(s.title == "Budget");
  BOOST_TEST(s.date == "2024-05-01");  // no creation date: the last saved one
  BOOST_TEST(s.metadata.at("author") == "Jo");
  BOOST_TEST(s.metadata.at("last_modified_by") == "Sam");
  BOOST_TEST(s.metadata.at("keywords") == "budget; capital");
  // Without soft page breaks, pages are unknown.
  BOOST_TEST(import_bytes("flat.odt", make_odt(para("x"))).passages[0].page == 0);
}

BOOST_AUTO_TEST_CASE(recognises_a_transcript) {
  std::string body;
  for (int i = 0; i < 3; ++i) {
    body += para("Interviewer: Question " + std::to_string(i) + "?");
    body += para("Respondent: Answer " + std::to_string(i) + ".");
  }
  const ImportedSource s = import_bytes("int.odt", make_odt(body));
  BOOST_TEST(s.suggested_type == "interview");
  BOOST_TEST(passages(s)[1].speaker == "Respondent");
  BOOST_TEST(import_bytes("int.odt", make_odt(body), false).suggested_type == "");
}

BOOST_AUTO_TEST_CASE(broken_and_hostile_documents) {
  auto e = expect_error(ErrorKind::Data, [] { import_bytes("empty.odt", make_odt("")); });
  BOOST_TEST(contains(e.what(), "empty.odt: contains no text"));
  e = expect_error(ErrorKind::Data, [] {
    import_bytes("nocontent.odt",
                 make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true}}));
  });
  BOOST_TEST(contains(e.what(), "nocontent.odt: the ZIP archive has no entry content.xml"));
  e = expect_error(ErrorKind::Data, [] { import_bytes("bad.odt", make_odt("<text:p>")); });
  BOOST_TEST(contains(e.what(), "bad.odt: the XML part content.xml is not well-formed"));
  e = expect_error(ErrorKind::Data, [] {
    import_bytes("bomb.odt",
                 make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true},
                           {"content.xml", std::string(40u << 20, 'a')}}));
  });
  BOOST_TEST(contains(e.what(), "bomb.odt: ZIP entry content.xml expands"));
  // A spreadsheet named .odt is not taken for a text document.
  const InputFile sheet{
      "sheet.odt", make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true}}),
      std::nullopt, std::nullopt};
  e = expect_error(ErrorKind::Data, [&] { format_for(sheet); });
  BOOST_TEST(contains(e.what(), "sheet.odt: appears to be a ZIP archive"));
}

BOOST_AUTO_TEST_SUITE_END()

// The HTML importer: real Hansard debates (speaker turns, headings, column
// breaks, navigation dropped), a cp1252 page without a charset, and inline
// pages for charset declarations, hidden elements, tables, <pre> and
// pathological nesting.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::text::OffsetMap;

namespace {

const std::string kHansard =
    std::string(CASEBOOK_TESTDATA) + "/council-docs/hansard-parliament.uk-2011/";
const std::string kUnstructured = std::string(CASEBOOK_TESTDATA) + "/text-encodings/unstructured/";

ci::ImportedSource import_bytes(const std::string& path, const std::string& bytes,
                                std::optional<std::string> encoding = std::nullopt) {
  const ci::InputFile file{path, bytes, std::move(encoding), std::nullopt};
  BOOST_TEST(ci::format_for(file).format == "html");
  ci::ImportedSource out = ci::format_for(file).make()->import(file);
  ci::validate(out, path);
  return out;
}

ci::ImportedSource import_file(const std::string& path) {
  return import_bytes(path, casebook::testing::read_file(path));
}

ci::ImportedSource import_html(const std::string& html) {
  return import_bytes("page.html", html);
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

// The index of the first passage whose text contains `needle`, or -1.
int find_passage(const ci::ImportedSource& s, const std::string& needle) {
  const auto texts = passage_texts(s);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].find(needle) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

void check_no_furniture(const ci::ImportedSource& s) {
  BOOST_TEST(s.text.find("Previous Section") == std::string::npos);
  BOOST_TEST(s.text.find("Home Page") == std::string::npos);
  BOOST_TEST(s.text.find(": Column ") == std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_hansard)

BOOST_AUTO_TEST_CASE(oral_answers_become_turns_under_headings) {
  const ci::ImportedSource s = import_file(kHansard + "debates_and_oral_answers.html");
  check_no_furniture(s);
  BOOST_TEST(s.format == "html");
  BOOST_TEST(s.title == "House of Commons");
  const int q = find_passage(s, "When he next expects to discuss");
  BOOST_TEST_REQUIRE(q >= 0);
  const auto& p = s.passages[static_cast<std::size_t>(q)];
  BOOST_TEST(p.kind == "turn");
  BOOST_TEST(p.speaker == "Mr David Hanson (Delyn) (Lab)");
  BOOST_TEST(p.page == 771);
  BOOST_TEST(p.heading_path ==
             "Oral Answers to Questions > Syria");  // Hansard's h3/h4 are not nested
  BOOST_TEST(passage_texts(s)[static_cast<std::size_t>(q)] ==
             "1. Mr David Hanson (Delyn) (Lab): When he next expects to discuss the situation in "
             "Syria with his US counterpart. [66855]");
  const int hague = find_passage(s, "I am in regular contact with Secretary Clinton");
  BOOST_TEST(s.passages[static_cast<std::size_t>(hague)].speaker ==
             "The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague)");
}

BOOST_AUTO_TEST_CASE(column_break_does_not_split_a_speech) {
  const ci::ImportedSource s = import_file(kHansard + "debates_and_oral_answers.html");
  const int i = find_passage(s, "hypocrisy of the Iranian leadership on this that it has been");
  BOOST_TEST_REQUIRE(i >= 0);
  const auto& p = s.passages[static_cast<std::size_t>(i)];
  BOOST_TEST(p.kind == "turn");
  BOOST_TEST(p.speaker == "Mr Hague");
  BOOST_TEST(find_passage(s, "Stephen Twigg") > i);
  BOOST_TEST(s.passages[static_cast<std::size_t>(find_passage(s, "Stephen Twigg"))].page == 772);
}

BOOST_AUTO_TEST_CASE(westminster_hall_speech_continues_after_column) {
  const ci::ImportedSource s = import_file(kHansard + "wh_debates.html");
  check_no_furniture(s);
  const int start = find_passage(s, "Start of speech");
  const int cont = find_passage(s, "Continuation of speech");
  BOOST_TEST_REQUIRE(start >= 0);
  BOOST_TEST_REQUIRE(cont >= 0);
  for (int i : {start, cont}) {
    BOOST_TEST(s.passages[static_cast<std::size_t>(i)].kind == "turn");
    BOOST_TEST(s.passages[static_cast<std::size_t>(i)].speaker ==
               "Andrew Gwynne (Denton and Reddish) (Lab)");
  }
  BOOST_TEST(s.passages[static_cast<std::size_t>(cont)].page == 184);
  const int teather = find_passage(s, "I shall complete this point first.");
  BOOST_TEST(s.passages[static_cast<std::size_t>(teather)].speaker == "Sarah Teather");
  BOOST_TEST(s.passages[static_cast<std::size_t>(find_passage(s, "School Food"))].kind ==
             "heading");
}

BOOST_AUTO_TEST_CASE(written_answers_alternate_speakers) {
  const ci::ImportedSource s = import_file(kHansard + "written_answers.html");
  check_no_furniture(s);
  const int i = find_passage(s, "The Commission welcomes the Administration Committee");
  BOOST_TEST_REQUIRE(i >= 0);
  BOOST_TEST(s.passages[static_cast<std::size_t>(i)].speaker == "John Thurso");
  BOOST_TEST(s.passages[static_cast<std::size_t>(i)].heading_path ==
             "Written Answers to Questions > Catering");
  const int patel = find_passage(s, "smartphone applications for Parliament");
  BOOST_TEST(s.passages[static_cast<std::size_t>(patel)].speaker == "Priti Patel");
  BOOST_TEST(passage_texts(s)[static_cast<std::size_t>(patel)].find(
                 "pursuant to the answer of 1 December 2010, Official Report, column 824W") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_hansard_pages_have_speakers_and_no_furniture) {
  struct Expect {
    const char* file;
    const char* text;
    const char* speaker;
  };
  const Expect cases[] = {
      {"backbench_business_excerpt.html", "Backbench Business",
       "Natascha Engel (North East Derbyshire) (Lab)"},
      {"topical_questions.html", "Topical Questions", "Paul Flynn (Newport West) (Lab)"},
      {"wms.html", "Written Ministerial Statements",
       "The Parliamentary Under-Secretary of State for Justice (Mr Crispin Blunt)"},
      // One label with an empty speech: not a debate, the division list stays paragraphs.
      {"debate_with_division.html", "Abbott, Ms Diane", ""},
  };
  for (const Expect& e : cases) {
    BOOST_TEST_CONTEXT(e.file) {
      const ci::ImportedSource s = import_file(kHansard + e.file);
      check_no_furniture(s);
      bool found = false;
      for (const auto& p : s.passages) {
        found = found || (*e.speaker != '\0' && p.kind == "turn" && p.speaker == e.speaker);
      }
      BOOST_TEST(found == (*e.speaker != '\0'));
      BOOST_TEST(find_passage(s, e.text) >= 0);
      BOOST_TEST(s.text.find("<") == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_encodings)

BOOST_AUTO_TEST_CASE(cp1252_page_without_charset_is_detected) {
  const ci::ImportedSource s = import_file(kUnstructured + "fake-html-cp1252.html");
  BOOST_TEST(s.encoding == "windows-1252");
  BOOST_TEST(s.title == "My First Heading");
  const auto texts = passage_texts(s);
  BOOST_TEST_REQUIRE(texts.size() == 4u);
  BOOST_TEST(texts[0] == "My First Heading");
  BOOST_TEST(s.passages[0].kind == "heading");
  BOOST_TEST(texts[1] == "My first paragraph.");
  BOOST_TEST(s.passages[3].kind == "code");
  BOOST_TEST(texts[3].find("Die schöne Frau hat einen Kaffee mit Kuchen gegessen.") == 0u);
  BOOST_TEST(texts[3].find("Der Preis betrug 15,50 €.\nL'été était très chaud") !=
             std::string::npos);
  BOOST_TEST(texts[3].find("El niño comió paella con ñoquis.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(meta_charset_and_override) {
  const std::string latin = "<!DOCTYPE html><meta charset=\"iso-8859-1\"><p>caf\xE9</p>";
  const ci::ImportedSource s = import_html(latin);
  BOOST_TEST(passage_texts(s)[0] == "café");
  BOOST_TEST(s.encoding == "windows-1252");
  const std::string http_equiv =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p>\x93quoted\x94</p></body></html>";
  BOOST_TEST(passage_texts(import_html(http_equiv))[0] == "\u201Cquoted\u201D");
  // A user's --encoding wins over the page's declaration.
  const std::string utf8 = "<!DOCTYPE html><meta charset=\"windows-1252\"><p>caf\xC3\xA9</p>";
  BOOST_TEST(passage_texts(import_bytes("p.html", utf8, "UTF-8"))[0] == "café");
  // ... but not over a BOM.
  const std::string bom = "\xEF\xBB\xBF<!DOCTYPE html><p>caf\xC3\xA9</p>";
  BOOST_TEST(passage_texts(import_bytes("p.html", bom, "windows-1252"))[0] == "café");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_structure)

BOOST_AUTO_TEST_CASE(sniffing) {
  const auto format = [](const std::string& name, const std::string& bytes) {
    return std::string(ci::format_for({name, bytes, std::nullopt, std::nullopt}).format);
  };
  BOOST_TEST(format("x", "\xEF\xBB\xBF  <!doctype HTML><p>a") == "html");
  BOOST_TEST(format("x", "<HTML lang=en><p>a") == "html");
  BOOST_TEST(format("x", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\"><html/>") == "html");
  BOOST_TEST(format("x", "<htmlish>") == "text");
  BOOST_TEST(format("x.htm", "plain words") == "html");
}

BOOST_AUTO_TEST_CASE(furniture_and_hidden_elements_are_dropped) {
  const ci::ImportedSource s = import_html(
      "<!DOCTYPE html><html><head><title> The  page </title>"
      "<meta name=\"DC.date\" content=\"2024-05-06T10:00:00Z\"><style>p{}</style></head>"
      "<body><header>Site banner</header><nav>Menu</nav>"
      "<main><article><header><h1>Article title</h1></header>"
      "<p>Kept <span hidden>hidden</span>text<script>var x;</script>.</p>"
      "<div aria-hidden=\"true\">aria</div><div role=\"navigation\">role nav</div>"
      "<aside>aside</aside><form><p>form</p></form><noscript>nojs</noscript>"
      "<template><p>tpl</p></template><svg><text>svg</text></svg>"
      "</article></main><footer>Copyright</footer></body></html>");
  BOOST_TEST(s.title == "The page");
  BOOST_TEST(s.date == "2024-05-06");
  const auto texts = passage_texts(s);
  BOOST_TEST_REQUIRE(texts.size() == 2u);
  BOOST_TEST(texts[0] == "Article title");
  BOOST_TEST(texts[1] == "Kept text.");
  BOOST_TEST(s.passages[1].heading_path == "Article title");
}

BOOST_AUTO_TEST_CASE(blocks_lists_quotes_tables_and_pre) {
  const ci::ImportedSource s = import_html(
      "<!DOCTYPE html><body><div>Loose <b>div</b>\n text<p>Para one<br>line two</p>tail</div>"
      "<ul><li>Item <i>one</i></li><li>Item two<ul><li>Nested</li></ul></li></ul>"
      "<blockquote><p>Quoted words</p></blockquote>"
      "<dl><dt>Term</dt><dd>Definition</dd></dl>"
      "<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Smith</td><td> 12 </td></tr></table>"
      "<pre>\n  keep   this\n    indent\n</pre>"
      "<table><tr><td><p>Layout cell para</p></td></tr></table></body>");
  const auto texts = passage_texts(s);
  const std::vector<std::string> expected = {"Loose div text",
                                             "Para one\nline two",
                                             "tail",
                                             "Item one",
                                             "Item two",
                                             "Nested",
                                             "Quoted words",
                                             "Term",
                                             "Definition",
                                             "Name\tVotes",
                                             "Smith\t12",
                                             "keep   this\n    indent",
                                             "Layout cell para"};
  BOOST_TEST(texts == expected, boost::test_tools::per_element());
  const std::vector<std::string> kinds_expected = {
      "paragraph", "paragraph", "paragraph", "list-item", "list-item", "list-item", "quote",
      "list-item", "list-item", "table-row", "table-row", "code",      "paragraph"};
  std::vector<std::string> kinds;
  for (const auto& p : s.passages) kinds.push_back(p.kind);
  BOOST_TEST(kinds == kinds_expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(headings_nest_into_paths) {
  const ci::ImportedSource s = import_html(
      "<html><h1>A</h1><h2>B</h2><p>under B</p><h3>C</h3><p>under C</p><h2>D</h2><p>under "
      "D</p></html>");
  BOOST_TEST(s.title == "A");
  BOOST_TEST(s.passages[2].heading_path == "A > B");
  BOOST_TEST(s.passages[4].heading_path == "A > B > C");
  BOOST_TEST(s.passages[6].heading_path == "A > D");
  BOOST_TEST(s.passages[5].heading_path == "A");
}

BOOST_AUTO_TEST_CASE(one_bold_label_is_not_a_debate) {
  const ci::ImportedSource s =
      import_html("<html><p><b>Note:</b> read this.</p><p>Other text.</p></html>");
  for (const auto& p : s.passages) {
    BOOST_TEST(p.kind == "paragraph");
    BOOST_TEST(p.speaker.empty());
  }
}

BOOST_AUTO_TEST_CASE(deep_nesting_neither_crashes_nor_hangs) {
  std::string html = "<!DOCTYPE html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>after</p>";
  for (int i = 0; i < 100000; ++i) html += "<b>";
  html += "bold";
  const ci::ImportedSource s = import_html(html);
  const auto texts = passage_texts(s);
  BOOST_TEST_REQUIRE(texts.size() >= 2u);
  BOOST_TEST(texts[0] == "deep text");
  BOOST_TEST(texts[1] == "after");
  BOOST_TEST(s.text.find("bold") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_page_and_html_saved_as_xml_fail_clearly) {
  BOOST_CHECK_THROW(import_html("<!DOCTYPE html><html><body><script>x</script></body></html>"),
                    Error);
  const ci::InputFile file{"answer.xml", "\n<!DOCTYPE html><html><title>Oops</title><p>x</p>",
                           std::nullopt, std::nullopt};
  try {
    ci::format_for(file).make()->import(file);
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "answer.xml: the server answered with an HTML page (titled \"Oops\") instead of "
               "the ModernGov web-service XML");
  }
}

BOOST_AUTO_TEST_SUITE_END()

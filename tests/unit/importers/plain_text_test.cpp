// The plain-text importer on real files in several encodings, and on
// synthetic inputs for line endings, BOMs and non-ASCII characters.

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "span_printing.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;
using casebook::text::OffsetMap;
using casebook::text::Span;

namespace {

const std::string kDir = std::string(CASEBOOK_TESTDATA) + "/text-encodings/unstructured/";

ci::ImportedSource import_text(const std::string& path, std::string bytes,
                               std::optional<std::string> encoding = std::nullopt) {
  const ci::InputFile file{path, std::move(bytes), std::move(encoding), std::nullopt};
  ci::ImportedSource out = ci::format_named("text").make()->import(file);
  ci::validate(out, path);
  return out;
}

ci::ImportedSource import_file(const std::string& name) {
  return import_text(kDir + name, casebook::testing::read_file(kDir + name));
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

std::vector<Span> spans(const ci::ImportedSource& s) {
  std::vector<Span> out;
  for (const auto& p : s.passages) out.push_back(p.span);
  return out;
}

bool any_note_contains(const ci::ImportedSource& s, const std::string& needle) {
  for (const auto& note : s.notes) {
    if (note.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string collapse_spaces(const std::string& s) {
  return std::regex_replace(s, std::regex("\\s+"), " ");
}

const char kFakeText[] =
    "This is a test document to use for unit tests.\n\nDoylestown, PA 18901\n\n"
    "Important points:\n\n   - Hamburgers are delicious\n   - Dogs are the best\n"
    "   - I love fuzzy blankets\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(importers_plain_text)

BOOST_AUTO_TEST_CASE(utf8_file_is_taken_verbatim_with_paragraph_passages) {
  const ci::ImportedSource s = import_file("fake-text.txt");
  BOOST_TEST(s.text == kFakeText);
  BOOST_TEST(s.format == "text");
  BOOST_TEST(s.encoding == "UTF-8");
  BOOST_TEST(s.notes.empty());
  const std::vector<std::string> expected = {
      "This is a test document to use for unit tests.", "Doylestown, PA 18901", "Important points:",
      "- Hamburgers are delicious\n   - Dogs are the best\n   - I love fuzzy blankets"};
  BOOST_TEST(passage_texts(s) == expected, boost::test_tools::per_element());
  BOOST_TEST((s.passages[0].span == Span{0, 46}));
  BOOST_TEST((s.passages[1].span == Span{48, 68}));
  for (const auto& p : s.passages) BOOST_TEST(p.kind == "paragraph");
}

BOOST_AUTO_TEST_CASE(utf16_and_utf32_files_decode_to_the_same_text) {
  // The BOM-less little-endian, BOM'd UTF-16 and UTF-32 files share one
  // indented variant of the text; the big-endian file is the UTF-8 file's.
  const ci::ImportedSource le_bom = import_file("fake-text-utf-16.txt");
  const ci::ImportedSource le = import_file("fake-text-utf-16-le.txt");
  const ci::ImportedSource be = import_file("fake-text-utf-16-be.txt");
  const ci::ImportedSource u32 = import_file("fake-text-utf-32.txt");
  BOOST_TEST(le_bom.text == le.text);
  BOOST_TEST(u32.text == le.text);
  BOOST_TEST(be.text == kFakeText);
  BOOST_TEST(le.text.find("\n\n    Doylestown, PA 18901\n") != std::string::npos);
  BOOST_TEST(spans(le_bom) == spans(le), boost::test_tools::per_element());
  BOOST_TEST(spans(u32) == spans(le), boost::test_tools::per_element());

  const ci::ImportedSource utf8 = import_file("fake-text.txt");
  for (const ci::ImportedSource* s : {&le_bom, &le, &be, &u32}) {
    const auto texts = passage_texts(*s), reference = passage_texts(utf8);
    BOOST_REQUIRE(texts.size() == reference.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      BOOST_TEST(collapse_spaces(texts[i]) == collapse_spaces(reference[i]));
    }
  }
  BOOST_TEST(le_bom.encoding.rfind("UTF-16", 0) == 0u, le_bom.encoding);
  BOOST_TEST(le.encoding.rfind("UTF-16", 0) == 0u, le.encoding);
  BOOST_TEST(be.encoding.rfind("UTF-16", 0) == 0u, be.encoding);
  BOOST_TEST(u32.encoding.rfind("UTF-32", 0) == 0u, u32.encoding);
  BOOST_TEST(any_note_contains(le_bom, "UTF-16"));
  BOOST_TEST(any_note_contains(u32, "UTF-32"));
}

BOOST_AUTO_TEST_CASE(legacy_encoding_is_detected_and_noted) {
  const ci::ImportedSource latin = import_file("umlauts-non-utf8.md");
  const ci::ImportedSource utf8 = import_file("umlauts-utf8.md");
  BOOST_TEST(utf8.text == "## k\u00F6nnen\n\nk\u00F6nnen\n\n\u00E4\u00F6\u00FC\u00DF\n");
  BOOST_TEST(latin.text == utf8.text);
  BOOST_TEST(spans(latin) == spans(utf8), boost::test_tools::per_element());
  BOOST_TEST(latin.encoding != "UTF-8");
  BOOST_TEST(any_note_contains(latin, "encoding detected as " + latin.encoding));
  BOOST_TEST(any_note_contains(latin, "confidence"));
}

BOOST_AUTO_TEST_CASE(encoding_override_is_honoured) {
  // Without the override "\xE9" alone is not UTF-8; with it there is no guess.
  const ci::ImportedSource s = import_text("menu.txt", "caf\xE9 cr\xE8me", "windows-1252");
  BOOST_TEST(s.text == "caf\u00E9 cr\u00E8me");
  BOOST_TEST(!any_note_contains(s, "detected"));
  // Koi8-r bytes for "мир" read as the user says.
  const ci::ImportedSource r = import_text("mir.txt", "\xCD\xC9\xD2", "KOI8-R");
  BOOST_TEST(r.text == "\u043C\u0438\u0440");
}

BOOST_AUTO_TEST_CASE(empty_and_blank_files_are_data_errors_naming_the_file) {
  for (const std::string name : {"empty.txt", "fake-text-all-whitespace.txt"}) {
    try {
      import_file(name);
      BOOST_FAIL("expected an error for " + name);
    } catch (const Error& e) {
      BOOST_TEST((e.kind() == ErrorKind::Data));
      BOOST_TEST(std::string(e.what()).find(name) != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find("contains no text") != std::string::npos, e.what());
      BOOST_TEST(!e.hint().empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(crlf_and_cr_give_the_lf_text_and_spans) {
  const ci::ImportedSource lf = import_text("a.txt", "One line\ntwo\n\nThree\n");
  const ci::ImportedSource crlf = import_text("b.txt", "One line\r\ntwo\r\n\r\nThree\r\n");
  const ci::ImportedSource cr = import_text("c.txt", "One line\rtwo\r\rThree\r");
  BOOST_TEST(lf.text == "One line\ntwo\n\nThree\n");
  BOOST_TEST(crlf.text == lf.text);
  BOOST_TEST(cr.text == lf.text);
  BOOST_TEST(spans(lf) == (std::vector<Span>{{0, 12}, {14, 19}}), boost::test_tools::per_element());
  BOOST_TEST(spans(crlf) == spans(lf), boost::test_tools::per_element());
  BOOST_TEST(spans(cr) == spans(lf), boost::test_tools::per_element());
  BOOST_TEST(any_note_contains(crlf, "CRLF"));
  BOOST_TEST(any_note_contains(cr, "CR"));
  BOOST_TEST(!any_note_contains(lf, "line endings"));
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_dropped) {
  const ci::ImportedSource with = import_text("bom.txt", "\xEF\xBB\xBFHello\n\nWorld");
  const ci::ImportedSource without = import_text("plain.txt", "Hello\n\nWorld");
  BOOST_TEST(with.text == "Hello\n\nWorld");
  BOOST_TEST(with.text == without.text);
  BOOST_TEST(spans(with) == spans(without), boost::test_tools::per_element());
  BOOST_TEST(with.encoding == "UTF-8");
}

BOOST_AUTO_TEST_CASE(text_is_not_rebuilt_around_passages) {
  // Leading blank lines and indentation stay, so offsets match the file.
  const ci::ImportedSource s = import_text("x.txt", "\n\n  Hello  \n\n\n\tWorld\n");
  BOOST_TEST(s.text == "\n\n  Hello  \n\n\n\tWorld\n");
  BOOST_TEST(spans(s) == (std::vector<Span>{{4, 9}, {15, 20}}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spans_count_code_points_of_nfc_text) {
  // "e" + COMBINING ACUTE composes to one code point; emoji with a skin-tone
  // modifier are two astral code points; q + dot above has no composite.
  const ci::ImportedSource s =
      import_text("u.txt", "Cafe\u0301 \U0001F44D\U0001F3FD ok\n\n\U0001D518 q\u0307\n");
  BOOST_TEST(s.text == "Caf\u00E9 \U0001F44D\U0001F3FD ok\n\n\U0001D518 q\u0307\n");
  BOOST_TEST(spans(s) == (std::vector<Span>{{0, 10}, {12, 16}}), boost::test_tools::per_element());
  const std::vector<std::string> expected = {"Caf\u00E9 \U0001F44D\U0001F3FD ok",
                                             "\U0001D518 q\u0307"};
  BOOST_TEST(passage_texts(s) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(format_for_sends_txt_files_here) {
  const std::string path = kDir + "fake-text.txt";
  const ci::FormatEntry& entry =
      ci::format_for({path, casebook::testing::read_file(path), std::nullopt, std::nullopt});
  BOOST_TEST(entry.format == "text");
  BOOST_TEST(entry.make()
                 ->import({path, casebook::testing::read_file(path), std::nullopt, std::nullopt})
                 .text == kFakeText);
}

BOOST_AUTO_TEST_SUITE_END()

// The format table: choosing an importer by magic bytes, extension and
// content, refusing binaries with a useful message, and validate().

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>
#include <string>

#include "engine/core/error.hpp"
#include "importers/importer.hpp"
#include "span_printing.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;

namespace {

const std::string kTestData = CASEBOOK_TESTDATA;

ci::InputFile input(std::string path, std::string bytes) {
  return ci::InputFile{std::move(path), std::move(bytes), std::nullopt, std::nullopt};
}

template <class F>
Error error_from(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  BOOST_FAIL("expected a casebook::Error");
  throw std::logic_error("unreachable");
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string format_of(const std::string& path, std::string bytes) {
  return std::string(ci::format_for(input(path, std::move(bytes))).format);
}

const std::string kPngHead = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

ci::ImportedSource valid_source() {
  ci::ImportedSource s;
  s.format = "test";
  s.text = "Hello\n\nworld";  // 12 code points
  s.passages = {{{0, 5}, "paragraph", "", 0, -1, -1, ""},
                {{7, 12}, "paragraph", "", 0, -1, -1, ""}};
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(importers_registry)

BOOST_AUTO_TEST_CASE(table_rows_are_unique_lowercase_and_constructible) {
  std::set<std::string> names, extensions;
  for (const ci::FormatEntry& entry : ci::format_table()) {
    BOOST_TEST(names.insert(std::string(entry.format)).second);
    BOOST_TEST(!entry.description.empty());
    BOOST_REQUIRE(entry.make != nullptr);
    BOOST_TEST(static_cast<bool>(entry.make()));
    for (std::string_view ext : entry.extensions) {
      BOOST_TEST(extensions.insert(std::string(ext)).second, "extension in two rows: " << ext);
      for (char c : ext) BOOST_TEST(!(c >= 'A' && c <= 'Z'));
      BOOST_TEST(ext.front() != '.');
    }
  }
  BOOST_TEST(names.count("text") == 1u);
  BOOST_TEST(names.count("markdown") == 1u);
}

BOOST_AUTO_TEST_CASE(picks_by_extension_case_insensitively) {
  BOOST_TEST(format_of("notes.txt", "hello") == "text");
  BOOST_TEST(format_of("NOTES.TXT", "hello") == "text");
  BOOST_TEST(format_of("a/b/notes.text", "hello") == "text");
  BOOST_TEST(format_of("README.md", "# hi") == "markdown");
  BOOST_TEST(format_of("Readme.MarkDown", "# hi") == "markdown");
  BOOST_TEST(format_of("x.mdown", "# hi") == "markdown");
}

BOOST_AUTO_TEST_CASE(extension_wins_for_text_with_nul_bytes) {
  // BOM-less UTF-16 is full of NULs but is text: its .txt must be trusted.
  const std::string path = kTestData + "/text-encodings/unstructured/fake-text-utf-16-le.txt";
  BOOST_TEST(format_of(path, casebook::testing::read_file(path)) == "text");
}

BOOST_AUTO_TEST_CASE(unknown_or_missing_extension_with_text_content_is_text) {
  BOOST_TEST(format_of("interview.log", "Q: hello\nA: hi\n") == "text");
  BOOST_TEST(format_of("README", "plain words") == "text");
  BOOST_TEST(format_of("data.csv", "a,b\n1,2\n") == "text");
  // A UTF-16 BOM makes NUL bytes acceptable.
  BOOST_TEST(format_of("memo.dat", std::string("\xFF\xFEh\0i\0", 6)) == "text");
}

BOOST_AUTO_TEST_CASE(png_named_txt_is_refused_as_png) {
  const Error e = error_from([&] { ci::format_for(input("holiday.txt", kPngHead)); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "holiday.txt"));
  BOOST_TEST(contains(e.what(), "PNG"));
  BOOST_TEST(!contains(e.what(), "yet"));        // no PNG importer is planned
  BOOST_TEST(contains(e.what(), "text (.txt"));  // says which formats work
  BOOST_TEST(!e.hint().empty());
}

BOOST_AUTO_TEST_CASE(legacy_word_doc_is_refused_as_ole2) {
  const std::string path = kTestData + "/docx/unstructured/fake.doc";
  const Error e =
      error_from([&] { ci::format_for(input(path, casebook::testing::read_file(path))); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "fake.doc"));
  BOOST_TEST(contains(e.what(), "OLE2"));
  BOOST_TEST(contains(e.what(), "Word .doc"));
  // Renaming it does not help.
  const Error renamed =
      error_from([&] { ci::format_for(input("fake.txt", casebook::testing::read_file(path))); });
  BOOST_TEST(contains(renamed.what(), "Word .doc"));
}

BOOST_AUTO_TEST_CASE(pdf_is_recognised_whatever_its_name) {
  const std::string pdf =
      casebook::testing::read_file(kTestData + "/pdf/unstructured/fake-memo.pdf");
  for (const std::string name : {"memo.pdf", "memo.txt", "memo.md", "memo", "memo.xyz"}) {
    BOOST_TEST(ci::format_for(input(name, pdf)).format == "pdf", name);
  }
}

BOOST_AUTO_TEST_CASE(zip_packages_are_told_apart_by_their_entries) {
  const std::string root = kTestData;
  const std::pair<std::string, std::string> files[] = {
      {"/docx/unstructured/simple.docx", "docx"},
      {"/refi-qda/qualcoder-examples/ID2.odt", "odt"},
      {"/transcripts/teams-format/teams_chat.docx", "docx"}};
  for (const auto& [path, format] : files) {
    const std::string bytes = casebook::testing::read_file(root + path);
    BOOST_TEST(ci::format_for(input("renamed.bin", bytes)).format == format, path);
  }
}

BOOST_AUTO_TEST_CASE(other_binary_signatures_are_named) {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "JPEG"},
      {"GIF89a\x01\x00", "GIF"},
      {std::string("7z\xBC\xAF\x27\x1C\0\x04", 8), "7-Zip"},
      {std::string("\x1F\x8B\x08\0\0\0\0\0", 8), "gzip"},
      {std::string("PK\x03\x04\x14\0\0\0", 8), "ZIP"},
  };
  for (const auto& [bytes, what] : cases) {
    const Error e = error_from([&] { ci::format_for(input("file.txt", bytes)); });
    BOOST_TEST(contains(e.what(), what), e.what());
  }
}

BOOST_AUTO_TEST_CASE(office_zip_is_never_taken_for_text) {
  // Today no row reads ZIPs; once a docx row exists it may claim this file,
  // but the text importer must never get it.
  const std::string path = kTestData + "/docx/unstructured/simple.docx";
  std::string chosen;
  try {
    chosen = format_of("simple.txt", casebook::testing::read_file(path));
  } catch (const Error& e) {
    chosen = "refused";
    BOOST_TEST(contains(e.what(), "ZIP"));
  }
  BOOST_TEST(chosen != "text");
}

BOOST_AUTO_TEST_CASE(unknown_binary_is_refused_with_format_hint) {
  const std::string blob("\x01\x02\0\0binary\0stuff", 15);
  const Error e = error_from([&] { ci::format_for(input("dump.XYZ", blob)); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "dump.XYZ: unknown format (extension .xyz"), e.what());
  BOOST_TEST(contains(e.what(), "markdown (.md"), e.what());
  BOOST_TEST(contains(e.hint(), "--format"));

  const Error bare = error_from([&] { ci::format_for(input("dump", blob)); });
  BOOST_TEST(contains(bare.what(), "no extension"), bare.what());
}

BOOST_AUTO_TEST_CASE(format_named_finds_rows_and_rejects_unknown_names) {
  BOOST_TEST(ci::format_named("text").format == "text");
  BOOST_TEST(ci::format_named("Markdown").format == "markdown");
  const Error e = error_from([] { ci::format_named("docbook"); });
  BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Usage));
  BOOST_TEST(contains(e.what(), "docbook"));
  BOOST_TEST(contains(e.hint(), "text"));
  BOOST_TEST(contains(e.hint(), "markdown"));
}

BOOST_AUTO_TEST_CASE(validate_accepts_a_good_source) {
  BOOST_CHECK_NO_THROW(ci::validate(valid_source(), "good.txt"));
  ci::ImportedSource touching = valid_source();
  touching.passages = {{{0, 5}, "paragraph", "", 0, -1, -1, ""},
                       {{5, 12}, "paragraph", "", 0, -1, -1, ""}};
  BOOST_CHECK_NO_THROW(ci::validate(touching, "good.txt"));
}

BOOST_AUTO_TEST_CASE(validate_rejects_broken_passages) {
  const std::vector<std::pair<std::vector<casebook::text::Span>, std::string>> broken = {
      {{{0, 5}, {4, 12}}, "overlapping"},
      {{{7, 12}, {0, 5}}, "out of order"},
      {{{0, 13}}, "past the end"},
      {{{3, 3}}, "empty"},
      {{{5, 2}}, "reversed"},
  };
  for (const auto& [spans, why] : broken) {
    ci::ImportedSource s = valid_source();
    s.passages.clear();
    for (const auto& span : spans) s.passages.push_back({span, "paragraph", "", 0, -1, -1, ""});
    const Error e = error_from([&] { ci::validate(s, "dir/broken.md"); });
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Internal), why);
    BOOST_TEST(contains(e.what(), "dir/broken.md"), why);
  }
}

BOOST_AUTO_TEST_CASE(validate_rejects_non_canonical_text) {
  for (const std::string text : {"Cafe\u0301", "a\r\nb", "\xEF\xBB\xBFhi", "bad \xC3"}) {
    ci::ImportedSource s;
    s.format = "test";
    s.text = text;
    const Error e = error_from([&] { ci::validate(s, "x.txt"); });
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Internal));
    BOOST_TEST(contains(e.what(), "x.txt"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Decoding to UTF-8: real files from other projects (read in place from
// CASEBOOK_TESTDATA, see shared/testdata/SOURCES.md) plus synthetic binary,
// corrupt and forced-encoding cases.

#include "engine/text/encoding.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "engine/core/error.hpp"

using casebook::Error;
using casebook::ErrorKind;
using casebook::text::decode_to_utf8;
using casebook::text::DecodedText;

namespace {

std::string read_testdata(const std::string& name) {
  const std::string path = std::string(CASEBOOK_TESTDATA) + "/text-encodings/unstructured/" + name;
  std::ifstream in(path, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs decode_to_utf8 expecting an error; returns it for inspection.
Error decode_error(std::string_view bytes, std::optional<std::string> forced = std::nullopt) {
  try {
    decode_to_utf8(bytes, "input.txt", forced);
  } catch (const Error& e) {
    return e;
  }
  BOOST_FAIL("decoding succeeded but should have failed");
  return Error(ErrorKind::Internal, "unreachable");
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The text of fake-text-utf-16.txt, fake-text-utf-16-le.txt and fake-text-utf-32.txt.
const std::string kIndentedFakeText =
    "This is a test document to use for unit tests.\n\n"
    "    Doylestown, PA 18901\n\n"
    "    Important points:\n\n"
    "       - Hamburgers are delicious\n"
    "       - Dogs are the best\n"
    "       - I love fuzzy blankets";

}  // namespace

BOOST_AUTO_TEST_SUITE(encoding)

BOOST_AUTO_TEST_CASE(utf8_file_is_utf8) {
  const std::string bytes = read_testdata("fake-text.txt");
  const DecodedText d = decode_to_utf8(bytes, "fake-text.txt");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.utf8 == bytes);
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(!d.detected);
  BOOST_TEST(d.confidence == 100);
  BOOST_TEST(d.utf8.substr(0, 23) == "This is a test document");
}

BOOST_AUTO_TEST_CASE(ascii_is_utf8) {
  const DecodedText d = decode_to_utf8("plain ASCII\r\n", "a.txt");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.utf8 == "plain ASCII\r\n");  // line endings are canonicalize()'s job
  BOOST_TEST(!d.detected);
}

BOOST_AUTO_TEST_CASE(utf16_with_bom) {
  const DecodedText d = decode_to_utf8(read_testdata("fake-text-utf-16.txt"), "u16");
  BOOST_TEST(d.encoding == "UTF-16LE");
  BOOST_TEST(d.had_bom);
  BOOST_TEST(!d.detected);
  BOOST_TEST(d.utf8 == kIndentedFakeText);  // the BOM is gone
}

BOOST_AUTO_TEST_CASE(utf16le_without_bom_is_detected) {
  const DecodedText with_bom = decode_to_utf8(read_testdata("fake-text-utf-16.txt"), "bom");
  const DecodedText d = decode_to_utf8(read_testdata("fake-text-utf-16-le.txt"), "le");
  BOOST_TEST(d.encoding == "UTF-16LE");
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(d.detected);
  BOOST_TEST(d.confidence == 100);  // every code unit has a NUL high byte
  BOOST_TEST(d.utf8 == with_bom.utf8);
}

BOOST_AUTO_TEST_CASE(utf16be_without_bom_is_detected) {
  // Upstream's -be file holds the text of fake-text.txt (no indentation,
  // final newline), not that of the UTF-16 BOM file: compare with its twin.
  const DecodedText d = decode_to_utf8(read_testdata("fake-text-utf-16-be.txt"), "be");
  BOOST_TEST(d.encoding == "UTF-16BE");
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(d.detected);
  BOOST_TEST(d.utf8 == read_testdata("fake-text.txt"));
}

BOOST_AUTO_TEST_CASE(utf32_with_bom) {
  const DecodedText d = decode_to_utf8(read_testdata("fake-text-utf-32.txt"), "u32");
  BOOST_TEST(d.encoding == "UTF-32LE");  // FF FE 00 00, not UTF-16LE's FF FE
  BOOST_TEST(d.had_bom);
  BOOST_TEST(!d.detected);
  BOOST_TEST(d.utf8 == kIndentedFakeText);
}

BOOST_AUTO_TEST_CASE(latin1_markdown_decodes_like_its_utf8_twin) {
  const DecodedText latin = decode_to_utf8(read_testdata("umlauts-non-utf8.md"), "latin");
  const DecodedText utf8 = decode_to_utf8(read_testdata("umlauts-utf8.md"), "utf8");
  BOOST_TEST(utf8.encoding == "UTF-8");
  BOOST_TEST(latin.encoding == "windows-1252");  // ICU says ISO-8859-1; 1252 is its superset
  BOOST_TEST(latin.detected);
  BOOST_TEST(latin.confidence > 0);
  BOOST_TEST(latin.confidence < 100);
  BOOST_TEST(latin.utf8 == utf8.utf8);
  BOOST_TEST(latin.utf8 == "## k\u00F6nnen\n\nk\u00F6nnen\n\n\u00E4\u00F6\u00FC\u00DF\n");
}

BOOST_AUTO_TEST_CASE(cp1252_html_keeps_euro_signs_and_accents) {
  const DecodedText d = decode_to_utf8(read_testdata("fake-html-cp1252.html"), "html");
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.detected);
  BOOST_TEST(contains(d.utf8, "Die sch\u00F6ne Frau"));
  BOOST_TEST(contains(d.utf8, "15,50 \u20AC."));  // byte 0x80 is the euro sign
  BOOST_TEST(contains(d.utf8, "El ni\u00F1o"));
  BOOST_TEST(contains(d.utf8, "\u00A1Qu\u00E9 rico!"));
}

BOOST_AUTO_TEST_CASE(empty_file_is_a_data_error) {
  const std::string bytes = read_testdata("empty.txt");
  BOOST_TEST_REQUIRE(bytes.empty());
  try {
    decode_to_utf8(bytes, "notes/empty.txt");
    BOOST_FAIL("empty input was accepted");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Data));
    BOOST_TEST(contains(e.what(), "notes/empty.txt is empty"));
    BOOST_TEST(!e.hint().empty());
  }
}

BOOST_AUTO_TEST_CASE(whitespace_only_file_decodes) {
  const DecodedText d = decode_to_utf8(read_testdata("fake-text-all-whitespace.txt"), "ws");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.utf8 == "\n\n\n");
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_removed) {
  const DecodedText d = decode_to_utf8(
      "\xEF\xBB\xBF"
      "caf\u00E9",
      "bom.txt");
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.utf8 == "caf\u00E9");
  // A file holding only a BOM decodes to empty text: content is the importer's business.
  BOOST_TEST(decode_to_utf8("\xEF\xBB\xBF", "x").utf8 == "");
}

BOOST_AUTO_TEST_CASE(png_header_is_binary) {
  const std::string png(
      "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
      "\x5C\x72\xA8\x66",
      33);
  const Error e = decode_error(png);
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "input.txt looks like a binary file, not text"));
  BOOST_TEST(contains(e.what(), "NUL byte at byte 8"));
  BOOST_TEST(contains(e.hint(), "--encoding"));
}

BOOST_AUTO_TEST_CASE(random_bytes_with_nuls_are_binary) {
  std::mt19937 rng(7);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  bytes[100] = '\0';
  const Error e = decode_error(bytes);
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "looks like a binary file"));
}

BOOST_AUTO_TEST_CASE(many_control_characters_are_binary) {
  std::string bytes;
  for (int i = 0; i < 50; ++i) bytes += "ab\x01\x02\x03\x1B\xE9";  // not UTF-8, no NUL
  const Error e = decode_error(bytes);
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "looks like a binary file"));
  BOOST_TEST(contains(e.what(), "control characters"));
}

BOOST_AUTO_TEST_CASE(a_stray_control_character_in_utf8_is_rejected) {
  const Error e = decode_error("caf\u00E9 \x1B[0m reset");
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "U+001B at code point 5"));
  // Far into the text and in the last bytes (the scan goes eight bytes at a time).
  for (const std::size_t at : {517u, 998u, 999u}) {
    std::string text(1000, 'x');
    text[at] = '\x07';
    const Error late = decode_error(text);
    BOOST_TEST(contains(late.what(), "U+0007 at code point " + std::to_string(at)));
  }
  // Tab, CR, LF and form feed are text.
  BOOST_TEST(decode_to_utf8("a\tb\r\nc\fd", "x").utf8 == "a\tb\r\nc\fd");
}

BOOST_AUTO_TEST_CASE(utf8_with_nul_is_not_accepted_as_utf8) {
  const Error e = decode_error(std::string("abc\0def", 7));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "NUL byte at byte 3"));
}

BOOST_AUTO_TEST_CASE(mixed_utf8_and_latin1_is_corrupt) {
  // "café" in UTF-8, then "café" in Latin-1: byte 13 is a lone 0xE9.
  const Error e = decode_error("caf\xC3\xA9 and caf\xE9!");
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "invalid UTF-8 at byte 13"));
  BOOST_TEST(contains(e.hint(), "--encoding"));
}

BOOST_AUTO_TEST_CASE(latin1_without_utf8_sequences_is_windows_1252) {
  const DecodedText d = decode_to_utf8(
      "Caf\xE9 cr\xE8me, na\xEFve \x93quoted\x94 \x80"
      "5\n",
      "x");
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.detected);
  BOOST_TEST(d.utf8 ==
             "Caf\u00E9 cr\u00E8me, na\u00EFve \u201Cquoted\u201D \u20AC"
             "5\n");
}

BOOST_AUTO_TEST_CASE(damaged_bom_files_name_the_byte) {
  // UTF-8 BOM, then an invalid byte at offset 4 of the file.
  Error e = decode_error(
      "\xEF\xBB\xBF"
      "a\xFF"
      "b");
  BOOST_TEST(contains(e.what(), "invalid UTF-8 at byte 4"));
  BOOST_TEST(contains(e.hint(), "--encoding"));
  // UTF-16LE BOM, 'A', then a high surrogate followed by 'B' instead of a low one.
  e =
      decode_error(std::string("\xFF\xFE"
                               "A\x00"
                               "\x00\xD8"
                               "B\x00",
                               8));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "not valid UTF-16LE"));
  BOOST_TEST(contains(e.what(), "at byte 4"));
  // UTF-16LE BOM with an odd number of bytes after it.
  e =
      decode_error(std::string("\xFF\xFE"
                               "A\x00"
                               "B",
                               5));
  BOOST_TEST(contains(e.what(), "ends in the middle of a character at byte 4"));
}

BOOST_AUTO_TEST_CASE(control_characters_after_a_bom_are_rejected) {
  const Error e =
      decode_error(std::string("\xFF\xFE"
                               "A\x00\x01\x00",
                               6));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "decoded as UTF-16LE it contains control character U+0001"));
}

BOOST_AUTO_TEST_CASE(forced_encoding_bypasses_detection) {
  // Valid UTF-8 read as windows-1252 on request: mojibake, as asked.
  const DecodedText d =
      decode_to_utf8(read_testdata("umlauts-utf8.md"), "u", std::string("windows-1252"));
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(!d.detected);
  BOOST_TEST(d.confidence == 100);
  BOOST_TEST(d.utf8.substr(0, 8) == "## k\u00C3\u00B6");
}

BOOST_AUTO_TEST_CASE(forced_encoding_names_are_canonicalised) {
  BOOST_TEST(decode_to_utf8("caf\xE9", "x", std::string("latin1")).encoding == "ISO-8859-1");
  BOOST_TEST(decode_to_utf8("caf\xE9", "x", std::string("cp1252")).encoding == "windows-1252");
  BOOST_TEST(decode_to_utf8("caf\xE9", "x", std::string("cp1252")).utf8 == "caf\u00E9");
  BOOST_TEST(decode_to_utf8("\xA4", "x", std::string("ISO-8859-15")).utf8 == "\u20AC");
  BOOST_TEST(decode_to_utf8("abc", "x", std::string("utf8")).encoding == "UTF-8");
}

BOOST_AUTO_TEST_CASE(forced_utf16_strips_a_matching_bom) {
  const std::string bytes = read_testdata("fake-text-utf-16.txt");
  DecodedText d = decode_to_utf8(bytes, "x", std::string("UTF-16LE"));
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.utf8 == kIndentedFakeText);
  // Generic "UTF-16": the BOM settles the byte order.
  d = decode_to_utf8(bytes, "x", std::string("UTF-16"));
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.encoding == "UTF-16LE");
  BOOST_TEST(d.utf8 == kIndentedFakeText);
  // A forced encoding for BOM-less big-endian input.
  d = decode_to_utf8(read_testdata("fake-text-utf-16-be.txt"), "x", std::string("UTF-16BE"));
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(!d.detected);
  BOOST_TEST(d.utf8 == read_testdata("fake-text.txt"));
}

BOOST_AUTO_TEST_CASE(a_bom_for_another_encoding_is_kept_as_text) {
  // The UTF-8 BOM bytes read as windows-1252 are three ordinary characters.
  const DecodedText d = decode_to_utf8(
      "\xEF\xBB\xBF"
      "a",
      "x", std::string("windows-1252"));
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(d.utf8 ==
             "\u00EF\u00BB\u00BF"
             "a");
}

BOOST_AUTO_TEST_CASE(forced_utf8_is_validated) {
  const Error e = decode_error("caf\xE9", std::string("UTF-8"));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "invalid UTF-8 at byte 3"));
  BOOST_TEST(contains(e.hint(), "--encoding UTF-8"));
  // Forced UTF-8 keeps the UTF-8 BOM out of the text.
  const DecodedText d = decode_to_utf8(
      "\xEF\xBB\xBF"
      "ok",
      "x", std::string("UTF-8"));
  BOOST_TEST(d.had_bom);
  BOOST_TEST(d.utf8 == "ok");
}

BOOST_AUTO_TEST_CASE(unknown_encoding_is_a_usage_error) {
  for (const std::string name : {"no-such-charset", ""}) {
    const Error e = decode_error("abc", name);
    BOOST_TEST((e.kind() == ErrorKind::Usage));
    BOOST_TEST(contains(e.what(), "unknown encoding '" + name + "' for input.txt"));
    BOOST_TEST(contains(e.hint(), "windows-1252"));
  }
}

BOOST_AUTO_TEST_CASE(forced_encoding_with_an_undefined_byte_is_a_data_error) {
  // 0xAE is not assigned in ISO-8859-7 (Greek).
  const Error e = decode_error("ab\xAE", std::string("ISO-8859-7"));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "input.txt is not valid ISO-8859-7"));
  BOOST_TEST(contains(e.what(), "at byte 2"));
}

BOOST_AUTO_TEST_CASE(icu_windows_1252_maps_its_unassigned_bytes_to_c1_controls) {
  // ICU (like Windows) decodes 0x81, 0x8D, 0x8F, 0x90 and 0x9D to U+0081 ...
  // rather than failing, so windows-1252 decodes every byte.
  BOOST_TEST(decode_to_utf8("ab\x81", "x", std::string("windows-1252")).utf8 == "ab\u0081");
}

BOOST_AUTO_TEST_CASE(empty_input_is_an_error_even_when_forced) {
  const Error e = decode_error("", std::string("UTF-16LE"));
  BOOST_TEST((e.kind() == ErrorKind::Data));
  BOOST_TEST(contains(e.what(), "is empty"));
}

BOOST_AUTO_TEST_SUITE_END()

// Offsets: code points are the unit; OffsetMap converts to UTF-8 bytes and
// UTF-16 units. Checked on emoji (surrogate pairs), ZWJ sequences, flags,
// combining marks, CRLF and BOM input, and on long text against a naive
// reference implementation.

#include "engine/text/offsets.hpp"

#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/normalize.hpp"

using casebook::Error;
using casebook::ErrorKind;
using casebook::text::count_code_points;
using casebook::text::is_valid_utf8;
using casebook::text::OffsetMap;
using casebook::text::Span;

namespace {

bool is_usage(const Error& e) {
  return e.kind() == ErrorKind::Usage && !e.hint().empty();
}

// An independent UTF-8 encoder for building test text from code points.
std::string encode(const std::vector<char32_t>& cps) {
  std::string out;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// The naive reference: byte and UTF-16 offset of every code point, plus the end.
struct Reference {
  std::vector<std::size_t> byte, utf16;
};

Reference reference_offsets(const std::vector<char32_t>& cps) {
  Reference r;
  std::size_t b = 0, u = 0;
  for (char32_t c : cps) {
    r.byte.push_back(b);
    r.utf16.push_back(u);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    u += c < 0x10000 ? 1 : 2;
  }
  r.byte.push_back(b);
  r.utf16.push_back(u);
  return r;
}

// U+1F468 ZWJ U+1F469 ZWJ U+1F467: one grapheme, five code points.
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
const std::string kFlagGB = "\U0001F1EC\U0001F1E7";  // two regional indicators

}  // namespace

BOOST_AUTO_TEST_SUITE(offsets)

BOOST_AUTO_TEST_CASE(counts_code_points_not_bytes) {
  BOOST_TEST(count_code_points("") == 0u);
  BOOST_TEST(count_code_points("abc") == 3u);
  BOOST_TEST(count_code_points("caf\u00E9") == 4u);
  BOOST_TEST(count_code_points("\U0001F600") == 1u);
  BOOST_TEST(count_code_points(kFamily) == 5u);
  BOOST_TEST(count_code_points(kFlagGB) == 2u);
  BOOST_TEST(count_code_points("\u6771\u4EAC") == 2u);
}

BOOST_AUTO_TEST_CASE(emoji_is_four_bytes_and_two_utf16_units) {
  const std::string text = "a\U0001F600b";  // a, grinning face, b
  OffsetMap map(text);
  BOOST_TEST(map.code_points() == 3u);
  BOOST_TEST(map.bytes() == 6u);
  BOOST_TEST(map.utf16_units() == 4u);
  const std::size_t bytes[] = {0, 1, 5, 6};
  const std::size_t units[] = {0, 1, 3, 4};
  for (std::size_t cp = 0; cp <= 3; ++cp) {
    BOOST_TEST(map.byte_of(cp) == bytes[cp]);
    BOOST_TEST(map.utf16_of(cp) == units[cp]);
    BOOST_TEST(map.cp_of_byte(bytes[cp]) == cp);
    BOOST_TEST(map.cp_of_utf16(units[cp]) == cp);
  }
  BOOST_TEST(map.slice({1, 2}) == "\U0001F600");
  BOOST_TEST(map.slice({2, 3}) == "b");
}

BOOST_AUTO_TEST_CASE(zwj_family_and_flag_count_every_code_point) {
  const std::string text = "x" + kFamily + "y" + kFlagGB + "z";
  OffsetMap map(text);
  BOOST_TEST(map.code_points() == 1u + 5 + 1 + 2 + 1);
  BOOST_TEST(map.bytes() == 1u + 18 + 1 + 8 + 1);
  BOOST_TEST(map.utf16_units() == 1u + 8 + 1 + 4 + 1);
  BOOST_TEST(map.slice({1, 6}) == kFamily);
  BOOST_TEST(map.slice({7, 9}) == kFlagGB);
  BOOST_TEST(map.cp_of_byte(map.byte_of(9)) == 9u);
  BOOST_TEST(map.byte_of(9) == 28u);  // 'z'
  BOOST_TEST(map.utf16_of(9) == 14u);
  // Slicing through the middle of a grapheme is allowed: positions are code points.
  BOOST_TEST(map.slice({1, 2}) == "\U0001F468");
}

BOOST_AUTO_TEST_CASE(combining_mark_without_precomposed_form_stays_two_code_points) {
  // q + COMBINING TILDE has no precomposed character, so NFC keeps both.
  const std::string text = casebook::text::to_nfc("aq\u0303b");
  BOOST_TEST(text == "aq\u0303b");
  OffsetMap map(text);
  BOOST_TEST(map.code_points() == 4u);
  BOOST_TEST(map.slice({1, 3}) == "q\u0303");
  BOOST_TEST(map.byte_of(3) == 4u);  // U+0303 is two bytes
  BOOST_TEST(map.utf16_of(3) == 3u);
}

BOOST_AUTO_TEST_CASE(crlf_text_has_the_offsets_of_its_lf_version) {
  const std::string crlf = casebook::text::canonicalize("one\r\ntwo \U0001F600\r\nthree\rfour");
  const std::string lf = "one\ntwo \U0001F600\nthree\nfour";
  BOOST_TEST(crlf == lf);
  OffsetMap a(crlf), b(lf);
  BOOST_TEST(a.code_points() == b.code_points());
  BOOST_TEST(a.code_points() == 20u);
  BOOST_TEST(a.slice({10, 15}) == "three");
  BOOST_TEST(a.byte_of(16) == b.byte_of(16));
}

BOOST_AUTO_TEST_CASE(bom_is_dropped_and_does_not_shift_offsets) {
  const std::string text = casebook::text::canonicalize("\xEF\xBB\xBFhello");
  BOOST_TEST(text == "hello");
  OffsetMap map(text);
  BOOST_TEST(map.code_points() == 5u);
  BOOST_TEST(map.slice({0, 1}) == "h");
}

BOOST_AUTO_TEST_CASE(empty_text_has_only_offset_zero) {
  OffsetMap map("");
  BOOST_TEST(map.code_points() == 0u);
  BOOST_TEST(map.byte_of(0) == 0u);
  BOOST_TEST(map.utf16_of(0) == 0u);
  BOOST_TEST(map.cp_of_byte(0) == 0u);
  BOOST_TEST(map.cp_of_utf16(0) == 0u);
  BOOST_TEST(map.slice({0, 0}).empty());
  BOOST_CHECK_EXCEPTION(map.byte_of(1), Error, is_usage);
}

BOOST_AUTO_TEST_CASE(out_of_range_offsets_throw_usage_errors) {
  const std::string text = "ab\U0001F600";  // 3 cps, 6 bytes, 4 units
  OffsetMap map(text);
  BOOST_TEST(map.byte_of(3) == 6u);  // the end is a valid offset
  BOOST_CHECK_EXCEPTION(map.byte_of(4), Error, is_usage);
  BOOST_CHECK_EXCEPTION(map.utf16_of(4), Error, is_usage);
  BOOST_CHECK_EXCEPTION(map.cp_of_byte(7), Error, is_usage);
  BOOST_CHECK_EXCEPTION(map.cp_of_utf16(5), Error, is_usage);
  BOOST_CHECK_EXCEPTION(map.slice({2, 4}), Error, is_usage);
  BOOST_CHECK_EXCEPTION(map.slice({2, 1}), Error, is_usage);
  try {
    map.byte_of(4);
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("code point offset 4") != std::string::npos);
    BOOST_TEST(std::string(e.what()).find("3 code points") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(offsets_inside_a_character_throw_usage_errors) {
  const std::string text = "a\u00E9\U0001F600";  // bytes: a | C3 A9 | F0 9F 98 80
  OffsetMap map(text);
  BOOST_TEST(map.cp_of_byte(1) == 1u);
  BOOST_CHECK_EXCEPTION(map.cp_of_byte(2), Error, is_usage);  // inside é
  BOOST_TEST(map.cp_of_byte(3) == 2u);
  for (std::size_t b = 4; b <= 6; ++b) BOOST_CHECK_EXCEPTION(map.cp_of_byte(b), Error, is_usage);
  BOOST_TEST(map.cp_of_byte(7) == 3u);
  BOOST_TEST(map.cp_of_utf16(2) == 2u);
  BOOST_CHECK_EXCEPTION(map.cp_of_utf16(3), Error, is_usage);  // between the surrogates
  BOOST_TEST(map.cp_of_utf16(4) == 3u);
  try {
    map.cp_of_utf16(3);
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("surrogate pair") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(long_text_matches_a_naive_reference) {
  // Mixed widths so checkpoints fall at every kind of character boundary.
  const std::vector<char32_t> pool = {U'a',          U' ',          U'\n',        U'\u00E9',
                                      U'\u0303',     U'\u20AC',     U'\u6771',    U'\uFFFD',
                                      U'\U0001F600', U'\U0001F1EC', U'\U00010348'};
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::vector<char32_t> cps(20000);
  for (char32_t& c : cps) c = pool[pick(rng)];
  const std::string text = encode(cps);
  const Reference ref = reference_offsets(cps);

  OffsetMap map(text);
  BOOST_TEST_REQUIRE(map.code_points() == cps.size());
  BOOST_TEST(map.bytes() == ref.byte.back());
  BOOST_TEST(map.utf16_units() == ref.utf16.back());
  BOOST_TEST(count_code_points(text) == cps.size());
  BOOST_TEST(is_valid_utf8(text));

  std::uniform_int_distribution<std::size_t> position(0, cps.size());
  std::size_t mismatches = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::size_t cp = position(rng);
    mismatches += map.byte_of(cp) != ref.byte[cp];
    mismatches += map.utf16_of(cp) != ref.utf16[cp];
    mismatches += map.cp_of_byte(ref.byte[cp]) != cp;
    mismatches += map.cp_of_utf16(ref.utf16[cp]) != cp;
    const std::size_t end = std::min(cps.size(), cp + position(rng) % 200);
    mismatches += map.slice({cp, end}) != text.substr(ref.byte[cp], ref.byte[end] - ref.byte[cp]);
  }
  BOOST_TEST(mismatches == 0u);
  // Every offset, including the checkpoint boundaries 64, 128, ... and the end.
  for (std::size_t cp = 0; cp <= cps.size(); ++cp) {
    if (map.byte_of(cp) != ref.byte[cp] || map.utf16_of(cp) != ref.utf16[cp]) ++mismatches;
  }
  BOOST_TEST(mismatches == 0u);
  // A byte offset inside any multi-byte character is rejected.
  for (std::size_t cp = 0; cp < cps.size(); cp += 97) {
    if (ref.byte[cp + 1] - ref.byte[cp] > 1) {
      BOOST_CHECK_EXCEPTION(map.cp_of_byte(ref.byte[cp] + 1), Error, is_usage);
    }
  }
}

BOOST_AUTO_TEST_CASE(is_valid_utf8_accepts_well_formed_text) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("plain ASCII that is longer than eight bytes"));
  BOOST_TEST(is_valid_utf8("caf\u00E9 \u20AC \uD7FF \uE000 \uFFFF \U0001F600 \U0010FFFF"));
  BOOST_TEST(is_valid_utf8(kFamily + kFlagGB));
  BOOST_TEST(is_valid_utf8(std::string("a\0b", 3)));  // NUL is valid UTF-8
}

BOOST_AUTO_TEST_CASE(is_valid_utf8_reports_the_first_bad_byte) {
  struct Case {
    std::string bytes;
    std::size_t bad_at;
    const char* why;
  };
  const Case cases[] = {
      {"ab\xC0\x80", 2, "overlong NUL"},
      {"\xC1\xBF", 0, "overlong 2-byte"},
      {"xyz\xE0\x80\xAF", 3, "overlong 3-byte"},
      {"\xF0\x8F\xBF\xBF", 0, "overlong 4-byte"},
      {"ok \xED\xA0\x80", 3, "surrogate D800"},
      {"\xED\xBF\xBF", 0, "surrogate DFFF"},
      {"12345678\xF4\x90\x80\x80", 8, "above U+10FFFF"},
      {"\xF5\x80\x80\x80", 0, "F5 lead byte"},
      {"\xFF", 0, "FF byte"},
      {"abc\x80", 3, "stray continuation"},
      {"abcdefgh\xE2\x82", 8, "truncated 3-byte at the end"},
      {"\xE2\x82xyz", 0, "truncated 3-byte before ASCII"},
      {"\xF0\x9F\x98", 0, "truncated emoji"},
      {"\xC3", 0, "lone lead byte"},
      {"caf\xE9 au lait", 3, "Latin-1 byte"},
  };
  for (const Case& c : cases) {
    std::size_t at = 999;
    BOOST_TEST(!is_valid_utf8(c.bytes, &at), c.why);
    BOOST_TEST(at == c.bad_at, c.why);
    BOOST_TEST(!is_valid_utf8(c.bytes), c.why);  // error_at is optional
  }
}

BOOST_AUTO_TEST_SUITE_END()

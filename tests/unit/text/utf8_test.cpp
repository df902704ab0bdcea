// UTF-8 one code point at a time: well-formed sequences of one to four bytes
// decode to their code point; overlong forms, surrogates, values above
// U+10FFFF, stray continuation bytes and truncated sequences give U+FFFD for
// every byte; offsets count emoji and combining marks as code points; and
// append_utf8 round-trips every scalar value.

#include "engine/text/utf8.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/offsets.hpp"

using casebook::text::is_valid_utf8;
using casebook::text::utf8::append_utf8;
using casebook::text::utf8::Char;
using casebook::text::utf8::code_point_offsets;
using casebook::text::utf8::code_points;
using casebook::text::utf8::continues_cluster;
using casebook::text::utf8::decode;
using casebook::text::utf8::next_code_point;

namespace {

constexpr std::uint32_t kFffd = 0xFFFD;

// Code points as numbers, so failures print readably.
std::vector<std::uint32_t> decoded(std::string_view text) {
  const std::vector<char32_t> cps = code_points(text);
  return std::vector<std::uint32_t>(cps.begin(), cps.end());
}

std::string encoded(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

struct Case {
  std::string bytes;
  std::string why;
};

// Each byte of `c.bytes` must decode alone, as an invalid U+FFFD.
void check_every_byte_replaced(const Case& c) {
  BOOST_TEST_CONTEXT(c.why) {
    for (std::size_t pos = 0; pos < c.bytes.size(); ++pos) {
      const Char ch = decode(c.bytes, pos);
      BOOST_TEST(!ch.valid);
      BOOST_TEST(static_cast<std::uint32_t>(ch.code_point) == kFffd);
      BOOST_TEST(ch.size == 1u);
    }
    BOOST_TEST(decoded(c.bytes) == std::vector<std::uint32_t>(c.bytes.size(), kFffd),
               boost::test_tools::per_element());
    // The validator of the text module agrees that the text is ill-formed.
    BOOST_TEST(!is_valid_utf8(c.bytes));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(well_formed_sequences_of_one_to_four_bytes) {
  struct Valid {
    std::string bytes;
    std::uint32_t cp;
  };
  const std::vector<Valid> cases = {
      {std::string(1, '\0'), 0x0},
      {"A", 0x41},
      {"\x7F", 0x7F},
      {"\xC2\x80", 0x80},
      {"\xC3\xA9", 0xE9},  // é
      {"\xDF\xBF", 0x7FF},
      {"\xE0\xA0\x80", 0x800},
      {"\xE2\x82\xAC", 0x20AC},  // €
      {"\xED\x9F\xBF", 0xD7FF},  // just below the surrogates
      {"\xEE\x80\x80", 0xE000},  // just above them
      {"\xEF\xBF\xBF", 0xFFFF},
      {"\xF0\x90\x80\x80", 0x10000},
      {"\xF0\x9F\x98\x80", 0x1F600},  // grinning face
      {"\xF4\x8F\xBF\xBF", 0x10FFFF},
  };
  for (const Valid& c : cases) {
    BOOST_TEST_CONTEXT("U+" << std::hex << c.cp) {
      const Char ch = decode(c.bytes, 0);
      BOOST_TEST(ch.valid);
      BOOST_TEST(static_cast<std::uint32_t>(ch.code_point) == c.cp);
      BOOST_TEST(ch.size == c.bytes.size());
      BOOST_TEST(decoded(c.bytes) == std::vector<std::uint32_t>{c.cp},
                 boost::test_tools::per_element());
    }
  }
  BOOST_TEST(decoded("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z") ==
                 (std::vector<std::uint32_t>{'a', 0xE9, 0x20AC, 0x1F600, 'z'}),
             boost::test_tools::per_element());
  BOOST_TEST(decoded("").empty());
}

BOOST_AUTO_TEST_CASE(decode_reads_at_a_byte_offset) {
  const std::string text =
      "a\xE2\x82\xAC"
      "b";
  const Char euro = decode(text, 1);
  BOOST_TEST(euro.valid);
  BOOST_TEST(static_cast<std::uint32_t>(euro.code_point) == 0x20ACu);
  BOOST_TEST(euro.size == 3u);
  // Inside the sequence, a continuation byte is read alone.
  BOOST_TEST(!decode(text, 2).valid);
  BOOST_TEST(decode(text, 2).size == 1u);
}

BOOST_AUTO_TEST_CASE(next_code_point_advances_past_what_it_read) {
  const std::string text = "\xC3\xA9\xFFx\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  BOOST_TEST(static_cast<std::uint32_t>(next_code_point(text, pos)) == 0xE9u);
  BOOST_TEST(pos == 2u);
  BOOST_TEST(static_cast<std::uint32_t>(next_code_point(text, pos)) == kFffd);
  BOOST_TEST(pos == 3u);
  BOOST_TEST(static_cast<std::uint32_t>(next_code_point(text, pos)) == 'x');
  BOOST_TEST(pos == 4u);
  BOOST_TEST(static_cast<std::uint32_t>(next_code_point(text, pos)) == 0x1F600u);
  BOOST_TEST(pos == text.size());
}

BOOST_AUTO_TEST_CASE(overlong_forms_are_replaced_byte_by_byte) {
  for (const Case& c : std::vector<Case>{
           {"\xC0\x80", "overlong NUL"},
           {"\xC0\xAF", "overlong '/' in two bytes"},
           {"\xC1\xBF", "overlong U+007F"},
           {"\xE0\x80\xAF", "overlong '/' in three bytes"},
           {"\xE0\x9F\xBF", "overlong U+07FF"},
           {"\xF0\x80\x80\xAF", "overlong '/' in four bytes"},
           {"\xF0\x8F\xBF\xBF", "overlong U+FFFF"},
       }) {
    check_every_byte_replaced(c);
  }
}

BOOST_AUTO_TEST_CASE(surrogates_are_replaced_byte_by_byte) {
  for (const Case& c : std::vector<Case>{
           {"\xED\xA0\x80", "U+D800, first high surrogate"},
           {"\xED\xAF\xBF", "U+DBFF, last high surrogate"},
           {"\xED\xB0\x80", "U+DC00, first low surrogate"},
           {"\xED\xBF\xBF", "U+DFFF, last low surrogate"},
           {"\xED\xA0\xBD\xED\xB8\x80", "a CESU-8 surrogate pair for U+1F600"},
       }) {
    check_every_byte_replaced(c);
  }
}

BOOST_AUTO_TEST_CASE(values_above_u10ffff_and_impossible_bytes_are_replaced) {
  for (const Case& c : std::vector<Case>{
           {"\xF4\x90\x80\x80", "U+110000"},
           {"\xF5\x80\x80\x80", "lead byte F5"},
           {"\xF7\xBF\xBF\xBF", "U+1FFFFF"},
           {"\xF8\x88\x80\x80\x80", "five-byte form"},
           {"\xFC\x84\x80\x80\x80\x80", "six-byte form"},
           {"\xFE", "byte FE"},
           {"\xFF", "byte FF"},
       }) {
    check_every_byte_replaced(c);
  }
}

BOOST_AUTO_TEST_CASE(truncated_sequences_and_stray_continuations_are_replaced) {
  for (const Case& c : std::vector<Case>{
           {"\xC3", "two-byte lead at the end"},
           {"\xE2\x82", "three-byte sequence cut after two"},
           {"\xF0\x9F\x98", "four-byte sequence cut after three"},
           {"\x80", "a lone continuation byte"},
           {"\xBF\x80\xBF", "continuation bytes only"},
       }) {
    check_every_byte_replaced(c);
  }
  // A cut sequence followed by more text: the text after it is kept whole.
  BOOST_TEST(
      decoded("a\xE2\x82"
              "b\xF0\x9F\x98 \xC3\xA9") ==
          (std::vector<std::uint32_t>{'a', kFffd, kFffd, 'b', kFffd, kFffd, kFffd, ' ', 0xE9}),
      boost::test_tools::per_element());
  // A lead byte whose continuation is itself a lead byte: both are read again.
  BOOST_TEST(decoded("\xC3\xC3\xA9") == (std::vector<std::uint32_t>{kFffd, 0xE9}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(offsets_count_emoji_and_combining_marks_as_code_points) {
  BOOST_TEST(code_point_offsets("") == std::vector<std::size_t>{0},
             boost::test_tools::per_element());
  BOOST_TEST(code_point_offsets("abc") == (std::vector<std::size_t>{0, 1, 2, 3}),
             boost::test_tools::per_element());
  // a, U+1F600 (4 bytes), e, U+0301 COMBINING ACUTE (2 bytes), b.
  BOOST_TEST(code_point_offsets("a\xF0\x9F\x98\x80"
                                "e\xCC\x81"
                                "b") == (std::vector<std::size_t>{0, 1, 5, 6, 8, 9}),
             boost::test_tools::per_element());
  // Man ZWJ woman ZWJ girl: one grapheme, five code points, 18 bytes.
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  BOOST_TEST(code_point_offsets(family) == (std::vector<std::size_t>{0, 4, 7, 11, 14, 18}),
             boost::test_tools::per_element());
  // Every byte of an ill-formed sequence is a code point of its own.
  BOOST_TEST(code_point_offsets("\xE2\x82x") == (std::vector<std::size_t>{0, 1, 2, 3}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(clusters_hold_marks_modifiers_and_zwj_sequences) {
  const auto continues = [](const std::string& text) {
    const std::vector<std::size_t> offsets = code_point_offsets(text);
    std::vector<bool> out;
    for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
      out.push_back(continues_cluster(text, offsets, i));
    }
    return out;
  };
  // c a f e U+0301 s: only the accent joins the letter before it.
  BOOST_TEST(
      continues("cafe\u0301s") == (std::vector<bool>{false, false, false, false, true, false}),
      boost::test_tools::per_element());
  // Man ZWJ woman ZWJ girl: everything after the man joins him.
  BOOST_TEST(continues("\U0001F468\u200D\U0001F469\u200D\U0001F467") ==
                 (std::vector<bool>{false, true, true, true, true}),
             boost::test_tools::per_element());
  // Thumbs up with a skin tone; a heart with the emoji variation selector.
  BOOST_TEST(continues("\U0001F44D\U0001F3FD!") == (std::vector<bool>{false, true, false}),
             boost::test_tools::per_element());
  BOOST_TEST(continues("\u2764\uFE0Fx") == (std::vector<bool>{false, true, false}),
             boost::test_tools::per_element());
  // Two regional indicators (a flag) are not joined by this rule, nor is
  // plain text; index 0 and the end index never continue anything.
  BOOST_TEST(continues("\U0001F1EC\U0001F1E7") == (std::vector<bool>{false, false}),
             boost::test_tools::per_element());
  const std::string accent = "e\u0301";
  const std::vector<std::size_t> offsets = code_point_offsets(accent);
  BOOST_TEST(!continues_cluster(accent, offsets, 0));
  BOOST_TEST(continues_cluster(accent, offsets, 1));
  BOOST_TEST(!continues_cluster(accent, offsets, 2));
  BOOST_TEST(!continues_cluster(accent, offsets, 3));
}

BOOST_AUTO_TEST_CASE(append_writes_the_shortest_form) {
  BOOST_TEST(encoded(U'A') == "A");
  BOOST_TEST(encoded(0x7F) == "\x7F");
  BOOST_TEST(encoded(0x80) == "\xC2\x80");
  BOOST_TEST(encoded(0x7FF) == "\xDF\xBF");
  BOOST_TEST(encoded(0x800) == "\xE0\xA0\x80");
  BOOST_TEST(encoded(0x20AC) == "\xE2\x82\xAC");
  BOOST_TEST(encoded(0xFFFF) == "\xEF\xBF\xBF");
  BOOST_TEST(encoded(0x10000) == "\xF0\x90\x80\x80");
  BOOST_TEST(encoded(0x1F600) == "\xF0\x9F\x98\x80");
  BOOST_TEST(encoded(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  BOOST_TEST(encoded(0) == std::string(1, '\0'));
}

BOOST_AUTO_TEST_CASE(append_replaces_what_is_no_scalar_value) {
  const std::string replacement = "\xEF\xBF\xBD";
  BOOST_TEST(encoded(0xD800) == replacement);
  BOOST_TEST(encoded(0xDFFF) == replacement);
  BOOST_TEST(encoded(0x110000) == replacement);
  BOOST_TEST(encoded(0xFFFFFFFF) == replacement);
}

BOOST_AUTO_TEST_CASE(every_scalar_value_round_trips) {
  std::string all;
  std::size_t count = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string one = encoded(cp);
    const Char back = decode(one, 0);
    if (!back.valid || back.code_point != cp || back.size != one.size()) {
      BOOST_ERROR("U+" << std::hex << static_cast<std::uint32_t>(cp) << " does not round-trip");
      break;
    }
    all += one;
    ++count;
  }
  BOOST_TEST(count == 0x110000u - 0x800u);
  BOOST_TEST(is_valid_utf8(all));
  const std::vector<char32_t> cps = code_points(all);
  BOOST_TEST_REQUIRE(cps.size() == count);
  std::string again;
  for (char32_t cp : cps) append_utf8(again, cp);
  BOOST_TEST((again == all));  // not printed: 4 MB
}

BOOST_AUTO_TEST_CASE(ill_formed_text_round_trips_to_well_formed_text) {
  const std::string bad =
      "a\x80"
      "b\xE2\x82"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80";
  std::string repaired;
  for (char32_t cp : code_points(bad)) append_utf8(repaired, cp);
  BOOST_TEST(is_valid_utf8(repaired));
  const std::string r = "\xEF\xBF\xBD";
  BOOST_TEST(repaired ==
             "a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "e" + r + r + r + r);
}

BOOST_AUTO_TEST_SUITE_END()

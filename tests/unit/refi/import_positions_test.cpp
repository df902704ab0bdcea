// Reading REFI selection positions the way their producer counted them:
// code points (the standard), UTF-16 units, a counted BOM, CRLF as one.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/refi/positions.hpp"

using casebook::refi::PositionMapper;
using casebook::refi::RawSpan;
using casebook::refi::Reading;

namespace {

std::string slice(const PositionMapper& m, const Reading& r, RawSpan span) {
  auto s = m.map(r, span);
  BOOST_REQUIRE(s.has_value());
  // Canonical positions are code points: cut by walking UTF-8 lead bytes.
  const std::string& t = m.canonical();
  std::size_t cp = 0, from = std::string::npos, to = t.size();
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) continue;
    if (cp == s->start) from = i;
    if (cp == s->end) {
      to = i;
      break;
    }
    ++cp;
  }
  return t.substr(from, to - from);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(refi_import_positions)

BOOST_AUTO_TEST_CASE(plain_ascii_has_one_reading) {
  PositionMapper m("The queue grew.\nIt did.");
  BOOST_TEST(m.candidates().size() == 1u);
  const Reading r = m.detect({{4, 9}, {16, 18}});
  BOOST_TEST(slice(m, r, {4, 9}) == "queue");
  BOOST_TEST(slice(m, r, {16, 18}) == "It");
  BOOST_TEST(!m.map(r, RawSpan{4, 99}).has_value());
}

BOOST_AUTO_TEST_CASE(utf16_units_are_detected_after_astral_characters) {
  // Each emoji is one code point but two UTF-16 units: a producer counting
  // units puts "queue" three units later per emoji.
  const std::string text = "\U0001F389\U0001F389 big queue and \U0001F389 long wait here";
  PositionMapper m(text);
  // UTF-16 positions of "queue" (9..14) and "wait" (27..31).
  const std::vector<RawSpan> utf16 = {{9, 14}, {27, 31}};
  const Reading r = m.detect(utf16);
  BOOST_TEST(r.utf16);
  BOOST_TEST(slice(m, r, {9, 14}) == "queue");
  BOOST_TEST(slice(m, r, {27, 31}) == "wait");
  // The same text coded in code points is read as code points.
  const Reading cp = m.detect({{7, 12}, {24, 28}});
  BOOST_TEST(!cp.utf16);
  BOOST_TEST(slice(m, cp, {7, 12}) == "queue");
  // Half a surrogate pair is no position.
  BOOST_TEST(!m.map(Reading{true, false, false}, std::int64_t{1}).has_value());
}

BOOST_AUTO_TEST_CASE(crlf_counted_as_one_or_two) {
  const std::string text = "First line\r\nsecond words\r\nthird part";
  PositionMapper m(text);
  BOOST_TEST(m.canonical() == "First line\nsecond words\nthird part");
  // CRLF as two (the file as stored): "third" starts at 26.
  const Reading two = m.detect({{12, 18}, {26, 31}});
  BOOST_TEST(!two.crlf_as_one);
  BOOST_TEST(slice(m, two, {26, 31}) == "third");
  // CRLF as one: "third" starts at 24.
  const Reading one = m.detect({{11, 17}, {24, 29}});
  BOOST_TEST(one.crlf_as_one);
  BOOST_TEST(slice(m, one, {24, 29}) == "third");
}

BOOST_AUTO_TEST_CASE(a_counted_bom_shifts_by_one) {
  const std::string text = "\xEF\xBB\xBFOne two three four";
  PositionMapper m(text);
  BOOST_TEST(m.canonical() == "One two three four");
  const Reading counted = m.detect({{5, 8}, {9, 14}, {15, 19}});
  BOOST_TEST(counted.bom_counted);
  BOOST_TEST(slice(m, counted, {5, 8}) == "two");
  const Reading not_counted = m.detect({{4, 7}, {8, 13}});
  BOOST_TEST(!not_counted.bom_counted);
  BOOST_TEST(slice(m, not_counted, {8, 13}) == "three");
}

BOOST_AUTO_TEST_CASE(decomposed_text_maps_onto_nfc) {
  // "Cafe\u0301 noir": the producer's text has e + combining acute (6 code
  // points before "noir"); canonical NFC has é (5).
  PositionMapper m("Cafe\u0301 noir ok");
  BOOST_TEST(m.canonical() == "Caf\u00e9 noir ok");
  const Reading r = m.detect({{0, 5}, {6, 10}});
  BOOST_TEST(slice(m, r, {0, 5}) == "Caf\u00e9");
  BOOST_TEST(slice(m, r, {6, 10}) == "noir");
}

BOOST_AUTO_TEST_SUITE_END()

// Normalisation: NFC for stored text, NFKC_Casefold for index terms, LF line
// endings without a BOM, and canonicalize() combining them.

#include "engine/text/normalize.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/text/offsets.hpp"

using casebook::text::canonicalize;
using casebook::text::count_code_points;
using casebook::text::fold_for_index;
using casebook::text::normalize_line_endings;
using casebook::text::to_nfc;

BOOST_AUTO_TEST_SUITE(normalize)

BOOST_AUTO_TEST_CASE(nfc_composes_e_and_acute_into_one_code_point) {
  const std::string nfc = to_nfc(
      "caf"
      "e\u0301");
  BOOST_TEST(nfc == "caf\u00E9");
  BOOST_TEST(count_code_points(nfc) == 4u);
}

BOOST_AUTO_TEST_CASE(nfc_composes_hangul_jamo_into_a_syllable) {
  // CHOSEONG KIYEOK + JUNGSEONG A + JONGSEONG KIYEOK -> HANGUL SYLLABLE GAG
  const std::string nfc = to_nfc("\u1100\u1161\u11A8");
  BOOST_TEST(nfc == "\uAC01");
  BOOST_TEST(count_code_points(nfc) == 1u);
}

BOOST_AUTO_TEST_CASE(nfc_reorders_and_maps_singletons) {
  // Dot below (ccc 220) sorts before circumflex (ccc 230), then both compose.
  BOOST_TEST(to_nfc("a\u0302\u0323") == "\u1EAD");
  BOOST_TEST(to_nfc("\u2126") == "\u03A9");  // OHM SIGN -> GREEK CAPITAL OMEGA
  // NFC is not compatibility folding: the ligature and full-width forms stay.
  BOOST_TEST(to_nfc("\uFB01le \uFF21") == "\uFB01le \uFF21");
}

BOOST_AUTO_TEST_CASE(nfc_keeps_uncomposable_sequences) {
  BOOST_TEST(to_nfc("q\u0303") == "q\u0303");
  BOOST_TEST(count_code_points(to_nfc("q\u0303")) == 2u);
}

BOOST_AUTO_TEST_CASE(nfc_text_passes_through_unchanged) {
  const std::string text = "Already NFC: caf\u00E9, \u6771\u4EAC, \U0001F600, q\u0303.\n";
  BOOST_TEST(to_nfc(text) == text);
  BOOST_TEST(to_nfc("") == "");
  std::string big;
  for (int i = 0; i < 10000; ++i) big += text;
  BOOST_TEST(to_nfc(big) == big);
}

BOOST_AUTO_TEST_CASE(normalisation_is_idempotent) {
  const char* samples[] = {"e\u0301",     "\u1100\u1161\u11A8",   "a\u0302\u0323",
                           "\u2126",      "\uFB01LE Stra\u00DFe", "\u0130stanbul",
                           "\u1E9B\u0323"};
  for (const char* s : samples) {
    const std::string once = to_nfc(s);
    BOOST_TEST(to_nfc(once) == once);
    const std::string folded = fold_for_index(s);
    BOOST_TEST(fold_for_index(folded) == folded);
  }
}

BOOST_AUTO_TEST_CASE(fold_for_index_makes_ligatures_case_and_eszett_meet) {
  BOOST_TEST(fold_for_index("\uFB01LE Stra\u00DFe") == "file strasse");
  BOOST_TEST(fold_for_index("File") == fold_for_index("\uFB01le"));
  BOOST_TEST(fold_for_index("FILE") == "file");
  BOOST_TEST(fold_for_index("\uFF21\uFF22\uFF23") == "abc");  // full-width letters
  BOOST_TEST(fold_for_index("Cafe\u0301") == "caf\u00E9");    // composed as well as folded
  BOOST_TEST(fold_for_index("already folded") == "already folded");
}

BOOST_AUTO_TEST_CASE(line_endings_become_lf) {
  BOOST_TEST(normalize_line_endings("a\r\nb\rc\nd") == "a\nb\nc\nd");
  BOOST_TEST(normalize_line_endings("\r\r\n\n") == "\n\n\n");  // CR, CRLF, LF
  BOOST_TEST(normalize_line_endings("end\r") == "end\n");
  BOOST_TEST(normalize_line_endings("no breaks") == "no breaks");
  BOOST_TEST(normalize_line_endings("") == "");
}

BOOST_AUTO_TEST_CASE(only_a_leading_bom_is_dropped) {
  BOOST_TEST(normalize_line_endings("\xEF\xBB\xBF"
                                    "abc\r\n") == "abc\n");
  BOOST_TEST(normalize_line_endings("\xEF\xBB\xBF") == "");
  // A U+FEFF inside the text is a ZERO WIDTH NO-BREAK SPACE, not a BOM.
  BOOST_TEST(normalize_line_endings("a\xEF\xBB\xBF"
                                    "b") ==
             "a\xEF\xBB\xBF"
             "b");
}

BOOST_AUTO_TEST_CASE(canonicalize_applies_line_endings_then_nfc) {
  BOOST_TEST(canonicalize("\xEF\xBB\xBF"
                          "Cafe\u0301\r\nnext\rline") == "Caf\u00E9\nnext\nline");
  BOOST_TEST(canonicalize("plain\n") == "plain\n");
  const std::string once = canonicalize("x\r\ne\u0301");
  BOOST_TEST(canonicalize(once) == once);
}

BOOST_AUTO_TEST_SUITE_END()

// Segmentation: paragraphs by blank lines, ICU sentences with abbreviation
// suppression, ICU words. Every span is checked by slicing the text with
// OffsetMap, so code point positions are verified, not just counts.

#include "engine/text/segment.hpp"

#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"

// Lets Boost.Test print spans in failure messages (found by ADL).
namespace casebook::text {
inline std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << '[' << s.start << ", " << s.end << ')';
}
}  // namespace casebook::text

using casebook::text::OffsetMap;
using casebook::text::paragraphs;
using casebook::text::Segmenter;
using casebook::text::Span;
using casebook::text::WordToken;

namespace {

std::vector<std::string> slices(const std::string& text, const std::vector<Span>& spans) {
  OffsetMap map(text);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(map.slice(s));
  return out;
}

std::vector<std::string> sentence_texts(Segmenter& seg, const std::string& text) {
  return slices(text, seg.sentences(text));
}

// Words as text, checking on the way that bytes, byte_start and cps agree.
std::vector<std::string> word_texts(Segmenter& seg, const std::string& text) {
  OffsetMap map(text);
  std::vector<std::string> out;
  seg.words(text, [&](const WordToken& w) {
    BOOST_TEST(w.bytes.data() == text.data() + w.byte_start);  // a view into the text
    BOOST_TEST(map.byte_of(w.cps.start) == w.byte_start);
    BOOST_TEST(map.slice(w.cps) == w.bytes);
    out.emplace_back(w.bytes);
  });
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(segment)

BOOST_AUTO_TEST_CASE(paragraphs_split_on_blank_lines_and_are_trimmed) {
  const std::string text = "  First line\nsecond line  \n\n \t \n\nSecond para\n\n\n";
  const std::vector<Span> spans = paragraphs(text);
  BOOST_TEST(slices(text, spans) == (Strings{"First line\nsecond line", "Second para"}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(spans.size() == 2u);
  BOOST_TEST(spans[0].start == 2u);
  BOOST_TEST(spans[0].end == 24u);
}

BOOST_AUTO_TEST_CASE(paragraph_positions_are_code_points) {
  const std::string text = "\U0001F600 caf\u00E9\n\n\u6771\u4EAC q\u0303\n";
  const std::vector<Span> spans = paragraphs(text);
  BOOST_TEST_REQUIRE(spans.size() == 2u);
  BOOST_TEST(spans[0] == (Span{0, 6}));
  BOOST_TEST(spans[1] == (Span{8, 13}));
  BOOST_TEST(slices(text, spans) == (Strings{"\U0001F600 caf\u00E9", "\u6771\u4EAC q\u0303"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_paragraphs_in_empty_or_blank_text) {
  BOOST_TEST(paragraphs("").empty());
  BOOST_TEST(paragraphs("\n\n \t\n").empty());
  BOOST_TEST(paragraphs("one") == (std::vector<Span>{{0, 3}}), boost::test_tools::per_element());
  // Unicode white space (NO-BREAK SPACE, IDEOGRAPHIC SPACE) is trimmed too.
  BOOST_TEST(paragraphs("\u00A0x\u3000\n\u3000\nz") == (std::vector<Span>{{1, 2}, {6, 7}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(crlf_paragraphs_match_the_lf_version_after_canonicalize) {
  const std::string lf = "Para one\nstill one\n\nPara \U0001F600 two\n";
  const std::string crlf =
      casebook::text::canonicalize("Para one\r\nstill one\r\n\r\nPara \U0001F600 two\r\n");
  BOOST_TEST(paragraphs(crlf) == paragraphs(lf), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviations_do_not_end_sentences) {
  Segmenter seg;
  BOOST_TEST(
      sentence_texts(seg, "Cllr. Brown met Dr. Smith on 3 May. The No. 2 option was rejected.") ==
          (Strings{"Cllr. Brown met Dr. Smith on 3 May.", "The No. 2 option was rejected."}),
      boost::test_tools::per_element());
  BOOST_TEST(sentence_texts(seg, "See para. 4.2 e.g. the annex. Next.") ==
                 (Strings{"See para. 4.2 e.g. the annex.", "Next."}),
             boost::test_tools::per_element());
  BOOST_TEST(sentence_texts(seg, "Mr. and Mrs. Jones of Acme Co. Ltd. met Prof. Lee. Fine.") ==
                 (Strings{"Mr. and Mrs. Jones of Acme Co. Ltd. met Prof. Lee.", "Fine."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_word_no_still_ends_a_sentence) {
  Segmenter seg;
  BOOST_TEST(
      sentence_texts(seg, "I said no. Then he left.") == (Strings{"I said no.", "Then he left."}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sentences_are_trimmed_and_empty_ones_dropped) {
  Segmenter seg;
  const std::string text = "  First one.   Second one?\u00A0 \n\n  Third!  \n";
  const std::vector<Span> spans = seg.sentences(text);
  BOOST_TEST(slices(text, spans) == (Strings{"First one.", "Second one?", "Third!"}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(spans.size() == 3u);
  BOOST_TEST(spans[0] == (Span{2, 12}));
  BOOST_TEST(seg.sentences("").empty());
  BOOST_TEST(seg.sentences(" \n\n\t").empty());
}

BOOST_AUTO_TEST_CASE(a_single_line_break_does_not_end_a_sentence_but_a_blank_line_does) {
  // Minutes are often hard-wrapped: ICU alone would break at every LF (UAX #29
  // rule SB4). Offsets must still point into the original text.
  Segmenter seg;
  const std::string text =
      "The committee agreed\nto defer the item. Cllr. Ng\nobjected.\n\nno full stop";
  BOOST_TEST(sentence_texts(seg, text) == (Strings{"The committee agreed\nto defer the item.",
                                                   "Cllr. Ng\nobjected.", "no full stop"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sentence_positions_count_emoji_and_combining_marks_as_code_points) {
  Segmenter seg;
  // U+1F600 is 4 bytes; the family is 5 code points in 18 bytes; q + U+0303 is 2.
  const std::string text =
      "I was happy \U0001F600 today. The fam\u00EDlia \U0001F468\u200D\U0001F469\u200D\U0001F467 "
      "came. Then q\u0303 appeared.";
  const std::vector<Span> spans = seg.sentences(text);
  BOOST_TEST(slices(text, spans) ==
                 (Strings{"I was happy \U0001F600 today.",
                          "The fam\u00EDlia \U0001F468\u200D\U0001F469\u200D\U0001F467 came.",
                          "Then q\u0303 appeared."}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(spans.size() == 3u);
  BOOST_TEST(spans[0] == (Span{0, 20}));
  BOOST_TEST(spans[1] == (Span{21, 44}));
  BOOST_TEST(spans[2] == (Span{45, 62}));
}

BOOST_AUTO_TEST_CASE(words_follow_icu_word_rules) {
  Segmenter seg;
  // Verified ICU 72 behaviour: the ligature stays one word, Japanese is split
  // by dictionary, the apostrophe and decimal point stay inside, % is dropped.
  BOOST_TEST(
      word_texts(
          seg,
          "Caf\u00E9 na\u00EFve \uFB01le \u6771\u4EAC\u3078\u884C\u304D\u307E\u3059 don't 3.5%") ==
          (Strings{"Caf\u00E9", "na\u00EFve", "\uFB01le", "\u6771\u4EAC", "\u3078", "\u884C\u304D",
                   "\u307E\u3059", "don't", "3.5"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(icu_splits_hyphens_but_not_apostrophes_numbers_or_emails) {
  Segmenter seg;
  BOOST_TEST(word_texts(seg,
                        "well-known state-of-the-art it\u2019s l'homme 1,000.50 x_y U.S.A. "
                        "e.g. foo@bar.com") ==
                 (Strings{"well", "known", "state", "of", "the", "art", "it\u2019s", "l'homme",
                          "1,000.50", "x_y", "U.S.A", "e.g", "foo@bar.com"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(emoji_are_not_words_and_combining_marks_stay_inside_words) {
  Segmenter seg;
  const std::string text =
      "a \U0001F600 q\u0303x \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1EC\U0001F1E7 z";
  std::vector<Span> cps;
  seg.words(text, [&](const WordToken& w) { cps.push_back(w.cps); });
  BOOST_TEST(word_texts(seg, text) == (Strings{"a", "q\u0303x", "z"}),
             boost::test_tools::per_element());
  BOOST_TEST(cps == (std::vector<Span>{{0, 1}, {4, 7}, {17, 18}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(segmenter_is_reusable_across_texts_and_calls) {
  Segmenter seg;
  for (int round = 0; round < 3; ++round) {
    std::string text = "Round " + std::to_string(round) + ". Dr. Who arrived.";
    BOOST_TEST(sentence_texts(seg, text).size() == 2u);
    BOOST_TEST(
        word_texts(seg, text) == (Strings{"Round", std::to_string(round), "Dr", "Who", "arrived"}),
        boost::test_tools::per_element());
  }
  std::size_t count = 0;
  seg.words("", [&](const WordToken&) { ++count; });
  BOOST_TEST(count == 0u);
}

BOOST_AUTO_TEST_CASE(long_text_positions_stay_exact) {
  // About 1.4 MB: positions must be right far from the start, and the
  // incremental byte-to-code-point conversion keeps this linear.
  Segmenter seg;
  const std::string unit = "Caf\u00E9 \U0001F600 na\u00EFve Dr. Smith spoke. ";  // 30 cps
  std::string text;
  const std::size_t repeats = 40000;
  for (std::size_t i = 0; i < repeats; ++i) text += unit;
  std::size_t words = 0;
  Span last{};
  seg.words(text, [&](const WordToken& w) {
    ++words;
    last = w.cps;
  });
  BOOST_TEST(words == repeats * 5);
  BOOST_TEST(last == (Span{repeats * 30 - 7, repeats * 30 - 2}));  // the final "spoke"
  const std::vector<Span> sentences = seg.sentences(text);
  BOOST_TEST(sentences.size() == repeats);
  BOOST_TEST(sentences.back() == (Span{(repeats - 1) * 30, repeats * 30 - 1}));
}

BOOST_AUTO_TEST_SUITE_END()

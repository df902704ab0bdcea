// Paragraphs by blank lines; sentences and words with ICU break iterators
// running directly over the UTF-8 text (UText), which report UTF-8 byte
// offsets. Byte offsets become code points with a cursor that only moves
// forward, counting lead bytes as it goes, so each call is O(n).

#include "engine/text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <climits>
#include <string>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::text {
namespace {

// Abbreviations after which a full stop does not end a sentence. ICU matches
// them case-sensitively, so forms that start a sentence are listed too. Not
// "no.": it is also the word "no" ending a sentence.
constexpr const char* kAbbreviations[] = {
    "Cllr.",  "Cllrs.", "cllr.",  "Dr.",     "Mr.",     "Mrs.", "Ms.",  "No.",  "Nos.", "para.",
    "paras.", "Para.",  "Paras.", "e.g.",    "E.g.",    "i.e.", "I.e.", "etc.", "St.",  "Co.",
    "Ltd.",   "Prof.",  "Rev.",   "approx.", "Approx.", "cf.",  "Cf.",  "vs.",  "Vs.",
};

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

void check_icu(UErrorCode status, const char* task) {
  if (U_FAILURE(status)) {
    throw_internal(std::string("ICU failed to ") + task + ": " + u_errorName(status),
                   "check that the ICU data library (libicudata) is installed");
  }
}

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// Turns increasing byte offsets into code point offsets in one pass.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  std::size_t advance_to(std::size_t byte) {
    for (; byte_ < byte; ++byte_) cp_ += !is_continuation(static_cast<unsigned char>(text_[byte_]));
    return cp_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t cp_ = 0;
};

// Unicode White_Space (space, tab, LF, CR, NBSP, U+3000 ...), with the ASCII
// cases answered without a property lookup.
bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c >= 0 && u_isUWhiteSpace(c);
}

// The code point starting at `at` (U_SENTINEL if ill-formed), and where the next one starts.
std::pair<UChar32, std::size_t> decode_at(std::string_view s, std::size_t at, std::size_t end) {
  UChar32 c;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  U8_NEXT(p, at, end, c);
  return {c, at};
}

// [begin, end) without leading and trailing white space.
std::pair<std::size_t, std::size_t> trim(std::string_view s, std::size_t begin, std::size_t end) {
  while (begin < end) {
    const auto [c, next] = decode_at(s, begin, end);
    if (!is_space(c)) break;
    begin = next;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && is_continuation(static_cast<unsigned char>(s[start]))) --start;
    if (!is_space(decode_at(s, start, end).first)) break;
    end = start;
  }
  return {begin, end};
}

}  // namespace

std::vector<Span> paragraphs(std::string_view utf8) {
  std::vector<Span> out;
  CodePointCursor cursor(utf8);
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t block_begin = kNone, block_end = 0;  // bytes of the current paragraph
  auto close_block = [&] {
    if (block_begin == kNone) return;
    const std::size_t start = cursor.advance_to(block_begin);
    out.push_back({start, cursor.advance_to(block_end)});
    block_begin = kNone;
  };
  for (std::size_t line = 0; line < utf8.size();) {
    std::size_t eol = utf8.find('\n', line);
    if (eol == kNone) eol = utf8.size();
    const auto [begin, end] = trim(utf8, line, eol);
    if (begin == end) {
      close_block();  // a blank line ends the paragraph
    } else {
      if (block_begin == kNone) block_begin = begin;
      block_end = end;
    }
    line = eol + 1;
  }
  close_block();
  return out;
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> word;
  // Made on the first sentences() call: building the abbreviation filter is
  // most of a Segmenter's cost, and a search query only needs words.
  std::unique_ptr<icu::BreakIterator> sentence;
  // One UText, re-pointed at each new text; setText() takes a shallow clone,
  // so the text only has to outlive the iteration over it.
  UTextPtr text;

  // Points `it` at `utf8` and returns it positioned at the start.
  icu::BreakIterator& attach(icu::BreakIterator& it, std::string_view utf8) {
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
      throw_data("text of " + std::to_string(utf8.size()) + " bytes is too large to segment",
                 "split the source into files smaller than 2 GiB");
    }
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(text.get(), utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    it.setText(text.get(), status);
    check_icu(status, "set the text of a break iterator");
    it.first();
    return it;
  }
};

namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale& english = icu::Locale::getEnglish();
  // The builder starts from CLDR's English suppressions ("Mr.", "U.S." ...).
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  check_icu(status, "create a sentence filter");
  for (const char* abbreviation : kAbbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    // U_ZERO_ERROR when added, a warning when CLDR already had it: both fine.
    check_icu(status, "add an abbreviation to the sentence filter");
  }
  icu::BreakIterator* plain = icu::BreakIterator::createSentenceInstance(english, status);
  check_icu(status, "create a sentence break iterator");
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(plain, status));
  check_icu(status, "wrap the sentence break iterator");
  return filtered;
}

}  // namespace

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  check_icu(status, "create a word break iterator");
  impl_->text.reset(utext_openUTF8(nullptr, "", 0, &status));
  check_icu(status, "open a UTF-8 text");
}

Segmenter::~Segmenter() = default;

// ICU ends a sentence at every line break, but minutes and transcripts are
// often hard-wrapped. A lone LF becomes a space (same byte length, so every
// offset stays valid); a blank line (LF LF) still separates.
namespace {
std::string flow_lines(std::string_view utf8) {
  std::string flowed(utf8);
  for (std::size_t i = 0; i < flowed.size(); ++i) {
    if (flowed[i] != '\n') continue;
    const bool blank_before = i > 0 && utf8[i - 1] == '\n';
    const bool blank_after = i + 1 < utf8.size() && utf8[i + 1] == '\n';
    if (!blank_before && !blank_after) flowed[i] = ' ';
  }
  return flowed;
}
}  // namespace

std::vector<Span> Segmenter::sentences(std::string_view original) {
  std::vector<Span> out;
  if (original.empty()) return out;
  const std::string flowed = flow_lines(original);
  const std::string_view utf8 = flowed;
  if (!impl_->sentence) impl_->sentence = make_sentence_iterator();
  icu::BreakIterator& it = impl_->attach(*impl_->sentence, utf8);
  CodePointCursor cursor(utf8);
  int32_t start = 0;
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const auto [begin, finish] = trim(utf8, start, end);
    if (begin == finish) continue;
    const std::size_t cp_begin = cursor.advance_to(begin);
    out.push_back({cp_begin, cursor.advance_to(finish)});
  }
  return out;
}

void Segmenter::words(std::string_view utf8, const std::function<void(const WordToken&)>& on_word) {
  if (utf8.empty()) return;
  icu::BreakIterator& it = impl_->attach(*impl_->word, utf8);
  CodePointCursor cursor(utf8);
  int32_t start = 0;
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    // Statuses below UBRK_WORD_NONE_LIMIT are spaces, punctuation and
    // symbols (including emoji); from it up: numbers, letters, kana, ideographs.
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    WordToken token;
    token.bytes = utf8.substr(start, end - start);
    token.byte_start = static_cast<std::size_t>(start);
    token.cps.start = cursor.advance_to(start);
    token.cps.end = cursor.advance_to(end);
    on_word(token);
  }
}

bool is_character_boundary(std::string_view utf8, std::size_t cp) {
  const OffsetMap map(utf8);
  const std::size_t byte = map.byte_of(cp);  // throws when cp is past the end
  if (byte == 0 || byte == utf8.size()) return true;
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr text(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
  check_icu(status, "open text for character breaks");
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  check_icu(status, "create a character break iterator");
  it->setText(text.get(), status);
  check_icu(status, "set text for character breaks");
  return it->isBoundary(static_cast<int32_t>(byte));
}

}  // namespace casebook::text

#pragma once
// Segmentation with ICU: paragraphs (blank-line separated blocks), sentences
// (with false breaks after abbreviations such as "Cllr." suppressed) and words.
// All positions are code points relative to the text passed in.

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/text/offsets.hpp"

namespace casebook::text {

// Blocks of text separated by one or more blank lines (lines holding only
// whitespace), each trimmed of leading and trailing whitespace. Empty text
// gives no paragraphs. Expects LF line endings (see canonicalize()).
std::vector<Span> paragraphs(std::string_view utf8);

// True when code point offset `cp` (0..length) falls between two user-perceived
// characters (extended grapheme clusters): not between a letter and its
// combining accent, inside an emoji sequence joined by ZWJ, or between CR and LF.
// A coded span must start and end on such boundaries.
bool is_character_boundary(std::string_view utf8, std::size_t cp);

// One word found by the word segmenter: its bytes in the text and its
// position in code points.
struct WordToken {
  std::string_view bytes;  // a view into the segmented text
  std::size_t byte_start = 0;
  Span cps;
};

// Owns ICU break iterators, which are costly to create: make one per thread
// and reuse it. Not thread-safe.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentences of `utf8`, trimmed of surrounding whitespace, empty ones dropped.
  // A single line break does not end a sentence (hard-wrapped text); a blank
  // line does.
  // No break after common abbreviations (Cllr., Dr., Mr., Mrs., Ms., No.,
  // para., e.g., i.e., etc., St., Co., Ltd., Prof., Rev., approx., cf., vs.).
  std::vector<Span> sentences(std::string_view utf8);

  // Calls `on_word` for each word (letters, numbers, kana or ideographs;
  // punctuation and spaces are skipped), in order.
  void words(std::string_view utf8, const std::function<void(const WordToken&)>& on_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casebook::text

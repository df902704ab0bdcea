#pragma once
// How words become index terms, shared by the indexer and the query parser so
// that both sides normalise identically: a word token (from
// text::Segmenter::words) is folded with NFKC_Casefold to its exact term; its
// English stem, prefixed "Z", is the stemmed term (Xapian's convention).

#include <xapian.h>

#include <string>
#include <string_view>

namespace casebook::index {

class TermMaker {
 public:
  TermMaker();
  // The exact (unstemmed) term for a word, or "" when the word is too long
  // to be a Xapian term.
  std::string exact_term(std::string_view word) const;
  // "Z" + English stem of an exact term.
  std::string stemmed_term(const std::string& exact) const;

 private:
  Xapian::Stem stemmer_;
};

}  // namespace casebook::index

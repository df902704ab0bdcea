#pragma once
// How words become index terms, shared by the indexer and the query parser so
// that both sides normalise identically: a word token (from
// text::Segmenter::words) is folded with NFKC_Casefold to its exact term; its
// English stem, prefixed "Z", is the stemmed term (Xapian's convention).

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace casebook::index {

// Not thread-safe (it caches stems): one per thread.
class TermMaker {
 public:
  TermMaker();
  // The exact (unstemmed) term for a word, or "" when the word is too long
  // to be a Xapian term.
  std::string exact_term(std::string_view word) const;
  // "Z" + English stem of an exact term.
  std::string stemmed_term(const std::string& exact) const;

  // The stemmed term to index for a word, or "" when the word is its own
  // stem ("council"): its exact term already says the same, and skipping it
  // spares the index a term per word for most words.
  std::string indexed_stem(const std::string& exact) const;

  // The query that finds every word with the stem of `exact`: the "Z" term,
  // OR'ed with the exact term of the stem itself when that is a word of its
  // own stem (see indexed_stem).
  Xapian::Query stem_query(const std::string& exact) const;

 private:
  Xapian::Stem stemmer_;
  // Word frequencies are Zipfian: most words are stemmed again and again.
  // Bounded, so memory stays flat however large the corpus.
  mutable std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace casebook::index

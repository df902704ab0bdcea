#include "engine/index/terms.hpp"

#include "engine/text/normalize.hpp"

namespace casebook::index {
namespace {
// Xapian's hard limit is 245 bytes per term; the "Z" prefix needs one more.
constexpr std::size_t kMaxTermBytes = 240;
// About 6 MB of cached stems at most; cleared when full.
constexpr std::size_t kMaxCachedStems = 100000;
}  // namespace

TermMaker::TermMaker() : stemmer_("english") {}

std::string TermMaker::exact_term(std::string_view word) const {
  std::string folded = text::fold_for_index(word);
  if (folded.size() > kMaxTermBytes) return {};
  return folded;
}

std::string TermMaker::stemmed_term(const std::string& exact) const {
  auto cached = stem_cache_.find(exact);
  if (cached != stem_cache_.end()) return cached->second;
  if (stem_cache_.size() >= kMaxCachedStems) stem_cache_.clear();
  std::string stemmed = "Z" + stemmer_(exact);
  stem_cache_.emplace(exact, stemmed);
  return stemmed;
}

std::string TermMaker::indexed_stem(const std::string& exact) const {
  std::string stemmed = stemmed_term(exact);
  return stemmed.compare(1, std::string::npos, exact) == 0 ? std::string() : stemmed;
}

Xapian::Query TermMaker::stem_query(const std::string& exact) const {
  const std::string stemmed = stemmed_term(exact);
  const std::string stem = stemmed.substr(1);
  // Passages holding the stem as a word carry only its exact term, and only
  // when that word is its own stem (stemming is not always idempotent).
  if (stemmed_term(stem) != stemmed) return Xapian::Query(stemmed);
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(stemmed), Xapian::Query(stem));
}

}  // namespace casebook::index

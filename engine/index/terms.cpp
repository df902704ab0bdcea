#include "engine/index/terms.hpp"

#include "engine/text/normalize.hpp"

namespace casebook::index {
namespace {
// Xapian's hard limit is 245 bytes per term; the "Z" prefix needs one more.
constexpr std::size_t kMaxTermBytes = 240;
}  // namespace

TermMaker::TermMaker() : stemmer_("english") {}

std::string TermMaker::exact_term(std::string_view word) const {
  std::string folded = text::fold_for_index(word);
  if (folded.size() > kMaxTermBytes) return {};
  return folded;
}

std::string TermMaker::stemmed_term(const std::string& exact) const {
  return "Z" + stemmer_(exact);
}

}  // namespace casebook::index

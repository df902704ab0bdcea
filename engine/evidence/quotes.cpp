#include "engine/evidence/quotes.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "engine/store/sources.hpp"

namespace casebook::evidence {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (is_space(c)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

int class_rank(store::SourceClass c) {
  switch (c) {
    case store::SourceClass::Interview:
      return 0;
    case store::SourceClass::Document:
      return 1;
    case store::SourceClass::Press:
      return 2;
  }
  return 1;
}

}  // namespace

std::size_t word_count(const std::string& text) {
  return words_of(text).size();
}

std::string quote_text(const EvidenceCoding& coding, std::size_t max_words) {
  std::vector<std::string> words = words_of(coding.quote);
  bool cut = false;
  if (max_words > 0 && words.size() > max_words) {
    words.resize(max_words);
    cut = true;
  }
  std::string out = coding.starts_sentence ? "" : "...";
  for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : " ") + words[i];
  if (cut || !coding.ends_sentence) {
    // "costs fell," + "..." reads badly: drop a trailing comma or semicolon.
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
      out.pop_back();
    out += "...";
  }
  return out;
}

std::vector<std::size_t> choose_exemplars(const EvidenceSet& evidence,
                                          const std::vector<std::size_t>& candidates, std::size_t n,
                                          std::size_t max_words) {
  std::vector<std::size_t> ranked = candidates;
  auto key = [&](std::size_t i) {
    const EvidenceCoding& c = evidence.codings[i];
    const std::size_t words = word_count(c.quote);
    const bool fits = max_words == 0 || words <= max_words;
    const std::size_t substance = max_words == 0 ? words : std::min(words, max_words);
    return std::make_tuple(c.review_status == "accepted" ? 0 : 1, fits ? 0 : 1,
                           -static_cast<long long>(substance),
                           store::label_sort_key(c.source_label), c.span.start, c.code);
  };
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

  std::vector<std::size_t> chosen;
  std::set<std::size_t> taken;
  std::set<std::string> quoted_sources;
  // Round-robin over classes, each round taking the best candidate of the
  // class from a source not yet quoted; then fill up with whatever is left.
  bool progress = true;
  while (chosen.size() < n && progress) {
    progress = false;
    for (int cls = 0; cls < 3 && chosen.size() < n; ++cls) {
      for (std::size_t i : ranked) {
        const EvidenceCoding& c = evidence.codings[i];
        if (taken.count(i) || class_rank(c.source_class) != cls ||
            quoted_sources.count(c.source_label)) {
          continue;
        }
        chosen.push_back(i);
        taken.insert(i);
        quoted_sources.insert(c.source_label);
        progress = true;
        break;
      }
    }
  }
  for (std::size_t i : ranked) {
    if (chosen.size() >= n) break;
    if (taken.insert(i).second) chosen.push_back(i);
  }
  return chosen;
}

}  // namespace casebook::evidence

#pragma once
// Where a coding goes: turning what a coder types (a passage or sentence
// number, a code-point range, a pasted quote, a search, a speaker, a heading)
// into exact code-point spans of a source's text. Every function checks its
// input and throws casebook::Error naming the argument and how to fix it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/project/project.hpp"
#include "engine/search/searcher.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::coding {

// One span to code, and how it was chosen (recorded as the coding's unit).
struct Target {
  std::int64_t source_id = 0;
  std::string source_label;
  text::Span span;
  std::string unit;  // passage, sentence, range, match, query, speaker, heading
};

// A source's text, loaded once for several lookups.
struct SourceText {
  std::int64_t id = 0;
  std::string label;
  std::string text;
  std::size_t code_points = 0;
};
SourceText load_source_text(store::Store& store, const std::string& label);

Target passage_target(store::Store& store, const SourceText& source, int n);
Target sentence_target(store::Store& store, const SourceText& source, int n);

// START:END in code points, half-open. Refuses an empty or reversed range, one
// past the end of the text, and one that splits a character (a letter from
// its accent, an emoji sequence).
Target range_target(const SourceText& source, const std::string& range);

// The span of `quote` in the text. The quote is NFC-normalised and matched
// exactly; if that fails, runs of whitespace match any run of whitespace and
// curly quotes match straight ones (a quote pasted from a PDF or a paper).
// Refuses an absent quote, and an ambiguous one unless `occurrence` (1-based)
// picks one; the error lists where each occurrence is.
Target match_target(const SourceText& source, const std::string& quote,
                    std::optional<int> occurrence = std::nullopt);

enum class Unit { Passage, Sentence };
Unit parse_unit(const std::string& name);  // "passage" | "sentence"

// The spans of a search result's hits: each hit's passage, or the sentences
// holding its matched words, with the hit's weight; each span once (the
// highest weight), in source and position order.
struct WeightedTarget {
  Target target;
  double weight = 0;
};
std::vector<WeightedTarget> targets_of_hits(store::Store& store, const search::SearchResult& result,
                                            Unit unit, const std::string& unit_name);

// The passages with these store ids, as targets (ids of vanished passages
// are skipped).
std::vector<Target> passages_by_id(store::Store& store, const std::vector<std::int64_t>& ids,
                                   const std::string& unit_name);

// Every hit of a search: the passages it matches, or the sentences holding
// a matched word. `only_coder` restricts code:/coder: filters (blind mode).
std::vector<Target> query_targets(project::Project& project, const std::string& query, Unit unit,
                                  const std::optional<std::string>& only_coder);

// Every turn of a speaker, by the name in the transcript or the informant
// label it is mapped to (casebook speakers map). Refuses an unknown speaker.
std::vector<Target> speaker_targets(store::Store& store, const std::string& speaker);

// Every passage under a heading: one whose heading path has a heading equal
// to `heading`, ignoring case, or (with no such heading) containing it.
// Refuses a heading no passage sits under.
std::vector<Target> heading_targets(store::Store& store, const std::string& heading);

}  // namespace casebook::coding

#pragma once
// Runs a query over the project's index and returns hits with the source
// label, passage number, code-point offsets and the positions of the matched
// words, ready for a keyword-in-context display.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/project/project.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::search {

// SearchOptions::limit for every hit. Each hit costs a store read of its
// passage and source and a segmentation of its text (for `matches`); when
// only the passage ids are needed, matching_passages() is far cheaper.
inline constexpr std::size_t kAllHits = std::numeric_limits<std::size_t>::max();

struct SearchOptions {
  std::size_t offset = 0;  // skip this many hits (paging)
  // At most this many hits; kAllHits for all of them. 0 returns no hits, only
  // the totals (what `casebook search --count` uses).
  std::size_t limit = 20;
  // Count every match exactly. Off by default: Xapian may then stop early and
  // estimate, which is many times faster on large corpora.
  bool exact_total = false;
  // Blind mode: when set, only this coder's codings count for code: filters
  // (as if coder:NAME were added to each), and a coder: filter naming anyone
  // else is Error(Usage).
  std::optional<std::string> visible_coder;
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based over the whole result
  double weight = 0;     // BM25 weight (0 for filter-only queries)
  std::int64_t passage_id = 0;
  std::string source_label;
  std::string source_type;
  std::string source_date;
  std::string council;
  std::vector<std::string> cases;
  int passage = 0;  // passage number within its source
  text::Span span;  // passage offsets in the source text (code points)
  std::string speaker;
  int page = 0;
  std::string text;                 // the passage text
  std::vector<text::Span> matches;  // matched words, code points within `text`
};

struct SearchResult {
  std::size_t total = 0;        // matching passages: exact, or Xapian's estimate
  std::size_t total_lower = 0;  // bounds of the estimate (equal to total when exact)
  std::size_t total_upper = 0;
  bool total_is_exact() const { return total_lower == total_upper; }
  std::vector<SearchHit> hits;
  // Filters whose value no passage has (a typo?), with the values there are.
  std::vector<std::string> warnings;
};

// Throws Error(Data) for a malformed query or an unknown code: key (see
// query.hpp for the language), Error(Usage) for coder: of another coder in
// blind mode.
SearchResult search(project::Project& project, const std::string& query,
                    const SearchOptions& options);

// The store ids of every passage matching `query`, ascending, without loading
// any text (for auto-coding by query). Uses options.visible_coder; offset,
// limit and exact_total do not apply. Throws as search() does.
std::vector<std::int64_t> matching_passages(project::Project& project, const std::string& query,
                                            const SearchOptions& options);

// The words of `text` that `query`'s positive words, phrases and wildcards
// match, in code points within `text` (as SearchHit::matches), for marking a
// stored hit again later. Coding filters in the query are ignored.
std::vector<text::Span> find_query_matches(const std::string& text, const std::string& query);

// One piece of a keyword-in-context line.
struct SnippetPart {
  std::string text;
  bool match = false;
};
struct Snippet {
  bool cut_before = false;  // text was left out before the first part
  bool cut_after = false;
  std::vector<SnippetPart> parts;
};

// Up to `context` code points either side of the first match (or the start
// of the text when there is none), line breaks shown as spaces, every match
// in the window marked; a match is never cut.
Snippet make_snippet(const std::string& text, const std::vector<text::Span>& matches,
                     std::size_t context = 60);

}  // namespace casebook::search

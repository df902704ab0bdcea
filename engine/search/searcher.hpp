#pragma once
// Runs a query over the project's index and returns hits with the source
// label, passage number, code-point offsets and the positions of the matched
// words, ready for a keyword-in-context display.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/project/project.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::search {

struct SearchOptions {
  std::size_t offset = 0;  // skip this many hits (paging)
  std::size_t limit = 20;  // at most this many hits
  // Count every match exactly. Off by default: Xapian may then stop early and
  // estimate, which is many times faster on large corpora.
  bool exact_total = false;
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

// Throws Error(Data) for a malformed query (see query.hpp for the language).
SearchResult search(project::Project& project, const std::string& query,
                    const SearchOptions& options);

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

#pragma once
// Auto-coding suggestions: the machine proposes, the coder decides.
// `autocode` runs each code's indicative queries and stores every hit as a
// suggestion owned by the coder who ran it (not a coding). The coder then
// walks through them: accept (it becomes their coding), reject, or skip
// (shown again after the pending ones).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/coding/codings.hpp"
#include "engine/coding/targets.hpp"
#include "engine/project/project.hpp"

namespace casebook::coding {

struct AutocodeOptions {
  std::vector<std::string> codes;  // only these codes (and their sub-codes); empty = all
  Unit unit = Unit::Passage;
  bool dry_run = false;  // count, write nothing
};

struct AutocodeCodeReport {
  std::string code;
  std::size_t queries = 0;
  std::size_t hits = 0;               // spans the queries found
  std::size_t new_suggestions = 0;    // stored now (or that would be, on a dry run)
  std::size_t already_coded = 0;      // the owner already coded an overlapping span with this code
  std::size_t already_suggested = 0;  // suggested before (whatever was decided)
};

struct AutocodeReport {
  std::vector<AutocodeCodeReport> codes;  // codes with at least one query
  std::size_t new_suggestions = 0;
  std::size_t codes_without_queries = 0;
  std::int64_t audit_id = 0;
};

// Runs in the caller's transaction (the caller holds the write lock).
AutocodeReport autocode(project::Project& project, const std::string& owner,
                        const AutocodeOptions& options);

struct SuggestionView {
  std::int64_t id = 0;
  std::string code;
  std::int64_t source_id = 0;
  std::string source_label;
  text::Span span;
  std::string text;                 // the suggested span's text
  std::vector<text::Span> matches;  // the query's words, code points within `text`
  std::string query;
  double weight = 0;
  std::string status;  // pending, accepted, rejected, skipped
  std::optional<std::int64_t> coding_id;
};

struct SuggestionCounts {
  std::size_t pending = 0, skipped = 0, accepted = 0, rejected = 0;
};
SuggestionCounts count_suggestions(store::Store& store, const std::string& owner,
                                   const std::optional<std::string>& code);

// The next suggestion to decide: pending ones first (by code, then
// source and position), then skipped ones. nullopt when none is left.
std::optional<SuggestionView> next_suggestion(project::Project& project, const std::string& owner,
                                              const std::optional<std::string>& code);
// One suggestion of `owner`; NotFound otherwise.
SuggestionView get_suggestion(project::Project& project, std::int64_t id, const std::string& owner);

// The suggestions of `owner` still to decide (pending, then skipped), in the
// order next_suggestion walks them, narrowed to a code, a source, and those
// whose span holds all of `within` (a quote located in that source).
struct UndecidedFilter {
  std::optional<std::string> code;
  std::optional<std::int64_t> source_id;
  std::optional<text::Span> within;
};
std::vector<SuggestionView> undecided_suggestions(project::Project& project,
                                                  const std::string& owner,
                                                  const UndecidedFilter& filter);

// Accepting makes a coding by the owner (with `extra` dimension values and
// memo; the code comes from the suggestion). Audited as suggestion.accept.
std::int64_t accept_suggestion(store::Store& store, std::int64_t id, const std::string& owner,
                               const CodeSpec& extra);
void reject_suggestion(store::Store& store, std::int64_t id, const std::string& owner,
                       const std::string& reason);
void skip_suggestion(store::Store& store, std::int64_t id, const std::string& owner);
// Puts a decided suggestion back to pending (undo).
void reopen_suggestion(store::Store& store, std::int64_t id);

}  // namespace casebook::coding

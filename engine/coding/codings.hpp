#pragma once
// Codings: a code on a span of a source, by one coder, with dimension values
// and an optional memo. Adding and removing are audited (code.add,
// code.remove) with the ids involved, so `undo` can reverse them; rows are
// never deleted, a removed coding keeps who removed it and why.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/coding/targets.hpp"
#include "engine/coding/viewer.hpp"
#include "engine/store/store.hpp"

namespace casebook::coding {

// What to apply to each target.
struct CodeSpec {
  std::string code;                                       // code key
  std::vector<std::pair<std::string, std::string>> dims;  // dimension=value
  std::string memo;                                       // attached to each new coding
};

struct AddResult {
  std::vector<std::int64_t> added;  // new coding ids
  // Targets the coder had already coded with this code (same span): skipped.
  std::size_t already_coded = 0;
  std::int64_t audit_id = 0;  // 0 when nothing was added
};

// Checks the code (active), the dimension values (taken by the code, allowed,
// required ones present) and exclusive groups (no overlapping coding by the
// same coder with another code of a group), then adds one coding per target
// in the caller's transaction, with one audit entry. Throws before writing
// anything on the first problem.
AddResult add_codings(store::Store& store, const std::vector<Target>& targets, const CodeSpec& spec,
                      const std::string& coder);

// add_codings without the audit entry, for callers that record the change
// in their own entry (accepting a suggestion).
AddResult insert_codings(store::Store& store, const std::vector<Target>& targets,
                         const CodeSpec& spec, const std::string& coder);

// Canonical dimension values for `code_key`: dimension names and values as
// the codebook spells them. Throws Error(Usage) for a dimension the code does
// not take, a value outside the allowed set, or a missing required one.
std::vector<std::pair<std::string, std::string>> check_dimensions(
    store::Store& store, const std::string& code_key,
    const std::vector<std::pair<std::string, std::string>>& dims);

// Parses "name=value" (the --dim option).
std::pair<std::string, std::string> parse_dimension_arg(const std::string& arg);

struct CodingView {
  std::int64_t id = 0;
  std::int64_t source_id = 0;
  std::string source_label;
  text::Span span;
  std::string code;  // key
  std::string coder;
  std::string unit;
  std::string quote;
  std::string created_at;
  std::vector<std::pair<std::string, std::string>> dims;
  std::vector<std::string> memos;
  std::optional<std::string> removed_at, removed_by, removed_reason;
  std::string review_status = "unreviewed";  // unreviewed | accepted | rejected
  std::optional<std::string> reviewed_by, reviewed_at, review_reason;
  std::optional<std::int64_t> recoded_from;  // the rejected coding a recode replaced
};

struct CodingFilter {
  std::vector<std::string> sources;  // labels
  std::vector<std::string> codes;    // keys; sub-codes included
  std::vector<std::string> coders;
  std::vector<std::string> cases;  // case ids
  std::vector<std::int64_t> ids;
  bool include_removed = false;
  // Review statuses to list (unreviewed, accepted, rejected); empty = any.
  // Rejected codings are left out unless asked for here or by include_rejected,
  // as analysis and exports leave them out.
  std::vector<std::string> statuses;
  bool include_rejected = false;
  std::optional<std::string> only_coder;  // blind mode: this coder's codings only
  std::size_t limit = 0;                  // 0 = all
};

// Codings matching `filter`, by source label then position. Unknown source
// labels, code keys and case ids are errors (a typo would list nothing).
std::vector<CodingView> list_codings(store::Store& store, const CodingFilter& filter);

// The codings matching `filter` that share a code point with `span` (in the
// filter's sources), for picking a coding by a quote rather than its id.
std::vector<CodingView> codings_overlapping(store::Store& store, const CodingFilter& filter,
                                            const text::Span& span);

// How many codings match `filter`, by review status (only statuses present).
std::map<std::string, std::size_t> count_codings_by_review(store::Store& store,
                                                           const CodingFilter& filter);

// Removes codings (they stay in the store with removed_* set). Only active
// codings visible to `viewer` can be removed; in blind mode another coder's
// codings are "not found". Audited as code.remove. Returns the audit id.
std::int64_t remove_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& viewer, const std::string& reason);

// Re-activates removed codings (undo of a removal).
void restore_codings(store::Store& store, const std::vector<std::int64_t>& ids);
// Marks codings removed with `reason`, without an audit entry (the caller writes one).
void mark_codings_removed(store::Store& store, const std::vector<std::int64_t>& ids,
                          const std::string& coder, const std::string& reason);

}  // namespace casebook::coding

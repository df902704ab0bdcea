#pragma once
// A supervisor's review of codings: accept a coding, reject it as a
// mis-coding (with the reason), or recode it (reject it and add the corrected
// coding in the reviewer's name). Rows are never deleted: a rejected coding
// keeps the coder's original work for agreement measures and the record, and
// analysis leaves it out. Every decision is audited (review.accept,
// review.reject, review.recode) with each coding's previous review state, so
// `undo` can put it back.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/coding/codings.hpp"
#include "engine/coding/viewer.hpp"
#include "engine/store/store.hpp"

namespace casebook::coding {

enum class ReviewStatus { Unreviewed, Accepted, Rejected };

const char* to_string(ReviewStatus status);
// "unreviewed", "accepted" or "rejected"; Error(Usage) otherwise.
ReviewStatus parse_review_status(const std::string& name);

// Accepts codings (unreviewed or rejected before). `note` is optional.
// Only active codings the reviewer may see; throws before writing anything
// if one is not. Returns the audit id.
std::int64_t accept_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& reviewer, const std::string& note);

// Rejects codings as mis-coded; the reason is required (it is what the coder
// learns from). Returns the audit id.
std::int64_t reject_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& reviewer, const std::string& reason);

struct RecodeResult {
  std::int64_t coding_id = 0;  // the new, accepted coding
  std::int64_t audit_id = 0;
};

// Rejects coding `id` and adds, on the same span, the coding `spec` asks for
// (another code, or the same code with other dimension values) in the
// reviewer's name, accepted and pointing back at the original. Dimension
// values not given are carried over where the new code takes them.
RecodeResult recode_coding(store::Store& store, std::int64_t id, CodeSpec spec,
                           const Viewer& reviewer, const std::string& reason);

struct ReviewCounts {
  std::size_t unreviewed = 0, accepted = 0, rejected = 0;
};

// Active codings by review status, within `filter` (its status fields are ignored).
ReviewCounts count_reviews(store::Store& store, CodingFilter filter);

// Puts codings' review states back as recorded in an audit entry's "before"
// list (undo of review.*), without an audit entry of its own.
void restore_review_states(store::Store& store, const nlohmann::json& before);

}  // namespace casebook::coding

// Check "integrity": codings whose span lies outside their source's text, or
// whose stored quote (the text when it was coded) no longer matches the
// canonical text at the span. Either means the text changed under the
// coding or the store was edited outside casebook; exports and agreement
// would then cite the wrong words.

#include <map>

#include "engine/consistency/snapshot.hpp"

namespace casebook::consistency::detail {
namespace {

struct TextAtSpan {
  bool has_text = false;
  std::size_t code_points = 0;
  std::string slice;  // the text at the coding's span now
};

// What the store's text holds at each coding's span, by coding id, in one
// pass (SQLite's substr counts code points, from 1).
std::map<std::int64_t, TextAtSpan> texts_at_spans(store::Store& store, bool include_rejected) {
  SQLite::Statement q(store.db(),
                      "SELECT c.id, t.source_id IS NOT NULL, t.code_points, "
                      "       substr(t.text, c.start_cp + 1, c.end_cp - c.start_cp) "
                      "FROM codings c LEFT JOIN source_texts t ON t.source_id = c.source_id "
                      "WHERE c.removed_at IS NULL AND (? OR c.review_status <> 'rejected')");
  q.bind(1, include_rejected ? 1 : 0);
  std::map<std::int64_t, TextAtSpan> out;
  while (q.executeStep()) {
    TextAtSpan t;
    t.has_text = q.getColumn(1).getInt() != 0;
    t.code_points = static_cast<std::size_t>(q.getColumn(2).getInt64());
    t.slice = q.getColumn(3).getString();
    out.emplace(q.getColumn(0).getInt64(), std::move(t));
  }
  return out;
}

const char* kFix = "re-anchor it (uncode it and code the quote again), and run casebook check";

std::optional<Finding> integrity_finding(const CodingRow& c, const TextAtSpan& t) {
  if (!t.has_text) {
    return coding_finding(
        "integrity", "no-text", Severity::Problem, c,
        describe(c) + ": " + c.source_label + " has no text in the store: run casebook check");
  }
  if (c.span.end > t.code_points) {
    return coding_finding("integrity", "span-outside-text", Severity::Problem, c,
                          describe(c) + " ends past the end of " + c.source_label + " (" +
                              std::to_string(t.code_points) + " characters): " + kFix);
  }
  if (t.slice != c.quote) {
    return coding_finding("integrity", "quote-changed", Severity::Problem, c,
                          describe(c) + " has the quote '" + shorten(c.quote) +
                              "' but the text there now reads '" + shorten(t.slice) + "': " + kFix);
  }
  return std::nullopt;
}

}  // namespace

std::vector<Finding> check_integrity(store::Store& store, const Snapshot& snapshot) {
  const auto texts = texts_at_spans(store, snapshot.include_rejected);
  std::vector<Finding> out;
  for (const auto& c : snapshot.codings) {
    const auto t = texts.find(c.id);
    if (t == texts.end()) continue;  // changed since the snapshot: not this run's business
    if (auto f = integrity_finding(c, t->second)) out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace casebook::consistency::detail

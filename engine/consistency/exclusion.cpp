// Check "exclusion": codings that an exclusion criterion, given as a query
// (--exclusion CODE=QUERY), says should not be there: codings of CODE or a
// sub-code on a span overlapping a passage the query matches. The codebook
// format is unchanged; the criteria are the supervisor's, per audit run.

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/codebook/store_sync.hpp"
#include "engine/consistency/snapshot.hpp"
#include "engine/core/error.hpp"
#include "engine/search/searcher.hpp"

namespace casebook::consistency::detail {
namespace {

struct MatchedPassage {
  int n = 0;  // passage number in its source
  text::Span span;
};

// The passages `query` matches, by source id. The audit sees every coder's
// work, so code: and coder: filters in the query are not narrowed.
// Search errors name the option, so the supervisor knows which criterion to fix.
std::vector<std::int64_t> search_passages(project::Project& project, const Exclusion& e) {
  try {
    return search::matching_passages(project, e.query, search::SearchOptions{});
  } catch (const Error& error) {
    throw Error(error.kind(), "--exclusion " + e.code + "=" + e.query + ": " + error.what(),
                error.hint());
  }
}

std::map<std::int64_t, std::vector<MatchedPassage>> matched_passages(project::Project& project,
                                                                     const Exclusion& e) {
  const auto ids = search_passages(project, e);
  SQLite::Statement q(project.store().db(),
                      "SELECT source_id, n, start_cp, end_cp FROM passages "
                      "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY source_id, n");
  q.bind(1, nlohmann::json(ids).dump());
  std::map<std::int64_t, std::vector<MatchedPassage>> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()].push_back(
        {q.getColumn(1).getInt(),
         {static_cast<std::size_t>(q.getColumn(2).getInt64()),
          static_cast<std::size_t>(q.getColumn(3).getInt64())}});
  }
  return out;
}

bool overlaps(const text::Span& a, const text::Span& b) {
  return a.start < b.end && b.start < a.end;
}

Finding excluded_finding(const CodingRow& c, const Exclusion& e, const std::vector<int>& passages) {
  std::string numbers;
  for (int n : passages) numbers += (numbers.empty() ? "" : ", ") + std::to_string(n);
  return coding_finding("exclusion", "excluded-passage", Severity::Warning, c,
                        describe(c) + " overlaps passage" + (passages.size() > 1 ? "s " : " ") +
                            numbers + ", matching the exclusion of " + e.code + " '" + e.query +
                            "': check it against " + e.code +
                            "'s exclusion criterion, and recode or reject it if it does "
                            "not belong");
}

std::vector<Finding> check_one(project::Project& project, const Snapshot& snapshot,
                               const Exclusion& e) {
  const auto code = codebook::require_code(project.store(), e.code);
  const auto ids = codebook::code_and_descendants(project.store(), code.id);
  const std::set<std::int64_t> codes(ids.begin(), ids.end());
  const auto matched = matched_passages(project, e);
  std::vector<Finding> out;
  for (const auto& c : snapshot.codings) {
    const auto in_source = matched.find(c.source_id);
    if (!codes.count(c.code_id) || in_source == matched.end()) continue;
    std::vector<int> hit;
    for (const auto& p : in_source->second) {
      if (overlaps(p.span, c.span)) hit.push_back(p.n);
    }
    if (!hit.empty()) out.push_back(excluded_finding(c, e, hit));
  }
  return out;
}

}  // namespace

std::vector<Finding> check_exclusion(project::Project& project, const Snapshot& snapshot,
                                     const std::vector<Exclusion>& exclusions) {
  std::vector<Finding> out;
  for (const auto& e : exclusions) {
    auto found = check_one(project, snapshot, e);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace casebook::consistency::detail

// Check "drift": whether a coder applies a code more or less often as their
// work goes on. The measure is the share of the coder's codings that use
// the code (its own codings, sub-codes apart), in the first half of their
// codings against the second half, in the order they were made (creation
// time, then id). Shares, not counts, so that coding more in one half does
// not look like drift; halves, not calendar months, so that every coder is
// compared with themselves over the same number of codings. A change of at
// least the threshold is reported with the numbers. Material coded later may
// simply differ; the finding asks the supervisor to look, not to correct.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/consistency/snapshot.hpp"

namespace casebook::consistency::detail {
namespace {

struct Half {
  std::size_t total = 0;
  std::map<std::string, std::size_t> by_code;
  std::string from, to;  // creation times of its first and last coding

  double share(const std::string& code) const {
    const auto it = by_code.find(code);
    return total == 0 || it == by_code.end() ? 0.0 : static_cast<double>(it->second) / total;
  }
  std::size_t count(const std::string& code) const {
    const auto it = by_code.find(code);
    return it == by_code.end() ? 0 : it->second;
  }
};

Half half_of(const std::vector<const CodingRow*>& rows, std::size_t begin, std::size_t end) {
  Half h;
  h.total = end - begin;
  for (std::size_t i = begin; i < end; ++i) ++h.by_code[rows[i]->code];
  if (h.total > 0) {
    h.from = rows[begin]->created_at;
    h.to = rows[end - 1]->created_at;
  }
  return h;
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

std::string half_text(const Half& h, const std::string& code, const char* which) {
  return std::to_string(h.count(code)) + " of " + std::to_string(h.total) + " (" +
         percent(h.share(code)) + ") in the " + which + " half (" + h.from + " to " + h.to + ")";
}

Finding drift_finding(const std::string& coder, const std::string& code, const Half& first,
                      const Half& second) {
  Finding f;
  f.check = "drift";
  f.kind = "drift";
  f.severity = Severity::Warning;
  f.codes = {code};
  f.coders = {coder};
  const double before = first.share(code), after = second.share(code);
  f.measures = {{"first_share", before},
                {"second_share", after},
                {"first_codings", static_cast<double>(first.total)},
                {"second_codings", static_cast<double>(second.total)},
                {"first_uses", static_cast<double>(first.count(code))},
                {"second_uses", static_cast<double>(second.count(code))}};
  const long points = std::lround((after - before) * 100);
  f.explanation = coder + " used " + code + " in " + half_text(first, code, "first") + " and " +
                  half_text(second, code, "second") + " of their codings, " +
                  (points > 0 ? "+" : "") + std::to_string(points) +
                  " points: check whether the material changed or the reading of the code did";
  return f;
}

std::vector<Finding> drift_of(const std::string& coder, std::vector<const CodingRow*> rows,
                              double threshold) {
  std::stable_sort(rows.begin(), rows.end(), [](const CodingRow* a, const CodingRow* b) {
    return a->created_at != b->created_at ? a->created_at < b->created_at : a->id < b->id;
  });
  const std::size_t middle = rows.size() / 2;
  const Half first = half_of(rows, 0, middle), second = half_of(rows, middle, rows.size());
  std::set<std::string> codes;
  for (const auto* r : rows) codes.insert(r->code);
  std::vector<Finding> out;
  for (const auto& code : codes) {
    // A hair below the threshold counts, so 0.2 flags 30% -> 10% despite rounding.
    if (std::fabs(second.share(code) - first.share(code)) >= threshold - 1e-9) {
      out.push_back(drift_finding(coder, code, first, second));
    }
  }
  return out;
}

}  // namespace

std::vector<Finding> check_drift(const Snapshot& snapshot, double threshold,
                                 std::size_t min_codings) {
  std::map<std::string, std::vector<const CodingRow*>> by_coder;
  for (const auto& c : snapshot.codings) by_coder[c.coder].push_back(&c);
  std::vector<Finding> out;
  for (auto& [coder, rows] : by_coder) {
    if (rows.size() < std::max<std::size_t>(min_codings, 2)) continue;
    auto found = drift_of(coder, std::move(rows), threshold);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace casebook::consistency::detail

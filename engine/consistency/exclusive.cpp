// Check "exclusive": codings of two codes of one mutually exclusive group on
// overlapping spans. Coding refuses this for one coder, but codings made
// before the group was added to the codebook (or imported) can still break
// it: a problem. By different coders it is a disagreement to settle: a note.

#include <algorithm>
#include <map>

#include "engine/consistency/snapshot.hpp"

namespace casebook::consistency::detail {
namespace {

using Groups = std::map<std::int64_t, std::vector<std::string>>;  // code id -> group names

Groups load_groups(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT code_id, name FROM exclusive_groups ORDER BY name, position");
  Groups groups;
  while (q.executeStep()) groups[q.getColumn(0).getInt64()].push_back(q.getColumn(1).getString());
  return groups;
}

// The first group both codes belong to, or empty.
std::string shared_group(const Groups& groups, std::int64_t a, std::int64_t b) {
  const auto ga = groups.find(a), gb = groups.find(b);
  if (ga == groups.end() || gb == groups.end()) return {};
  for (const auto& name : ga->second) {
    if (std::find(gb->second.begin(), gb->second.end(), name) != gb->second.end()) return name;
  }
  return {};
}

Finding overlap_finding(const CodingRow& a, const CodingRow& b, const std::string& group) {
  Finding f;
  f.check = "exclusive";
  f.codes = {a.code, b.code};
  f.codings = {a.id, b.id};
  f.source = a.source_label;
  f.span = text::Span{std::max(a.span.start, b.span.start), std::min(a.span.end, b.span.end)};
  const std::string where = a.source_label + " " + span_text(*f.span);
  if (a.coder == b.coder) {
    f.kind = "same-coder-overlap";
    f.severity = Severity::Problem;
    f.coders = {a.coder};
    f.explanation = a.coder + " coded " + where + " with both " + a.code + " (coding " +
                    std::to_string(a.id) + ") and " + b.code + " (coding " + std::to_string(b.id) +
                    "), which exclude each other (group " + group +
                    "): remove or recode one of them";
  } else {
    f.kind = "coder-disagreement";
    f.severity = Severity::Note;
    f.coders = {a.coder, b.coder};
    f.explanation = "on " + where + " " + a.coder + " coded " + a.code + " (coding " +
                    std::to_string(a.id) + ") and " + b.coder + " coded " + b.code + " (coding " +
                    std::to_string(b.id) + "), which exclude each other (group " + group +
                    "): a disagreement to settle in review";
  }
  return f;
}

}  // namespace

std::vector<Finding> check_exclusive(store::Store& store, const Snapshot& snapshot) {
  const Groups groups = load_groups(store);
  std::vector<Finding> out;
  if (groups.empty()) return out;
  const auto& all = snapshot.codings;  // by source, then start
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size() && all[j].source_id == all[i].source_id &&
                                all[j].span.start < all[i].span.end;
         ++j) {
      if (all[i].code_id == all[j].code_id) continue;
      const std::string group = shared_group(groups, all[i].code_id, all[j].code_id);
      if (!group.empty()) out.push_back(overlap_finding(all[i], all[j], group));
    }
  }
  return out;
}

}  // namespace casebook::consistency::detail

#include "engine/evidence/triangulation.hpp"

#include <algorithm>
#include <set>

#include "engine/core/error.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::evidence {
namespace {

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

bool link_matches(const codebook::PropositionLink& link, const EvidenceCoding& coding) {
  if (!coding.has_code(link.code)) return false;
  if (link.dimension.empty()) return true;
  const std::string* value = coding.dim(link.dimension);
  return value != nullptr && text::ascii_iequals(*value, link.value);
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void fill_counts(const EvidenceSet& evidence, const std::vector<std::string>& group_cases,
                 TriangulationCell& cell) {
  std::set<std::string> classes_seen;
  auto visit = [&](std::size_t index, bool supporting) {
    const EvidenceCoding& c = evidence.codings[index];
    for (const std::string& label : c.cases) {
      if (std::find(group_cases.begin(), group_cases.end(), label) != group_cases.end())
        add_unique(cell.cases_with_evidence, label);
    }
    const bool new_source =
        std::find(cell.sources.begin(), cell.sources.end(), c.source_label) == cell.sources.end();
    add_unique(cell.sources, c.source_label);
    if (supporting) add_unique(cell.supporting_sources, c.source_label);
    if (new_source) ++cell.source_classes[std::string(store::class_name(c.source_class))];
    add_unique(cell.source_types, c.source_type);
    if (!c.council.empty()) add_unique(cell.councils, c.council);
    for (const std::string& who : c.informants) add_unique(cell.informants, who);
  };
  for (std::size_t i : cell.supporting) visit(i, true);
  for (std::size_t i : cell.contradicting) visit(i, false);
  std::sort(cell.cases_with_evidence.begin(), cell.cases_with_evidence.end());
  std::sort(cell.source_types.begin(), cell.source_types.end());
  std::sort(cell.informants.begin(), cell.informants.end());
  std::sort(cell.councils.begin(), cell.councils.end());
}

// Classes and councils of the supporting codings only: corroboration is
// about the evidence that points the same way.
struct Support {
  std::set<std::string> sources, classes, informants, councils_of_informants;
};

Support support_of(const EvidenceSet& evidence, const TriangulationCell& cell) {
  Support s;
  for (std::size_t i : cell.supporting) {
    const EvidenceCoding& c = evidence.codings[i];
    s.sources.insert(c.source_label);
    s.classes.insert(std::string(store::class_name(c.source_class)));
    for (const std::string& who : c.informants) {
      s.informants.insert(who);
      if (!c.council.empty()) s.councils_of_informants.insert(c.council);
    }
  }
  return s;
}

void decide(const EvidenceSet& evidence, const TriangulationOptions& o, TriangulationCell& cell) {
  if (cell.codings() == 0) {
    cell.verdict = Verdict::Absent;
    cell.reason = "no reviewed coding bears on it in these cases";
    return;
  }
  const std::size_t against = cell.contradicting.size();
  if (against >= std::max<std::size_t>(o.min_contradicting, 1) || cell.supporting.empty()) {
    cell.verdict = Verdict::Contested;
    cell.reason = plural(against, "coding counters", "codings counter") + " it, against " +
                  plural(cell.supporting.size(), "supporting", "supporting");
    return;
  }
  const Support s = support_of(evidence, cell);
  const std::vector<std::string> classes(s.classes.begin(), s.classes.end());
  if (s.sources.size() >= o.min_sources && s.classes.size() >= o.min_types) {
    cell.verdict = Verdict::Corroborated;
    cell.reason = plural(s.sources.size(), "source", "sources") + " of " +
                  plural(s.classes.size(), "type", "types") + " (" + join(classes) + ")";
    return;
  }
  if (s.informants.size() >= o.min_informants &&
      s.councils_of_informants.size() >= o.min_councils) {
    cell.verdict = Verdict::Corroborated;
    cell.reason = plural(s.informants.size(), "informant", "informants") + " from " +
                  plural(s.councils_of_informants.size(), "council", "councils");
    return;
  }
  if (s.sources.size() == 1 || s.sources.size() < o.min_sources) {
    cell.verdict = Verdict::SingleSource;
    cell.reason = s.sources.size() == 1
                      ? "only " + *s.sources.begin()
                      : plural(s.sources.size(), "source", "sources") + ", fewer than the " +
                            std::to_string(o.min_sources) + " required";
    return;
  }
  cell.verdict = Verdict::SingleType;
  cell.reason = plural(s.sources.size(), "source", "sources") + ", all of type " + join(classes);
}

}  // namespace

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Corroborated:
      return "corroborated";
    case Verdict::SingleSource:
      return "single-source";
    case Verdict::SingleType:
      return "single-type";
    case Verdict::Contested:
      return "contested";
    case Verdict::Absent:
      return "absent";
  }
  return "absent";
}

const std::vector<Verdict>& all_verdicts() {
  static const std::vector<Verdict> all{Verdict::Corroborated, Verdict::SingleType,
                                        Verdict::SingleSource, Verdict::Contested, Verdict::Absent};
  return all;
}

Bearing bearing_on(const codebook::Proposition& proposition, const EvidenceCoding& coding) {
  Bearing b;
  for (const codebook::PropositionLink& link : proposition.links) {
    if (!link_matches(link, coding)) continue;
    if (link.bearing == codebook::Bearing::Supports) b.supports = true;
    if (link.bearing == codebook::Bearing::Counters) b.counters = true;
  }
  return b;
}

Triangulation triangulate(const EvidenceSet& evidence, const TriangulationOptions& options) {
  if (options.min_sources == 0 || options.min_types == 0 || options.min_informants == 0 ||
      options.min_councils == 0) {
    throw_usage("triangulation thresholds must be at least 1");
  }
  Triangulation t;
  t.options = options;
  t.grouping = group_cases(evidence, options.by);
  for (const codebook::Proposition& p : evidence.codebook.propositions) {
    if (p.links.empty()) continue;
    TriangulationRow row{p.key, p.text, {}};
    for (const std::string& group : t.grouping.groups) {
      const std::vector<std::string> cases = t.grouping.cases_in(group);
      TriangulationCell cell;
      cell.cases_in_group = cases.size();
      for (std::size_t i = 0; i < evidence.codings.size(); ++i) {
        const EvidenceCoding& c = evidence.codings[i];
        const bool in_group = std::any_of(
            c.cases.begin(), c.cases.end(),
            [&](const std::string& l) { return t.grouping.group_of_case.at(l) == group; });
        if (!in_group) continue;
        const Bearing b = bearing_on(p, c);
        if (b.supports) cell.supporting.push_back(i);
        if (b.counters) cell.contradicting.push_back(i);
      }
      fill_counts(evidence, cases, cell);
      decide(evidence, options, cell);
      row.cells.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) {
    throw_data("the codebook links no code to a proposition, so there is nothing to triangulate",
               "add <evidence code=\"...\" bearing=\"supports\"/> to the codebook's propositions "
               "(docs/codebook.md) and load it with casebook codebook load");
  }
  return t;
}

}  // namespace casebook::evidence

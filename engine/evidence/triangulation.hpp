#pragma once
// Triangulation: for each proposition and each group of cases (by outcome,
// by any case attribute, or case by case), what reviewed evidence bears on
// it, from how many cases, sources, types of source, informants and
// councils, for and against, and a verdict with its reason. The codebook's
// proposition links say which codings bear on which proposition: a coding
// counts when its code is the linked code or one of its sub-codes and, for a
// link that names a dimension value, when it carries that value.
//
// Verdicts, checked in this order (thresholds are options):
//   absent        no coding bears on the proposition in the group;
//   contested     at least min_contradicting codings count against it (or
//                 only counter-evidence exists);
//   corroborated  supporting codings come from at least min_sources sources
//                 of at least min_types source classes (interview, document,
//                 press), or from at least min_informants informants of at
//                 least min_councils councils;
//   single-source all support comes from one source (or from fewer sources
//                 than min_sources);
//   single-type   several sources, all of one class.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "engine/evidence/evidence.hpp"

namespace casebook::evidence {

struct TriangulationOptions {
  std::string by = "outcome";
  std::size_t min_sources = 2;
  std::size_t min_types = 2;
  std::size_t min_informants = 2;
  std::size_t min_councils = 2;
  std::size_t min_contradicting = 1;
};

enum class Verdict { Corroborated, SingleSource, SingleType, Contested, Absent };
const char* to_string(Verdict verdict);
const std::vector<Verdict>& all_verdicts();

struct TriangulationCell {
  std::vector<std::string> cases_with_evidence;  // labels
  std::size_t cases_in_group = 0;
  std::vector<std::size_t> supporting;     // indexes into EvidenceSet::codings
  std::vector<std::size_t> contradicting;  // indexes into EvidenceSet::codings
  std::vector<std::string> sources;        // labels of the sources of all bearing codings
  std::vector<std::string> supporting_sources;
  std::vector<std::string> informants;
  std::vector<std::string> councils;                  // real names: pseudonymise before showing
  std::map<std::string, std::size_t> source_classes;  // class -> sources of that class
  std::vector<std::string> source_types;              // "interview", "minutes" ...
  Verdict verdict = Verdict::Absent;
  std::string reason;

  std::size_t codings() const { return supporting.size() + contradicting.size(); }
};

struct TriangulationRow {
  std::string proposition;  // key
  std::string text;
  std::vector<TriangulationCell> cells;  // one per group
};

struct Triangulation {
  TriangulationOptions options;
  Grouping grouping;
  std::vector<TriangulationRow> rows;  // propositions with evidence links, codebook order
};

// Builds the matrix. Error(Data) when the codebook has no proposition
// linked to any code (nothing to triangulate), with a hint to docs/codebook.md.
Triangulation triangulate(const EvidenceSet& evidence, const TriangulationOptions& options);

// How a coding bears on a proposition's links: counts as support, as
// counter-evidence, both (matching links of each kind), or not at all.
struct Bearing {
  bool supports = false;
  bool counters = false;
};
Bearing bearing_on(const codebook::Proposition& proposition, const EvidenceCoding& coding);

}  // namespace casebook::evidence

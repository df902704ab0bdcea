#pragma once
// Where two coders differ, for the reconciliation meeting: a coding one
// coder made and the other did not, the same stretch given different codes,
// the same code with boundaries that overlap too little, or the same code
// with different dimension values. Each disagreement names the codings
// involved, so a supervisor can settle it by accepting one version and
// rejecting the other (engine/coding/review.hpp); once every coding in it
// is reviewed, it counts as resolved.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/coding/codings.hpp"
#include "engine/store/store.hpp"

namespace casebook::intercoder {

enum class DisagreementKind {
  OnlyOne,        // one coder coded the stretch with a code, the other did not
  DifferentCode,  // both coded the stretch, with different codes
  Boundaries,     // same code, but the spans overlap less than the threshold
  Dimensions,     // same code and span, different dimension values
};
const char* to_string(DisagreementKind kind);

struct Disagreement {
  DisagreementKind kind = DisagreementKind::OnlyOne;
  std::string source_label;
  text::Span span;                                // the stretch covered by the codings involved
  std::vector<coding::CodingView> first, second;  // each coder's codings involved
  bool resolved = false;                          // every coding involved has been reviewed
};

struct DisagreementScope {
  std::string first, second;  // the two coders
  std::vector<std::string> codes, sources;
  double threshold = 0.9;  // |A and B| / |A or B| for the same code to count as one span
  bool include_resolved = false;
};

// In source order, then by position.
std::vector<Disagreement> find_disagreements(store::Store& store, const DisagreementScope& scope);

}  // namespace casebook::intercoder

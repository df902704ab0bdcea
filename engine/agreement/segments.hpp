#pragma once
// Segment agreement between two coders, code by code, in the three ways
// MAXQDA's intercoder agreement function offers (see docs/agreement.md,
// "Coding of continuous text"):
//
//   (a) code_presence():  does each coder use the code in the document?
//   (b) code_frequency(): does each coder use it the same number of times?
//   (c) segment_agreement(): is each coded segment matched by a segment of
//       the other coder with the same code that overlaps it enough?
//
// These are descriptive tools for finding and discussing disagreements;
// the unitizing alphas (unitized.hpp) are the chance-corrected coefficients
// for reporting.

#include <cstdint>
#include <vector>

#include "engine/agreement/unitized.hpp"

namespace casebook::agreement {

// One document as two coders coded it; segment values are code ids. A
// coder may code overlapping spans, also with the same code; every segment
// counts as it is (nothing is merged).
struct CodedDocument {
  std::int64_t source = 0;  // the caller's id for the document, echoed back
  std::vector<CodedSegment> coder_a;
  std::vector<CodedSegment> coder_b;
};

// A kappa with its parts; undefined (NaN) when chance agreement is 1 or
// there is nothing to count.
struct Kappa {
  bool defined = false;
  double value = 0.0;
  double observed = 0.0;  // proportion of agreement
  double chance = 0.0;    // proportion expected by chance
};

// (a) Per code, the documents in which both coders, only A, only B or
// neither used it. percent = (both + neither) / documents; kappa is
// Cohen's over that 2 x 2 table. The total row pools all (code, document)
// cells.
struct PresenceRow {
  int code = 0;
  int both = 0, only_a = 0, only_b = 0, neither = 0;
  double percent = 0.0;  // in [0, 1]
  Kappa kappa;
};
struct PresenceTable {
  std::vector<PresenceRow> rows;  // by increasing code
  PresenceRow total;              // code is kGap
};

// (b) Per code, over the documents in which at least one coder used it:
// documents with equal numbers of segments agree, others disagree.
struct FrequencyRow {
  int code = 0;
  int agree = 0, disagree = 0;
  double percent = 0.0;  // agree / (agree + disagree), 0 when both are 0
};
struct FrequencyTable {
  std::vector<FrequencyRow> rows;
  FrequencyRow total;
};

// How the overlap of two segments is measured for (c).
enum class OverlapBase {
  Union,  // |A ∩ B| / |A ∪ B|: symmetric, the default
  Own,    // |A ∩ B| / |A|: the share of the segment being judged that B covers
};

struct SegmentOptions {
  double threshold = 0.9;  // a share in (0, 1]: 0.9 means 90%
  OverlapBase base = OverlapBase::Union;
};

// A segment that found no partner, for printing in context.
struct SegmentDisagreement {
  std::int64_t source = 0;
  int coder = 0;  // 0 for coder A, 1 for coder B
  CodedSegment segment;
  double best_overlap = 0.0;  // the best overlap with a same-code segment, 0 if none
};

// (c) Per code: each coder's segments count once each from their own side,
// so a matched pair adds two agreements and a segment left alone one
// disagreement. kappa follows Brennan & Prediger (1981) as MAXQDA does:
// chance = 1 / (number of codes in the table), observed = agreements /
// segments.
struct SegmentRow {
  int code = 0;
  int agreements = 0, disagreements = 0;
  double percent = 0.0;  // agreements / (agreements + disagreements)
};
struct SegmentTable {
  std::vector<SegmentRow> rows;  // codes with at least one segment
  SegmentRow total;
  Kappa kappa;
  std::vector<SegmentDisagreement> disagreements;  // by source, coder, start
};

// `codes` restricts and orders nothing but which codes are reported: empty
// means every code either coder used. Throws Error(Data) naming the source,
// coder and segment for a segment with start >= end or start < 0, and
// Error(Usage) for a threshold outside (0, 1].
PresenceTable code_presence(const std::vector<CodedDocument>& documents,
                            const std::vector<int>& codes = {});
FrequencyTable code_frequency(const std::vector<CodedDocument>& documents,
                              const std::vector<int>& codes = {});
SegmentTable segment_agreement(const std::vector<CodedDocument>& documents,
                               const SegmentOptions& options = {},
                               const std::vector<int>& codes = {});

// The overlap of two segments by `base` (0 when they do not overlap).
double segment_overlap(const CodedSegment& judged, const CodedSegment& other, OverlapBase base);

}  // namespace casebook::agreement

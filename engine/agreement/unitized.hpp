#pragma once
// Agreement on the coding of continuous text: Krippendorff's alpha for
// unitized continua. Coders do not code given units; each marks spans of a
// text (a continuum of code points) and gives each span a value, and the
// coefficients compare where the spans lie as well as what they say.
//
//   * unitized_alphas(): the family of Krippendorff, Mathet, Bouvry &
//     Widlöcher (2016), "On the reliability of unitizing textual continua:
//     Further developments", Quality & Quantity 50:2347-2364 (also
//     Krippendorff 2019, Content Analysis 4th ed., section 12.6):
//     uα (boundaries and values), |uα (relevant vs irrelevant matter: all
//     values collapsed into "coded"), cuα (values within the sections all
//     pairs of coders found relevant) and (k)uα, written Cuα by ATLAS.ti (one
//     value against the others, within those sections).
//   * krippendorff_2004(): the earlier unitizing alpha (Krippendorff 1995,
//     "On the reliability of unitizing contiguous data", Sociological
//     Methodology 25:47-76; revised in Content Analysis, 2nd ed., 2004),
//     one value at a time, with squared boundary differences.
//   * character_alpha(): every code point taken as a unit of its own and
//     nominal alpha computed over them, the "character level" agreement some
//     packages report. Simple, but see docs/agreement.md on why uncoded text
//     flatters it.
//
// Everything is computed on section boundaries, never per code point: the
// coding of every coder is constant between two consecutive boundaries of
// any coder, so each such stretch is handled once with its length. Time is
// O(S log S + S m^2) for S segments and m coders, independent of the length
// of the text.

#include <cstdint>
#include <vector>

namespace casebook::agreement {

// A position on a continuum, in code points from 0 (as the store counts).
using Position = std::int64_t;

// One coded span [start, end) carrying a value: a code id, or for several
// mutually exclusive codes, which of them. Values must not be negative: -1
// is the gap (uncoded text) in results.
struct CodedSegment {
  Position start = 0;
  Position end = 0;
  int value = 0;
};

// One source: its length and each coder's segments on it. Every source of a
// computation must list the same coders in the same order (an empty vector
// for a coder who coded nothing there).
struct Continuum {
  Position length = 0;
  std::vector<std::vector<CodedSegment>> coders;
};

// The value that stands for uncoded text in per-value results.
inline constexpr int kGap = -1;

// One coefficient with what it is made of. Disagreements are given both as
// lengths (code points of pairable matter, summed over ordered pairs of
// coders and divided by m - 1, as Krippendorff's coincidences are) and as
// proportions of the pairable length. alpha = 1 - observed / expected; it is
// undefined (defined == false, alpha NaN) when expected == 0, i.e. when the
// data show no variation from which chance could be judged.
struct AlphaResult {
  bool defined = false;
  double alpha = 0.0;
  double observed = 0.0;         // observed disagreement, a proportion
  double expected = 0.0;         // expected disagreement, same scale
  double observed_length = 0.0;  // the disagreeing length behind `observed`
  double expected_length = 0.0;  // the chance-expected disagreeing length
  double pairable_length = 0.0;  // the length both are proportions of
};

// (k)uα for one value, and how much of that value's coded length lies in
// sections that other coders also coded (the matter the coefficient sees).
struct ValueAlpha {
  int value = 0;
  AlphaResult alpha;
  double coverage = 0.0;  // in [0, 1]
};

struct UnitizedAlphas {
  AlphaResult u;                     // uα
  AlphaResult binary;                // |uα
  AlphaResult coding;                // cuα
  double coding_coverage = 0.0;      // share of the pairable length cuα sees
  std::vector<ValueAlpha> by_value;  // (k)uα, by increasing value
  int coders = 0;
  Position total_length = 0;  // sum of the sources' lengths
};

// The 2016 family over one or more sources. Several sources are summed,
// which is the same as placing them end to end (a gap counts per code point,
// so joining two gaps at a source boundary changes nothing). A coder's own
// segments must not overlap (values are mutually exclusive); use
// binary_for_code() first to study one code that coders may apply on
// overlapping spans. Throws Error(Data) naming the source, coder and segment
// for a segment outside its source, empty, negatively valued or overlapping
// another of the same coder, and Error(Usage) for fewer than two coders or
// sources that list different numbers of coders.
UnitizedAlphas unitized_alphas(const std::vector<Continuum>& sources);

// Krippendorff's 1995/2004 unitizing alpha for each value (the other values
// count as gaps for it), and the combined coefficient 1 - sum(Do)/sum(De)
// over values. Each value is judged on its own, so a coder's segments of
// different values may overlap here; those of one value may not. Several
// sources are placed end to end, except that a gap never spans two sources
// (the continuum is broken there). Do and De are Krippendorff's proportions
// (squared code points over L^2); observed_length and expected_length hold
// the same proportions and pairable_length is 1, since this coefficient has
// no length-valued coincidences. Each value takes one pass over the
// segments: O(V S log S) for V values and S segments.
struct Unitizing2004 {
  std::vector<ValueAlpha> by_value;  // coverage is not used (0)
  AlphaResult combined;
};
Unitizing2004 krippendorff_2004(const std::vector<Continuum>& sources);

// Character-level agreement: each code point is a unit, each coder's value
// for it is the value of the segment covering it or the gap; nominal alpha
// over those units, and the share of code points on which all coders agree.
// Segments must not overlap within a coder (as for unitized_alphas).
struct CharacterAgreement {
  AlphaResult alpha;
  double percent_agreement = 0.0;  // in [0, 1]
};
CharacterAgreement character_alpha(const std::vector<Continuum>& sources);

// Reduces the sources to one code, for the binary (coded / not coded)
// coefficients of that code: keeps each coder's segments whose value is
// `code` and merges those that share at least one code point (coders may
// apply a code twice on overlapping spans; for the code's presence that is
// one stretch). Segments that merely touch stay separate units, since a
// coder who codes two adjacent sentences separately marked two units.
std::vector<Continuum> binary_for_code(const std::vector<Continuum>& sources, int code);

}  // namespace casebook::agreement

// Krippendorff's unitizing alphas, computed on section boundaries. The
// formulas are restated in docs/agreement.md ("Coding of continuous
// text"); the equation numbers below are those of Krippendorff, Mathet,
// Bouvry & Widlöcher (2016) as an implementation of the paper cites them
// (lindanna/unitized_alpha); the formulas agree with two other independent
// implementations (quallmer's reliability_alpha_u, after Krippendorff 2019,
// section 12.6, and zeljkobekcic/KrippendorffUnitizedAlpha for uα).
#include "engine/agreement/unitized.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/error.hpp"

namespace casebook::agreement {
namespace {

// Long double throughout: squared lengths of a 10^8 code point text reach
// 10^16 and cubes 10^24, where a double's 53 bits already round.
using Real = long double;

// A stretch of one coder's partition of a source: a unit (value >= 0) or a
// gap (kGap).
struct Section {
  Position start = 0;
  Position end = 0;
  int value = kGap;
  Position length() const { return end - start; }
};

// The rounding residue of a difference of sums of the order of `scale`.
Real residue(Real scale) {
  return 1e-12L * std::max<Real>(scale, 1);
}

std::string where(std::size_t source, std::size_t coder) {
  return "source " + std::to_string(source + 1) + ", coder " + std::to_string(coder + 1);
}

std::string span_text(const CodedSegment& s) {
  return "[" + std::to_string(s.start) + ", " + std::to_string(s.end) + ")";
}

std::size_t check_coders(const std::vector<Continuum>& sources) {
  if (sources.empty()) {
    throw_usage("no sources to compare", "pass at least one source with its coders' segments");
  }
  const std::size_t m = sources.front().coders.size();
  if (m < 2) {
    throw_usage("agreement needs at least two coders, got " + std::to_string(m),
                "list every coder's segments for each source, even when empty");
  }
  for (std::size_t s = 0; s < sources.size(); ++s) {
    if (sources[s].coders.size() != m) {
      throw_usage("source " + std::to_string(s + 1) + " lists " +
                      std::to_string(sources[s].coders.size()) + " coders, source 1 lists " +
                      std::to_string(m),
                  "give every source the same coders in the same order");
    }
  }
  return m;
}

// Bounds, emptiness and sign, which every computation needs.
void check_segment(const Continuum& c, std::size_t source, std::size_t coder,
                   const CodedSegment& seg) {
  if (c.length < 0) {
    throw_data("source " + std::to_string(source + 1) + " has a negative length",
               "give each source's length in code points");
  }
  if (seg.start >= seg.end) {
    throw_data(where(source, coder) + ": segment " + span_text(seg) + " is empty or reversed",
               "a segment needs start < end, in code points");
  }
  if (seg.start < 0 || seg.end > c.length) {
    throw_data(where(source, coder) + ": segment " + span_text(seg) +
                   " lies outside the source, which has " + std::to_string(c.length) +
                   " code points",
               "positions are code points on the source's canonical text");
  }
  if (seg.value < 0) {
    throw_data(where(source, coder) + ": segment " + span_text(seg) + " has the negative value " +
                   std::to_string(seg.value),
               "values are code ids (0 or more); uncoded text is simply left without a segment");
  }
}

std::vector<CodedSegment> sorted_by_start(std::vector<CodedSegment> segs) {
  std::sort(segs.begin(), segs.end(), [](const CodedSegment& a, const CodedSegment& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return segs;
}

// One coder's segments on one source as a partition of [0, length): the
// units in order with the gaps between them. Rejects overlapping units,
// because one code point cannot carry two mutually exclusive values.
std::vector<Section> partition(const Continuum& c, std::size_t source, std::size_t coder) {
  std::vector<Section> out;
  Position cursor = 0;
  for (const CodedSegment& seg : sorted_by_start(c.coders[coder])) {
    check_segment(c, source, coder, seg);
    if (seg.start < cursor) {
      throw_data(where(source, coder) + ": segment " + span_text(seg) +
                     " overlaps an earlier segment of the same coder ending at " +
                     std::to_string(cursor),
                 "values must be mutually exclusive; to study one code whose segments overlap, "
                 "reduce the data with binary_for_code() first");
    }
    if (seg.start > cursor) out.push_back({cursor, seg.start, kGap});
    out.push_back({seg.start, seg.end, seg.value});
    cursor = seg.end;
  }
  if (cursor < c.length) out.push_back({cursor, c.length, kGap});
  return out;
}

std::vector<std::vector<Section>> partitions(const Continuum& c, std::size_t source) {
  std::vector<std::vector<Section>> out;
  for (std::size_t i = 0; i < c.coders.size(); ++i) out.push_back(partition(c, source, i));
  return out;
}

// Calls visit(length, current section index per coder) for each stretch
// between consecutive boundaries of any coder, then ended(coder) for each
// coder whose section ends there. Each coder's partition covers the same
// [0, length), so all run out together.
template <class Visit, class Ended>
void sweep(const std::vector<std::vector<Section>>& parts, Position length, Visit&& visit,
           Ended&& ended) {
  const std::size_t m = parts.size();
  std::vector<std::size_t> at(m, 0);
  Position pos = 0;
  while (pos < length) {
    Position next = length;
    for (std::size_t i = 0; i < m; ++i) next = std::min(next, parts[i][at[i]].end);
    visit(next - pos, at);
    for (std::size_t i = 0; i < m; ++i) {
      if (parts[i][at[i]].end == next) {
        ended(i, at[i]);
        ++at[i];
      }
    }
    pos = next;
  }
}

// `rounding` is the size below which an expected disagreement counts as
// zero: the 2016 coefficients get theirs as a difference of two sums of the
// order of the pairable length, so rounding leaves a residue relative to
// it; the 2004 coefficient sums positive terms and passes 0.
AlphaResult make_alpha(Real observed_length, Real expected_length, Real pairable_length,
                       Real rounding) {
  AlphaResult r;
  r.observed_length = static_cast<double>(observed_length);
  r.expected_length = static_cast<double>(expected_length);
  r.pairable_length = static_cast<double>(pairable_length);
  if (pairable_length > 0) {
    r.observed = static_cast<double>(observed_length / pairable_length);
    r.expected = static_cast<double>(expected_length / pairable_length);
  }
  // Expected disagreement that is zero, or zero up to rounding, leaves
  // nothing to compare the observed one against.
  r.defined = expected_length > rounding;
  r.alpha = r.defined ? static_cast<double>(1 - observed_length / expected_length)
                      : std::numeric_limits<double>::quiet_NaN();
  return r;
}

// The values used anywhere, ascending; index 0 of every matrix is the gap.
std::vector<int> values_used(const std::vector<Continuum>& sources) {
  std::vector<int> values;
  for (const Continuum& c : sources) {
    for (const auto& coder : c.coders) {
      for (const CodedSegment& seg : coder) values.push_back(seg.value);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

// Everything the 2016 family and the character-level alpha are built from,
// summed over sources.
struct Coincidences {
  std::vector<int> values;                  // values[k - 1] is the value of index k >= 1
  std::size_t size = 1;                     // matrix side: the gap plus the values
  std::vector<Real> observed;               // l_ck, eq. 1: lengths of intersections / (m - 1)
  std::vector<Real> unit_correction;        // per index: sum of l^2 over units, sum of l over gaps
  std::vector<Real> code_point_correction;  // per index: sum of l (every code point a unit)
  std::vector<Real> coding_correction;      // per value index: the correction of eq. 10
  Real agreeing_length = 0;                 // code points where all coders give the same value
  Position total_length = 0;
  int coders = 0;

  std::size_t index(int value) const {
    if (value == kGap) return 0;
    return 1 + static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), value) -
                                        values.begin());
  }
  Real& obs(std::size_t c, std::size_t k) { return observed[c * size + k]; }
  Real obs(std::size_t c, std::size_t k) const { return observed[c * size + k]; }
};

// One source's share of the coincidences.
void add_source(const Continuum& c, std::size_t source, Coincidences& co) {
  const auto parts = partitions(c, source);
  const std::size_t m = parts.size();
  const Real pairs = static_cast<Real>(m - 1);
  for (const auto& coder : parts) {
    for (const Section& s : coder) {
      const Real l = static_cast<Real>(s.length());
      const std::size_t k = co.index(s.value);
      co.unit_correction[k] += s.value == kGap ? l : l * l;
      co.code_point_correction[k] += l;
    }
  }
  // pairable[i][j]: how much of coder i's current unit coder j also coded
  // (with any value), for the correction of cuα (eq. 10).
  std::vector<std::vector<Real>> pairable(m, std::vector<Real>(m, 0));
  std::vector<std::size_t> idx(m);
  auto visit = [&](Position len, const std::vector<std::size_t>& at) {
    const Real l = static_cast<Real>(len);
    bool all_same = true;
    for (std::size_t i = 0; i < m; ++i) {
      idx[i] = co.index(parts[i][at[i]].value);
      all_same = all_same && idx[i] == idx[0];
    }
    if (all_same) co.agreeing_length += l;
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < m; ++j) {
        if (i == j) continue;
        co.obs(idx[i], idx[j]) += l / pairs;
        if (idx[i] != 0 && idx[j] != 0) pairable[i][j] += l;
      }
    }
  };
  auto ended = [&](std::size_t i, std::size_t section) {
    const int value = parts[i][section].value;
    if (value != kGap) {
      Real squares = 0;
      for (Real p : pairable[i]) squares += p * p;
      co.coding_correction[co.index(value)] += squares / pairs;
    }
    std::fill(pairable[i].begin(), pairable[i].end(), 0);
  };
  sweep(parts, c.length, visit, ended);
  co.total_length += c.length;
}

Coincidences coincidences(const std::vector<Continuum>& sources) {
  Coincidences co;
  co.coders = static_cast<int>(check_coders(sources));
  co.values = values_used(sources);
  co.size = co.values.size() + 1;
  co.observed.assign(co.size * co.size, 0);
  co.unit_correction.assign(co.size, 0);
  co.code_point_correction.assign(co.size, 0);
  co.coding_correction.assign(co.size, 0);
  for (std::size_t s = 0; s < sources.size(); ++s) add_source(sources[s], s, co);
  return co;
}

std::vector<Real> row_sums(const Coincidences& co) {
  std::vector<Real> sums(co.size, 0);
  for (std::size_t c = 0; c < co.size; ++c) {
    for (std::size_t k = 0; k < co.size; ++k) sums[c] += co.obs(c, k);
  }
  return sums;
}

// Expected coincidences (eq. 4): e_ck = l.. (l_c. l_k. - [c = k] corr_c) /
// (l..^2 - sum corr). The correction removes the pairs a coder's unit would
// form with itself; a unit cannot be split, so it contributes l^2, a gap is
// divisible matter and contributes l per code point.
std::vector<Real> expected(const Coincidences& co, const std::vector<Real>& margin,
                           const std::vector<Real>& correction) {
  Real total = 0, corr_total = 0;
  for (std::size_t c = 0; c < co.size; ++c) {
    total += margin[c];
    corr_total += correction[c];
  }
  std::vector<Real> e(co.size * co.size, 0);
  const Real denominator = total * total - corr_total;
  if (denominator <= 0) return e;
  for (std::size_t c = 0; c < co.size; ++c) {
    for (std::size_t k = 0; k < co.size; ++k) {
      const Real self = c == k ? correction[c] : 0;
      e[c * co.size + k] = total * (margin[c] * margin[k] - self) / denominator;
    }
  }
  return e;
}

// uα (eq. 5a, nominal): all disagreeing coincidences, gaps included.
AlphaResult u_alpha(const Coincidences& co, const std::vector<Real>& margin,
                    const std::vector<Real>& e) {
  Real total = 0, agree_obs = 0, agree_exp = 0;
  for (std::size_t c = 0; c < co.size; ++c) {
    total += margin[c];
    agree_obs += co.obs(c, c);
    agree_exp += e[c * co.size + c];
  }
  return make_alpha(total - agree_obs, total - agree_exp, total, residue(total));
}

// |uα (eq. 6): the same matrices collapsed to gap vs any value; only the
// gap/value cells disagree (counted in both directions).
AlphaResult binary_alpha(const Coincidences& co, const std::vector<Real>& margin,
                         const std::vector<Real>& e) {
  Real total = 0, obs_gap_value = 0, exp_gap_value = 0;
  for (std::size_t c = 0; c < co.size; ++c) total += margin[c];
  for (std::size_t k = 1; k < co.size; ++k) {
    obs_gap_value += co.obs(0, k);
    exp_gap_value += e[k];
  }
  return make_alpha(2 * obs_gap_value, 2 * exp_gap_value, total, residue(total));
}

// (k)uα (eq. 13b) for the value of index k, from the value-only margins
// l*, their expected counterparts e* and the value's full margin l_k..
ValueAlpha value_alpha(const Coincidences& co, std::size_t k, const std::vector<Real>& margin,
                       Real full_margin, const std::vector<Real>& e, Real e_margin) {
  ValueAlpha v;
  v.value = co.values[k - 1];
  v.coverage = full_margin > 0 ? static_cast<double>(margin[k] / full_margin) : 0.0;
  if (margin[k] <= 0 || e_margin <= 0) {
    v.alpha = make_alpha(0, 0, margin[k], 0);
    return v;
  }
  // 1 - (e*_k./l*_k.)(l*_k. - l_kk)/(e*_k. - e*_kk), written as shares of
  // l*_k. and e*_k. so that observed and expected are on one scale.
  const Real obs_share = (margin[k] - co.obs(k, k)) / margin[k];
  const Real exp_share = (e_margin - e[k * co.size + k]) / e_margin;
  v.alpha = make_alpha(obs_share * margin[k], exp_share * margin[k], margin[k], residue(margin[k]));
  return v;
}

// cuα (eqs. 10-11) and (k)uα (eq. 13b): only coincidences of values with
// values, i.e. sections every pair of coders found relevant.
void coding_alphas(const Coincidences& co, UnitizedAlphas& out) {
  const std::size_t n = co.size;
  std::vector<Real> margin(n, 0);  // l*_c: margins without the gap column
  Real total = 0, agree_obs = 0, corr_total = 0;
  for (std::size_t c = 1; c < n; ++c) {
    for (std::size_t k = 1; k < n; ++k) margin[c] += co.obs(c, k);
    total += margin[c];
    agree_obs += co.obs(c, c);
    corr_total += co.coding_correction[c];
  }
  // The correction terms were divided by m - 1 when summed, as the
  // coincidences are, so eq. 10's denominator is l*.. - corr / l*...
  const Real denominator = total > 0 ? total - corr_total / total : 0;
  std::vector<Real> e(n * n, 0), e_margin(n, 0);
  Real agree_exp = 0;
  if (denominator > 0) {
    for (std::size_t c = 1; c < n; ++c) {
      for (std::size_t k = 1; k < n; ++k) {
        const Real self = c == k ? co.coding_correction[c] : 0;
        e[c * n + k] = (margin[c] * margin[k] - self) / denominator;
        e_margin[c] += e[c * n + k];
      }
      agree_exp += e[c * n + c];
    }
  }
  out.coding = make_alpha(total - agree_obs, total - agree_exp, total, residue(total));
  Real all = 0;
  for (std::size_t c = 0; c < n; ++c) {
    for (std::size_t k = 0; k < n; ++k) all += co.obs(c, k);
  }
  out.coding_coverage = all > 0 ? static_cast<double>(total / all) : 0.0;

  const std::vector<Real> full_margin = row_sums(co);
  for (std::size_t k = 1; k < n; ++k) {
    out.by_value.push_back(value_alpha(co, k, margin, full_margin[k], e, e_margin[k]));
  }
}

}  // namespace

UnitizedAlphas unitized_alphas(const std::vector<Continuum>& sources) {
  const Coincidences co = coincidences(sources);
  const std::vector<Real> margin = row_sums(co);
  const std::vector<Real> e = expected(co, margin, co.unit_correction);
  UnitizedAlphas out;
  out.coders = co.coders;
  out.total_length = co.total_length;
  out.u = u_alpha(co, margin, e);
  out.binary = binary_alpha(co, margin, e);
  coding_alphas(co, out);
  return out;
}

CharacterAgreement character_alpha(const std::vector<Continuum>& sources) {
  const Coincidences co = coincidences(sources);
  const std::vector<Real> margin = row_sums(co);
  // With every code point its own unit the correction is l for everything,
  // and eq. 4 becomes the expected coincidences of nominal alpha,
  // (n_c n_k - [c = k] n_c) / (n - 1).
  const std::vector<Real> e = expected(co, margin, co.code_point_correction);
  CharacterAgreement out;
  out.alpha = u_alpha(co, margin, e);
  out.percent_agreement =
      co.total_length > 0
          ? static_cast<double>(co.agreeing_length / static_cast<Real>(co.total_length))
          : 0.0;
  return out;
}

namespace {

// One coder's sections for one value of the 2004 coefficient: that value's
// units, everything else gap. Each value is judged on its own, so units of
// different values may overlap; units of the same value may not.
std::vector<Section> value_sections(const Continuum& c, std::size_t source, std::size_t coder,
                                    int value) {
  std::vector<Section> out;
  Position cursor = 0;
  for (const CodedSegment& seg : sorted_by_start(c.coders[coder])) {
    check_segment(c, source, coder, seg);
    if (seg.value != value) continue;
    if (seg.start < cursor) {
      throw_data(where(source, coder) + ": segment " + span_text(seg) +
                     " overlaps an earlier segment of the same coder and value ending at " +
                     std::to_string(cursor),
                 "merge a coder's overlapping segments of one value first (binary_for_code)");
    }
    if (seg.start > cursor) out.push_back({cursor, seg.start, kGap});
    out.push_back({seg.start, seg.end, seg.value});
    cursor = seg.end;
  }
  if (cursor < c.length) out.push_back({cursor, c.length, kGap});
  return out;
}

// The 2004 distance between two overlapping sections of two coders:
// squared differences of both boundaries for two units, the unit's squared
// length for a unit lying wholly inside the other coder's gap, else 0 (a
// unit that leaves a gap overlaps a unit, which accounts for it).
Real distance_2004(const Section& a, const Section& b) {
  const bool unit_a = a.value != kGap, unit_b = b.value != kGap;
  if (unit_a && unit_b) {
    const Real ds = static_cast<Real>(a.start - b.start), de = static_cast<Real>(a.end - b.end);
    return ds * ds + de * de;
  }
  if (unit_a && !unit_b && b.start <= a.start && a.end <= b.end) {
    return static_cast<Real>(a.length()) * static_cast<Real>(a.length());
  }
  if (!unit_a && unit_b && a.start <= b.start && b.end <= a.end) {
    return static_cast<Real>(b.length()) * static_cast<Real>(b.length());
  }
  return 0;
}

// Sum of distances over all overlapping section pairs of two coders.
Real pair_distance_2004(const std::vector<Section>& x, const std::vector<Section>& y) {
  Real sum = 0;
  std::size_t a = 0, b = 0;
  while (a < x.size() && b < y.size()) {
    sum += distance_2004(x[a], y[b]);
    const Position ea = x[a].end, eb = y[b].end;
    if (ea <= eb) ++a;
    if (eb <= ea) ++b;
  }
  return sum;
}

struct Totals2004 {
  Real distances = 0;                  // sum over coder pairs i < j
  std::vector<Position> unit_lengths;  // all coders, all sources
  std::vector<Position> gap_lengths;
};

// Krippendorff's (1995, 2004) expected disagreement for one value:
// (2/L) sum_units [ (N-1)(2l^3 - 3l^2 + l)/3 + l^2 sum_{gaps h, l_h >= l}
// (l_h - l + 1) ] / ( mL(mL-1) - sum_units l(l-1) ). The gap sum is read off
// sorted gap lengths with suffix sums, so this is n log n.
Real expected_2004(const Totals2004& t, Real length, Real coders) {
  std::vector<Position> gaps = t.gap_lengths;
  std::sort(gaps.begin(), gaps.end());
  std::vector<Real> suffix(gaps.size() + 1, 0);  // sum of (l_h + 1) from index i on
  for (std::size_t i = gaps.size(); i-- > 0;) {
    suffix[i] = suffix[i + 1] + static_cast<Real>(gaps[i]) + 1;
  }
  const Real n_units = static_cast<Real>(t.unit_lengths.size());
  Real numerator = 0, self_pairs = 0;
  for (Position unit : t.unit_lengths) {
    const Real l = static_cast<Real>(unit);
    const std::size_t first =
        static_cast<std::size_t>(std::lower_bound(gaps.begin(), gaps.end(), unit) - gaps.begin());
    const Real count = static_cast<Real>(gaps.size() - first);
    numerator +=
        (n_units - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * (suffix[first] - count * l);
    self_pairs += l * (l - 1);
  }
  const Real denominator = coders * length * (coders * length - 1) - self_pairs;
  if (denominator <= 0) return 0;
  return (2 / length) * numerator / denominator;
}

// The distances, unit lengths and gap lengths of one value over all sources.
Totals2004 totals_2004(const std::vector<Continuum>& sources, int value) {
  Totals2004 t;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    const std::size_t m = sources[s].coders.size();
    std::vector<std::vector<Section>> by_coder;
    for (std::size_t i = 0; i < m; ++i) {
      by_coder.push_back(value_sections(sources[s], s, i, value));
      for (const Section& sec : by_coder.back()) {
        (sec.value == kGap ? t.gap_lengths : t.unit_lengths).push_back(sec.length());
      }
    }
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = i + 1; j < m; ++j) {
        t.distances += pair_distance_2004(by_coder[i], by_coder[j]);
      }
    }
  }
  return t;
}

}  // namespace

Unitizing2004 krippendorff_2004(const std::vector<Continuum>& sources) {
  const std::size_t m = check_coders(sources);
  const std::vector<int> values = values_used(sources);
  Position total = 0;
  for (const Continuum& c : sources) total += c.length;
  const Real length = static_cast<Real>(total), coders = static_cast<Real>(m);
  Unitizing2004 out;
  Real sum_observed = 0, sum_expected = 0;
  for (int value : values) {
    const Totals2004 t = totals_2004(sources, value);
    // Do = 2 sum_{i<j} sum delta^2 / (m(m-1)L^2); both disagreements are
    // already proportions, so they are passed with a pairable length of 1.
    const Real observed =
        length > 0 ? 2 * t.distances / (coders * (coders - 1) * length * length) : 0;
    const Real expected = length > 0 ? expected_2004(t, length, coders) : 0;
    ValueAlpha v;
    v.value = value;
    v.alpha = make_alpha(observed, expected, 1, 0);
    out.by_value.push_back(v);
    sum_observed += observed;
    sum_expected += expected;
  }
  out.combined = make_alpha(sum_observed, sum_expected, 1, 0);
  return out;
}

std::vector<Continuum> binary_for_code(const std::vector<Continuum>& sources, int code) {
  check_coders(sources);
  std::vector<Continuum> out;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    const Continuum& c = sources[s];
    Continuum reduced;
    reduced.length = c.length;
    for (std::size_t i = 0; i < c.coders.size(); ++i) {
      std::vector<CodedSegment> kept;
      for (const CodedSegment& seg : c.coders[i]) {
        check_segment(c, s, i, seg);
        if (seg.value == code) kept.push_back(seg);
      }
      std::vector<CodedSegment> merged;
      for (const CodedSegment& seg : sorted_by_start(std::move(kept))) {
        if (!merged.empty() && seg.start < merged.back().end) {
          merged.back().end = std::max(merged.back().end, seg.end);
        } else {
          merged.push_back(seg);
        }
      }
      reduced.coders.push_back(std::move(merged));
    }
    out.push_back(std::move(reduced));
  }
  return out;
}

}  // namespace casebook::agreement

#include "engine/agreement/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "engine/core/error.hpp"

namespace casebook::agreement {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Ratio alpha's expected disagreement sums over every pair of distinct
// values (the ratio metric does not factor like the interval one), so it is
// quadratic in them; beyond this many it is refused rather than left to run
// for minutes.
constexpr std::size_t kMaxRatioCategories = 20000;

// A chance term this close to 1 (or an expected disagreement this close to
// 0) means the data hold a single category: the coefficient is 0/0.
constexpr double kDegenerate = 1e-12;

// ---------------------------------------------------------------------------
// The data recoded once for all coefficients: each cell a category index
// (−1 = missing) and each category's position on its scale (its index at
// nominal and ordinal level, its number at interval and ratio level, where
// the categories are the distinct values, ascending).

struct Coded {
  Level level = Level::Nominal;
  std::size_t units = 0;
  std::size_t coders = 0;
  std::vector<std::int32_t> cells;
  std::vector<double> position;

  std::size_t categories() const { return position.size(); }
  const std::int32_t* row(std::size_t unit) const { return cells.data() + unit * coders; }
};

Coded code_categorical(const ReliabilityData& data) {
  Coded coded;
  coded.cells.reserve(data.values().size());
  for (double v : data.values()) {
    coded.cells.push_back(ReliabilityData::missing(v) ? -1 : static_cast<std::int32_t>(v));
  }
  coded.position.resize(data.labels().size());
  for (std::size_t c = 0; c < coded.position.size(); ++c)
    coded.position[c] = static_cast<double>(c);
  return coded;
}

Coded code_numeric(const ReliabilityData& data) {
  Coded coded;
  for (double v : data.values()) {
    if (!ReliabilityData::missing(v)) coded.position.push_back(v);
  }
  std::sort(coded.position.begin(), coded.position.end());
  coded.position.erase(std::unique(coded.position.begin(), coded.position.end()),
                       coded.position.end());
  coded.cells.reserve(data.values().size());
  for (double v : data.values()) {
    if (ReliabilityData::missing(v)) {
      coded.cells.push_back(-1);
      continue;
    }
    const auto it = std::lower_bound(coded.position.begin(), coded.position.end(), v);
    coded.cells.push_back(static_cast<std::int32_t>(it - coded.position.begin()));
  }
  return coded;
}

Coded code(const ReliabilityData& data) {
  const bool categorical = data.level() == Level::Nominal || data.level() == Level::Ordinal;
  if (!categorical &&
      data.values().size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw_usage("reliability data of " + std::to_string(data.values().size()) +
                    " cells is too large to analyse",
                "split the units into smaller tables");
  }
  Coded coded = categorical ? code_categorical(data) : code_numeric(data);
  coded.level = data.level();
  coded.units = data.unit_count();
  coded.coders = data.coder_count();
  return coded;
}

// The present category indices of one unit, in coder order, into `out`.
void present(const Coded& coded, std::size_t unit, std::vector<std::int32_t>& out) {
  out.clear();
  const std::int32_t* row = coded.row(unit);
  for (std::size_t c = 0; c < coded.coders; ++c) {
    if (row[c] >= 0) out.push_back(row[c]);
  }
}

// Ordered pairs of values from different coders within a unit that agree:
// 2 × the matching unordered pairs. O(m²) per unit, no per-unit histogram.
std::size_t agreeing_pairs(const std::vector<std::int32_t>& vals) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < vals.size(); ++i) {
    for (std::size_t j = i + 1; j < vals.size(); ++j) same += vals[i] == vals[j];
  }
  return 2 * same;
}

// Σ_{i≠j} f(v_i, v_j) over the ordered pairs of a unit's values, for a
// symmetric f.
template <class F>
double unit_pair_sum(const std::vector<std::int32_t>& vals, F f) {
  double sum = 0;
  for (std::size_t i = 0; i < vals.size(); ++i) {
    for (std::size_t j = i + 1; j < vals.size(); ++j) sum += f(vals[i], vals[j]);
  }
  return 2 * sum;
}

Coefficient make(std::string id, std::string label, Basis basis) {
  Coefficient c;
  c.id = std::move(id);
  c.label = std::move(label);
  c.basis = basis;
  return c;
}

void set_undefined(Coefficient& c, std::string reason) {
  c.value.reset();
  c.undefined_reason = std::move(reason);
}

// value = (po − pe) / (1 − pe), undefined when chance agreement is 1.
void finish_agreement(Coefficient& c, double po, double pe, const std::string& when_degenerate) {
  c.observed = po;
  c.expected = pe;
  if (1 - pe <= kDegenerate) {
    set_undefined(c, when_degenerate);
    return;
  }
  c.value = (po - pe) / (1 - pe);
}

void require_two_coders(const Coded& coded, const char* what) {
  if (coded.coders != 2) {
    throw_usage(std::string(what) + " compares exactly two coders, but the data have " +
                    std::to_string(coded.coders),
                "use Fleiss' kappa, Gwet's AC1 or Krippendorff's alpha for more coders");
  }
}

// ---------------------------------------------------------------------------
// Multi-coder percent agreement as Gwet (2014) defines it with missing data:
// the mean, over units with at least two values, of the share of ordered
// pairs of values from different coders that agree.

struct PairedAgreement {
  double pa = 0;
  std::size_t units = 0;
  std::size_t values = 0;
};

PairedAgreement paired_agreement(const Coded& coded) {
  PairedAgreement out;
  double sum = 0;
  std::vector<std::int32_t> vals;
  for (std::size_t u = 0; u < coded.units; ++u) {
    present(coded, u, vals);
    const std::size_t m = vals.size();
    if (m < 2) continue;
    sum += static_cast<double>(agreeing_pairs(vals)) / static_cast<double>(m * (m - 1));
    ++out.units;
    out.values += m;
  }
  if (out.units > 0) out.pa = sum / static_cast<double>(out.units);
  return out;
}

Coefficient percent_agreement_of(const Coded& coded) {
  Coefficient c = make("percent_agreement", "Percent agreement", Basis::Agreement);
  const PairedAgreement pa = paired_agreement(coded);
  c.units = pa.units;
  c.pairable_values = pa.values;
  c.observed = pa.pa;
  c.expected = 0;
  c.note = "mean over units with two or more values of the share of agreeing pairs of coders";
  if (pa.units == 0) {
    set_undefined(c, "no unit has values from two coders");
    return c;
  }
  c.value = pa.pa;
  return c;
}

// q for Brennan–Prediger and AC1: the option, else every category.
std::size_t categories_used(const Coded& coded) {
  std::vector<char> used(coded.categories(), 0);
  for (std::int32_t v : coded.cells) {
    if (v >= 0) used[static_cast<std::size_t>(v)] = 1;
  }
  return static_cast<std::size_t>(std::count(used.begin(), used.end(), 1));
}

std::size_t resolve_q(const Coded& coded, std::optional<std::size_t> categories) {
  if (!categories) return coded.categories();
  const std::size_t used = categories_used(coded);
  if (*categories < used) {
    throw_usage("the number of categories is " + std::to_string(*categories) +
                    ", but the data use " + std::to_string(used) + " different values",
                "give at least " + std::to_string(used) + " categories, or leave the option out");
  }
  return *categories;
}

std::string q_note(const Coded& coded, std::optional<std::size_t> categories) {
  if (categories) return "q = " + std::to_string(*categories) + " categories, as given";
  const bool categorical = coded.level == Level::Nominal || coded.level == Level::Ordinal;
  return "q = " + std::to_string(coded.categories()) +
         (categorical ? " categories in the label set" : " distinct values in the data");
}

Coefficient brennan_prediger_of(const Coded& coded, std::optional<std::size_t> categories) {
  Coefficient c = make("brennan_prediger", "Brennan-Prediger kappa_q", Basis::Agreement);
  const std::size_t q = resolve_q(coded, categories);
  const PairedAgreement pa = paired_agreement(coded);
  c.units = pa.units;
  c.pairable_values = pa.values;
  c.note = q_note(coded, categories);
  if (pa.units == 0) {
    c.observed = 0;
    set_undefined(c, "no unit has values from two coders");
    return c;
  }
  if (q < 2) {
    c.observed = pa.pa;
    c.expected = 1;
    set_undefined(c, "with fewer than two categories chance agreement is 1 (0/0)");
    return c;
  }
  finish_agreement(c, pa.pa, 1.0 / static_cast<double>(q), "chance agreement is 1");
  return c;
}

// pi_k: the share of unit u's values in category k, averaged over units
// with any value (Gwet 2014, with missing ratings).
std::vector<double> category_shares(const Coded& coded) {
  std::vector<double> pi(coded.categories(), 0.0);
  std::vector<std::int32_t> vals;
  std::size_t rated = 0;
  for (std::size_t u = 0; u < coded.units; ++u) {
    present(coded, u, vals);
    if (vals.empty()) continue;
    ++rated;
    const double share = 1.0 / static_cast<double>(vals.size());
    for (std::int32_t v : vals) pi[static_cast<std::size_t>(v)] += share;
  }
  if (rated > 0) {
    for (double& p : pi) p /= static_cast<double>(rated);
  }
  return pi;
}

double share_spread(const std::vector<double>& pi) {
  double spread = 0;
  for (double p : pi) spread += p * (1 - p);
  return spread;
}

Coefficient gwet_ac1_of(const Coded& coded, std::optional<std::size_t> categories) {
  Coefficient c = make("gwet_ac1", "Gwet's AC1", Basis::Agreement);
  const std::size_t q = resolve_q(coded, categories);
  const PairedAgreement pa = paired_agreement(coded);
  c.units = pa.units;
  c.pairable_values = pa.values;
  c.note =
      q_note(coded, categories) + "; category shares average every unit with at least one value";
  if (pa.units == 0) {
    set_undefined(c, "no unit has values from two coders");
    return c;
  }
  if (q < 2) {
    c.observed = pa.pa;
    set_undefined(c, "AC1 needs at least two categories (its chance term divides by q - 1)");
    return c;
  }
  finish_agreement(c, pa.pa, share_spread(category_shares(coded)) / static_cast<double>(q - 1),
                   "chance agreement is 1");
  return c;
}

// ---------------------------------------------------------------------------
// Two coders: the contingency table's margins, over units both coded.

struct TwoCoderTable {
  std::size_t units = 0;
  std::vector<double> first;   // margin of coder 1, as proportions
  std::vector<double> second;  // margin of coder 2
  double diagonal = 0;         // proportion of units where they agree
};

TwoCoderTable two_coder_table(const Coded& coded) {
  TwoCoderTable t;
  t.first.assign(coded.categories(), 0.0);
  t.second.assign(coded.categories(), 0.0);
  std::size_t same = 0;
  for (std::size_t u = 0; u < coded.units; ++u) {
    const std::int32_t* row = coded.row(u);
    if (row[0] < 0 || row[1] < 0) continue;
    ++t.units;
    t.first[static_cast<std::size_t>(row[0])] += 1;
    t.second[static_cast<std::size_t>(row[1])] += 1;
    same += row[0] == row[1];
  }
  if (t.units == 0) return t;
  const double n = static_cast<double>(t.units);
  for (double& p : t.first) p /= n;
  for (double& p : t.second) p /= n;
  t.diagonal = static_cast<double>(same) / n;
  return t;
}

std::string listwise_note(const Coded& coded, std::size_t used) {
  return "units both coders coded: " + std::to_string(used) + " of " + std::to_string(coded.units);
}

// Σ_c Σ_k a_c b_k |x_c − x_k| in O(q) with prefix sums (x ascending).
double expected_absolute(const std::vector<double>& a, const std::vector<double>& b,
                         const std::vector<double>& x) {
  double b_total = 0, bx_total = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    b_total += b[k];
    bx_total += b[k] * x[k];
  }
  double b_below = 0, bx_below = 0, sum = 0;  // over k ≤ c
  for (std::size_t c = 0; c < x.size(); ++c) {
    b_below += b[c];
    bx_below += b[c] * x[c];
    const double below = x[c] * b_below - bx_below;
    const double above = (bx_total - bx_below) - x[c] * (b_total - b_below);
    sum += a[c] * (below + above);
  }
  return sum;
}

// Σ_c Σ_k a_c b_k (x_c − x_k)², centred on the positions' midpoint to keep
// the cancellation small.
double expected_squared(const std::vector<double>& a, const std::vector<double>& b,
                        const std::vector<double>& x) {
  if (x.empty()) return 0;
  const double centre = (x.front() + x.back()) / 2;
  double a1 = 0, a2 = 0, b1 = 0, b2 = 0, atot = 0, btot = 0;
  for (std::size_t c = 0; c < x.size(); ++c) {
    const double d = x[c] - centre;
    atot += a[c];
    a1 += a[c] * d;
    a2 += a[c] * d * d;
    btot += b[c];
    b1 += b[c] * d;
    b2 += b[c] * d * d;
  }
  return a2 * btot + b2 * atot - 2 * a1 * b1;
}

// The two coders' table for a two-coder coefficient, with the units behind
// it recorded on `c`; nullopt (and `c` undefined) when no unit has both.
std::optional<TwoCoderTable> two_coder_units(const Coded& coded, Coefficient& c,
                                             const std::string& note_suffix = {}) {
  TwoCoderTable t = two_coder_table(coded);
  c.units = t.units;
  c.pairable_values = 2 * t.units;
  c.note = listwise_note(coded, t.units) + note_suffix;
  if (t.units == 0) {
    set_undefined(c, "no unit was coded by both coders");
    return std::nullopt;
  }
  return t;
}

Coefficient weighted_kappa_of(const Coded& coded, KappaWeights weights) {
  const bool linear = weights == KappaWeights::Linear;
  Coefficient c = make(linear ? "cohen_kappa_linear" : "cohen_kappa_quadratic",
                       linear ? "Cohen's weighted kappa (linear weights)"
                              : "Cohen's weighted kappa (quadratic weights)",
                       Basis::Agreement);
  const auto table = two_coder_units(
      coded, c,
      std::string("; weights from ") +
          (coded.level == Level::Ordinal ? "category ranks" : "the values' distances"));
  if (!table) return c;
  const TwoCoderTable& t = *table;
  const std::vector<double>& x = coded.position;
  const double range = x.empty() ? 0 : x.back() - x.front();
  const double max_disagreement = linear ? range : range * range;
  if (max_disagreement <= 0) {
    set_undefined(c, "there is only one category, so there is nothing to weight");
    return c;
  }
  auto distance = [&](std::int32_t i, std::int32_t j) {
    const double d = x[static_cast<std::size_t>(i)] - x[static_cast<std::size_t>(j)];
    return linear ? std::fabs(d) : d * d;
  };
  double observed = 0;
  for (std::size_t u = 0; u < coded.units; ++u) {
    const std::int32_t* row = coded.row(u);
    if (row[0] >= 0 && row[1] >= 0) observed += distance(row[0], row[1]);
  }
  observed /= static_cast<double>(t.units);
  const double expected =
      linear ? expected_absolute(t.first, t.second, x) : expected_squared(t.first, t.second, x);
  // Agreement weights 1 − d / d_max (Cohen 1968), so observed and expected
  // read like unweighted kappa's.
  finish_agreement(c, 1 - observed / max_disagreement, 1 - expected / max_disagreement,
                   "every value falls in one category");
  return c;
}

// Gwet's AC2: AC1 with agreement weights w(k, l) = 1 − d(k, l)/d_max
// (Gwet 2014, ch. 3; irrCAC's gwet.ac1.raw with weights). Observed: per
// pairable unit Σ_{i≠j} w(v_i, v_j) / (m_u(m_u − 1)), averaged. Chance:
// (T_w / (q(q − 1))) Σ_k π_k(1 − π_k), T_w the sum of all q² weights. Here q
// is the label set (or the distinct values), whose positions the weights
// need.
Coefficient gwet_ac2_of(const Coded& coded, KappaWeights weights) {
  const bool linear = weights == KappaWeights::Linear;
  Coefficient c = make(linear ? "gwet_ac2_linear" : "gwet_ac2_quadratic",
                       linear ? "Gwet's AC2 (linear weights)" : "Gwet's AC2 (quadratic weights)",
                       Basis::Agreement);
  const std::vector<double>& x = coded.position;
  const double range = x.empty() ? 0 : x.back() - x.front();
  const double max_disagreement = linear ? range : range * range;
  c.note = "q = " + std::to_string(x.size()) + "; weights from " +
           (coded.level == Level::Ordinal ? "category ranks" : "the values' distances");
  auto agreement = [&](std::int32_t i, std::int32_t j) {
    const double d = x[static_cast<std::size_t>(i)] - x[static_cast<std::size_t>(j)];
    return 1 - (linear ? std::fabs(d) : d * d) / max_disagreement;
  };
  double sum = 0;
  std::vector<std::int32_t> vals;
  for (std::size_t u = 0; u < coded.units; ++u) {
    present(coded, u, vals);
    const std::size_t m = vals.size();
    if (m < 2) continue;
    ++c.units;
    c.pairable_values += m;
    if (max_disagreement > 0)
      sum += unit_pair_sum(vals, agreement) / static_cast<double>(m * (m - 1));
  }
  if (c.units == 0) {
    set_undefined(c, "no unit has values from two coders");
    return c;
  }
  if (max_disagreement <= 0) {
    set_undefined(c, "there is only one category, so there is nothing to weight");
    return c;
  }
  const std::vector<double> ones(x.size(), 1.0);
  const double q = static_cast<double>(x.size());
  const double total_distance =
      linear ? expected_absolute(ones, ones, x) : expected_squared(ones, ones, x);
  const double total_weight = q * q - total_distance / max_disagreement;
  finish_agreement(c, sum / static_cast<double>(c.units),
                   total_weight / (q * (q - 1)) * share_spread(category_shares(coded)),
                   "chance agreement is 1");
  return c;
}

Coefficient cohen_kappa_of(const Coded& coded, KappaWeights weights) {
  require_two_coders(coded, "Cohen's kappa");
  if (weights != KappaWeights::None) return weighted_kappa_of(coded, weights);
  Coefficient c = make("cohen_kappa", "Cohen's kappa", Basis::Agreement);
  const auto table = two_coder_units(coded, c);
  if (!table) return c;
  const TwoCoderTable& t = *table;
  double pe = 0;
  for (std::size_t k = 0; k < t.first.size(); ++k) pe += t.first[k] * t.second[k];
  finish_agreement(c, t.diagonal, pe, "both coders used one and the same category throughout");
  return c;
}

Coefficient scott_pi_of(const Coded& coded) {
  require_two_coders(coded, "Scott's pi");
  Coefficient c = make("scott_pi", "Scott's pi", Basis::Agreement);
  const auto table = two_coder_units(coded, c);
  if (!table) return c;
  const TwoCoderTable& t = *table;
  double pe = 0;
  for (std::size_t k = 0; k < t.first.size(); ++k) {
    const double pooled = (t.first[k] + t.second[k]) / 2;
    pe += pooled * pooled;
  }
  finish_agreement(c, t.diagonal, pe, "every value falls in one category");
  return c;
}

// Fleiss (1971) assumes the same number of ratings per unit, so only units
// every coder coded are used, and the note says how many that was.
Coefficient fleiss_kappa_of(const Coded& coded) {
  Coefficient c = make("fleiss_kappa", "Fleiss' kappa", Basis::Agreement);
  const std::size_t m = coded.coders;
  std::vector<double> share(coded.categories(), 0.0);
  std::vector<std::int32_t> vals;
  double agreement_sum = 0;
  std::size_t complete = 0;
  for (std::size_t u = 0; u < coded.units; ++u) {
    present(coded, u, vals);
    if (vals.size() != m) continue;
    ++complete;
    agreement_sum += static_cast<double>(agreeing_pairs(vals)) / static_cast<double>(m * (m - 1));
    for (std::int32_t v : vals) share[static_cast<std::size_t>(v)] += 1;
  }
  c.units = complete;
  c.pairable_values = complete * m;
  c.note =
      "units every coder coded: " + std::to_string(complete) + " of " + std::to_string(coded.units);
  if (complete == 0) {
    set_undefined(c, "no unit was coded by every coder");
    return c;
  }
  double pe = 0;
  for (double s : share) {
    const double p = s / static_cast<double>(complete * m);
    pe += p * p;
  }
  finish_agreement(c, agreement_sum / static_cast<double>(complete), pe,
                   "every value falls in one category");
  return c;
}

// ---------------------------------------------------------------------------
// Krippendorff's alpha by the coincidence matrix (Krippendorff 2011), without
// building the matrix: with m_u values in a unit, each ordered pair of them
// adds 1/(m_u − 1) to a cell, so
//   D_o ∝ Σ_u Σ_{i≠j} δ(v_i, v_j) / (m_u − 1)        (O(m²) per unit)
//   D_e ∝ Σ_c Σ_k n_c n_k δ(c, k)                    (from the margins n_c)
//   alpha = 1 − (n − 1) · Σ_u(...) / Σ_c Σ_k(...)
// Nominal δ is 1 for different values; interval δ = (c − k)²; ratio
// δ = ((c − k)/(c + k))². Krippendorff's ordinal δ, (Σ_{g=c..k} n_g −
// (n_c + n_k)/2)², is the interval δ between the categories' mid-ranks
// a_c = n_1 + … + n_{c−1} + n_c/2, so ordinal and interval share the O(q)
// expected disagreement 2n Σ n_c (a_c − ā)². Interval alpha works on the
// numbers themselves (Σ x and Σ (x − x̄)²), so it never sorts them.
//
// Units are visited through `pairable` (units with two or more values) with
// an optional count per entry, which is how the bootstrap resamples. Each
// unit's share of D_o is computed once, except at ordinal level, where the
// mid-ranks move with the margins of every resample.

struct AlphaSetup {
  const ReliabilityData& data;
  const Coded* coded;  // null at interval level
  Level level;
  std::vector<std::uint32_t> pairable;
  std::vector<double> unit_observed;  // per pairable unit; empty at ordinal level
  // Nominal and ratio level without a bootstrap: the observed sum alone, so
  // a large table does not pay for a per-unit vector it never reweights.
  std::optional<double> observed_total;
};

struct AlphaParts {
  double n = 0;         // pairable values
  double observed = 0;  // D_o
  double expected = 0;  // D_e
  std::string undefined;
  double value = kNaN;
};

using Counts = const std::vector<std::uint32_t>*;  // null = every unit once

double weight(Counts counts, std::size_t i) {
  return counts ? (*counts)[i] : 1.0;
}

std::vector<std::uint32_t> pairable_units(const ReliabilityData& data) {
  std::vector<std::uint32_t> units;
  units.reserve(data.unit_count());
  const std::size_t m = data.coder_count();
  const double* v = data.values().data();
  for (std::size_t u = 0; u < data.unit_count(); ++u) {
    std::size_t present = 0;
    for (std::size_t c = 0; c < m && present < 2; ++c)
      present += !ReliabilityData::missing(v[u * m + c]);
    if (present >= 2) units.push_back(static_cast<std::uint32_t>(u));
  }
  return units;
}

// Σ_{i≠j} δ(v_i, v_j) / (m − 1) over the values of one unit.
template <class T, class Delta>
double unit_disagreement(const std::vector<T>& vals, Delta delta) {
  double sum = 0;
  for (std::size_t a = 0; a < vals.size(); ++a) {
    for (std::size_t b = a + 1; b < vals.size(); ++b) sum += delta(vals[a], vals[b]);
  }
  return 2 * sum / static_cast<double>(vals.size() - 1);
}

template <class Delta>
double categorical_observed(const Coded& coded, const std::vector<std::uint32_t>& pairable,
                            Counts counts, Delta delta, std::vector<double>* per_unit) {
  std::vector<std::int32_t> vals;
  double sum = 0;
  for (std::size_t i = 0; i < pairable.size(); ++i) {
    const double w = weight(counts, i);
    if (w == 0) continue;
    present(coded, pairable[i], vals);
    const double d = unit_disagreement(vals, delta);
    if (per_unit) per_unit->push_back(d);
    sum += w * d;
  }
  return sum;
}

std::vector<double> interval_unit_observed(const ReliabilityData& data,
                                           const std::vector<std::uint32_t>& pairable) {
  std::vector<double> out;
  out.reserve(pairable.size());
  std::vector<double> vals;
  const std::size_t m = data.coder_count();
  for (std::uint32_t u : pairable) {
    vals.clear();
    for (std::size_t c = 0; c < m; ++c) {
      const double v = data.at(u, c);
      if (!ReliabilityData::missing(v)) vals.push_back(v);
    }
    out.push_back(unit_disagreement(vals, [](double a, double b) { return (a - b) * (a - b); }));
  }
  return out;
}

std::vector<double> margins(const Coded& coded, const std::vector<std::uint32_t>& pairable,
                            Counts counts) {
  std::vector<double> n(coded.categories(), 0.0);
  for (std::size_t i = 0; i < pairable.size(); ++i) {
    const double w = weight(counts, i);
    if (w == 0) continue;
    const std::int32_t* row = coded.row(pairable[i]);
    for (std::size_t c = 0; c < coded.coders; ++c) {
      if (row[c] >= 0) n[static_cast<std::size_t>(row[c])] += w;
    }
  }
  return n;
}

double weighted_sum(const std::vector<double>& per_unit, Counts counts) {
  double sum = 0;
  for (std::size_t i = 0; i < per_unit.size(); ++i) sum += weight(counts, i) * per_unit[i];
  return sum;
}

// Σ_c Σ_k n_c n_k (x_c − x_k)² = 2n Σ_c n_c (x_c − x̄)².
double expected_sum_squared(const std::vector<double>& n, const std::vector<double>& x,
                            double total) {
  double mean = 0;
  for (std::size_t c = 0; c < n.size(); ++c) mean += n[c] * x[c];
  mean /= total;
  double ss = 0;
  for (std::size_t c = 0; c < n.size(); ++c) ss += n[c] * (x[c] - mean) * (x[c] - mean);
  return 2 * total * ss;
}

double ratio_delta(double x, double y) {
  const double sum = x + y;
  if (sum == 0) return 0;  // both zero: identical values
  const double r = (x - y) / sum;
  return r * r;
}

// Ordinal mid-ranks a_c from the margins.
std::vector<double> mid_ranks(const std::vector<double>& n) {
  std::vector<double> a(n.size());
  double below = 0;
  for (std::size_t c = 0; c < n.size(); ++c) {
    a[c] = below + n[c] / 2;
    below += n[c];
  }
  return a;
}

auto nominal_delta() {
  return [](std::int32_t a, std::int32_t b) { return a != b ? 1.0 : 0.0; };
}

auto ratio_category_delta(const std::vector<double>& x) {
  return [&x](std::int32_t a, std::int32_t b) {
    return ratio_delta(x[static_cast<std::size_t>(a)], x[static_cast<std::size_t>(b)]);
  };
}

// `resampled`: a bootstrap will reweight units, so keep each unit's term.
AlphaSetup alpha_setup(const ReliabilityData& data, const Coded* coded, Level level,
                       bool resampled) {
  AlphaSetup s{data, coded, level, pairable_units(data), {}, std::nullopt};
  auto observe = [&](auto delta) {
    if (!resampled) {
      s.observed_total = categorical_observed(*coded, s.pairable, nullptr, delta, nullptr);
      return;
    }
    s.unit_observed.reserve(s.pairable.size());
    categorical_observed(*coded, s.pairable, nullptr, delta, &s.unit_observed);
  };
  if (level == Level::Interval) {
    s.unit_observed = interval_unit_observed(data, s.pairable);
  } else if (level == Level::Nominal) {
    observe(nominal_delta());
  } else if (level == Level::Ratio) {
    observe(ratio_category_delta(coded->position));
  }
  return s;
}

double observed_sum(const AlphaSetup& s, Counts counts) {
  if (s.observed_total && !counts) return *s.observed_total;
  return weighted_sum(s.unit_observed, counts);
}

// Σ_c Σ_k n_c n_k δ(c, k) and the observed sum, per level; false (with
// `why`) when the level cannot be computed on these data.
bool alpha_sums(const AlphaSetup& s, Counts counts, double& n, double& observed, double& expected,
                std::string& why) {
  if (s.level == Level::Interval) {
    double sum = 0;
    n = 0;
    const std::size_t m = s.data.coder_count();
    auto each_value = [&](auto f) {
      for (std::size_t i = 0; i < s.pairable.size(); ++i) {
        const double w = weight(counts, i);
        if (w == 0) continue;
        for (std::size_t c = 0; c < m; ++c) {
          const double v = s.data.at(s.pairable[i], c);
          if (!ReliabilityData::missing(v)) f(w, v);
        }
      }
    };
    each_value([&](double w, double v) {
      n += w;
      sum += w * v;
    });
    const double mean = n > 0 ? sum / n : 0;
    double ss = 0;
    each_value([&](double w, double v) { ss += w * (v - mean) * (v - mean); });
    observed = observed_sum(s, counts);
    expected = 2 * n * ss;
    return true;
  }
  const std::vector<double> nc = margins(*s.coded, s.pairable, counts);
  n = 0;
  for (double v : nc) n += v;
  if (s.level == Level::Nominal) {
    double same = 0;
    for (double v : nc) same += v * v;
    observed = observed_sum(s, counts);
    expected = n * n - same;
  } else if (s.level == Level::Ordinal) {
    const std::vector<double> a = mid_ranks(nc);
    observed = categorical_observed(
        *s.coded, s.pairable, counts,
        [&a](std::int32_t i, std::int32_t j) {
          const double d = a[static_cast<std::size_t>(i)] - a[static_cast<std::size_t>(j)];
          return d * d;
        },
        nullptr);
    expected = expected_sum_squared(nc, a, n);
  } else {
    std::vector<std::size_t> used;
    for (std::size_t c = 0; c < nc.size(); ++c) {
      if (nc[c] > 0) used.push_back(c);
    }
    if (used.size() > kMaxRatioCategories) {
      why = "ratio alpha is limited to " + std::to_string(kMaxRatioCategories) +
            " distinct values (the data have " + std::to_string(used.size()) +
            "); use interval alpha";
      return false;
    }
    const std::vector<double>& x = s.coded->position;
    expected = 0;
    for (std::size_t i = 0; i < used.size(); ++i) {
      for (std::size_t j = i + 1; j < used.size(); ++j) {
        expected += 2 * nc[used[i]] * nc[used[j]] * ratio_delta(x[used[i]], x[used[j]]);
      }
    }
    observed = observed_sum(s, counts);
  }
  return true;
}

AlphaParts alpha_parts(const AlphaSetup& s, Counts counts) {
  AlphaParts out;
  double observed = 0, expected = 0;
  if (s.pairable.empty()) {
    out.undefined = "no unit has values from two coders";
    return out;
  }
  if (!alpha_sums(s, counts, out.n, observed, expected, out.undefined)) return out;
  out.observed = observed / out.n;
  out.expected = expected / (out.n * (out.n - 1));
  if (out.expected <= kDegenerate) {
    out.undefined = "all pairable values are the same, so there is no expected disagreement (0/0)";
    return out;
  }
  out.value = 1 - out.observed / out.expected;
  return out;
}

const char* alpha_id(Level level) {
  switch (level) {
    case Level::Nominal:
      return "krippendorff_alpha_nominal";
    case Level::Ordinal:
      return "krippendorff_alpha_ordinal";
    case Level::Interval:
      return "krippendorff_alpha_interval";
    case Level::Ratio:
      return "krippendorff_alpha_ratio";
  }
  return "krippendorff_alpha";
}

std::optional<ConfidenceInterval> bootstrap_alpha(const AlphaSetup& s, std::size_t samples,
                                                  std::uint64_t seed, double confidence) {
  UnitResampler resampler(seed);
  std::vector<std::uint32_t> counts;
  std::vector<double> values;
  values.reserve(samples);
  for (std::size_t i = 0; i < samples; ++i) {
    resampler.draw(s.pairable.size(), counts);
    values.push_back(alpha_parts(s, &counts).value);
  }
  return percentile_interval(std::move(values), confidence, seed);
}

void check_alpha_level(Level data_level, Level level) {
  if (static_cast<int>(level) > static_cast<int>(data_level)) {
    throw_usage(std::string("Krippendorff's alpha at ") + level_name(level) +
                    " level needs data at that level, but these are " + level_name(data_level),
                "read the table at a higher level, or ask for alpha at a lower one");
  }
}

// `coded` may be null at interval level (the numbers are used directly).
Coefficient alpha_of(const ReliabilityData& data, const Coded* coded, Level level,
                     std::size_t samples, std::uint64_t seed, double confidence) {
  check_alpha_level(data.level(), level);
  Coefficient c =
      make(alpha_id(level), std::string("Krippendorff's alpha (") + level_name(level) + ")",
           Basis::Disagreement);
  const AlphaSetup setup = alpha_setup(data, coded, level, samples > 0);
  const AlphaParts parts = alpha_parts(setup, nullptr);
  c.units = setup.pairable.size();
  c.pairable_values = static_cast<std::size_t>(parts.n);
  c.observed = parts.observed;
  c.expected = parts.expected;
  c.note = "units with values from two or more coders; missing values left out";
  if (!parts.undefined.empty()) {
    set_undefined(c, parts.undefined);
    return c;
  }
  c.value = parts.value;
  if (samples > 0) c.interval = bootstrap_alpha(setup, samples, seed, confidence);
  return c;
}

void check_confidence(double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    throw_usage("confidence level " + std::to_string(confidence) + " is not between 0 and 1",
                "give a level such as 0.95");
  }
}

// ---------------------------------------------------------------------------
// Validation of ReliabilityData.

void check_value(Level level, std::size_t labels, double v, std::size_t unit, std::size_t coder) {
  if (ReliabilityData::missing(v)) return;
  auto where = [&] {
    return "unit " + std::to_string(unit + 1) + ", coder " + std::to_string(coder + 1);
  };
  if (!std::isfinite(v)) throw_usage("reliability data: " + where() + " holds an infinite value");
  if (level == Level::Nominal || level == Level::Ordinal) {
    if (v < 0 || v != std::floor(v) || v >= static_cast<double>(labels)) {
      throw_usage("reliability data: " + where() + " holds " + std::to_string(v) +
                      ", which is not a category index below " + std::to_string(labels),
                  "at nominal and ordinal level values index the label list");
    }
  } else if (level == Level::Ratio && v < 0) {
    throw_usage("reliability data: " + where() + " holds " + std::to_string(v) +
                    ", but ratio values cannot be negative",
                "use interval level for values below zero");
  }
}

}  // namespace

// ---------------------------------------------------------------------------

const char* level_name(Level level) {
  switch (level) {
    case Level::Nominal:
      return "nominal";
    case Level::Ordinal:
      return "ordinal";
    case Level::Interval:
      return "interval";
    case Level::Ratio:
      return "ratio";
  }
  return "?";
}

Level parse_level(const std::string& name) {
  for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
    if (name == level_name(l)) return l;
  }
  throw_usage("unknown level of measurement '" + name + "'",
              "use nominal, ordinal, interval or ratio");
}

ReliabilityData::ReliabilityData(Level level, std::vector<std::string> coders,
                                 std::vector<std::string> labels, std::vector<double> values,
                                 std::vector<std::string> unit_ids)
    : level_(level),
      coders_(std::move(coders)),
      labels_(std::move(labels)),
      values_(std::move(values)),
      unit_ids_(std::move(unit_ids)) {
  if (coders_.size() < 2) {
    throw_usage(
        "reliability data need at least two coders, but have " + std::to_string(coders_.size()),
        "agreement compares coders; add a second coder's values");
  }
  if (values_.size() % coders_.size() != 0) {
    throw_usage("reliability data: " + std::to_string(values_.size()) +
                " values do not fill rows of " + std::to_string(coders_.size()) + " coders");
  }
  units_ = values_.size() / coders_.size();
  if (!unit_ids_.empty() && unit_ids_.size() != units_) {
    throw_usage("reliability data: " + std::to_string(unit_ids_.size()) + " unit ids for " +
                std::to_string(units_) + " units");
  }
  if ((level_ == Level::Interval || level_ == Level::Ratio) && !labels_.empty()) {
    throw_usage("reliability data at interval or ratio level take numbers, not labels");
  }
  for (std::size_t u = 0; u < units_; ++u) {
    for (std::size_t c = 0; c < coders_.size(); ++c) {
      check_value(level_, labels_.size(), at(u, c), u, c);
    }
  }
}

Coefficient percent_agreement(const ReliabilityData& data) {
  return percent_agreement_of(code(data));
}

Coefficient cohen_kappa(const ReliabilityData& data, KappaWeights weights) {
  if (weights != KappaWeights::None && data.level() == Level::Nominal) {
    throw_usage("weighted kappa needs ordered categories, but the data are nominal",
                "read the table at ordinal level or above");
  }
  return cohen_kappa_of(code(data), weights);
}

Coefficient scott_pi(const ReliabilityData& data) {
  return scott_pi_of(code(data));
}

Coefficient fleiss_kappa(const ReliabilityData& data) {
  return fleiss_kappa_of(code(data));
}

Coefficient brennan_prediger(const ReliabilityData& data, std::optional<std::size_t> categories) {
  return brennan_prediger_of(code(data), categories);
}

Coefficient gwet_ac1(const ReliabilityData& data, std::optional<std::size_t> categories) {
  return gwet_ac1_of(code(data), categories);
}

Coefficient gwet_ac2(const ReliabilityData& data, KappaWeights weights) {
  if (weights == KappaWeights::None || data.level() == Level::Nominal) {
    throw_usage("Gwet's AC2 needs linear or quadratic weights on ordered categories",
                "use Gwet's AC1 for nominal data");
  }
  return gwet_ac2_of(code(data), weights);
}

Coefficient krippendorff_alpha(const ReliabilityData& data, Level level) {
  return krippendorff_alpha(data, level, 0, 0, 0.95);
}

Coefficient krippendorff_alpha(const ReliabilityData& data, Level level, std::size_t samples,
                               std::uint64_t seed, double confidence) {
  check_confidence(confidence);
  check_alpha_level(data.level(), level);
  if (level == Level::Interval) return alpha_of(data, nullptr, level, samples, seed, confidence);
  const Coded coded = code(data);
  return alpha_of(data, &coded, level, samples, seed, confidence);
}

AgreementReport compute_agreement(const ReliabilityData& data, const AgreementOptions& options) {
  check_confidence(options.confidence);
  const Coded coded = code(data);
  AgreementReport report;
  report.level = data.level();
  report.units = data.unit_count();
  report.coders = data.coder_count();
  report.categories = resolve_q(coded, options.categories);

  auto& out = report.coefficients;
  const bool ordered = data.level() != Level::Nominal;
  out.push_back(percent_agreement_of(coded));
  if (coded.coders == 2) {
    out.push_back(cohen_kappa_of(coded, KappaWeights::None));
    if (ordered) {
      out.push_back(cohen_kappa_of(coded, KappaWeights::Linear));
      out.push_back(cohen_kappa_of(coded, KappaWeights::Quadratic));
    }
    out.push_back(scott_pi_of(coded));
  }
  out.push_back(fleiss_kappa_of(coded));
  out.push_back(brennan_prediger_of(coded, options.categories));
  out.push_back(gwet_ac1_of(coded, options.categories));
  if (ordered) {
    out.push_back(gwet_ac2_of(coded, KappaWeights::Linear));
    out.push_back(gwet_ac2_of(coded, KappaWeights::Quadratic));
  }
  for (Level level : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
    if (static_cast<int>(level) > static_cast<int>(data.level())) break;
    const std::size_t samples = level == data.level() ? options.bootstrap_samples : 0;
    out.push_back(alpha_of(data, &coded, level, samples, options.seed, options.confidence));
  }
  return report;
}

}  // namespace casebook::agreement

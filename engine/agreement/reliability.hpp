#pragma once
// Inter-coder reliability coefficients on reliability data: units × coders,
// each cell one value or missing (docs/agreement.md gives every definition,
// its treatment of missing data and its sources).
//
// The matrix is one flat vector of doubles, row-major (unit, then coder), with
// NaN for "this coder did not code this unit": compact and cache-friendly for
// a million units. At nominal and ordinal level a value is an index into
// `labels` (whose order is the ordinal order); at interval and ratio level it
// is the number itself.
//
// compute_agreement() is the one entry point a front end needs: it returns
// every coefficient that applies to the data, in a fixed order, each with a
// machine id, a human label, its value (or why there is none) and what the
// value was computed from, so it prints equally well as text, JSON or CSV.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/agreement/bootstrap.hpp"

namespace casebook::agreement {

enum class Level { Nominal, Ordinal, Interval, Ratio };

// "nominal", "ordinal", "interval", "ratio".
const char* level_name(Level level);
// The level named `name` (as level_name spells it); Usage error otherwise.
Level parse_level(const std::string& name);

class ReliabilityData {
 public:
  // `values` holds units × coders cells, row-major, NaN = missing. `unit_ids`
  // may be empty (units are then numbered from 1); otherwise one per unit.
  // Throws Usage when the shape or a value does not fit the level: fewer than
  // two coders, a category that is not an index into `labels`, a negative
  // ratio value, an infinite number.
  ReliabilityData(Level level, std::vector<std::string> coders, std::vector<std::string> labels,
                  std::vector<double> values, std::vector<std::string> unit_ids = {});

  Level level() const { return level_; }
  std::size_t unit_count() const { return units_; }
  std::size_t coder_count() const { return coders_.size(); }
  const std::vector<std::string>& coders() const { return coders_; }
  // Category labels in order (nominal, ordinal); empty at interval and ratio.
  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<std::string>& unit_ids() const { return unit_ids_; }
  const std::vector<double>& values() const { return values_; }

  double at(std::size_t unit, std::size_t coder) const {
    return values_[unit * coders_.size() + coder];
  }
  static bool missing(double v) { return v != v; }  // NaN marks a missing cell

 private:
  Level level_;
  std::vector<std::string> coders_;
  std::vector<std::string> labels_;
  std::vector<double> values_;
  std::vector<std::string> unit_ids_;
  std::size_t units_ = 0;
};

// How a coefficient relates its two ingredients: kappa-like coefficients are
// (observed − expected) / (1 − expected) over agreement; alpha is
// 1 − observed / expected over disagreement.
enum class Basis { Agreement, Disagreement };

struct Coefficient {
  std::string id;     // machine id, e.g. "krippendorff_alpha_nominal"; stable
  std::string label;  // e.g. "Krippendorff's alpha (nominal)"
  std::optional<double> value;
  std::string undefined_reason;  // set exactly when `value` is empty
  Basis basis = Basis::Agreement;
  double observed = 0;                         // observed agreement or disagreement (see basis)
  double expected = 0;                         // chance agreement or expected disagreement
  std::size_t units = 0;                       // units the value was computed from
  std::size_t pairable_values = 0;             // values in those units
  std::optional<ConfidenceInterval> interval;  // only alpha, when asked for
  std::string note;                            // which units were used, where q came from, ...
};

struct AgreementOptions {
  // q, the number of categories for Brennan–Prediger and Gwet's AC1.
  // Default: the label set (nominal, ordinal: a codebook's categories count
  // even when nobody used them) or the number of distinct values (interval,
  // ratio). Must be at least the number used. Weighted kappa and AC2 always
  // use the label set, since their weights need each category's position.
  std::optional<std::size_t> categories;
  // Unit-resampling bootstrap of Krippendorff's alpha at the data's level;
  // 0 turns it off. Each sample costs one pass over the data (tens of
  // milliseconds per million units), so ask for fewer on very large tables.
  std::size_t bootstrap_samples = 1000;
  std::uint64_t seed = 1;
  double confidence = 0.95;  // of the bootstrap interval, in (0, 1)
};

struct AgreementReport {
  Level level = Level::Nominal;
  std::size_t units = 0;
  std::size_t coders = 0;
  std::size_t categories = 0;  // q as used (see AgreementOptions::categories)
  std::vector<Coefficient> coefficients;
};

// Every coefficient that applies, in this order (ids):
//   percent_agreement
//   cohen_kappa, cohen_kappa_linear*, cohen_kappa_quadratic*, scott_pi  (2 coders)
//   fleiss_kappa, brennan_prediger, gwet_ac1, gwet_ac2_linear*, gwet_ac2_quadratic*
//   krippendorff_alpha_nominal, _ordinal*, _interval**, _ratio***
// (* ordinal level and above, ** interval and above, *** ratio only). The
// bootstrap interval is attached to the alpha of the data's own level.
AgreementReport compute_agreement(const ReliabilityData& data, const AgreementOptions& options);

// The individual coefficients (compute_agreement runs the same code once the
// data are recoded). Coefficients
// for two coders throw Usage on other data; alpha's `level` may not exceed
// the data's level (an ordinal scale has no distances to take).
enum class KappaWeights { None, Linear, Quadratic };
Coefficient percent_agreement(const ReliabilityData& data);
Coefficient cohen_kappa(const ReliabilityData& data, KappaWeights weights = KappaWeights::None);
Coefficient scott_pi(const ReliabilityData& data);
Coefficient fleiss_kappa(const ReliabilityData& data);
Coefficient brennan_prediger(const ReliabilityData& data,
                             std::optional<std::size_t> categories = {});
Coefficient gwet_ac1(const ReliabilityData& data, std::optional<std::size_t> categories = {});
// Weighted AC1; weights Linear or Quadratic on ordinal data or above.
Coefficient gwet_ac2(const ReliabilityData& data, KappaWeights weights);
Coefficient krippendorff_alpha(const ReliabilityData& data, Level level);

// Alpha with a percentile interval from `samples` bootstrap resamples of the
// units (see bootstrap.hpp).
Coefficient krippendorff_alpha(const ReliabilityData& data, Level level, std::size_t samples,
                               std::uint64_t seed, double confidence);

}  // namespace casebook::agreement

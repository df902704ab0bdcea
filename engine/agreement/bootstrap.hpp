#pragma once
// The bootstrap behind alpha's confidence interval: a plain percentile
// bootstrap over units. Each resample draws as many units as the data has,
// with replacement, recomputes the coefficient on them, and the interval is
// the (1 − level)/2 and (1 + level)/2 quantiles of the recomputed values.
//
// Units, not pairable values, are resampled because units are what a study
// samples; coders' values within a unit stay together, so the dependence
// between them is kept. (Hayes & Krippendorff's 2007 macro instead resamples
// pairs of values and rescales; docs/agreement.md says why we did not.)
//
// A resample is represented as a count per unit (how often it was drawn), so
// a coefficient recomputes from weights in one pass without copying data.
// The generator is std::mt19937_64, whose output the standard fixes, and the
// draw avoids std::uniform_int_distribution (implementation-defined), so a
// seed gives the same interval on every platform.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace casebook::agreement {

struct ConfidenceInterval {
  double level = 0.95;
  double low = 0;
  double high = 0;
  std::size_t samples = 0;    // resamples asked for
  std::size_t undefined = 0;  // resamples where the coefficient was undefined (left out)
  std::uint64_t seed = 0;
};

class UnitResampler {
 public:
  explicit UnitResampler(std::uint64_t seed) : engine_(seed) {}

  // Fills `counts` (resized to `units`) with how often each unit was drawn in
  // `units` draws with replacement.
  void draw(std::size_t units, std::vector<std::uint32_t>& counts);

 private:
  std::mt19937_64 engine_;
};

// The percentile interval of `values` (NaN entries are undefined resamples
// and are counted, not used); nothing when no resample was defined. Throws
// Usage when `level` is not in (0, 1).
std::optional<ConfidenceInterval> percentile_interval(std::vector<double> values, double level,
                                                      std::uint64_t seed);

}  // namespace casebook::agreement

#include "engine/agreement/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/core/error.hpp"

namespace casebook::agreement {

namespace {

// A uniform index in [0, n) from one 64-bit draw by multiply-and-shift
// (Lemire): its bias is below n / 2^64, far under what a bootstrap can see,
// and unlike std::uniform_int_distribution it is the same on every library.
std::size_t uniform_index(std::mt19937_64& engine, std::size_t n) {
  const unsigned __int128 product = static_cast<unsigned __int128>(engine()) * n;
  return static_cast<std::size_t>(product >> 64);
}

// The p-quantile of sorted `v` with linear interpolation between order
// statistics (Hyndman & Fan type 7, R's default), so results match R.
double quantile_sorted(const std::vector<double>& v, double p) {
  const double h = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

void UnitResampler::draw(std::size_t units, std::vector<std::uint32_t>& counts) {
  counts.assign(units, 0);
  for (std::size_t i = 0; i < units; ++i) ++counts[uniform_index(engine_, units)];
}

std::optional<ConfidenceInterval> percentile_interval(std::vector<double> values, double level,
                                                      std::uint64_t seed) {
  if (!(level > 0 && level < 1)) {
    throw_usage("confidence level " + std::to_string(level) + " is not between 0 and 1",
                "give a level such as 0.95");
  }
  ConfidenceInterval ci;
  ci.level = level;
  ci.samples = values.size();
  ci.seed = seed;
  const auto undefined =
      std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  ci.undefined = static_cast<std::size_t>(values.end() - undefined);
  values.erase(undefined, values.end());
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  ci.low = quantile_sorted(values, (1 - level) / 2);
  ci.high = quantile_sorted(values, (1 + level) / 2);
  return ci;
}

}  // namespace casebook::agreement

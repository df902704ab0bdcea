// Reliability coefficients against published worked examples, and identities
// that must hold whatever the data. Every expected number below is either
// quoted from the source named next to it or follows from an identity.
//
// Sources:
//  [K2011] Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
//          Annenberg School for Communication, University of Pennsylvania. The
//          4 coders × 12 units example with missing values: alpha nominal
//          0.743, ordinal 0.815, interval 0.849, ratio 0.797. The same matrix
//          is R irr's `nmm` (kripp.alpha example) and irrCAC's `cac.raw4raters`.
//  [irrCAC] Gwet, K. L., R package irrCAC 1.0, README / overview vignette
//          (data from Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed.):
//          printed values for cont3x3abstractors, distrib.6raters and
//          cac.raw4raters; kappa2.table example output for quadratic weights.
//  [irrCAC-w] irrCAC "Weighted Chance-corrected Agreement Coefficients" vignette
//          (Gwet 2019): quadratic weights on cont3x3abstractors, cac.raw4raters
//          and distrib.6raters (AC2, and alpha 0.84911 = interval alpha).
//  [WikiF] Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14
//          raters, 5 categories: P-bar 0.378, P-bar_e 0.213, kappa 0.210.
//  [Wiki]  Wikipedia, "Cohen's kappa", simple example: 50 proposals, both
//          yes 20, A yes B no 5, A no B yes 10, both no 15: kappa 0.4.

#include "engine/agreement/reliability.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace ag = casebook::agreement;
using ag::Level;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;

namespace {

const double NA = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string> names(std::size_t n, const std::string& prefix) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i <= n; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

// Rows of 1-based category numbers (NA = missing) as data at `level`: at
// nominal/ordinal level category k becomes index k−1 of labels "1".."q".
ag::ReliabilityData categorical(Level level, std::size_t q,
                                const std::vector<std::vector<double>>& rows) {
  std::vector<double> flat;
  for (const auto& row : rows) {
    for (double v : row) flat.push_back(std::isnan(v) ? NA : v - 1);
  }
  return ag::ReliabilityData(level, names(rows.at(0).size(), "c"), names(q, ""), flat);
}

ag::ReliabilityData numeric(Level level, const std::vector<std::vector<double>>& rows) {
  std::vector<double> flat;
  for (const auto& row : rows) flat.insert(flat.end(), row.begin(), row.end());
  return ag::ReliabilityData(level, names(rows.at(0).size(), "c"), {}, flat);
}

// [K2011] units × coders A, B, C, D.
const std::vector<std::vector<double>> kKrippendorff = {
    {1, 1, NA, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3},  {2, 2, 2, 2},   {1, 2, 3, 4},
    {4, 4, 4, 4},  {1, 1, 2, 1}, {2, 2, 2, 2}, {NA, 5, 5, 5}, {NA, NA, 1, 1}, {NA, NA, 3, NA},
};

// [irrCAC] cont3x3abstractors: rows abstractor A, columns abstractor B, in
// the order Ectopic, AIU, NIU: 13 0 0 / 0 20 7 / 0 4 56.
std::vector<std::vector<double>> abstractors() {
  const int table[3][3] = {{13, 0, 0}, {0, 20, 7}, {0, 4, 56}};
  std::vector<std::vector<double>> rows;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      for (int k = 0; k < table[a][b]; ++k) rows.push_back({double(a + 1), double(b + 1)});
    }
  }
  return rows;
}

// Per-subject category counts spread into coder columns (Fleiss-type
// coefficients ignore which rater said what).
std::vector<std::vector<double>> from_counts(const std::vector<std::vector<int>>& counts) {
  std::vector<std::vector<double>> rows;
  for (const auto& subject : counts) {
    std::vector<double> row;
    for (std::size_t k = 0; k < subject.size(); ++k) {
      for (int i = 0; i < subject[k]; ++i) row.push_back(double(k + 1));
    }
    rows.push_back(row);
  }
  return rows;
}

// [irrCAC] distrib.6raters: per subject, how many of 6 raters chose each of
// Depression, Personality Disorder, Schizophrenia, Neurosis, Other. Spread
// into 6 coder columns (these coefficients ignore which rater said what).
std::vector<std::vector<double>> six_raters() {
  const int counts[15][5] = {{0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6},
                             {0, 3, 0, 3, 0}, {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0},
                             {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6}, {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0},
                             {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1}};
  std::vector<std::vector<double>> rows;
  for (const auto& subject : counts) {
    std::vector<double> row;
    for (int k = 0; k < 5; ++k) {
      for (int i = 0; i < subject[k]; ++i) row.push_back(k + 1);
    }
    rows.push_back(row);
  }
  return rows;
}

double value_of(const ag::Coefficient& c) {
  BOOST_TEST_REQUIRE(c.value.has_value(), c.id << " undefined: " << c.undefined_reason);
  return *c.value;
}

const ag::Coefficient& find(const ag::AgreementReport& r, const std::string& id) {
  for (const auto& c : r.coefficients) {
    if (c.id == id) return c;
  }
  BOOST_FAIL("no coefficient " << id);
  throw std::logic_error("unreachable");
}

ag::AgreementOptions no_bootstrap() {
  ag::AgreementOptions o;
  o.bootstrap_samples = 0;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(agreement_published)

BOOST_AUTO_TEST_CASE(krippendorff_2011_alpha_at_four_levels) {
  const auto ordinal = categorical(Level::Ordinal, 5, kKrippendorff);
  const auto ratio = numeric(Level::Ratio, kKrippendorff);
  // [K2011], to the published three decimals.
  BOOST_TEST(value_of(ag::krippendorff_alpha(ordinal, Level::Nominal)) == 0.743,
             boost::test_tools::tolerance(0.0006));
  BOOST_TEST(value_of(ag::krippendorff_alpha(ordinal, Level::Ordinal)) == 0.815,
             boost::test_tools::tolerance(0.0006));
  BOOST_TEST(value_of(ag::krippendorff_alpha(ratio, Level::Interval)) == 0.849,
             boost::test_tools::tolerance(0.0006));
  BOOST_TEST(value_of(ag::krippendorff_alpha(ratio, Level::Ratio)) == 0.797,
             boost::test_tools::tolerance(0.0006));
  // [irrCAC] krippen.alpha.raw(cac.raw4raters): 0.74342, pa 0.805, pe 0.24.
  const auto nominal = ag::krippendorff_alpha(ordinal, Level::Nominal);
  BOOST_TEST(*nominal.value == 0.74342, boost::test_tools::tolerance(0.00001));
  // 11 units hold two or more values: 3+4+4+4+4+4+4+4+4+3+2 = 40 pairable values.
  BOOST_TEST(nominal.units == 11u);
  BOOST_TEST(nominal.pairable_values == 40u);
}

BOOST_AUTO_TEST_CASE(gwet_2014_raw_ratings_with_missing_values) {
  const auto data = categorical(Level::Nominal, 5, kKrippendorff);
  // [irrCAC] pa.coeff.raw / gwet.ac1.raw / bp.coeff.raw on cac.raw4raters.
  const auto pa = ag::percent_agreement(data);
  BOOST_TEST(value_of(pa) == 0.8181818, boost::test_tools::tolerance(1e-6));
  const auto ac1 = ag::gwet_ac1(data);
  BOOST_TEST(value_of(ac1) == 0.77544, boost::test_tools::tolerance(0.00001));
  BOOST_TEST(ac1.expected == 0.1903212, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::brennan_prediger(data)) == 0.77273,
             boost::test_tools::tolerance(0.00001));
}

BOOST_AUTO_TEST_CASE(gwet_2014_two_abstractors) {
  const auto data = categorical(Level::Ordinal, 3, abstractors());
  // [irrCAC] README, cont3x3abstractors.
  BOOST_TEST(value_of(ag::cohen_kappa(data)) == 0.7964094, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::scott_pi(data)) == 0.7962397, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::gwet_ac1(data)) == 0.8493305, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::brennan_prediger(data)) == 0.835, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(value_of(ag::krippendorff_alpha(data, Level::Nominal)) == 0.7972585,
             boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::percent_agreement(data)) == 0.89, boost::test_tools::tolerance(1e-9));
  // [irrCAC] kappa2.table(cont3x3abstractors, weights = quadratic.weights(1:q)).
  BOOST_TEST(value_of(ag::cohen_kappa(data, ag::KappaWeights::Quadratic)) == 0.8921569,
             boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(gwet_2014_six_raters_fleiss) {
  const auto data = categorical(Level::Nominal, 5, six_raters());
  // [irrCAC] README, distrib.6raters.
  const auto fleiss = ag::fleiss_kappa(data);
  BOOST_TEST(value_of(fleiss) == 0.4139265, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(fleiss.observed == 0.5511111, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(fleiss.expected == 0.2340741, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::gwet_ac1(data)) == 0.4448007, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::brennan_prediger(data)) == 0.4388889, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(ag::krippendorff_alpha(data, Level::Nominal)) == 0.4204384,
             boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(gwet_2014_ac2_with_quadratic_weights) {
  // [irrCAC-w] gwet.ac1.raw(cac.raw4raters, weights = "quadratic"):
  // pa 0.9753788, pe 0.7137044, AC2 0.914 (printed to 3 decimals).
  const auto raw =
      ag::gwet_ac2(categorical(Level::Ordinal, 5, kKrippendorff), ag::KappaWeights::Quadratic);
  BOOST_TEST(raw.observed == 0.9753788, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(raw.expected == 0.7137044, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(raw) == 0.914, boost::test_tools::tolerance(0.0006));
  // [irrCAC-w] gwet.ac1.table(cont3x3abstractors, quadratic.weights(1:3)).
  BOOST_TEST(value_of(ag::gwet_ac2(categorical(Level::Ordinal, 3, abstractors()),
                                   ag::KappaWeights::Quadratic)) == 0.9402369,
             boost::test_tools::tolerance(1e-6));
  // [irrCAC-w] gwet.ac1.dist(distrib.6raters, quadratic.weights(1:5)):
  // pa 0.8544444, pe 0.7180556, AC2 0.4837438.
  const auto six =
      ag::gwet_ac2(categorical(Level::Ordinal, 5, six_raters()), ag::KappaWeights::Quadratic);
  BOOST_TEST(six.observed == 0.8544444, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(six.expected == 0.7180556, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(value_of(six) == 0.4837438, boost::test_tools::tolerance(1e-6));
  // [irrCAC-w] krippen.alpha.raw(cac.raw4raters, "quadratic") = 0.84911, which
  // is interval alpha (quadratic weights = interval metric).
  BOOST_TEST(value_of(ag::krippendorff_alpha(numeric(Level::Interval, kKrippendorff),
                                             Level::Interval)) == 0.84911,
             boost::test_tools::tolerance(1e-5));
}

BOOST_AUTO_TEST_CASE(wikipedia_fleiss_kappa) {
  // [WikiF] rows are subjects, columns the number of raters per category.
  const auto rows = from_counts({{0, 0, 0, 0, 14},
                                 {0, 2, 6, 4, 2},
                                 {0, 0, 3, 5, 6},
                                 {0, 3, 9, 2, 0},
                                 {2, 2, 8, 1, 1},
                                 {7, 7, 0, 0, 0},
                                 {3, 2, 6, 3, 0},
                                 {2, 5, 3, 2, 2},
                                 {6, 5, 2, 1, 0},
                                 {0, 2, 2, 3, 7}});
  const auto fleiss = ag::fleiss_kappa(categorical(Level::Nominal, 5, rows));
  BOOST_TEST(fleiss.observed == 0.378, boost::test_tools::tolerance(0.002));
  BOOST_TEST(fleiss.expected == 0.213, boost::test_tools::tolerance(0.003));
  BOOST_TEST(value_of(fleiss) == 0.210, boost::test_tools::tolerance(0.003));
  BOOST_TEST(fleiss.units == 10u);
  BOOST_TEST(fleiss.pairable_values == 140u);
}

BOOST_AUTO_TEST_CASE(wikipedia_cohen_kappa) {
  std::vector<std::vector<double>> rows;
  auto add = [&](int n, double a, double b) {
    for (int i = 0; i < n; ++i) rows.push_back({a, b});
  };
  add(20, 1, 1);
  add(5, 1, 2);
  add(10, 2, 1);
  add(15, 2, 2);
  const auto kappa = ag::cohen_kappa(categorical(Level::Nominal, 2, rows));
  // [Wiki]: p_o = 0.7, p_e = 0.5, kappa = 0.4.
  BOOST_TEST(kappa.observed == 0.7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kappa.expected == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(value_of(kappa) == 0.4, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(agreement_identities)

BOOST_AUTO_TEST_CASE(perfect_agreement_gives_one_everywhere) {
  const auto data =
      categorical(Level::Ordinal, 4, {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {2, 2}, {1, NA}});
  const auto report = ag::compute_agreement(data, no_bootstrap());
  for (const auto& c : report.coefficients) BOOST_TEST(value_of(c) == 1.0, c.id);
  const auto interval = numeric(Level::Ratio, {{1.5, 1.5, NA}, {2, 2, 2}, {7, NA, 7}});
  for (const auto& c : ag::compute_agreement(interval, no_bootstrap()).coefficients) {
    if (c.id == "fleiss_kappa") continue;  // one complete unit holds one category: 0/0
    BOOST_TEST(value_of(c) == 1.0, c.id);
  }
}

BOOST_AUTO_TEST_CASE(report_order_depends_on_coders_and_level) {
  const auto two =
      ag::compute_agreement(numeric(Level::Ratio, {{1, 2}, {2, 2}, {3, 1}}), no_bootstrap());
  std::vector<std::string> ids;
  for (const auto& c : two.coefficients) ids.push_back(c.id);
  const std::vector<std::string> expected = {"percent_agreement",
                                             "cohen_kappa",
                                             "cohen_kappa_linear",
                                             "cohen_kappa_quadratic",
                                             "scott_pi",
                                             "fleiss_kappa",
                                             "brennan_prediger",
                                             "gwet_ac1",
                                             "gwet_ac2_linear",
                                             "gwet_ac2_quadratic",
                                             "krippendorff_alpha_nominal",
                                             "krippendorff_alpha_ordinal",
                                             "krippendorff_alpha_interval",
                                             "krippendorff_alpha_ratio"};
  BOOST_TEST(ids == expected, boost::test_tools::per_element());
  const auto three =
      ag::compute_agreement(categorical(Level::Nominal, 5, kKrippendorff), no_bootstrap());
  ids.clear();
  for (const auto& c : three.coefficients) ids.push_back(c.id);
  const std::vector<std::string> nominal = {"percent_agreement", "fleiss_kappa", "brennan_prediger",
                                            "gwet_ac1", "krippendorff_alpha_nominal"};
  BOOST_TEST(ids == nominal, boost::test_tools::per_element());
  for (const auto& c : three.coefficients) BOOST_TEST(!c.label.empty());
}

BOOST_AUTO_TEST_CASE(swapping_coders_and_permuting_units_change_nothing) {
  std::mt19937 rng(7);
  std::vector<std::vector<double>> rows;
  for (int u = 0; u < 200; ++u) {
    std::vector<double> row;
    for (int c = 0; c < 3; ++c) row.push_back(rng() % 7 == 0 ? NA : double(1 + rng() % 4));
    rows.push_back(row);
  }
  auto swapped = rows;
  for (auto& row : swapped) std::swap(row[0], row[2]);
  auto shuffled = rows;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const auto a = ag::compute_agreement(categorical(Level::Ordinal, 4, rows), no_bootstrap());
  const auto b = ag::compute_agreement(categorical(Level::Ordinal, 4, swapped), no_bootstrap());
  const auto c = ag::compute_agreement(categorical(Level::Ordinal, 4, shuffled), no_bootstrap());
  BOOST_TEST_REQUIRE(a.coefficients.size() == b.coefficients.size());
  for (std::size_t i = 0; i < a.coefficients.size(); ++i) {
    BOOST_TEST(value_of(a.coefficients[i]) == value_of(b.coefficients[i]),
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(value_of(a.coefficients[i]) == value_of(c.coefficients[i]),
               boost::test_tools::tolerance(1e-12));
  }
}

BOOST_AUTO_TEST_CASE(two_coder_alpha_is_scotts_pi_corrected_for_sample_size) {
  // With two coders and no missing values, alpha = 1 − (2N − 1)/(2N)·(1 − pi)
  // (Krippendorff 2011: alpha's expected disagreement uses n − 1 values).
  std::mt19937 rng(11);
  std::vector<std::vector<double>> rows;
  for (int u = 0; u < 57; ++u) rows.push_back({double(1 + rng() % 3), double(1 + rng() % 3)});
  const auto data = categorical(Level::Nominal, 3, rows);
  const double pi = value_of(ag::scott_pi(data));
  const double n = 2.0 * rows.size();
  BOOST_TEST(value_of(ag::krippendorff_alpha(data, Level::Nominal)) == 1 - (n - 1) / n * (1 - pi),
             boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(weights_do_not_matter_with_two_categories) {
  const auto data =
      categorical(Level::Ordinal, 2, {{1, 1}, {1, 2}, {2, 2}, {2, 1}, {2, 2}, {1, 1}, {1, 1}});
  const double plain = value_of(ag::cohen_kappa(data));
  BOOST_TEST(value_of(ag::cohen_kappa(data, ag::KappaWeights::Linear)) == plain,
             boost::test_tools::tolerance(1e-12));
  BOOST_TEST(value_of(ag::cohen_kappa(data, ag::KappaWeights::Quadratic)) == plain,
             boost::test_tools::tolerance(1e-12));
  // AC2 with two categories is AC1: the only off-diagonal weight is 0.
  const double ac1 = value_of(ag::gwet_ac1(data));
  BOOST_TEST(value_of(ag::gwet_ac2(data, ag::KappaWeights::Linear)) == ac1,
             boost::test_tools::tolerance(1e-12));
  BOOST_TEST(value_of(ag::gwet_ac2(data, ag::KappaWeights::Quadratic)) == ac1,
             boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(interval_alpha_ignores_the_unit_of_measurement) {
  std::vector<std::vector<double>> rows = kKrippendorff, scaled = kKrippendorff;
  for (auto& row : scaled) {
    for (double& v : row) v = 10 * v - 3;  // affine: interval distances scale uniformly
  }
  BOOST_TEST(
      value_of(ag::krippendorff_alpha(numeric(Level::Interval, rows), Level::Interval)) ==
          value_of(ag::krippendorff_alpha(numeric(Level::Interval, scaled), Level::Interval)),
      boost::test_tools::tolerance(1e-12));
  // Ordinal alpha only sees the order, so numbers and their ranks agree.
  BOOST_TEST(
      value_of(ag::krippendorff_alpha(numeric(Level::Interval, scaled), Level::Ordinal)) == 0.815,
      boost::test_tools::tolerance(0.0006));
}

BOOST_AUTO_TEST_CASE(fleiss_uses_units_every_coder_coded) {
  const auto data = categorical(Level::Nominal, 5, kKrippendorff);
  const auto fleiss = ag::fleiss_kappa(data);
  // Units 2 to 9 have all four coders; 1, 10, 11 and 12 miss some.
  BOOST_TEST(fleiss.units == 8u);
  BOOST_TEST(fleiss.pairable_values == 32u);
  BOOST_TEST(contains(fleiss.note, "8 of 12"), fleiss.note);
}

BOOST_AUTO_TEST_CASE(one_category_leaves_chance_corrected_values_undefined) {
  const auto data = categorical(Level::Nominal, 3, {{2, 2}, {2, 2}, {2, NA}});
  const auto report = ag::compute_agreement(data, no_bootstrap());
  BOOST_TEST(value_of(find(report, "percent_agreement")) == 1.0);
  for (const char* id : {"cohen_kappa", "scott_pi", "fleiss_kappa", "krippendorff_alpha_nominal"}) {
    const auto& c = find(report, id);
    BOOST_TEST(!c.value.has_value(), id);
    BOOST_TEST(!c.undefined_reason.empty(), id);
  }
  // The label set has 3 categories, so q = 3 and these stay defined.
  BOOST_TEST(value_of(find(report, "brennan_prediger")) == 1.0);
  BOOST_TEST(value_of(find(report, "gwet_ac1")) == 1.0);
  BOOST_TEST(report.categories == 3u);
}

BOOST_AUTO_TEST_CASE(nothing_pairable_is_undefined_not_an_error) {
  const auto data = categorical(Level::Nominal, 2, {{1, NA}, {NA, 2}});
  for (const auto& c : ag::compute_agreement(data, no_bootstrap()).coefficients) {
    BOOST_TEST(!c.value.has_value(), c.id);
    BOOST_TEST(c.units == 0u, c.id);
  }
}

BOOST_AUTO_TEST_CASE(bootstrap_is_deterministic_and_brackets_alpha) {
  std::mt19937 rng(3);
  std::vector<std::vector<double>> rows;
  for (int u = 0; u < 300; ++u) {
    const double truth = 1 + rng() % 4;
    rows.push_back(
        {truth, rng() % 4 == 0 ? double(1 + rng() % 4) : truth, rng() % 5 == 0 ? NA : truth});
  }
  const auto data = categorical(Level::Nominal, 4, rows);
  const auto a = ag::krippendorff_alpha(data, Level::Nominal, 200, 42, 0.9);
  const auto b = ag::krippendorff_alpha(data, Level::Nominal, 200, 42, 0.9);
  const auto c = ag::krippendorff_alpha(data, Level::Nominal, 200, 43, 0.9);
  BOOST_TEST_REQUIRE(a.interval.has_value());
  BOOST_TEST(a.interval->low == b.interval->low);
  BOOST_TEST(a.interval->high == b.interval->high);
  BOOST_TEST(a.interval->low != c.interval->low);
  BOOST_TEST(a.interval->low < *a.value);
  BOOST_TEST(*a.value < a.interval->high);
  BOOST_TEST(a.interval->samples == 200u);
  BOOST_TEST(a.interval->level == 0.9);
  // compute_agreement puts it on the alpha of the data's own level.
  ag::AgreementOptions options;
  options.bootstrap_samples = 50;
  const auto report = ag::compute_agreement(data, options);
  BOOST_TEST(find(report, "krippendorff_alpha_nominal").interval.has_value());
  BOOST_TEST(!find(report, "gwet_ac1").interval.has_value());
}

BOOST_AUTO_TEST_CASE(categories_option_sets_q) {
  const auto data = categorical(Level::Nominal, 5, kKrippendorff);
  const auto bp = ag::brennan_prediger(data, 10);
  // pa 9/11 with pe = 1/10.
  BOOST_TEST(value_of(bp) == (9.0 / 11 - 0.1) / 0.9, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(contains(bp.note, "as given"), bp.note);
  const auto e = expect_error(ErrorKind::Usage, [&] { ag::brennan_prediger(data, 4); });
  BOOST_TEST(contains(e.what(), "5 different values"), e.what());
}

BOOST_AUTO_TEST_CASE(misuse_is_a_usage_error) {
  const auto three = categorical(Level::Nominal, 5, kKrippendorff);
  expect_error(ErrorKind::Usage, [&] { ag::cohen_kappa(three); });
  expect_error(ErrorKind::Usage, [&] { ag::scott_pi(three); });
  expect_error(ErrorKind::Usage, [&] { ag::krippendorff_alpha(three, Level::Ordinal); });
  const auto two = categorical(Level::Nominal, 2, {{1, 2}});
  expect_error(ErrorKind::Usage, [&] { ag::cohen_kappa(two, ag::KappaWeights::Linear); });
  expect_error(ErrorKind::Usage, [&] { ag::gwet_ac2(two, ag::KappaWeights::Quadratic); });
  expect_error(ErrorKind::Usage, [&] { ag::krippendorff_alpha(two, Level::Nominal, 10, 1, 1.5); });
  expect_error(ErrorKind::Usage, [] { ag::ReliabilityData(Level::Nominal, {"a"}, {"x"}, {0}); });
  expect_error(ErrorKind::Usage, [] {
    ag::ReliabilityData(Level::Nominal, {"a", "b"}, {"x"}, {0, 1});
  });
  expect_error(ErrorKind::Usage, [] {
    ag::ReliabilityData(Level::Ratio, {"a", "b"}, {}, {0, -1});
  });
  expect_error(ErrorKind::Usage, [] {
    ag::ReliabilityData(Level::Nominal, {"a", "b"}, {"x"}, {0, 0, 0});
  });
  expect_error(ErrorKind::Usage, [] { ag::parse_level("cardinal"); });
  BOOST_TEST(ag::level_name(ag::parse_level("ratio")) == std::string("ratio"));
}

BOOST_AUTO_TEST_SUITE_END()

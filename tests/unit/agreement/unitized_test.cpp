// Unitizing alphas: the published worked examples of Krippendorff (1995,
// 2004), three small examples of the 2016 family calculated by hand below,
// and properties (identical codings, swapped coders, split sources,
// added uncoded text, a 10^8 code point text, input errors).

#include "engine/agreement/unitized.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <vector>

#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::agreement::binary_for_code;
using casebook::agreement::character_alpha;
using casebook::agreement::CodedSegment;
using casebook::agreement::Continuum;
using casebook::agreement::krippendorff_2004;
using casebook::agreement::Position;
using casebook::agreement::unitized_alphas;
using casebook::testing::expect_error;

namespace {

bool near(double actual, double expected, double tolerance) {
  return std::abs(actual - expected) <= tolerance;
}

#define CHECK_NEAR(actual, expected, tolerance)       \
  BOOST_TEST(near((actual), (expected), (tolerance)), \
             #actual " = " << (actual) << ", want " << (expected))

// Two coders, one source.
std::vector<Continuum> two_coders(Position length, std::vector<CodedSegment> a,
                                  std::vector<CodedSegment> b) {
  return {Continuum{length, {std::move(a), std::move(b)}}};
}

// Krippendorff (1995: 57), four pairs of coders on a 24-point continuum, as
// restated in DKPro Statistics (dkpro/dkpro-statistics,
// Krippendorff1995Test.java), with every position multiplied by `stretch`.
// Each pair is its own study with one value.
std::vector<Continuum> example_1995(char pair, Position stretch) {
  auto seg = [stretch](Position start, Position length) {
    return CodedSegment{start * stretch, (start + length) * stretch, 1};
  };
  const Position length = 24 * stretch;
  switch (pair) {
    case 'A':  // Bertha, Bill
      return two_coders(length, {seg(2, 8), seg(14, 6)}, {seg(4, 4), seg(15, 2)});
    case 'B':  // John, Jill (Jill's units abut)
      return two_coders(
          length, {seg(0, 18)},
          {seg(0, 2), seg(2, 1), seg(3, 1), seg(4, 1), seg(5, 1), seg(6, 3), seg(9, 1)});
    case 'C':  // Gerret, Gill
      return two_coders(length, {seg(2, 6), seg(10, 2), seg(14, 4), seg(20, 2)},
                        {seg(0, 2), seg(4, 4), seg(10, 4), seg(16, 2), seg(20, 2)});
    default:  // 'D': Heather, Hill
      return two_coders(length, {seg(0, 2), seg(2, 8), seg(10, 4), seg(14, 6), seg(20, 4)},
                        {seg(0, 4), seg(4, 4), seg(8, 7), seg(15, 2), seg(17, 7)});
  }
}

// Hand example 1 (L = 10): A codes [0,4), B codes [2,6), one value.
std::vector<Continuum> hand_one_value() {
  return two_coders(10, {{0, 4, 1}}, {{2, 6, 1}});
}

// Hand example 2 (L = 10): both code [0,4) as 1; on [6,8) A says 2, B says 1.
std::vector<Continuum> hand_two_values() {
  return two_coders(10, {{0, 4, 1}, {6, 8, 2}}, {{0, 4, 1}, {6, 8, 1}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unitized)

// Krippendorff (2004), Content Analysis 2nd ed., p. 254: continuum [150, 450)
// with values c and k, as restated in DKPro Statistics
// (Krippendorff2004Test.java), which gives Do(c) = 0.0144, De(c) = 0.0532,
// alpha(c) = 0.7286, Do(k) = 0, De(k) = 0.0490, alpha(k) = 1 and the
// combined 0.8591. Positions are moved down by 150 so the continuum starts
// at 0 (only differences of positions enter the coefficient).
// By hand, Do(c): the pairs of overlapping units give (225-220)^2 +
// (295-300)^2 = 50 and (370-355)^2 + (400-375)^2 = 850, and B's [400,420)
// lies inside A's gap [400,450): 20^2 = 400; (50 + 850 + 400) / 300^2 =
// 0.014444.
BOOST_AUTO_TEST_CASE(krippendorff_2004_worked_example) {
  const int c = 1, k = 2;
  auto at = [](Position start, Position length, int value) {
    return CodedSegment{start - 150, start - 150 + length, value};
  };
  const auto data =
      two_coders(300, {at(225, 70, c), at(370, 30, c), at(180, 60, k), at(300, 50, k)},
                 {at(220, 80, c), at(355, 20, c), at(400, 20, c), at(180, 60, k), at(300, 50, k)});
  const auto r = krippendorff_2004(data);
  BOOST_TEST_REQUIRE(r.by_value.size() == 2u);
  CHECK_NEAR(r.by_value[0].alpha.observed, 1300.0 / 90000.0, 1e-12);
  CHECK_NEAR(r.by_value[0].alpha.observed, 0.0144, 0.0001);
  CHECK_NEAR(r.by_value[0].alpha.expected, 0.0532, 0.0001);
  CHECK_NEAR(r.by_value[0].alpha.alpha, 0.7286, 0.0001);
  CHECK_NEAR(r.by_value[1].alpha.observed, 0.0, 1e-12);
  CHECK_NEAR(r.by_value[1].alpha.expected, 0.0490, 0.0001);
  CHECK_NEAR(r.by_value[1].alpha.alpha, 1.0, 1e-12);
  CHECK_NEAR(r.combined.alpha, 0.8591, 0.0005);
}

// Krippendorff (1995: 57). Observed disagreements as restated by DKPro
// Statistics (Krippendorff1995Test.testAgreement, to 1e-5); the paper's
// alphas (.553, -.926, .679, .066) hold for a finely divided continuum, so,
// as DKPro does, they are checked with every position multiplied by 50000
// and a tolerance of 0.02 (its note: the paper's expected disagreement
// carries a small error).
BOOST_AUTO_TEST_CASE(krippendorff_1995_worked_example) {
  const char pairs[] = {'A', 'B', 'C', 'D'};
  const double observed[] = {0.03125, 2.26736, 0.02777, 0.38715};
  const double alphas[] = {0.553, -0.926, 0.679, 0.066};
  for (int i = 0; i < 4; ++i) {
    BOOST_TEST_CONTEXT("pair " << pairs[i]) {
      const auto coarse = krippendorff_2004(example_1995(pairs[i], 1));
      CHECK_NEAR(coarse.by_value.at(0).alpha.observed, observed[i], 0.00001);
      const auto fine = krippendorff_2004(example_1995(pairs[i], 50000));
      CHECK_NEAR(fine.by_value.at(0).alpha.observed, observed[i], 0.00001);
      CHECK_NEAR(fine.by_value.at(0).alpha.alpha, alphas[i], 0.02);
    }
  }
}

// Character level: Krippendorff's (1995) pair A digitized, one unit per
// code point, has nominal alpha 0.329 (DKPro Statistics,
// Krippendorff1995Test.testDigitizedAgreement, to 0.001). By hand: the
// coders disagree on 2+2+1+3 = 8 of 24 points (percent 16/24); n = 48 values,
// n1 = 14 + 6 = 20, n0 = 28; alpha = 1 - (n-1) o01 / (n0 n1) = 1 - 47*8/560
// = 0.328571.
BOOST_AUTO_TEST_CASE(character_level_worked_example) {
  const auto r = character_alpha(example_1995('A', 1));
  CHECK_NEAR(r.alpha.alpha, 0.329, 0.001);
  CHECK_NEAR(r.alpha.alpha, 1.0 - 47.0 * 8.0 / 560.0, 1e-12);
  CHECK_NEAR(r.percent_agreement, 16.0 / 24.0, 1e-12);
}

// Hand example 3, three coders (m - 1 = 2 divides every coincidence), L = 6:
// A: [0,2) 1, [2,4) 2; B: [0,4) 1; C: [0,2) 1.
// Stretches: [0,2) 1/1/1, [2,4) 2/1/gap, [4,6) gap/gap/gap, each of length 2,
// so each ordered pair of coders adds 2/2 = 1 per stretch:
// l11 = 6, lgg = 6, and l12 = l21 = l2g = lg2 = l1g = lg1 = 1; l.. = 18;
// n1 = 8, n2 = 2, ng = 8.
// Corrections: value 1: 2^2 + 4^2 + 2^2 = 24; value 2: 2^2 = 4; gaps
// 2 + 2 + 4 = 8; 18^2 - 36 = 288.
// e11 = 18(64-24)/288 = 2.5, e22 = 18(4-4)/288 = 0, egg = 18(64-8)/288 = 3.5.
// uα: Do = 18 - 12 = 6, De = 18 - 6 = 12, alpha = 0.5.
// |uα: Do = 2(lg1 + lg2) = 4; eg1 = 18*8*8/288 = 4, eg2 = 18*8*2/288 = 1,
// De = 2*5 = 10, alpha = 0.6.
// cuα, with the rule documented for m > 2 (each unit's part coded by each
// other coder, squared, summed over the other coders, divided by m - 1):
// l*1 = 7, l*2 = 1, l*.. = 8; value 1: A [0,2): (2^2 + 2^2), B [0,4):
// (4^2 + 2^2), C [0,2): (2^2 + 2^2), sum 36 / 2 = 18; value 2: A [2,4):
// (2^2 + 0) / 2 = 2. Denominator 8 - 20/8 = 5.5; e*11 = (49-18)/5.5,
// e*22 = (1-2)/5.5; Do = 8 - 6 = 2, De = 8 - 30/5.5 = 14/5.5,
// alpha = 1 - 11/14.
BOOST_AUTO_TEST_CASE(hand_example_three_coders) {
  const std::vector<Continuum> data = {
      Continuum{6, {{{0, 2, 1}, {2, 4, 2}}, {{0, 4, 1}}, {{0, 2, 1}}}}};
  const auto r = unitized_alphas(data);
  CHECK_NEAR(r.u.observed_length, 6.0, 1e-12);
  CHECK_NEAR(r.u.expected_length, 12.0, 1e-12);
  CHECK_NEAR(r.u.alpha, 0.5, 1e-12);
  CHECK_NEAR(r.binary.observed_length, 4.0, 1e-12);
  CHECK_NEAR(r.binary.expected_length, 10.0, 1e-12);
  CHECK_NEAR(r.binary.alpha, 0.6, 1e-12);
  CHECK_NEAR(r.coding.alpha, 1.0 - 11.0 / 14.0, 1e-12);
  CHECK_NEAR(r.coding_coverage, 8.0 / 18.0, 1e-12);
}

// Hand example 1: A [0,4), B [2,6), L = 10, m = 2.
// Stretches: [0,2) 1/gap, [2,4) 1/1, [4,6) gap/1, [6,10) gap/gap.
// Coincidences (both orders, / (m-1) = 1): l11 = 4, l1g = lg1 = 4, lgg = 8;
// l.. = 20, margins n1 = 8, ng = 12.
// Corrections: units 4^2 + 4^2 = 32; gaps (A: 6; B: 2 + 4) = 12; total 44.
// Expected (eq. 4): e11 = 20(64-32)/356 = 640/356, egg = 20(144-12)/356 =
// 2640/356, e1g = 20*96/356 = 1920/356.
// uα: Do = 20 - 12 = 8, De = 20 - 3280/356 = 3840/356, alpha = 1 -
// 8*356/3840 = 0.258333; |uα is the same with one value.
// Character level: e = (n_c n_k - [c=k] n_c)/(n-1): e1g = 96/19, De =
// 192/19, alpha = 1 - 8*19/192 = 0.208333; agreement on [2,4) and [6,10):
// 6/10.
BOOST_AUTO_TEST_CASE(hand_example_one_value) {
  const auto r = unitized_alphas(hand_one_value());
  CHECK_NEAR(r.u.observed_length, 8.0, 1e-12);
  CHECK_NEAR(r.u.expected_length, 3840.0 / 356.0, 1e-12);
  CHECK_NEAR(r.u.pairable_length, 20.0, 1e-12);
  CHECK_NEAR(r.u.alpha, 1.0 - 8.0 * 356.0 / 3840.0, 1e-12);
  CHECK_NEAR(r.binary.alpha, 1.0 - 8.0 * 356.0 / 3840.0, 1e-12);
  BOOST_TEST(!r.coding.defined);  // one value: nothing to tell apart
  BOOST_TEST(std::isnan(r.coding.alpha));
  const auto ch = character_alpha(hand_one_value());
  CHECK_NEAR(ch.alpha.alpha, 1.0 - 8.0 * 19.0 / 192.0, 1e-12);
  CHECK_NEAR(ch.percent_agreement, 0.6, 1e-12);
}

// Hand example 2: [0,4) 1/1, [4,6) gap/gap, [6,8) A 2 / B 1, [8,10) gap/gap.
// l11 = 8, l12 = l21 = 2, lgg = 8, l.. = 20; n1 = 10, n2 = 2, ng = 8.
// Corrections: value 1: 16 + 16 + 4 = 36; value 2: 4; gaps 2+2+2+2 = 8;
// total 48, denominator 400 - 48 = 352.
// e11 = 20(100-36)/352 = 1280/352, e22 = 20(4-4)/352 = 0, egg =
// 20(64-8)/352 = 1120/352. uα: Do = 20 - 16 = 4, De = 20 - 2400/352 =
// 4640/352, alpha = 1 - 4*352/4640 = 0.696552.
// |uα: no gap/value coincidence observed: alpha = 1.
// cuα (eq. 10): l*1 = 10, l*2 = 2, l*.. = 12; pairable parts of each unit
// squared: value 1: 4^2 + 4^2 + 2^2 = 36, value 2: 2^2 = 4; denominator
// 12 - 40/12 = 26/3. e*11 = 64*3/26 = 192/26, e*22 = 0, e*12 = 60/26.
// Do = 12 - 8 = 4, De = 12 - 192/26 = 120/26, alpha = 1 - 104/120 =
// 0.133333; coverage 12/20.
// (1)uα (eq. 13b): 1 - (e*1./l*1)(l*1 - l11)/(e*1. - e*11) =
// 1 - (252/26 / 10)(2)/(60/26) = 1 - 0.84 = 0.16.
// (2)uα: 1 - (60/26 / 2)(2 - 0)/(60/26 - 0) = 0.
BOOST_AUTO_TEST_CASE(hand_example_two_values) {
  const auto r = unitized_alphas(hand_two_values());
  CHECK_NEAR(r.u.alpha, 1.0 - 4.0 * 352.0 / 4640.0, 1e-12);
  CHECK_NEAR(r.binary.alpha, 1.0, 1e-12);
  CHECK_NEAR(r.binary.observed_length, 0.0, 1e-12);
  CHECK_NEAR(r.coding.observed_length, 4.0, 1e-12);
  CHECK_NEAR(r.coding.expected_length, 120.0 / 26.0, 1e-12);
  CHECK_NEAR(r.coding.pairable_length, 12.0, 1e-12);
  CHECK_NEAR(r.coding.alpha, 1.0 - 104.0 / 120.0, 1e-12);
  CHECK_NEAR(r.coding_coverage, 0.6, 1e-12);
  BOOST_TEST_REQUIRE(r.by_value.size() == 2u);
  BOOST_TEST(r.by_value[0].value == 1);
  CHECK_NEAR(r.by_value[0].alpha.alpha, 0.16, 1e-12);
  CHECK_NEAR(r.by_value[0].coverage, 1.0, 1e-12);
  BOOST_TEST(r.by_value[1].value == 2);
  CHECK_NEAR(r.by_value[1].alpha.alpha, 0.0, 1e-12);
}

BOOST_AUTO_TEST_CASE(identical_codings_agree_perfectly) {
  const std::vector<CodedSegment> coding = {{3, 9, 1}, {12, 20, 2}, {25, 26, 1}, {30, 40, 3}};
  const std::vector<Continuum> data = {Continuum{50, {coding, coding, coding}}};
  const auto r = unitized_alphas(data);
  CHECK_NEAR(r.u.alpha, 1.0, 1e-12);
  CHECK_NEAR(r.binary.alpha, 1.0, 1e-12);
  CHECK_NEAR(r.coding.alpha, 1.0, 1e-12);
  for (const auto& v : r.by_value) CHECK_NEAR(v.alpha.alpha, 1.0, 1e-12);
  CHECK_NEAR(character_alpha(data).alpha.alpha, 1.0, 1e-12);
  CHECK_NEAR(character_alpha(data).percent_agreement, 1.0, 1e-12);
  const auto old = krippendorff_2004(data);
  for (const auto& v : old.by_value) CHECK_NEAR(v.alpha.alpha, 1.0, 1e-12);
}

BOOST_AUTO_TEST_CASE(swapping_coders_changes_nothing) {
  const std::vector<CodedSegment> a = {{0, 7, 1}, {9, 15, 2}, {40, 55, 1}};
  const std::vector<CodedSegment> b = {{2, 8, 1}, {10, 20, 1}, {41, 50, 2}, {70, 72, 2}};
  const std::vector<CodedSegment> c = {{1, 6, 2}, {44, 60, 1}};
  const auto one = unitized_alphas({Continuum{80, {a, b, c}}});
  const auto two = unitized_alphas({Continuum{80, {c, a, b}}});
  CHECK_NEAR(one.u.alpha, two.u.alpha, 1e-12);
  CHECK_NEAR(one.binary.alpha, two.binary.alpha, 1e-12);
  CHECK_NEAR(one.coding.alpha, two.coding.alpha, 1e-12);
  for (std::size_t i = 0; i < one.by_value.size(); ++i) {
    CHECK_NEAR(one.by_value[i].alpha.alpha, two.by_value[i].alpha.alpha, 1e-12);
  }
  const auto old_one = krippendorff_2004({Continuum{80, {a, b, c}}});
  const auto old_two = krippendorff_2004({Continuum{80, {b, c, a}}});
  CHECK_NEAR(old_one.combined.alpha, old_two.combined.alpha, 1e-12);
  CHECK_NEAR(character_alpha({Continuum{80, {a, b, c}}}).alpha.alpha,
             character_alpha({Continuum{80, {b, a, c}}}).alpha.alpha, 1e-12);
}

// Splitting a source at a point no segment crosses: the 2016 family and the
// character level are sums over stretches in which a gap counts per code
// point, so nothing changes. The 2004 coefficient's observed disagreement
// is unchanged too (a unit inside a gap stays inside one), but its expected
// disagreement depends on gap lengths, which the split shortens.
BOOST_AUTO_TEST_CASE(splitting_a_source_where_no_segment_crosses) {
  const std::vector<CodedSegment> a = {{2, 9, 1}, {20, 30, 2}, {60, 70, 1}};
  const std::vector<CodedSegment> b = {{3, 10, 1}, {22, 28, 1}, {62, 75, 1}};
  const std::vector<Continuum> whole = {Continuum{100, {a, b}}};
  // Split at 40: both coders have a gap there.
  auto shifted = [](std::vector<CodedSegment> segs, Position by) {
    for (auto& s : segs) {
      s.start -= by;
      s.end -= by;
    }
    return segs;
  };
  const std::vector<Continuum> split = {Continuum{40, {{a[0], a[1]}, {b[0], b[1]}}},
                                        Continuum{60, {shifted({a[2]}, 40), shifted({b[2]}, 40)}}};
  const auto w = unitized_alphas(whole), s = unitized_alphas(split);
  CHECK_NEAR(w.u.alpha, s.u.alpha, 1e-12);
  CHECK_NEAR(w.binary.alpha, s.binary.alpha, 1e-12);
  CHECK_NEAR(w.coding.alpha, s.coding.alpha, 1e-12);
  CHECK_NEAR(character_alpha(whole).alpha.alpha, character_alpha(split).alpha.alpha, 1e-12);
  const auto ow = krippendorff_2004(whole), os = krippendorff_2004(split);
  for (std::size_t i = 0; i < ow.by_value.size(); ++i) {
    CHECK_NEAR(ow.by_value[i].alpha.observed, os.by_value[i].alpha.observed, 1e-15);
    BOOST_TEST(ow.by_value[i].alpha.expected != os.by_value[i].alpha.expected);
  }
}

// Uncoded text added to both coders (hand example 1 with x more code points
// of gap): the observed disagreement stays 4 + 4, while chance agreement
// on uncoded text grows. |uα and the character-level alpha therefore rise,
// but only towards 1 - l_gv / n_v = 1 - 4/8 = 0.5 (|uα: e_gv -> n_v as the
// gap dominates; character level: (n-1)/n_g -> 1); percent agreement
// (6 + x)/(10 + x) goes all the way to 1.
BOOST_AUTO_TEST_CASE(uncoded_text_inflates_in_the_documented_direction) {
  double last_binary = -1, last_char = -1;
  for (Position extra : {Position{0}, Position{10}, Position{1000}, Position{100000000}}) {
    const auto data = two_coders(10 + extra, {{0, 4, 1}}, {{2, 6, 1}});
    const double binary = unitized_alphas(data).binary.alpha;
    const auto ch = character_alpha(data);
    BOOST_TEST_CONTEXT("extra " << extra) {
      BOOST_TEST(binary > last_binary);
      BOOST_TEST(ch.alpha.alpha > last_char);
      BOOST_TEST(binary < 0.5);
      BOOST_TEST(ch.alpha.alpha < 0.5);
      CHECK_NEAR(ch.percent_agreement, (6.0 + extra) / (10.0 + extra), 1e-12);
    }
    last_binary = binary;
    last_char = ch.alpha.alpha;
  }
  CHECK_NEAR(last_binary, 0.5, 1e-6);
  CHECK_NEAR(last_char, 0.5, 1e-6);
}

// Nothing is done per code point: a 10^8 code point source with a few
// segments is as quick as a short one (were it per code point, this test
// would take seconds and gigabytes).
BOOST_AUTO_TEST_CASE(long_continuum_is_handled_on_boundaries) {
  const Position length = 100000000;
  const auto data = two_coders(length, {{1000, 5000, 1}, {50000000, 50100000, 2}},
                               {{1200, 5000, 1}, {50000000, 50090000, 2}, {99999000, length, 1}});
  const auto r = unitized_alphas(data);
  BOOST_TEST(r.u.defined);
  BOOST_TEST(r.total_length == length);
  CHECK_NEAR(r.u.pairable_length, 2.0 * length, 1e-3);
  BOOST_TEST(character_alpha(data).alpha.defined);
  BOOST_TEST(krippendorff_2004(data).combined.defined);
  // Short units on a long text make the 2004 proportions tiny (of the
  // order of l^3 / L^3), but they are still defined and still 1 when the
  // coders agree.
  const auto tiny = two_coders(length, {{10, 20, 1}, {500, 510, 1}}, {{10, 20, 1}, {500, 510, 1}});
  const auto old = krippendorff_2004(tiny);
  BOOST_TEST(old.combined.defined);
  BOOST_TEST(old.combined.expected > 0.0);
  CHECK_NEAR(old.combined.alpha, 1.0, 1e-12);
  CHECK_NEAR(unitized_alphas(tiny).binary.alpha, 1.0, 1e-12);
}

BOOST_AUTO_TEST_CASE(binary_for_code_merges_overlaps_but_not_touching_segments) {
  const auto data = two_coders(20, {{0, 5, 7}, {3, 8, 7}, {8, 10, 7}, {2, 4, 9}}, {{12, 14, 9}});
  const auto one = binary_for_code(data, 7);
  BOOST_TEST_REQUIRE(one.size() == 1u);
  BOOST_TEST(one[0].length == 20);
  BOOST_TEST_REQUIRE(one[0].coders.size() == 2u);
  const auto& a = one[0].coders[0];
  BOOST_TEST_REQUIRE(a.size() == 2u);
  BOOST_TEST(a[0].start == 0);
  BOOST_TEST(a[0].end == 8);
  BOOST_TEST(a[1].start == 8);
  BOOST_TEST(a[1].end == 10);
  BOOST_TEST(one[0].coders[1].empty());
  // The unmerged data is refused by the multi-valued coefficients.
  expect_error(ErrorKind::Data, [&] { unitized_alphas(data); });
  BOOST_TEST(unitized_alphas(one).u.defined);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_with_its_place) {
  auto e = expect_error(ErrorKind::Data, [] {
    unitized_alphas(two_coders(10, {{0, 4, 1}}, {{5, 11, 1}}));
  });
  BOOST_TEST(casebook::testing::contains(e.what(), "source 1, coder 2"));
  BOOST_TEST(casebook::testing::contains(e.what(), "[5, 11)"));
  expect_error(ErrorKind::Data, [] { unitized_alphas(two_coders(10, {{4, 4, 1}}, {})); });
  expect_error(ErrorKind::Data, [] { character_alpha(two_coders(10, {{1, 4, -3}}, {})); });
  e = expect_error(ErrorKind::Data, [] {
    unitized_alphas(two_coders(10, {{0, 4, 1}, {3, 6, 2}}, {}));
  });
  BOOST_TEST(casebook::testing::contains(e.hint(), "binary_for_code"));
  expect_error(ErrorKind::Usage, [] { unitized_alphas({Continuum{10, {{{0, 4, 1}}}}}); });
  expect_error(ErrorKind::Usage, [] {
    unitized_alphas({Continuum{10, {{}, {}}}, Continuum{10, {{}, {}, {}}}});
  });
  expect_error(ErrorKind::Usage, [] { krippendorff_2004({}); });
}

// No coded text at all: no variation, so every coefficient is undefined
// rather than a misleading 1 or 0.
BOOST_AUTO_TEST_CASE(nothing_coded_is_undefined) {
  const auto r = unitized_alphas(two_coders(100, {}, {}));
  BOOST_TEST(!r.u.defined);
  BOOST_TEST(!r.binary.defined);
  BOOST_TEST(!r.coding.defined);
  BOOST_TEST(r.by_value.empty());
  BOOST_TEST(!character_alpha(two_coders(100, {}, {})).alpha.defined);
  BOOST_TEST(!krippendorff_2004(two_coders(100, {}, {})).combined.defined);
}

BOOST_AUTO_TEST_SUITE_END()

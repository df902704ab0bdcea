// MAXQDA-style segment agreement: one two-document example worked out by
// hand below for all three tables, the two overlap rules, and properties
// (identical codings, swapped coders, the threshold's edge, bad input).

#include "engine/agreement/segments.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <vector>

#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::agreement::code_frequency;
using casebook::agreement::code_presence;
using casebook::agreement::CodedDocument;
using casebook::agreement::OverlapBase;
using casebook::agreement::segment_agreement;
using casebook::agreement::segment_overlap;
using casebook::agreement::SegmentOptions;
using casebook::testing::expect_error;

namespace {

bool near(double actual, double expected) {
  return std::abs(actual - expected) <= 1e-12;
}

#define CHECK_NEAR(actual, expected) \
  BOOST_TEST(near((actual), (expected)), #actual " = " << (actual) << ", want " << (expected))

// Document 11: A codes 1 on [0,10) and [40,50), 2 on [20,30); B codes 1 on
// [0,9), 2 on [25,30), 3 on [60,70).
// Document 12: A codes 1 on [5,15); B codes 1 on [5,15) and [100,110).
std::vector<CodedDocument> example() {
  return {CodedDocument{
              11, {{0, 10, 1}, {20, 30, 2}, {40, 50, 1}}, {{0, 9, 1}, {25, 30, 2}, {60, 70, 3}}},
          CodedDocument{12, {{5, 15, 1}}, {{5, 15, 1}, {100, 110, 1}}}};
}

std::vector<CodedDocument> swapped(std::vector<CodedDocument> docs) {
  for (auto& d : docs) std::swap(d.coder_a, d.coder_b);
  return docs;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segments)

// Union rule, threshold 0.9.
// Code 1: A [0,10) ~ B [0,9): 9 / 10 = 0.9, agrees (both sides); A [40,50)
// alone; A [5,15) = B [5,15) (both sides); B [100,110) alone: 4 agree, 2 not.
// Code 2: A [20,30) ~ B [25,30): 5 / 10 = 0.5, neither side agrees: 0 and 2.
// Code 3: B [60,70) alone: 0 and 1.
// Total 4 of 9; three codes, chance 1/3; kappa = (4/9 - 1/3) / (2/3) = 1/6.
BOOST_AUTO_TEST_CASE(segment_table_by_hand) {
  const auto t = segment_agreement(example());
  BOOST_TEST_REQUIRE(t.rows.size() == 3u);
  BOOST_TEST(t.rows[0].code == 1);
  BOOST_TEST(t.rows[0].agreements == 4);
  BOOST_TEST(t.rows[0].disagreements == 2);
  CHECK_NEAR(t.rows[0].percent, 4.0 / 6.0);
  BOOST_TEST(t.rows[1].agreements == 0);
  BOOST_TEST(t.rows[1].disagreements == 2);
  BOOST_TEST(t.rows[2].code == 3);
  BOOST_TEST(t.rows[2].disagreements == 1);
  BOOST_TEST(t.total.agreements == 4);
  BOOST_TEST(t.total.disagreements == 5);
  CHECK_NEAR(t.total.percent, 4.0 / 9.0);
  BOOST_TEST(t.kappa.defined);
  CHECK_NEAR(t.kappa.chance, 1.0 / 3.0);
  CHECK_NEAR(t.kappa.value, 1.0 / 6.0);

  BOOST_TEST_REQUIRE(t.disagreements.size() == 5u);
  const auto& d = t.disagreements;
  BOOST_TEST((d[0].source == 11 && d[0].coder == 0 && d[0].segment.start == 20));
  CHECK_NEAR(d[0].best_overlap, 0.5);
  BOOST_TEST((d[1].source == 11 && d[1].coder == 0 && d[1].segment.start == 40));
  CHECK_NEAR(d[1].best_overlap, 0.0);
  BOOST_TEST((d[2].source == 11 && d[2].coder == 1 && d[2].segment.start == 25));
  BOOST_TEST((d[3].source == 11 && d[3].coder == 1 && d[3].segment.start == 60));
  BOOST_TEST((d[4].source == 12 && d[4].coder == 1 && d[4].segment.start == 100));
}

// Own rule: B's [25,30) lies wholly inside A's [20,30) (5 / 5 = 1), so it
// agrees from B's side while A's [20,30) (5 / 10) still does not: code 2
// becomes 1 of 2, the total 5 of 9.
BOOST_AUTO_TEST_CASE(own_rule_judges_each_segment_by_its_own_length) {
  const auto t = segment_agreement(example(), SegmentOptions{0.9, OverlapBase::Own});
  BOOST_TEST(t.rows[1].agreements == 1);
  BOOST_TEST(t.rows[1].disagreements == 1);
  BOOST_TEST(t.total.agreements == 5);
  CHECK_NEAR(segment_overlap({25, 30, 2}, {20, 30, 2}, OverlapBase::Own), 1.0);
  CHECK_NEAR(segment_overlap({20, 30, 2}, {25, 30, 2}, OverlapBase::Own), 0.5);
  CHECK_NEAR(segment_overlap({20, 30, 2}, {25, 30, 2}, OverlapBase::Union), 0.5);
  CHECK_NEAR(segment_overlap({0, 10, 1}, {10, 20, 1}, OverlapBase::Union), 0.0);
  CHECK_NEAR(segment_overlap({0, 10, 1}, {5, 20, 1}, OverlapBase::Union), 5.0 / 20.0);
}

// The 9-of-10 pair sits exactly on 0.9: a stricter threshold breaks it.
BOOST_AUTO_TEST_CASE(threshold_edge) {
  const auto strict = segment_agreement(example(), SegmentOptions{0.95, OverlapBase::Union});
  BOOST_TEST(strict.rows[0].agreements == 2);  // only the identical pair in document 12
  const auto exact = segment_agreement(example(), SegmentOptions{1.0, OverlapBase::Union});
  BOOST_TEST(exact.rows[0].agreements == 2);
  const auto loose = segment_agreement(example(), SegmentOptions{0.5, OverlapBase::Union});
  BOOST_TEST(loose.rows[1].agreements == 2);  // 0.5 now meets the threshold
}

// Presence by document: code 1 in both documents by both; code 2 by both
// in 11, by neither in 12; code 3 only by B in 11, by neither in 12.
// Code 1: 2/2 agree, but both coders always use it, so chance = 1 and
// kappa is undefined. Code 2: chance = .5*.5 + .5*.5 = .5, kappa = 1.
// Code 3: percent .5, chance = 0*.5 + 1*.5 = .5, kappa = 0.
// Total (6 cells: both 3, only B 1, neither 2): percent 5/6, pA = 1/2,
// pB = 2/3, chance = 1/3 + 1/6 = 1/2, kappa = (5/6 - 1/2) / (1/2) = 2/3.
BOOST_AUTO_TEST_CASE(presence_table_by_hand) {
  const auto t = code_presence(example());
  BOOST_TEST_REQUIRE(t.rows.size() == 3u);
  BOOST_TEST(t.rows[0].both == 2);
  CHECK_NEAR(t.rows[0].percent, 1.0);
  BOOST_TEST(!t.rows[0].kappa.defined);
  BOOST_TEST(t.rows[1].both == 1);
  BOOST_TEST(t.rows[1].neither == 1);
  CHECK_NEAR(t.rows[1].kappa.value, 1.0);
  BOOST_TEST(t.rows[2].only_b == 1);
  CHECK_NEAR(t.rows[2].percent, 0.5);
  CHECK_NEAR(t.rows[2].kappa.value, 0.0);
  BOOST_TEST(t.total.both == 3);
  BOOST_TEST(t.total.only_b == 1);
  BOOST_TEST(t.total.neither == 2);
  CHECK_NEAR(t.total.percent, 5.0 / 6.0);
  CHECK_NEAR(t.total.kappa.chance, 0.5);
  CHECK_NEAR(t.total.kappa.value, 2.0 / 3.0);
  // Asking for a code nobody used reports it as absent everywhere.
  const auto only = code_presence(example(), {9});
  BOOST_TEST_REQUIRE(only.rows.size() == 1u);
  BOOST_TEST(only.rows[0].neither == 2);
}

// Frequency: code 1 is used 2/1 times in 11 and 1/2 in 12 (both differ);
// code 2 once each in 11 (agree; 12 not counted, nobody used it); code 3
// 0/1 in 11 (differ). Total 1 of 4.
BOOST_AUTO_TEST_CASE(frequency_table_by_hand) {
  const auto t = code_frequency(example());
  BOOST_TEST_REQUIRE(t.rows.size() == 3u);
  BOOST_TEST(t.rows[0].agree == 0);
  BOOST_TEST(t.rows[0].disagree == 2);
  BOOST_TEST(t.rows[1].agree == 1);
  BOOST_TEST(t.rows[1].disagree == 0);
  CHECK_NEAR(t.rows[1].percent, 1.0);
  BOOST_TEST(t.rows[2].disagree == 1);
  CHECK_NEAR(t.total.percent, 0.25);
}

BOOST_AUTO_TEST_CASE(identical_codings_agree_everywhere) {
  auto docs = example();
  for (auto& d : docs) d.coder_b = d.coder_a;
  const auto t = segment_agreement(docs);
  BOOST_TEST(t.total.disagreements == 0);
  CHECK_NEAR(t.total.percent, 1.0);
  CHECK_NEAR(t.kappa.value, 1.0);
  BOOST_TEST(t.disagreements.empty());
  CHECK_NEAR(code_presence(docs).total.percent, 1.0);
  CHECK_NEAR(code_frequency(docs).total.percent, 1.0);
}

BOOST_AUTO_TEST_CASE(swapping_coders_swaps_only_the_labels) {
  const auto one = segment_agreement(example());
  const auto two = segment_agreement(swapped(example()));
  BOOST_TEST(one.total.agreements == two.total.agreements);
  BOOST_TEST(one.total.disagreements == two.total.disagreements);
  CHECK_NEAR(one.kappa.value, two.kappa.value);
  BOOST_TEST(one.disagreements.size() == two.disagreements.size());
  int a_one = 0, b_two = 0;
  for (const auto& d : one.disagreements) a_one += d.coder == 0;
  for (const auto& d : two.disagreements) b_two += d.coder == 1;
  BOOST_TEST(a_one == b_two);
  const auto p1 = code_presence(example()), p2 = code_presence(swapped(example()));
  BOOST_TEST(p1.total.only_b == p2.total.only_a);
  CHECK_NEAR(p1.total.kappa.value, p2.total.kappa.value);
}

BOOST_AUTO_TEST_CASE(one_code_leaves_kappa_undefined) {
  const std::vector<CodedDocument> docs = {CodedDocument{1, {{0, 5, 4}}, {{0, 5, 4}}}};
  const auto t = segment_agreement(docs);
  CHECK_NEAR(t.total.percent, 1.0);
  BOOST_TEST(!t.kappa.defined);  // chance 1/1 = 1
  BOOST_TEST(std::isnan(t.kappa.value));
  BOOST_TEST(!segment_agreement({}).kappa.defined);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused) {
  const std::vector<CodedDocument> bad = {CodedDocument{7, {{5, 5, 1}}, {}}};
  auto e = expect_error(ErrorKind::Data, [&] { segment_agreement(bad); });
  BOOST_TEST(casebook::testing::contains(e.what(), "source 7, coder A"));
  expect_error(ErrorKind::Data, [] { code_presence({CodedDocument{7, {}, {{-1, 3, 1}}}}); });
  expect_error(ErrorKind::Usage, [] { segment_agreement(example(), SegmentOptions{0.0}); });
  expect_error(ErrorKind::Usage, [] { segment_agreement(example(), SegmentOptions{1.5}); });
}

BOOST_AUTO_TEST_SUITE_END()

// Inter-coder agreement on a project (engine/intercoder): which codings and
// sources load_codings takes, presence agreement per unit, agreement on a
// dimension's values, character-level agreement, and the disagreements for a
// reconciliation meeting. Every expected value is worked out by hand in a
// comment from tiny projects: one source of four short paragraphs, coders
// alice and bob, codes a (with sub-code a.sub and an optional ordinal
// dimension strength), b and c.

#include "engine/intercoder/intercoder.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/targets.hpp"
#include "engine/intercoder/disagreements.hpp"
#include "project_fixture.hpp"

using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
namespace cb = casebook::codebook;
namespace coding = casebook::coding;
namespace store = casebook::store;
namespace ic = casebook::intercoder;
namespace ag = casebook::agreement;

namespace {

// Passages (code points): P1 [0,21) "Alpha one. Alpha two." (two sentences),
// P2 [23,28) "Beta.", P3 [30,36) "Gamma.", P4 [38,44) "Delta."; 44 in all.
const std::string kFour = "Alpha one. Alpha two.\n\nBeta.\n\nGamma.\n\nDelta.";

cb::Codebook small_codebook() {
  cb::Codebook book;
  book.name = "intercoder";
  cb::Dimension strength{
      "strength", cb::Level::Ordinal, "", {{"weak", ""}, {"moderate", ""}, {"strong", ""}}, {}, {}};
  book.dimensions = {strength};
  cb::Code a;
  a.key = "a";
  a.name = "A";
  a.dimensions = {{"strength", false}};
  cb::Code sub;
  sub.key = "a.sub";
  sub.parent = "a";
  sub.name = "A sub";
  cb::Code b;
  b.key = "b";
  b.name = "B";
  cb::Code c;
  c.key = "c";
  c.name = "C";
  book.codes = {a, sub, b, c};
  return book;
}

ic::Options quick() {
  ic::Options o;
  o.coefficients.bootstrap_samples = 0;
  return o;
}

const ag::Coefficient& coef(const ag::AgreementReport& r, const std::string& id) {
  for (const auto& c : r.coefficients) {
    if (c.id == id) return c;
  }
  BOOST_FAIL("no coefficient " << id);
  throw std::logic_error("unreachable");
}

double value(const ag::AgreementReport& r, const std::string& id) {
  const auto& c = coef(r, id);
  BOOST_REQUIRE_MESSAGE(c.value.has_value(), id << " undefined: " << c.undefined_reason);
  return *c.value;
}

bool near(double x, double y) {
  return std::fabs(x - y) < 1e-9;
}

struct IcFixture : casebook::testing::TextProject {
  store::SourceInfo s1;
  IcFixture() {
    s1 = add_source(kFour, "interview", "four");
    store::WriteTransaction tx(project.store());
    cb::load_codebook(project.store(), small_codebook(), "<codebook/>", "test.xml", "sam", {});
    tx.commit();
  }
  store::Store& db() { return project.store(); }
  coding::SourceText text(const store::SourceInfo& s) {
    return coding::load_source_text(db(), s.label);
  }
  coding::Target passage(int n, const store::SourceInfo* s = nullptr) {
    return coding::passage_target(db(), text(s ? *s : s1), n);
  }
  coding::Target sentence(int n) { return coding::sentence_target(db(), text(s1), n); }
  coding::Target range(const std::string& r) { return coding::range_target(text(s1), r); }
  std::int64_t code(const coding::Target& t, const std::string& key, const std::string& coder,
                    std::vector<std::pair<std::string, std::string>> dims = {}) {
    store::WriteTransaction tx(db());
    coding::CodeSpec spec{key, std::move(dims), ""};
    auto r = coding::add_codings(db(), {t}, spec, coder);
    tx.commit();
    BOOST_REQUIRE(r.added.size() == 1u);
    return r.added[0];
  }
  void remove(std::int64_t id, const std::string& coder) {
    store::WriteTransaction tx(db());
    coding::remove_codings(db(), {id}, coding::Viewer{coder, false}, "mistake");
    tx.commit();
  }
  void reject(std::int64_t id) {
    store::WriteTransaction tx(db());
    coding::reject_codings(db(), {id}, coding::Viewer{"sam", false}, "not this code");
    tx.commit();
  }
  void accept(std::int64_t id) {
    store::WriteTransaction tx(db());
    coding::accept_codings(db(), {id}, coding::Viewer{"sam", false}, "");
    tx.commit();
  }
  ic::ProjectCodings load(std::vector<std::string> codes = {},
                          std::vector<std::string> sources = {}) {
    return ic::load_codings(db(), {{"alice", "bob"}, std::move(codes), std::move(sources)});
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(intercoder_load, IcFixture)

BOOST_AUTO_TEST_CASE(only_coded_sources_count_unless_sources_are_given) {
  const auto s2 = add_source("Other text.", "interview", "two");
  const auto s3 = add_source("Third text.", "interview", "three");
  code(passage(1), "a", "alice");
  code(passage(1, &s2), "b", "bob");
  // Codes used: a, b (by key); sources coded: s1 and s2, not s3.
  auto pc = load();
  BOOST_TEST(pc.coders == (std::vector<std::string>{"alice", "bob"}));
  BOOST_TEST(pc.codes == (std::vector<std::string>{"a", "b"}));
  BOOST_REQUIRE(pc.sources.size() == 2u);
  BOOST_TEST(pc.sources[0].label == s1.label);
  BOOST_TEST(pc.sources[0].length == 44);
  BOOST_TEST(pc.sources[1].label == s2.label);
  BOOST_TEST(pc.sources[0].by_coder[0].size() == 1u);  // alice's a
  BOOST_TEST(pc.sources[0].by_coder[1].empty());
  BOOST_TEST(pc.sources[1].by_coder[1].size() == 1u);  // bob's b
  BOOST_TEST(pc.sources[1].by_coder[1][0].value == 1);
  // Only code a: only s1 was coded with it.
  pc = load({"a"});
  BOOST_REQUIRE(pc.sources.size() == 1u);
  BOOST_TEST(pc.sources[0].label == s1.label);
  // Sources given: taken as given, even uncoded.
  pc = load({}, {s3.label, s1.label});
  BOOST_REQUIRE(pc.sources.size() == 2u);
  BOOST_TEST(pc.sources[0].label == s3.label);
  BOOST_TEST(pc.sources[0].by_coder.size() == 2u);
  BOOST_TEST(pc.sources[0].by_coder[0].empty());
  BOOST_TEST(pc.sources[0].by_coder[1].empty());
  BOOST_TEST(pc.sources[0].length == 11);
}

BOOST_AUTO_TEST_CASE(sub_codes_count_under_the_given_parent) {
  code(passage(1), "a.sub", "alice");
  code(passage(1), "a", "bob");
  code(passage(2), "b", "bob");
  const auto pc = load({"a"});
  BOOST_TEST(pc.codes == (std::vector<std::string>{"a"}));
  BOOST_TEST(pc.code_index.size() == 2u);  // a and a.sub, both index 0
  for (const auto& [id, i] : pc.code_index) BOOST_TEST((i == std::vector<int>{0}));
  BOOST_REQUIRE(pc.sources.size() == 1u);
  BOOST_REQUIRE(pc.sources[0].by_coder[0].size() == 1u);
  BOOST_TEST(pc.sources[0].by_coder[0][0].value == 0);
  BOOST_TEST(pc.sources[0].by_coder[0][0].start == 0);
  BOOST_TEST(pc.sources[0].by_coder[0][0].end == 21);
  BOOST_TEST(pc.sources[0].by_coder[1].size() == 1u);  // bob's b is not compared
  // Without codes, a.sub is a code of its own.
  BOOST_TEST(load().codes == (std::vector<std::string>{"a", "a.sub", "b"}));
}

// A parent and its sub-code compared together: a coding of a.sub counts
// for both rows. alice and bob both coded a.sub on P1, so both rows agree
// fully (P1 present for both, P2-P4 absent for both): kappa 1 each.
BOOST_AUTO_TEST_CASE(a_sub_code_counts_for_its_parent_and_itself_when_both_are_named) {
  code(passage(1), "a.sub", "alice");
  code(passage(1), "a.sub", "bob");
  for (const auto& codes :
       {std::vector<std::string>{"a", "a.sub"}, std::vector<std::string>{"a.sub", "a"}}) {
    const auto pc = load(codes);
    BOOST_REQUIRE(pc.sources.size() == 1u);
    BOOST_TEST(pc.sources[0].by_coder[0].size() == 2u);  // one segment per row
    const auto u = ic::unit_agreement(db(), pc, ic::Unit::Passage, {});
    for (const auto& row : u.codes) {
      const auto* kappa = &row.report.coefficients[1];
      BOOST_REQUIRE(kappa->id == "cohen_kappa");
      BOOST_REQUIRE(kappa->value.has_value());
      BOOST_TEST(*kappa->value == 1.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(codes_and_sources_named_twice_are_refused) {
  code(passage(1), "a", "alice");
  code(passage(1), "a", "bob");
  expect_error(
      ErrorKind::Usage,
      [&] {
        load({"a", "A"});
      },
      "named twice");
  expect_error(
      ErrorKind::Usage,
      [&] {
        load({}, {s1.label, s1.label});
      },
      "named twice");
}

BOOST_AUTO_TEST_CASE(removed_codings_are_left_out_and_rejected_ones_kept) {
  const auto s2 = add_source("Other text.", "interview", "two");
  code(passage(1), "a", "alice");
  code(passage(1), "a", "bob");
  const auto gone = code(passage(2), "a", "alice");
  const auto gone2 = code(passage(1, &s2), "a", "bob");
  const auto rejected = code(passage(3), "a", "bob");
  remove(gone, "alice");
  remove(gone2, "bob");
  reject(rejected);
  const auto pc = load();
  // s2's only coding was removed: s2 is not coded any more.
  BOOST_REQUIRE(pc.sources.size() == 1u);
  BOOST_TEST(pc.sources[0].by_coder[0].size() == 1u);     // P1 only
  BOOST_REQUIRE(pc.sources[0].by_coder[1].size() == 2u);  // P1 and the rejected P3
  BOOST_TEST(pc.sources[0].by_coder[1][1].start == 30);
}

BOOST_AUTO_TEST_CASE(coders_are_matched_ignoring_case_and_checked) {
  code(passage(1), "a", "alice");
  code(passage(1), "a", "bob");
  BOOST_TEST(ic::resolve_coders(db(), {"ALICE", "Bob"}) ==
             (std::vector<std::string>{"alice", "bob"}));
  expect_error(
      ErrorKind::Usage,
      [&] {
        ic::load_codings(db(), {{"alice", "carol"}, {}, {}});
      },
      "alice, bob");
  expect_error(
      ErrorKind::Usage,
      [&] {
        ic::load_codings(db(), {{"alice"}, {}, {}});
      },
      "two coders");
  expect_error(
      ErrorKind::Usage,
      [&] {
        ic::load_codings(db(), {{"alice", "Alice"}, {}, {}});
      },
      "named twice");
  expect_error(
      ErrorKind::NotFound,
      [&] {
        ic::load_codings(db(), {{"alice", "bob"}, {"zzz"}, {}});
      },
      "zzz");
  expect_error(
      ErrorKind::NotFound,
      [&] {
        ic::load_codings(db(), {{"alice", "bob"}, {}, {"Nope-1"}});
      },
      "Nope-1");
}

BOOST_AUTO_TEST_CASE(a_coder_whose_codings_were_all_removed_is_unknown) {
  code(passage(1), "a", "alice");
  const auto only = code(passage(1), "a", "bob");
  remove(only, "bob");
  expect_error(
      ErrorKind::Usage, [&] { load(); }, "coders with codings: alice");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(intercoder_units, IcFixture)

BOOST_AUTO_TEST_CASE(passages_per_code_and_pooled) {
  code(passage(1), "a", "alice");
  code(passage(2), "a", "alice");
  code(passage(3), "b", "alice");
  code(passage(1), "a", "bob");
  code(passage(3), "b", "bob");
  const auto r = ic::unit_agreement(db(), load(), ic::Unit::Passage, quick());
  BOOST_TEST(r.units == 4u);
  BOOST_REQUIRE(r.codes.size() == 2u);
  // a: alice 1100, bob 1000. Agree on P1, P3, P4: po = 3/4. Present shares
  // alice 2/4, bob 1/4: pe = 2/4*1/4 + 2/4*3/4 = 1/2. kappa = (3/4-1/2)/(1/2) = 1/2.
  const auto& a = r.codes[0];
  BOOST_TEST(a.code == "a");
  BOOST_TEST(a.report.units == 4u);
  BOOST_TEST(near(value(a.report, "percent_agreement"), 0.75));
  BOOST_TEST(near(value(a.report, "cohen_kappa"), 0.5));
  // b: both 0010: po = 1, pe = 1/16 + 9/16 = 5/8, kappa = 1.
  const auto& b = r.codes[1];
  BOOST_TEST(b.code == "b");
  BOOST_TEST(near(value(b.report, "percent_agreement"), 1.0));
  BOOST_TEST(near(value(b.report, "cohen_kappa"), 1.0));
  // Pooled: 8 (unit, code) pairs; both 2, alice only 1, neither 5. po = 7/8;
  // present alice 3/8, bob 2/8: pe = 6/64 + 30/64 = 36/64;
  // kappa = (56/64 - 36/64) / (28/64) = 20/28 = 5/7.
  BOOST_TEST(r.pooled.code.empty());
  BOOST_TEST(r.pooled.report.units == 8u);
  BOOST_TEST(near(value(r.pooled.report, "percent_agreement"), 7.0 / 8));
  BOOST_TEST(near(value(r.pooled.report, "cohen_kappa"), 5.0 / 7));
}

BOOST_AUTO_TEST_CASE(a_coding_across_two_passages_marks_both) {
  code(range("0:28"), "c", "alice");  // P1, the blank line and P2
  code(passage(2), "c", "bob");
  code(passage(4), "a", "bob");
  const auto r = ic::unit_agreement(db(), load({"c"}), ic::Unit::Passage, quick());
  // c: alice 1100, bob 0100: po 3/4, pe = 2/4*1/4 + 2/4*3/4 = 1/2, kappa 1/2.
  BOOST_REQUIRE(r.codes.size() == 1u);
  BOOST_TEST(near(value(r.codes[0].report, "percent_agreement"), 0.75));
  BOOST_TEST(near(value(r.codes[0].report, "cohen_kappa"), 0.5));
}

BOOST_AUTO_TEST_CASE(a_coding_of_the_blank_lines_only_marks_no_passage) {
  code(range("21:23"), "c", "alice");  // the "\n\n" between P1 and P2
  code(passage(2), "c", "bob");
  const auto r = ic::unit_agreement(db(), load({"c"}), ic::Unit::Passage, quick());
  // alice 0000, bob 0100: po 3/4.
  BOOST_TEST(near(value(r.codes[0].report, "percent_agreement"), 0.75));
}

BOOST_AUTO_TEST_CASE(sentences_tell_apart_what_passages_do_not) {
  code(sentence(1), "a", "alice");  // "Alpha one."
  code(sentence(2), "a", "bob");    // "Alpha two."
  const auto pc = load();
  // Sentences: 2 in P1, 1 in each other passage = 5. alice 10000, bob 01000:
  // po = 3/5; pe = 1/5*1/5 + 4/5*4/5 = 17/25; kappa = (15/25-17/25)/(8/25) = -1/4.
  const auto s = ic::unit_agreement(db(), pc, ic::Unit::Sentence, quick());
  BOOST_TEST(s.units == 5u);
  BOOST_TEST(near(value(s.codes[0].report, "percent_agreement"), 0.6));
  BOOST_TEST(near(value(s.codes[0].report, "cohen_kappa"), -0.25));
  // By passage both coded P1: 1000 and 1000, kappa 1.
  const auto p = ic::unit_agreement(db(), pc, ic::Unit::Passage, quick());
  BOOST_TEST(near(value(p.codes[0].report, "cohen_kappa"), 1.0));
  expect_error(
      ErrorKind::Usage, [&] { ic::unit_agreement(db(), pc, ic::Unit::Character, quick()); },
      "character");
}

BOOST_AUTO_TEST_CASE(unit_names_parse_ignoring_case) {
  BOOST_TEST((ic::parse_unit("Passage") == ic::Unit::Passage));
  BOOST_TEST((ic::parse_unit("SENTENCE") == ic::Unit::Sentence));
  BOOST_TEST((ic::parse_unit("source") == ic::Unit::Source));
  BOOST_TEST((ic::parse_unit("character") == ic::Unit::Character));
  BOOST_TEST(std::string(ic::to_string(ic::Unit::Sentence)) == "sentence");
  expect_error(
      ErrorKind::Usage, [] { ic::parse_unit("word"); }, "passage, sentence, source or character");
}

BOOST_AUTO_TEST_CASE(by_source_with_an_uncoded_source_given) {
  const auto s2 = add_source("Other text.", "interview", "two");
  const auto s3 = add_source("Third text.", "interview", "three");
  code(passage(2), "a", "alice");
  code(passage(4), "a", "bob");
  code(passage(1, &s2), "a", "bob");
  const auto r =
      ic::unit_agreement(db(), load({}, {s1.label, s2.label, s3.label}), ic::Unit::Source, quick());
  // Units s1, s2, s3: alice 100, bob 110. po = 2/3; present alice 1/3, bob
  // 2/3: pe = 1/3*2/3 + 2/3*1/3 = 4/9; kappa = (6/9-4/9)/(5/9) = 2/5.
  BOOST_TEST(r.units == 3u);
  BOOST_TEST(near(value(r.codes[0].report, "percent_agreement"), 2.0 / 3));
  BOOST_TEST(near(value(r.codes[0].report, "cohen_kappa"), 0.4));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(intercoder_dimensions, IcFixture)

BOOST_AUTO_TEST_CASE(ordinal_values_where_coded) {
  code(passage(1), "a", "alice", {{"strength", "weak"}});
  code(passage(2), "a", "alice", {{"strength", "strong"}});
  code(passage(3), "a", "alice", {{"strength", "moderate"}});
  code(passage(4), "a", "alice", {{"strength", "weak"}});
  code(range("38:43"), "a", "alice", {{"strength", "strong"}});  // P4 again, undecided
  code(passage(1), "a", "bob", {{"strength", "weak"}});
  code(passage(2), "a", "bob", {{"strength", "strong"}});
  code(passage(3), "a", "bob", {{"strength", "strong"}});
  code(passage(4), "a", "bob", {{"strength", "moderate"}});
  code(passage(1), "b", "bob");  // no dimension: no unit
  const auto d = ic::dimension_agreement(db(), load(), ic::Unit::Passage, "Strength", quick());
  BOOST_TEST(d.dimension == "strength");
  BOOST_TEST((d.report.level == ag::Level::Ordinal));
  BOOST_TEST(d.report.categories == 3u);  // weak, moderate, strong from the codebook
  // Units (passage, a): P1 (weak, weak), P2 (strong, strong), P3 (moderate,
  // strong), P4 (missing: alice gave weak and strong, moderate). Pairable:
  // P1-P3, agreeing on 2: po = 2/3. Cohen on those 3: alice w s m, bob w s s;
  // pe = w 1/3*1/3 + m 1/3*0 + s 1/3*2/3 = 1/3; kappa = (2/3-1/3)/(2/3) = 1/2.
  BOOST_TEST(d.report.units == 4u);
  const auto& pa = coef(d.report, "percent_agreement");
  BOOST_TEST(pa.units == 3u);
  BOOST_TEST(near(value(d.report, "percent_agreement"), 2.0 / 3));
  BOOST_TEST(near(value(d.report, "cohen_kappa"), 0.5));
  // Linear weights (3 categories: w_ij = 1 - |i-j|/2): the one disagreement
  // (moderate, strong) gets weight 1/2, so po_w = (1 + 1 + 1/2)/3 = 5/6.
  // Joint marginals: alice (1/3,1/3,1/3), bob (1/3,0,2/3); pe_w = sum
  // pa_i pb_j w_ij = 1/3 * [ (1/3*1 + 0 + 2/3*0) + (1/3*1/2 + 0 + 2/3*1/2)
  // + (1/3*0 + 0 + 2/3*1) ] = 1/3 * (1/3 + 1/2 + 2/3) = 1/2.
  // kappa_w = (5/6 - 1/2) / (1/2) = 2/3.
  BOOST_TEST(near(value(d.report, "cohen_kappa_linear"), 2.0 / 3));
  coef(d.report, "krippendorff_alpha_ordinal");  // present at ordinal level
}

BOOST_AUTO_TEST_CASE(unknown_dimension_and_character_unit_are_refused) {
  code(passage(1), "a", "alice", {{"strength", "weak"}});
  code(passage(1), "a", "bob", {{"strength", "weak"}});
  const auto pc = load();
  expect_error(
      ErrorKind::NotFound,
      [&] { ic::dimension_agreement(db(), pc, ic::Unit::Passage, "size", quick()); }, "size");
  expect_error(
      ErrorKind::Usage,
      [&] { ic::dimension_agreement(db(), pc, ic::Unit::Character, "strength", quick()); }, "unit");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(intercoder_characters, IcFixture)

BOOST_AUTO_TEST_CASE(identical_codings_agree_fully) {
  for (const char* coder : {"alice", "bob"}) {
    code(passage(1), "a", coder);
    code(passage(3), "b", coder);
  }
  const auto r = ic::character_agreement(load(), quick());
  BOOST_TEST(r.length == 44);
  BOOST_REQUIRE(r.codes.size() == 2u);
  for (const auto& c : r.codes) {
    BOOST_TEST_CONTEXT(c.code) {
      BOOST_TEST(c.unitized.u.defined);
      BOOST_TEST(near(c.unitized.u.alpha, 1.0));
      BOOST_TEST(c.character.alpha.defined);
      BOOST_TEST(near(c.character.alpha.alpha, 1.0));
      BOOST_TEST(near(c.character.percent_agreement, 1.0));
    }
  }
  // Segment table: each code has one segment per coder, matched: 2 agreements.
  BOOST_REQUIRE(r.segments.has_value());
  BOOST_REQUIRE(r.segments->rows.size() == 2u);
  for (const auto& row : r.segments->rows) {
    BOOST_TEST(row.agreements == 2);
    BOOST_TEST(row.disagreements == 0);
  }
  BOOST_TEST(r.segments->total.agreements == 4);
  BOOST_TEST(r.segments->disagreements.empty());
  BOOST_REQUIRE(r.presence.has_value());
  BOOST_TEST(r.presence->rows.size() == 2u);
  BOOST_TEST(r.frequency.has_value());
}

BOOST_AUTO_TEST_CASE(a_coders_overlapping_codings_of_one_code_are_merged) {
  code(passage(1), "a", "alice");
  code(range("0:10"), "a", "alice");  // inside P1: merged into [0,21)
  code(passage(1), "a", "bob");
  const auto r = ic::character_agreement(load(), quick());
  BOOST_REQUIRE(r.codes.size() == 1u);
  BOOST_TEST(near(r.codes[0].unitized.u.alpha, 1.0));
  BOOST_TEST(near(r.codes[0].character.alpha.alpha, 1.0));
  // Segments are compared unmerged: alice's P1 matches bob's (2 agreements),
  // her [0,10) overlaps his P1 by 10/21 < 0.9 (1 disagreement).
  BOOST_REQUIRE(r.segments.has_value());
  BOOST_REQUIRE(r.segments->rows.size() == 1u);
  BOOST_TEST(r.segments->rows[0].agreements == 2);
  BOOST_TEST(r.segments->rows[0].disagreements == 1);
  BOOST_REQUIRE(r.segments->disagreements.size() == 1u);
  BOOST_TEST(r.segments->disagreements[0].coder == 0);
  BOOST_TEST(r.segments->disagreements[0].segment.end == 10);
}

BOOST_AUTO_TEST_CASE(three_coders_have_no_pair_tables) {
  for (const char* coder : {"alice", "bob", "carol"}) code(passage(2), "a", coder);
  const auto pc = ic::load_codings(db(), {{"alice", "bob", "carol"}, {}, {}});
  const auto r = ic::character_agreement(pc, quick());
  BOOST_TEST(near(r.codes[0].character.alpha.alpha, 1.0));
  BOOST_TEST(!r.segments.has_value());
  BOOST_TEST(!r.presence.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(intercoder_disagreements, IcFixture)

ic::DisagreementScope pair_scope() {
  ic::DisagreementScope s;
  s.first = "alice";
  s.second = "bob";
  return s;
}

BOOST_AUTO_TEST_CASE(each_kind_in_source_then_position_order) {
  const auto s2 = add_source("Other text.", "interview", "two");
  const auto c_a = code(passage(1), "c", "alice");  // agreed: not listed
  code(passage(1), "c", "bob");
  const auto b_a = code(passage(1), "b", "alice");  // b on [0,21) vs [0,10)
  const auto b_b = code(range("0:10"), "b", "bob");
  const auto dc_a = code(passage(2), "a", "alice");  // a vs b on P2
  const auto dc_b = code(passage(2), "b", "bob");
  const auto dim_a = code(passage(3), "a", "alice", {{"strength", "weak"}});
  const auto dim_b = code(passage(3), "a", "bob", {{"strength", "strong"}});
  const auto only_a = code(passage(4), "a", "alice");
  const auto other_b = code(passage(1, &s2), "a", "bob");  // in s2
  (void)c_a;
  const auto d = ic::find_disagreements(db(), pair_scope());
  // s1 by (start, end): boundaries [0,21), different code [23,28),
  // dimensions [30,36), only one [38,44); then s2's only one.
  BOOST_REQUIRE(d.size() == 5u);
  BOOST_TEST((d[0].kind == ic::DisagreementKind::Boundaries));
  BOOST_TEST(d[0].span.start == 0u);
  BOOST_TEST(d[0].span.end == 21u);
  BOOST_REQUIRE(d[0].first.size() == 1u);
  BOOST_REQUIRE(d[0].second.size() == 1u);
  BOOST_TEST(d[0].first[0].id == b_a);
  BOOST_TEST(d[0].second[0].id == b_b);
  BOOST_TEST((d[1].kind == ic::DisagreementKind::DifferentCode));
  BOOST_TEST(d[1].first.at(0).id == dc_a);
  BOOST_TEST(d[1].second.at(0).id == dc_b);
  BOOST_TEST((d[2].kind == ic::DisagreementKind::Dimensions));
  BOOST_TEST(d[2].first.at(0).id == dim_a);
  BOOST_TEST(d[2].second.at(0).id == dim_b);
  BOOST_TEST((d[3].kind == ic::DisagreementKind::OnlyOne));
  BOOST_TEST(d[3].first.at(0).id == only_a);
  BOOST_TEST(d[3].second.empty());
  BOOST_TEST(d[3].source_label == s1.label);
  BOOST_TEST((d[4].kind == ic::DisagreementKind::OnlyOne));
  BOOST_TEST(d[4].source_label == s2.label);
  BOOST_TEST(d[4].first.empty());
  BOOST_TEST(d[4].second.at(0).id == other_b);
  for (const auto& x : d) BOOST_TEST(!x.resolved);
}

BOOST_AUTO_TEST_CASE(the_threshold_decides_boundaries_and_is_checked) {
  code(passage(1), "b", "alice");
  code(range("0:10"), "b", "bob");
  auto s = pair_scope();
  // Overlap 10/21 = 0.476...: below 0.9 a disagreement, at 0.4 one span.
  BOOST_TEST(ic::find_disagreements(db(), s).size() == 1u);
  s.threshold = 0.4;
  BOOST_TEST(ic::find_disagreements(db(), s).empty());
  s.threshold = 1.0;
  BOOST_TEST(ic::find_disagreements(db(), s).size() == 1u);
  for (double bad : {0.0, -0.5, 1.5, std::nan("")}) {
    s.threshold = bad;
    expect_error(
        ErrorKind::Usage, [&] { ic::find_disagreements(db(), s); }, "threshold");
  }
}

BOOST_AUTO_TEST_CASE(pairs_are_made_best_overlap_first) {
  code(passage(1), "a", "alice");                     // [0,21)
  const auto part = code(range("0:10"), "a", "bob");  // listed first (earlier end)
  code(passage(1), "a", "bob");                       // [0,21): the exact match
  // Best first: alice's P1 pairs with bob's P1 (overlap 1), leaving bob's
  // [0,10) without a same-code partner and no unpaired coding of alice's to
  // overlap: one "only one" disagreement, not a boundaries one.
  const auto d = ic::find_disagreements(db(), pair_scope());
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST((d[0].kind == ic::DisagreementKind::OnlyOne));
  BOOST_TEST(d[0].first.empty());
  BOOST_REQUIRE(d[0].second.size() == 1u);
  BOOST_TEST(d[0].second[0].id == part);
}

BOOST_AUTO_TEST_CASE(different_codes_group_all_overlapping_codings) {
  // alice: a on P1; bob: b on [0,10) and c on [11,21). All three overlap
  // through alice's coding: one "different codes" group spanning [0,21).
  code(passage(1), "a", "alice");
  code(range("0:10"), "b", "bob");
  code(range("11:21"), "c", "bob");
  const auto d = ic::find_disagreements(db(), pair_scope());
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST((d[0].kind == ic::DisagreementKind::DifferentCode));
  BOOST_TEST(d[0].first.size() == 1u);
  BOOST_TEST(d[0].second.size() == 2u);
  BOOST_TEST(d[0].span.start == 0u);
  BOOST_TEST(d[0].span.end == 21u);
}

BOOST_AUTO_TEST_CASE(resolved_once_every_coding_is_reviewed) {
  const auto mine = code(passage(2), "a", "alice");
  const auto theirs = code(passage(2), "b", "bob");
  auto s = pair_scope();
  accept(mine);
  // Half reviewed: still open.
  auto d = ic::find_disagreements(db(), s);
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(!d[0].resolved);
  reject(theirs);
  BOOST_TEST(ic::find_disagreements(db(), s).empty());
  s.include_resolved = true;
  d = ic::find_disagreements(db(), s);
  BOOST_REQUIRE(d.size() == 1u);  // the rejected coding still counts
  BOOST_TEST(d[0].resolved);
  BOOST_TEST((d[0].kind == ic::DisagreementKind::DifferentCode));
  BOOST_TEST(d[0].second.at(0).review_status == "rejected");
}

// With codes named, codings are compared by the named code they fall under,
// as agreement counts them: alice's a and bob's a.sub on P1 agree on "a".
BOOST_AUTO_TEST_CASE(named_codes_compare_sub_codes_as_their_parent) {
  code(passage(1), "a", "alice");
  code(passage(1), "a.sub", "bob");
  auto s = pair_scope();
  const auto all = ic::find_disagreements(db(), s);
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST((all[0].kind == ic::DisagreementKind::DifferentCode));
  s.codes = {"a"};
  BOOST_TEST(ic::find_disagreements(db(), s).empty());
  // Naming the sub-code too makes it its own: a against a.sub differ again.
  s.codes = {"a", "a.sub"};
  BOOST_TEST(ic::find_disagreements(db(), s).size() == 1u);
}

BOOST_AUTO_TEST_CASE(codes_and_sources_narrow_the_search) {
  const auto s2 = add_source("Other text.", "interview", "two");
  code(passage(2), "a", "alice");
  code(passage(3), "b", "bob");
  code(passage(1, &s2), "c", "bob");
  auto s = pair_scope();
  BOOST_TEST(ic::find_disagreements(db(), s).size() == 3u);
  s.codes = {"b"};
  const auto d = ic::find_disagreements(db(), s);
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].second.at(0).code == "b");
  s.codes.clear();
  s.sources = {s2.label};
  BOOST_TEST(ic::find_disagreements(db(), s).size() == 1u);
  s.second = "carol";
  expect_error(
      ErrorKind::Usage, [&] { ic::find_disagreements(db(), s); }, "carol");
}

BOOST_AUTO_TEST_SUITE_END()

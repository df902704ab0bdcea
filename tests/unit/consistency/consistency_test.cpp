// The consistency checks (casebook audit), each on a real project whose
// codings are made through the coding engine, with codebook versions loaded
// in between where a check is about codings older than the codebook's rules.

#include "engine/consistency/consistency.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/targets.hpp"
#include "project_fixture.hpp"

using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
namespace cb = casebook::codebook;
namespace coding = casebook::coding;
namespace cons = casebook::consistency;
namespace store = casebook::store;

namespace {

// Passages: 1 "We queued ..." [0, 51), 2 "The veto ..." [53, 121), 3 "Cafe ...".
const std::string kInterview =
    "We queued for the shared staff. It was a real slog.\n\n"
    "The veto of one council slowed every approval. The board met twice.\n\n"
    "Cafe owners and the board spoke. The board agreed.";
const std::string kMinutes =
    "Minutes of the joint committee.\n\n"
    "Members noted the queue for benefits staff.";

// expost (expost.queuing, expost.veto) and exante. Later versions make
// expost.veto and exante exclusive, and strength required on expost.queuing.
cb::Codebook test_codebook(bool exclusive_group, bool strength_required) {
  cb::Codebook book;
  book.name = "test";
  book.dimensions = {{"strength",
                      cb::Level::Ordinal,
                      "",
                      {{"weak", ""}, {"moderate", ""}, {"strong", ""}},
                      {},
                      {},
                      0}};
  cb::Code expost;
  expost.key = "expost";
  expost.name = "Ex-post";
  cb::Code queuing;
  queuing.key = "expost.queuing";
  queuing.parent = "expost";
  queuing.name = "Queuing";
  queuing.dimensions = {{"strength", strength_required}};
  cb::Code veto;
  veto.key = "expost.veto";
  veto.parent = "expost";
  veto.name = "Veto players";
  cb::Code exante;
  exante.key = "exante";
  exante.name = "Ex-ante";
  book.codes = {expost, queuing, veto, exante};
  if (exclusive_group) book.exclusive_groups = {{"kind", {"expost.veto", "exante"}, 0}};
  return book;
}

using Dims = std::vector<std::pair<std::string, std::string>>;

struct AuditFixture : casebook::testing::TextProject {
  store::SourceInfo interview, minutes;
  AuditFixture() {
    interview = add_source(kInterview, "interview", "int");
    minutes = add_source(kMinutes, "minutes", "min");
    sync_index();
    load(false, false);
  }
  store::Store& db() { return project.store(); }
  coding::SourceText text() { return coding::load_source_text(db(), interview.label); }

  void load(bool exclusive_group, bool strength_required) {
    store::WriteTransaction tx(db());
    cb::load_codebook(db(), test_codebook(exclusive_group, strength_required), "<codebook/>",
                      "test.xml", "sam", {});
    tx.commit();
  }
  std::int64_t code(const coding::Target& t, const std::string& key, const std::string& coder,
                    Dims dims = {}) {
    store::WriteTransaction tx(db());
    const auto r =
        coding::add_codings(db(), {t}, coding::CodeSpec{key, std::move(dims), ""}, coder);
    tx.commit();
    BOOST_REQUIRE(r.added.size() == 1u);
    return r.added[0];
  }
  coding::Target passage(int n) { return coding::passage_target(db(), text(), n); }
  coding::Target range(std::size_t start, std::size_t end) {
    return coding::range_target(text(), std::to_string(start) + ":" + std::to_string(end));
  }
  void exec(const std::string& sql) { db().db().exec(sql); }

  cons::ConsistencyReport audit(cons::ConsistencyOptions options = {}) {
    return cons::run_consistency_checks(project, options);
  }
  // The findings of one check (which must have run).
  std::vector<cons::Finding> findings(const std::string& check,
                                      cons::ConsistencyOptions options = {}) {
    options.checks = {check};
    const auto report = audit(options);
    BOOST_REQUIRE(report.checks.size() == 1u);
    BOOST_TEST(report.checks[0].skipped == "");
    return report.checks[0].findings;
  }
};

std::string severity(const cons::Finding& f) {
  return cons::to_string(f.severity);
}

std::vector<std::string> strings(std::initializer_list<const char*> items) {
  return {items.begin(), items.end()};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(consistency_checks, AuditFixture)

BOOST_AUTO_TEST_CASE(a_clean_project_has_no_findings) {
  load(true, true);
  // Overlaps of codes that are not exclusive, and two coders agreeing.
  for (const char* coder : {"alice", "bob"}) {
    code(passage(1), "expost.queuing", coder, {{"strength", "weak"}});
    code(passage(2), "expost.veto", coder);
    code(coding::sentence_target(db(), text(), 3), "expost.queuing", coder,
         {{"strength", "strong"}});
    code(passage(3), "exante", coder);
  }
  cons::ConsistencyOptions options;
  options.exclusions = {{"exante", "queue*"}};
  const auto report = audit(options);
  BOOST_TEST(report.codings == 8u);
  BOOST_TEST(report.coders == strings({"alice", "bob"}), boost::test_tools::per_element());
  BOOST_REQUIRE(report.checks.size() == cons::check_names().size());
  for (const auto& c : report.checks) {
    BOOST_TEST(c.skipped == "", c.check);
    BOOST_TEST(c.findings.empty(), c.check
                                       << ": " << c.findings.size() << " finding(s), first: "
                                       << (c.findings.empty() ? "" : c.findings[0].explanation));
  }
}

BOOST_AUTO_TEST_CASE(usage_finds_unused_codes_and_codes_of_one_coder) {
  code(passage(1), "expost.queuing", "alice");
  code(passage(1), "expost.queuing", "bob");
  code(passage(2), "expost.veto", "bob");
  const auto f = findings("usage");
  BOOST_REQUIRE(f.size() == 2u);
  // expost is used through its sub-codes; exante by no one.
  BOOST_TEST(f[0].kind == "unused-code");
  BOOST_TEST(severity(f[0]) == "warning");
  BOOST_TEST(f[0].codes == strings({"exante"}), boost::test_tools::per_element());
  BOOST_TEST(contains(f[0].explanation, "exante is never used"));
  BOOST_TEST(f[1].kind == "one-coder");
  BOOST_TEST(severity(f[1]) == "note");
  BOOST_TEST(f[1].codes == strings({"expost.veto"}), boost::test_tools::per_element());
  BOOST_TEST(f[1].coders == strings({"bob"}), boost::test_tools::per_element());
  BOOST_TEST(
      contains(f[1].explanation, "used by bob only (1 coding(s)) of the project's 2 coders"));
}

BOOST_AUTO_TEST_CASE(usage_with_one_coder_reports_only_unused_codes) {
  code(passage(2), "expost.veto", "alice");
  const auto f = findings("usage");
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].codes == strings({"expost.queuing"}), boost::test_tools::per_element());
  BOOST_TEST(f[1].codes == strings({"exante"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exclusive_codes_overlapping_are_problems_for_one_coder_notes_for_two) {
  // Coded before the codebook made expost.veto and exante exclusive.
  const auto veto = code(passage(2), "expost.veto", "alice");
  const auto sentence = code(coding::sentence_target(db(), text(), 3), "exante", "alice");
  const auto bobs = code(passage(2), "exante", "bob");
  code(passage(1), "exante", "alice");  // no overlap with any veto
  load(true, false);
  const auto f = findings("exclusive");
  BOOST_REQUIRE(f.size() == 2u);
  // The sentence [53, 99) comes first (same start, shorter).
  BOOST_TEST(f[0].kind == "same-coder-overlap");
  BOOST_TEST(severity(f[0]) == "problem");
  BOOST_TEST(f[0].codings == std::vector<std::int64_t>({sentence, veto}),
             boost::test_tools::per_element());
  BOOST_TEST(f[0].coders == strings({"alice"}), boost::test_tools::per_element());
  BOOST_TEST(f[0].source == interview.label);
  BOOST_REQUIRE(f[0].span.has_value());
  BOOST_TEST(f[0].span->start == 53u);
  BOOST_TEST(f[0].span->end == 99u);
  BOOST_TEST(contains(f[0].explanation, "(group kind)"));
  BOOST_TEST(f[1].kind == "coder-disagreement");
  BOOST_TEST(severity(f[1]) == "note");
  BOOST_TEST(f[1].codings == std::vector<std::int64_t>({veto, bobs}),
             boost::test_tools::per_element());
  BOOST_TEST(f[1].coders == strings({"alice", "bob"}), boost::test_tools::per_element());
  BOOST_TEST(f[1].codes == strings({"expost.veto", "exante"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(required_finds_codings_older_than_the_requirement) {
  const auto alices = code(passage(1), "expost.queuing", "alice");
  code(passage(1), "expost.queuing", "bob", {{"strength", "weak"}});
  BOOST_TEST(findings("required").empty());
  load(false, true);
  const auto f = findings("required");
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].kind == "missing-dimension");
  BOOST_TEST(severity(f[0]) == "problem");
  BOOST_TEST(f[0].codings == std::vector<std::int64_t>({alices}), boost::test_tools::per_element());
  BOOST_TEST(f[0].coders == strings({"alice"}), boost::test_tools::per_element());
  BOOST_TEST(contains(f[0].explanation, "has no value for strength"));
  BOOST_TEST(contains(f[0].explanation, "--dim strength=VALUE"));
}

BOOST_AUTO_TEST_CASE(exclusion_reports_codings_of_the_code_and_its_subcodes_on_matching_passages) {
  const auto on_queue = code(passage(1), "expost.veto", "alice");
  code(passage(2), "expost.veto", "alice");
  code(passage(1), "exante", "bob");  // another code: not concerned
  cons::ConsistencyOptions options;
  options.exclusions = {cons::parse_exclusion("expost=queue*")};
  const auto f = findings("exclusion", options);
  BOOST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].kind == "excluded-passage");
  BOOST_TEST(severity(f[0]) == "warning");
  BOOST_TEST(f[0].codings == std::vector<std::int64_t>({on_queue}),
             boost::test_tools::per_element());
  BOOST_TEST(contains(f[0].explanation, "overlaps passage 1, matching the exclusion of expost"));
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused_before_anything_runs) {
  expect_error(
      ErrorKind::Usage, [] { cons::parse_exclusion("expost"); }, "CODE=QUERY");
  expect_error(
      ErrorKind::Usage, [] { cons::parse_exclusion("=queue"); }, "CODE=QUERY");
  cons::ConsistencyOptions options;
  options.checks = {"usage", "spelling"};
  expect_error(
      ErrorKind::Usage, [&] { audit(options); }, "usage, exclusive, required");
  options.checks = {"exclusion"};
  expect_error(
      ErrorKind::Usage, [&] { audit(options); }, "--exclusion");
  options.exclusions = {{"expost.vetoes", "queue"}};
  expect_error(
      ErrorKind::NotFound, [&] { audit(options); }, "expost.veto");
  options = {};
  options.drift_threshold = 0;
  expect_error(
      ErrorKind::Usage, [&] { audit(options); }, "--drift-threshold");
  // Without --check exclusion and without criteria, the check is skipped, not an error.
  const auto report = audit();
  BOOST_TEST(report.checks[3].check == "exclusion");
  BOOST_TEST(contains(report.checks[3].skipped, "--exclusion"));
}

BOOST_AUTO_TEST_CASE(drift_compares_the_halves_of_a_coders_work) {
  // alice: first 10 codings 6 queuing + 4 veto, last 10 2 queuing + 8 veto.
  const char* plan =
      "QQQQQQVVVV"
      "QQVVVVVVVV";
  for (std::size_t i = 0; i < 20; ++i) {
    code(range(i, i + 1), plan[i] == 'Q' ? "expost.queuing" : "expost.veto", "alice");
  }
  // bob changes completely, but with too few codings to judge.
  for (std::size_t i = 0; i < 6; ++i)
    code(range(i, i + 1), i < 3 ? "exante" : "expost.veto", "bob");
  const auto f = findings("drift");
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].codes == strings({"expost.queuing"}), boost::test_tools::per_element());
  BOOST_TEST(f[0].coders == strings({"alice"}), boost::test_tools::per_element());
  BOOST_TEST(severity(f[0]) == "warning");
  BOOST_REQUIRE(f[0].measures.size() == 6u);
  BOOST_TEST(f[0].measures[0].second == 0.6);
  BOOST_TEST(f[0].measures[1].second == 0.2);
  BOOST_TEST(contains(f[0].explanation, "6 of 10 (60%) in the first half"));
  BOOST_TEST(contains(f[0].explanation, "2 of 10 (20%) in the second half"));
  BOOST_TEST(contains(f[0].explanation, "-40 points"));
  BOOST_TEST(f[1].codes == strings({"expost.veto"}), boost::test_tools::per_element());
  BOOST_TEST(contains(f[1].explanation, "+40 points"));

  cons::ConsistencyOptions options;
  options.drift_threshold = 0.5;
  BOOST_TEST(findings("drift", options).empty());
  options.drift_threshold = 0.4;  // exactly the change: reported
  BOOST_TEST(findings("drift", options).size() == 2u);
  options.drift_min_codings = 6;  // now bob counts: exante 100% -> 0%, veto 0% -> 100%
  BOOST_TEST(findings("drift", options).size() == 4u);
}

BOOST_AUTO_TEST_CASE(integrity_finds_changed_quotes_and_spans_outside_the_text) {
  const auto p1 = code(passage(1), "expost.queuing", "alice");
  const auto p2 = code(passage(2), "expost.veto", "alice");
  const auto p3 = code(passage(3), "exante", "alice");
  BOOST_TEST(findings("integrity").empty());
  exec("UPDATE codings SET quote = 'We waited' WHERE id = " + std::to_string(p1));
  exec("UPDATE codings SET end_cp = 99999 WHERE id = " + std::to_string(p2));
  exec("UPDATE codings SET quote = 'changed' WHERE id = " + std::to_string(p3));
  {
    store::WriteTransaction tx(db());
    coding::reject_codings(db(), {p3}, coding::Viewer{"sam", false}, "not ex-ante");
    tx.commit();
  }
  const auto f = findings("integrity");
  BOOST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].kind == "quote-changed");
  BOOST_TEST(severity(f[0]) == "problem");
  BOOST_TEST(f[0].codings == std::vector<std::int64_t>({p1}), boost::test_tools::per_element());
  BOOST_TEST(contains(f[0].explanation,
                      "has the quote 'We waited' but the text there now reads 'We queued for the "
                      "shared staff. It was a real slog.'"));
  BOOST_TEST(f[1].kind == "span-outside-text");
  BOOST_TEST(f[1].codings == std::vector<std::int64_t>({p2}), boost::test_tools::per_element());
  BOOST_TEST(contains(f[1].explanation, "ends past the end of " + interview.label));
  // The rejected coding counts only when asked for.
  cons::ConsistencyOptions options;
  options.include_rejected = true;
  const auto all = findings("integrity", options);
  BOOST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[2].codings == std::vector<std::int64_t>({p3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(only_a_supervisor_may_audit_in_blind_mode) {
  cons::require_full_view(coding::Viewer{"sam", false});
  expect_error(
      ErrorKind::Usage,
      [] {
        cons::require_full_view(coding::Viewer{"bob", true});
      },
      "bob is not one of its supervisors");
}

BOOST_AUTO_TEST_SUITE_END()

// Evidence, triangulation, matrices and quotes (engine/evidence) on a tiny
// project worked out by hand: cases A and B dissolved, C sustained; an
// interview and minutes for A, minutes for B, minutes and press for C.

#include "engine/evidence/evidence.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>

#include "engine/cases/case_sheet.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/review.hpp"
#include "engine/evidence/matrix.hpp"
#include "engine/evidence/quotes.hpp"
#include "engine/evidence/triangulation.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/speakers.hpp"
#include "project_fixture.hpp"

using casebook::ErrorKind;
using casebook::testing::expect_error;
namespace cb = casebook::codebook;
namespace coding = casebook::coding;
namespace store = casebook::store;
namespace ev = casebook::evidence;

namespace casebook::evidence {
// Verdicts print by name in failed checks.
std::ostream& operator<<(std::ostream& out, Verdict v) {
  return out << to_string(v);
}
}  // namespace casebook::evidence

namespace {

cb::Codebook small_codebook() {
  cb::Codebook book;
  book.name = "evidence";
  book.dimensions = {
      {"direction", cb::Level::Nominal, "", {{"negative", ""}, {"positive", ""}}, {}, {}}};
  auto make = [](const std::string& key, const std::string& parent, const std::string& name) {
    cb::Code c;
    c.key = key;
    c.parent = parent;
    c.name = name;
    return c;
  };
  cb::Code expost = make("expost", "", "Ex-post");
  expost.dimensions = {{"direction", false}};
  cb::Code queue = make("expost.queue", "expost", "Queuing");
  queue.dimensions = {{"direction", false}};
  cb::Code exante = make("exante", "", "Ex-ante");
  book.codes = {expost, queue, exante};
  cb::Proposition p3{"P3", "", "Dissolution follows ex-post interdependence", {}};
  cb::Proposition p3a{"P3a", "P3", "Ex-post outweighs ex-ante", {}};
  p3a.links = {{"expost", "", "", cb::Bearing::Supports, "", 0},
               {"exante", "", "", cb::Bearing::Counters, "", 0}};
  cb::Proposition p3b{"P3b", "P3", "Negative direction", {}};
  p3b.links = {{"expost", "direction", "negative", cb::Bearing::Supports, "", 0},
               {"expost", "direction", "positive", cb::Bearing::Counters, "", 0}};
  book.propositions = {p3, p3a, p3b};
  return book;
}

struct EvidenceFixture : casebook::testing::TextProject {
  store::SourceInfo interview_a, minutes_a, minutes_b, minutes_c, press_c;
  EvidenceFixture() {
    {
      store::WriteTransaction tx(project.store());
      store::import_cases(
          project.store(),
          casebook::cases::parse_case_sheet(
              "id,outcome,start_year:integer,end_year:integer\nA,dissolved,2008,2015\n"
              "B,dissolved,2010,2017\nC,sustained,2009,\n",
              "cases.csv"),
          "cases.csv", "sam");
      cb::load_codebook(project.store(), small_codebook(), "<codebook/>", "cb.xml", "sam", {});
      tx.commit();
    }
    interview_a = add_source(
        "Q: How was it?\n\nWe queued behind the other council for months.\n\n"
        "It was quite a slog, frankly, and nobody owned it.",
        "interview", "int-a", {{1, "Interviewer"}, {2, "Jane"}, {3, "Jane"}});
    minutes_a = add_source("The board noted the queue for housing staff. Members were concerned.",
                           "minutes", "min-a");
    minutes_b = add_source("Savings from scale were confirmed.\n\nThe queue grew again.", "minutes",
                           "min-b");
    minutes_c = add_source("The queue was cleared by the named team.", "minutes", "min-c");
    press_c = add_source("Shared service praised for speed.", "press", "press-c");
    link(interview_a, "A", "Aldbury Council");
    link(minutes_a, "A", "Aldbury Council");
    link(minutes_b, "B", "Westmere Council");
    link(minutes_c, "C", "Northwold Council");
    link(press_c, "C", "");
    store::WriteTransaction tx(project.store());
    store::map_speaker(project.store(), "Interviewer", "", "interviewer", "sam");
    store::map_speaker(project.store(), "Jane", "Int-7", "informant", "sam");
    tx.commit();
  }
  void link(const store::SourceInfo& s, const std::string& c, const std::string& council) {
    SQLite::Statement q(project.store().db(),
                        "INSERT INTO source_cases (source_id, case_id) SELECT ?, id FROM cases "
                        "WHERE label = ?");
    q.bind(1, s.id);
    q.bind(2, c);
    q.exec();
    SQLite::Statement u(project.store().db(), "UPDATE sources SET council = ? WHERE id = ?");
    if (council.empty()) {
      u.bind(1);
    } else {
      u.bind(1, council);
    }
    u.bind(2, s.id);
    u.exec();
  }
  std::int64_t code(const store::SourceInfo& s, const std::string& match, const std::string& key,
                    const std::string& coder = "ann",
                    std::vector<std::pair<std::string, std::string>> dims = {},
                    bool accept = true) {
    store::WriteTransaction tx(project.store());
    const auto text = coding::load_source_text(project.store(), s.label);
    const auto target = coding::match_target(text, match);
    auto r = coding::add_codings(project.store(), {target}, {key, std::move(dims), ""}, coder);
    BOOST_REQUIRE(r.added.size() == 1u);
    if (accept) coding::accept_codings(project.store(), r.added, coding::Viewer{"sam", false}, "");
    tx.commit();
    return r.added[0];
  }
  ev::EvidenceSet load(bool unreviewed = false) {
    ev::EvidenceOptions o;
    o.include_unreviewed = unreviewed;
    return ev::load_evidence(project.store(), o);
  }
  const ev::TriangulationCell& cell(const ev::Triangulation& t, const std::string& p,
                                    const std::string& group) {
    for (const auto& row : t.rows) {
      if (row.proposition != p) continue;
      for (std::size_t g = 0; g < t.grouping.groups.size(); ++g) {
        if (t.grouping.groups[g] == group) return row.cells[g];
      }
    }
    BOOST_FAIL("no cell " << p << " x " << group);
    throw std::logic_error("unreachable");
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(evidence_load, EvidenceFixture)

BOOST_AUTO_TEST_CASE(reviewed_codings_only_unless_asked) {
  code(minutes_a, "queue for housing staff", "expost.queue");
  code(minutes_b, "The queue grew again.", "expost.queue", "ann", {}, false);
  const auto rejected = code(minutes_c, "The queue was cleared", "expost");
  {
    store::WriteTransaction tx(project.store());
    coding::reject_codings(project.store(), {rejected}, coding::Viewer{"sam", false},
                           "not ex-post");
    tx.commit();
  }
  const auto e = load();
  BOOST_REQUIRE(e.codings.size() == 1u);
  BOOST_TEST(e.left_out_unreviewed == 1u);
  BOOST_TEST(e.left_out_rejected == 1u);
  BOOST_TEST(e.codings[0].code_path == (std::vector<std::string>{"expost", "expost.queue"}));
  BOOST_TEST(e.codings[0].cases == (std::vector<std::string>{"A"}));
  BOOST_TEST(e.codings[0].council == "Aldbury Council");
  BOOST_TEST(load(true).codings.size() == 2u);
}

BOOST_AUTO_TEST_CASE(informant_labels_cite_interview_quotes) {
  code(interview_a, "quite a slog", "expost");
  code(interview_a, "How was it?", "expost");
  const auto e = load();
  BOOST_REQUIRE(e.codings.size() == 2u);
  // Sorted by position: the interviewer's question first (not an informant).
  BOOST_TEST(e.codings[0].informants.empty());
  BOOST_TEST(e.codings[0].citation == interview_a.label);
  BOOST_TEST(e.codings[1].informants == (std::vector<std::string>{"Int-7"}));
  BOOST_TEST(e.codings[1].citation == "Int-7");
}

BOOST_AUTO_TEST_CASE(double_coded_spans_count_once) {
  code(minutes_a, "queue for housing staff", "expost", "ann");
  code(minutes_a, "queue for housing staff", "expost", "bob");
  const auto e = load();
  BOOST_REQUIRE(e.codings.size() == 1u);
  BOOST_TEST(e.merged_duplicates == 1u);
  BOOST_TEST(e.codings[0].also_coded_by == (std::vector<std::string>{"bob"}));
}

BOOST_AUTO_TEST_CASE(unknown_codes_and_coders_are_errors) {
  ev::EvidenceOptions o;
  o.codes = {"nope"};
  expect_error(ErrorKind::NotFound, [&] { ev::load_evidence(project.store(), o); });
  o.codes.clear();
  o.coders = {"nobody"};
  expect_error(
      ErrorKind::NotFound, [&] { ev::load_evidence(project.store(), o); }, "nobody");
}

BOOST_AUTO_TEST_CASE(groups_follow_outcome_or_attribute) {
  const auto e = load();
  const auto g = ev::group_cases(e, "outcome");
  BOOST_TEST(g.groups == (std::vector<std::string>{"dissolved", "sustained"}));
  BOOST_TEST(g.cases_in("dissolved") == (std::vector<std::string>{"A", "B"}));
  const auto by_start = ev::group_cases(e, "START_YEAR");
  BOOST_TEST(by_start.groups == (std::vector<std::string>{"2008", "2009", "2010"}));
  const auto by_end = ev::group_cases(e, "end_year");
  BOOST_TEST(by_end.groups.back() == "(none)");
  expect_error(
      ErrorKind::Usage, [&] { ev::group_cases(e, "colour"); }, "start_year");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(triangulation, EvidenceFixture)

BOOST_AUTO_TEST_CASE(verdicts_follow_the_documented_rules) {
  // Dissolved: an interview and minutes (two classes) support P3a.
  code(interview_a, "We queued behind the other council", "expost.queue");
  code(minutes_b, "The queue grew again.", "expost.queue");
  // Sustained: only minutes support P3a -> single-source.
  code(minutes_c, "The queue was cleared", "expost");
  const auto t = ev::triangulate(load(), {});
  const auto& d = cell(t, "P3a", "dissolved");
  BOOST_TEST(d.verdict == ev::Verdict::Corroborated);
  BOOST_TEST(d.cases_with_evidence == (std::vector<std::string>{"A", "B"}));
  BOOST_TEST(d.cases_in_group == 2u);
  BOOST_TEST(d.supporting.size() == 2u);
  BOOST_TEST(d.councils.size() == 2u);
  BOOST_TEST(cell(t, "P3a", "sustained").verdict == ev::Verdict::SingleSource);
  BOOST_TEST(cell(t, "P3a", "sustained").reason == "only " + minutes_c.label);
  // No coding carries a direction: P3b has nothing.
  BOOST_TEST(cell(t, "P3b", "dissolved").verdict == ev::Verdict::Absent);
  // P3 has no links of its own: not a row.
  BOOST_TEST(t.rows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(several_sources_of_one_type_are_single_type) {
  code(minutes_a, "queue for housing staff", "expost");
  code(minutes_b, "The queue grew again.", "expost");
  const auto t = ev::triangulate(load(), {});
  BOOST_TEST(cell(t, "P3a", "dissolved").verdict == ev::Verdict::SingleType);
  BOOST_TEST(cell(t, "P3a", "dissolved").reason == "2 sources, all of type document");
}

BOOST_AUTO_TEST_CASE(counter_evidence_contests_and_dimension_values_decide_bearing) {
  code(minutes_a, "queue for housing staff", "expost", "ann", {{"direction", "negative"}});
  code(interview_a, "We queued behind the other council", "expost", "ann",
       {{"direction", "negative"}});
  code(minutes_b, "Savings from scale were confirmed.", "exante");
  code(minutes_b, "The queue grew again.", "expost", "ann", {{"direction", "positive"}});
  const auto t = ev::triangulate(load(), {});
  const auto& a = cell(t, "P3a", "dissolved");
  BOOST_TEST(a.verdict == ev::Verdict::Contested);
  BOOST_TEST(a.contradicting.size() == 1u);
  BOOST_TEST(a.supporting.size() == 3u);
  const auto& b = cell(t, "P3b", "dissolved");
  BOOST_TEST(b.supporting.size() == 2u);
  BOOST_TEST(b.contradicting.size() == 1u);
  // Raising the bar for contested lets the supporting evidence speak.
  ev::TriangulationOptions lenient;
  lenient.min_contradicting = 2;
  BOOST_TEST(cell(ev::triangulate(load(), lenient), "P3b", "dissolved").verdict ==
             ev::Verdict::Corroborated);
}

BOOST_AUTO_TEST_CASE(informants_of_several_councils_corroborate) {
  // Two interviews with informants of different councils, no document.
  const auto other = add_source("Q: And you?\n\nThe queue never ended.", "interview", "int-b",
                                {{1, "Interviewer"}, {2, "Raj"}});
  link(other, "B", "Westmere Council");
  code(interview_a, "We queued behind the other council", "expost");
  code(other, "The queue never ended.", "expost");
  const auto t = ev::triangulate(load(), {});
  BOOST_TEST(cell(t, "P3a", "dissolved").verdict == ev::Verdict::Corroborated);
  BOOST_TEST(cell(t, "P3a", "dissolved").reason == "2 informants from 2 councils");
  ev::TriangulationOptions strict;
  strict.min_councils = 3;
  BOOST_TEST(cell(ev::triangulate(load(), strict), "P3a", "dissolved").verdict ==
             ev::Verdict::SingleType);
}

BOOST_AUTO_TEST_CASE(by_case_gives_one_column_per_case) {
  code(minutes_a, "queue for housing staff", "expost");
  ev::TriangulationOptions o;
  o.by = "case";
  const auto t = ev::triangulate(load(), o);
  BOOST_TEST(t.grouping.groups == (std::vector<std::string>{"A", "B", "C"}));
  BOOST_TEST(cell(t, "P3a", "A").verdict == ev::Verdict::SingleSource);
  BOOST_TEST(cell(t, "P3a", "B").verdict == ev::Verdict::Absent);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(evidence_matrix, EvidenceFixture)

BOOST_AUTO_TEST_CASE(codes_by_cases_include_sub_codes_in_parents) {
  code(minutes_a, "queue for housing staff", "expost.queue");
  code(minutes_b, "The queue grew again.", "expost");
  code(minutes_b, "Savings from scale were confirmed.", "exante");
  const auto m = ev::build_matrix(load(), {});
  BOOST_TEST(m.rows == (std::vector<std::string>{"expost", "expost.queue", "exante"}));
  BOOST_TEST(m.columns == (std::vector<std::string>{"A", "B", "C"}));
  BOOST_TEST(m.values[0] == (std::vector<double>{1, 1, 0}));
  BOOST_TEST(m.values[1] == (std::vector<double>{1, 0, 0}));
  BOOST_TEST(m.values[2] == (std::vector<double>{0, 1, 0}));
  ev::MatrixSpec own;
  own.include_sub_codes = false;
  BOOST_TEST(ev::build_matrix(load(), own).values[0] == (std::vector<double>{0, 1, 0}));
}

BOOST_AUTO_TEST_CASE(per_source_divides_by_the_sources_of_the_group) {
  code(minutes_a, "queue for housing staff", "expost");
  code(interview_a, "quite a slog", "expost");
  ev::MatrixSpec spec;
  spec.columns = "outcome";
  spec.per_source = true;
  const auto m = ev::build_matrix(load(), spec);
  BOOST_TEST(m.columns == (std::vector<std::string>{"dissolved", "sustained"}));
  BOOST_TEST(m.column_sources == (std::vector<std::size_t>{3, 2}));
  BOOST_TEST(m.values[0][0] == 2.0 / 3.0);
  spec.columns = "type";
  expect_error(
      ErrorKind::Usage, [&] { ev::build_matrix(load(), spec); }, "per-source");
}

BOOST_AUTO_TEST_CASE(co_occurrence_needs_overlap_in_one_source) {
  code(minutes_a, "queue for housing staff", "expost.queue");
  code(minutes_a, "housing staff. Members", "exante");
  code(minutes_b, "The queue grew again.", "expost.queue");
  ev::MatrixSpec spec;
  spec.columns = "codes";
  spec.count = ev::MatrixCount::Sources;
  const auto m = ev::build_matrix(load(), spec);
  const auto [r, c] = ev::find_cell(m, "expost.queue,exante");
  BOOST_TEST(m.members[r][c].size() == 1u);
  BOOST_TEST(m.values[r][c] == 1.0);
  // The diagonal: the code's own codings (two sources); a sub-code meets its
  // parent only through other codings.
  BOOST_TEST(m.values[r][r] == 2.0);
  const auto [p, q] = ev::find_cell(m, "expost.queue,expost");
  BOOST_TEST(m.members[p][q].empty());
  expect_error(
      ErrorKind::Usage, [&] { ev::find_cell(m, "expost.queue,nothing"); }, "column");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(evidence_quotes, EvidenceFixture)

BOOST_AUTO_TEST_CASE(quotes_get_honest_ellipses) {
  code(interview_a, "quite a slog", "expost");
  code(minutes_a, "The board noted the queue for housing staff.", "expost");
  const auto e = load();
  BOOST_REQUIRE(e.codings.size() == 2u);
  // By source label: Doc-1 (the minutes) before Int-1.
  BOOST_TEST(ev::quote_text(e.codings[1], 0) == "...quite a slog...");
  BOOST_TEST(ev::quote_text(e.codings[0], 0) == "The board noted the queue for housing staff.");
  BOOST_TEST(ev::quote_text(e.codings[0], 3) == "The board noted...");
}

BOOST_AUTO_TEST_CASE(exemplars_take_each_class_and_source_first) {
  code(minutes_a, "The board noted the queue for housing staff.", "expost");
  code(minutes_a, "Members were concerned.", "expost");
  code(minutes_b, "The queue grew again.", "expost");
  code(interview_a, "We queued behind the other council for months.", "expost");
  const auto e = load();
  std::vector<std::size_t> all{0, 1, 2, 3};
  const auto chosen = ev::choose_exemplars(e, all, 3, 40);
  BOOST_REQUIRE(chosen.size() == 3u);
  BOOST_TEST(e.codings[chosen[0]].source_label == interview_a.label);
  // Then the longest document quote, then a document from another source.
  BOOST_TEST(e.codings[chosen[1]].quote == "The board noted the queue for housing staff.");
  BOOST_TEST(e.codings[chosen[2]].source_label == minutes_b.label);
}

BOOST_AUTO_TEST_CASE(citations_group_by_prefix) {
  BOOST_TEST(ev::cite_together({"Int-19", "Int-18", "Doc-12"}) == "Doc-12; Ints-18, -19");
  BOOST_TEST(ev::cite_together({"Int-7", "Int-7"}) == "Int-7");
  BOOST_TEST(ev::cite_together({"Focus", "Int-2"}) == "Focus; Int-2");
}

BOOST_AUTO_TEST_SUITE_END()

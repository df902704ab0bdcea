// Merging another copy of a project (engine/merge): two projects with the
// same source texts and codebook, coded by different coders, as two coders'
// copies on different machines would be.

#include "engine/merge/merge.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/review.hpp"
#include "engine/store/migrations.hpp"
#include "project_fixture.hpp"

using casebook::ErrorKind;
using casebook::testing::expect_error;
namespace cb = casebook::codebook;
namespace coding = casebook::coding;
namespace store = casebook::store;
namespace merge = casebook::merge;

namespace {

const char* kInterview = "We queued behind the other council for months.\n\nThe veto came late.";
const char* kMinutes = "The board noted the queue for housing staff. Members were concerned.";

cb::Codebook small_codebook(const std::string& queue_key = "expost.queue") {
  cb::Codebook book;
  book.name = "merge";
  book.dimensions = {
      {"direction", cb::Level::Nominal, "", {{"negative", ""}, {"positive", ""}}, {}, {}}};
  auto make = [](const std::string& key, const std::string& parent, const std::string& name) {
    cb::Code c;
    c.key = key;
    c.parent = parent;
    c.name = name;
    c.dimensions = {{"direction", false}};
    return c;
  };
  book.codes = {make("expost", "", "Ex-post"), make(queue_key, "expost", "Queuing"),
                make("expost.veto", "expost", "Vetoes")};
  return book;
}

// One coder's copy: the same two sources and codebook.
struct Copy : casebook::testing::TextProject {
  explicit Copy(const std::string& queue_key = "expost.queue") {
    store::WriteTransaction tx(project.store());
    cb::load_codebook(project.store(), small_codebook(queue_key), "<codebook/>", "cb.xml", "sam",
                      {});
    tx.commit();
    add_source(kInterview, "interview", "int");
    add_source(kMinutes, "minutes", "min");
  }

  std::int64_t code(const std::string& label, const std::string& match, const std::string& key,
                    const std::string& coder,
                    std::vector<std::pair<std::string, std::string>> dims = {},
                    const std::string& memo = "") {
    store::WriteTransaction tx(project.store());
    const auto text = coding::load_source_text(project.store(), label);
    auto r = coding::add_codings(project.store(), {coding::match_target(text, match)},
                                 {key, std::move(dims), memo}, coder);
    tx.commit();
    BOOST_REQUIRE(r.added.size() == 1u);
    return r.added[0];
  }

  void review(std::int64_t id, bool accept, const std::string& reason = "") {
    store::WriteTransaction tx(project.store());
    const coding::Viewer sam{"sam", false};
    if (accept) {
      coding::accept_codings(project.store(), {id}, sam, "");
    } else {
      coding::reject_codings(project.store(), {id}, sam, reason);
    }
    tx.commit();
  }

  std::int64_t count(const std::string& sql) {
    return project.store().db().execAndGet(sql).getInt64();
  }
};

struct TwoCopies {
  Copy ours, theirs;

  merge::MergePlan plan(merge::MergeOptions options = {}) {
    merge::OtherProject other(theirs.project.root(), store::latest_schema_version());
    return merge::plan_merge(ours.project.store(), other, options);
  }

  merge::MergeResult apply(const merge::MergePlan& plan) {
    store::WriteTransaction tx(ours.project.store());
    auto r = merge::apply_merge(ours.project.store(), plan, "sam");
    tx.commit();
    return r;
  }

  // Alice coded the queue in both copies; her supervisor reviewed it
  // differently in each.
  std::pair<std::int64_t, std::int64_t> conflicting_reviews() {
    const auto a = ours.code("Int-1", "queued behind", "expost.queue", "alice");
    const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "alice");
    ours.review(a, true);
    theirs.review(b, false, "not a queue for staff");
    return {a, b};
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(merge_plan, TwoCopies)

BOOST_AUTO_TEST_CASE(adds_the_other_coders_work_once) {
  ours.code("Int-1", "queued behind", "expost.queue", "alice");
  const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "bob",
                             {{"direction", "negative"}}, "felt long");
  theirs.code("Doc-1", "queue for housing staff", "expost.queue", "bob");
  theirs.review(b, false, "too vague");

  const auto p = plan();
  BOOST_TEST(p.sources_matched == 2u);
  BOOST_TEST(p.additions.size() == 2u);
  BOOST_TEST(p.skipped.empty());
  BOOST_TEST(ours.count("SELECT count(*) FROM codings") == 1);  // planning writes nothing

  const auto r = apply(p);
  BOOST_TEST(r.codings_added == 2u);
  BOOST_TEST(r.memos_added == 1u);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE coder = 'bob'") == 2);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'rejected' AND "
                        "reviewed_by = 'sam' AND review_reason = 'too vague'") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM coding_dimensions WHERE value = 'negative'") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM memos WHERE text = 'felt long'") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM audit_log WHERE action = 'project.merge'") == 1);

  // Merging again finds everything already here.
  const auto again = plan();
  BOOST_TEST(again.additions.empty());
  BOOST_TEST(again.pairings.empty());
  BOOST_TEST(again.identical == 2u);
}

BOOST_AUTO_TEST_CASE(identical_codings_take_what_only_they_changed) {
  ours.code("Int-1", "queued behind", "expost.queue", "alice");
  const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "alice");
  theirs.review(b, true);
  const auto p = plan();
  BOOST_TEST(p.additions.empty());
  BOOST_REQUIRE(p.pairings.size() == 1u);
  BOOST_TEST(p.conflict_count() == 0u);
  BOOST_TEST(p.pairings[0].take.at(0).aspect == "review");
  apply(p);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'accepted'") == 1);
  BOOST_TEST(plan().identical == 1u);
}

BOOST_AUTO_TEST_CASE(ours_changed_alone_stays) {
  const auto a = ours.code("Int-1", "queued behind", "expost.queue", "alice");
  theirs.code("Int-1", "queued behind", "expost.queue", "alice");
  ours.review(a, false, "wrong");
  const auto p = plan();
  BOOST_TEST(p.identical == 1u);
  BOOST_TEST(p.pairings.empty());
}

BOOST_AUTO_TEST_CASE(unresolved_conflicts_refuse_the_merge) {
  conflicting_reviews();
  const auto p = plan();
  BOOST_TEST(p.conflict_count() == 1u);
  BOOST_TEST(p.pairings.at(0).conflicts.at(0).aspect == "review");
  expect_error(
      ErrorKind::Conflict, [&] { apply(p); }, "keep-ours");
  BOOST_TEST(ours.count("SELECT count(*) FROM audit_log WHERE action = 'project.merge'") == 0);
}

BOOST_AUTO_TEST_CASE(keep_ours) {
  conflicting_reviews();
  auto p = plan();
  p.resolve_all(merge::Resolution::KeepOurs);
  apply(p);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'accepted'") == 1);
}

BOOST_AUTO_TEST_CASE(take_theirs) {
  conflicting_reviews();
  auto p = plan();
  p.resolve_all(merge::Resolution::TakeTheirs);
  apply(p);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'rejected' AND "
                        "review_reason = 'not a queue for staff'") == 1);
  BOOST_TEST(plan().identical == 1u);
}

BOOST_AUTO_TEST_CASE(keep_both_then_merging_again_adds_nothing) {
  conflicting_reviews();
  auto p = plan();
  p.resolve_all(merge::Resolution::KeepBoth);
  const auto r = apply(p);
  BOOST_TEST(r.codings_added == 1u);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'accepted'") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE review_status = 'rejected'") == 1);
  const auto again = plan();
  BOOST_TEST(again.pairings.empty());
  BOOST_TEST(again.identical == 1u);
}

BOOST_AUTO_TEST_CASE(removal_and_dimensions_conflict_too) {
  const auto a =
      ours.code("Int-1", "queued behind", "expost.queue", "alice", {{"direction", "negative"}});
  theirs.code("Int-1", "queued behind", "expost.queue", "alice", {{"direction", "positive"}});
  {
    store::WriteTransaction tx(ours.project.store());
    coding::mark_codings_removed(ours.project.store(), {a}, "alice", "second thoughts");
    tx.commit();
  }
  const auto p = plan();
  BOOST_REQUIRE(p.pairings.size() == 1u);
  // Ours removed it, both set other directions: every differing aspect.
  BOOST_TEST(p.pairings[0].take.empty());
  BOOST_REQUIRE(p.pairings[0].conflicts.size() == 2u);
  BOOST_TEST(p.pairings[0].conflicts[0].aspect == "removal");
  BOOST_TEST(p.pairings[0].conflicts[1].aspect == "dimensions");
}

BOOST_AUTO_TEST_CASE(accepted_here_removed_there_is_a_conflict) {
  const auto a = ours.code("Int-1", "queued behind", "expost.queue", "alice");
  const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "alice");
  ours.review(a, true);
  {
    store::WriteTransaction tx(theirs.project.store());
    coding::mark_codings_removed(theirs.project.store(), {b}, "alice", "not a queue");
    tx.commit();
  }
  auto p = plan();
  BOOST_REQUIRE(p.conflict_count() == 1u);
  p.resolve_all(merge::Resolution::TakeTheirs);
  apply(p);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings WHERE removed_at IS NOT NULL AND "
                        "removed_reason = 'not a queue' AND review_status = 'unreviewed'") == 1);
}

BOOST_AUTO_TEST_CASE(removed_there_only_is_taken) {
  ours.code("Int-1", "queued behind", "expost.queue", "alice");
  const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "alice");
  {
    store::WriteTransaction tx(theirs.project.store());
    coding::mark_codings_removed(theirs.project.store(), {b}, "alice", "not a queue");
    tx.commit();
  }
  const auto p = plan();
  BOOST_TEST(p.conflict_count() == 0u);
  BOOST_REQUIRE(p.pairings.size() == 1u);
  BOOST_TEST(p.pairings[0].take.at(0).aspect == "removal");
}

BOOST_AUTO_TEST_CASE(same_original_with_another_text_is_reported) {
  theirs.code("Int-1", "queued behind", "expost.queue", "bob");
  SQLite::Statement q(theirs.project.store().db(),
                      "UPDATE source_texts SET text = text || ' (edited)' WHERE source_id = "
                      "(SELECT id FROM sources WHERE label = 'Int-1')");
  q.exec();
  const auto p = plan();
  BOOST_REQUIRE(p.sources.size() == 1u);
  BOOST_TEST(p.sources[0].reason.find("its text differs from Int-1") != std::string::npos);
  BOOST_REQUIRE(p.skipped.size() == 1u);
  BOOST_TEST(p.additions.empty());
}

BOOST_AUTO_TEST_CASE(coders_without_codings_there_are_reported) {
  theirs.code("Int-1", "queued behind", "expost.queue", "bob");
  merge::MergeOptions o;
  o.coders = {"bob", "bbo"};
  const auto p = plan(o);
  BOOST_TEST(p.coders_missing == (std::vector<std::string>{"bbo"}));
}

BOOST_AUTO_TEST_CASE(sources_only_there_or_with_other_text_are_reported) {
  theirs.add_source("Only bob has this text.", "minutes", "extra");
  theirs.code("Doc-2", "Only bob", "expost", "bob");
  const auto p = plan();
  BOOST_REQUIRE(p.sources.size() == 1u);
  BOOST_TEST(p.sources[0].what == "source Doc-2");
  BOOST_TEST(p.sources[0].reason.find("import it first") != std::string::npos);
  BOOST_REQUIRE(p.skipped.size() == 1u);
  BOOST_TEST(p.skipped[0].reason.find("import it first") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(codes_match_by_name_path_after_a_rename) {
  Copy renamed("expost.waiting");  // same code under another key, same names
  theirs.code("Int-1", "queued behind", "expost.queue", "bob");
  merge::OtherProject other(theirs.project.root(), store::latest_schema_version());
  const auto p = merge::plan_merge(renamed.project.store(), other, {});
  BOOST_REQUIRE(p.additions.size() == 1u);
  BOOST_TEST(p.additions[0].code_key == "expost.waiting");
}

BOOST_AUTO_TEST_CASE(unknown_codes_are_skipped_or_added) {
  {
    store::WriteTransaction tx(theirs.project.store());
    cb::Code c;
    c.key = "expost.covid";
    c.name = "Pandemic";
    c.definition = "Lockdown";
    cb::add_inductive_code(theirs.project.store(), c, "bob");
    tx.commit();
  }
  theirs.code("Doc-1", "Members were concerned", "expost.covid", "bob");
  const auto skipped = plan();
  BOOST_TEST(skipped.additions.empty());
  BOOST_REQUIRE(skipped.skipped.size() == 1u);
  BOOST_TEST(skipped.skipped[0].reason.find("--add-codes") != std::string::npos);

  merge::MergeOptions o;
  o.add_codes = true;
  const auto p = plan(o);
  BOOST_REQUIRE(p.codes_to_add.size() == 1u);
  BOOST_TEST(p.codes_to_add[0].key == "expost.covid");
  const auto r = apply(p);
  BOOST_TEST(r.codes_added == 1u);
  BOOST_TEST(ours.count("SELECT count(*) FROM codes WHERE key = 'expost.covid' AND origin = "
                        "'inductive'") == 1);
  BOOST_TEST(ours.count("SELECT count(*) FROM codings c JOIN codes k ON k.id = c.code_id WHERE "
                        "k.key = 'expost.covid'") == 1);
}

BOOST_AUTO_TEST_CASE(only_the_coders_asked_for) {
  theirs.code("Int-1", "queued behind", "expost.queue", "bob");
  theirs.code("Int-1", "The veto", "expost.veto", "carol");
  merge::MergeOptions o;
  o.coders = {"carol"};
  const auto p = plan(o);
  BOOST_REQUIRE(p.additions.size() == 1u);
  BOOST_TEST(p.additions[0].coder == "carol");
  BOOST_TEST(p.their_codings == 1u);
  BOOST_TEST(p.other_coders == 1u);
}

BOOST_AUTO_TEST_CASE(recodes_point_at_the_merged_original) {
  const auto b = theirs.code("Int-1", "queued behind", "expost.queue", "bob");
  {
    store::WriteTransaction tx(theirs.project.store());
    coding::recode_coding(theirs.project.store(), b, {"expost.veto", {}, ""},
                          coding::Viewer{"sam", false}, "a veto");
    tx.commit();
  }
  apply(plan());
  BOOST_TEST(ours.count("SELECT count(*) FROM codings r JOIN codings o ON o.id = r.recoded_from "
                        "WHERE r.coder = 'sam' AND o.coder = 'bob'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(merge_other_project)

BOOST_AUTO_TEST_CASE(other_schema_versions_are_refused) {
  Copy theirs;
  {
    SQLite::Database db((theirs.project.root() / ".casebook" / "store.sqlite").string(),
                        SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 4");
  }
  expect_error(
      ErrorKind::Conflict,
      [&] { merge::OtherProject(theirs.project.root(), store::latest_schema_version()); },
      "open it once");
}

BOOST_AUTO_TEST_CASE(a_directory_without_a_project_is_not_found) {
  casebook::testing::TempDir dir{"empty"};
  expect_error(ErrorKind::NotFound,
               [&] { merge::OtherProject(dir.path(), store::latest_schema_version()); });
}

BOOST_AUTO_TEST_CASE(unknown_rules_are_usage_errors) {
  BOOST_TEST(merge::to_string(merge::parse_resolution("keep-both")) == std::string("keep-both"));
  expect_error(ErrorKind::Usage, [] { merge::parse_resolution("mine"); });
}

BOOST_AUTO_TEST_SUITE_END()

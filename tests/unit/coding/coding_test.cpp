// The coding engine: targets (passage, sentence, range, quote, query,
// speaker, heading), codings with dimensions and exclusive groups, memos,
// suggestions, undo and blind mode, on a real project with a loaded codebook.

#include <boost/test/unit_test.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/memos.hpp"
#include "engine/coding/suggestions.hpp"
#include "engine/coding/targets.hpp"
#include "engine/coding/undo.hpp"
#include "engine/coding/viewer.hpp"
#include "engine/store/audit.hpp"
#include "project_fixture.hpp"

using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
namespace cb = casebook::codebook;
namespace coding = casebook::coding;
namespace store = casebook::store;

namespace {

// Passages: 1 "We queued ...", 2 "The veto ...", 3 "Café ...".
const std::string kInterview =
    "We queued for the shared staff. It was a real slog.\n\n"
    "The veto of one council slowed every approval. The board met twice.\n\n"
    "Café owners \xF0\x9F\x98\x80 and the board spoke. The board agreed.";
const std::string kMinutes =
    "Minutes of the joint committee.\n\n"
    "Members noted the queue for benefits staff.";

cb::Codebook small_codebook() {
  cb::Codebook book;
  book.name = "test";
  cb::Dimension direction{
      "direction", cb::Level::Nominal, "", {{"positive", ""}, {"negative", ""}}, {}, {}};
  cb::Dimension strength{
      "strength", cb::Level::Ordinal, "", {{"weak", ""}, {"moderate", ""}, {"strong", ""}}, {}, {}};
  book.dimensions = {direction, strength};
  cb::Code expost;
  expost.key = "expost";
  expost.name = "Ex-post interdependence";
  expost.definition = "New entanglement caused by collaborating";
  cb::Code queuing;
  queuing.key = "expost.queuing";
  queuing.parent = "expost";
  queuing.name = "Queuing";
  queuing.queries = {"queue*", "slog"};
  queuing.dimensions = {{"direction", false}, {"strength", true}};
  cb::Code veto;
  veto.key = "expost.veto";
  veto.parent = "expost";
  veto.name = "Veto players";
  veto.queries = {"veto"};
  cb::Code exante;
  exante.key = "exante";
  exante.name = "Ex-ante";
  book.codes = {expost, queuing, veto, exante};
  book.exclusive_groups = {{"kind", {"expost.veto", "exante"}}};
  return book;
}

struct CodingFixture : casebook::testing::TextProject {
  store::SourceInfo interview, minutes;
  CodingFixture() {
    interview = add_source(kInterview, "interview", "int", {{1, "Ann"}, {2, "Ann"}, {3, "Bob"}},
                           {{2, "Findings > Governance"}});
    minutes = add_source(kMinutes, "minutes", "min", {}, {{2, "Item 5 > Staffing"}});
    sync_index();
    store::WriteTransaction tx(project.store());
    cb::load_codebook(project.store(), small_codebook(), "<codebook/>", "test.xml", "sam", {});
    tx.commit();
  }
  store::Store& db() { return project.store(); }
  coding::SourceText text() { return coding::load_source_text(db(), interview.label); }

  coding::AddResult code(const std::vector<coding::Target>& targets, const std::string& key,
                         const std::string& coder = "alice",
                         std::vector<std::pair<std::string, std::string>> dims = {}) {
    store::WriteTransaction tx(db());
    coding::CodeSpec spec{key, std::move(dims), ""};
    auto r = coding::add_codings(db(), targets, spec, coder);
    tx.commit();
    return r;
  }
  coding::AddResult code_one(const coding::Target& t, const std::string& key,
                             const std::string& coder = "alice",
                             std::vector<std::pair<std::string, std::string>> dims = {}) {
    return code(std::vector<coding::Target>{t}, key, coder, std::move(dims));
  }
  std::vector<coding::CodingView> codings(std::optional<std::string> only = {}) {
    coding::CodingFilter f;
    f.only_coder = std::move(only);
    return coding::list_codings(db(), f);
  }
  std::int64_t count(const std::string& sql) { return db().db().execAndGet(sql).getInt64(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(coding_targets, CodingFixture)

BOOST_AUTO_TEST_CASE(passage_and_sentence_numbers_give_their_spans) {
  const auto t = coding::passage_target(db(), text(), 2);
  BOOST_TEST(t.span.start == 53u);
  BOOST_TEST(t.unit == "passage");
  const auto s = coding::sentence_target(db(), text(), 2);
  const casebook::text::OffsetMap map(kInterview);
  BOOST_TEST(std::string(map.slice(s.span)) == "It was a real slog.");
  expect_error(
      ErrorKind::Usage, [&] { coding::passage_target(db(), text(), 4); }, "passages 1 to 3");
  expect_error(
      ErrorKind::Usage, [&] { coding::sentence_target(db(), text(), 0); }, "sentences 1 to");
}

BOOST_AUTO_TEST_CASE(ranges_are_checked_against_the_text_and_characters) {
  const auto t = coding::range_target(text(), "3:9");
  BOOST_TEST(t.span.start == 3u);
  BOOST_TEST(t.span.end == 9u);
  expect_error(
      ErrorKind::Usage, [&] { coding::range_target(text(), "9:3"); }, "empty or reversed");
  expect_error(
      ErrorKind::Usage, [&] { coding::range_target(text(), "abc"); }, "START:END");
  expect_error(
      ErrorKind::Usage, [&] { coding::range_target(text(), "0:99999"); }, "past the end");
}

BOOST_AUTO_TEST_CASE(a_range_may_not_split_a_letter_from_its_accent) {
  // "q" + combining acute (no precomposed form, so NFC keeps both): 1 and 3
  // are boundaries, 2 splits. So does the middle of a ZWJ emoji sequence.
  auto s = add_source(
      "Iq\xCC\x81"
      "bal \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"
      " talks.",
      "document", "acc");
  const auto source = coding::load_source_text(db(), s.label);
  BOOST_TEST(coding::range_target(source, "0:3").span.end == 3u);
  expect_error(
      ErrorKind::Usage, [&] { coding::range_target(source, "0:2"); }, "splits a character");
  BOOST_TEST(coding::range_target(source, "7:10").span.start == 7u);
  expect_error(
      ErrorKind::Usage, [&] { coding::range_target(source, "7:9"); }, "splits a character");
}

BOOST_AUTO_TEST_CASE(a_quote_is_found_exactly_once_or_refused) {
  const auto t = coding::match_target(text(), "a real slog");
  const casebook::text::OffsetMap map(kInterview);
  BOOST_TEST(std::string(map.slice(t.span)) == "a real slog");
  // After the emoji, offsets are still code points.
  const auto cafe = coding::match_target(text(), "and the board spoke");
  BOOST_TEST(std::string(map.slice(cafe.span)) == "and the board spoke");
  expect_error(
      ErrorKind::Data, [&] { coding::match_target(text(), "board"); }, "occurs 3 times");
  BOOST_TEST(coding::match_target(text(), "board", 2).span.start == cafe.span.start + 8);
  expect_error(
      ErrorKind::Data, [&] { coding::match_target(text(), "not in the text"); }, "does not occur");
  expect_error(
      ErrorKind::Usage, [&] { coding::match_target(text(), "board", 9); }, "occurs 3 time");
}

BOOST_AUTO_TEST_CASE(a_pasted_quote_matches_across_line_breaks_and_curly_quotes) {
  auto s = add_source("He said \"it's a slog\" and left\nthe room.", "document", "q");
  const auto source = coding::load_source_text(db(), s.label);
  const auto t = coding::match_target(
      source, "\xE2\x80\x9Cit\xE2\x80\x99s a slog\xE2\x80\x9D and left the   room");
  const casebook::text::OffsetMap map(source.text);
  BOOST_TEST(std::string(map.slice(t.span)) == "\"it's a slog\" and left\nthe room");
}

BOOST_AUTO_TEST_CASE(queries_speakers_and_headings_give_spans) {
  const auto passages = coding::query_targets(project, "queue*", coding::Unit::Passage, {});
  BOOST_TEST(passages.size() == 2u);
  const auto sentences = coding::query_targets(project, "slog", coding::Unit::Sentence, {});
  BOOST_REQUIRE(sentences.size() == 1u);
  const casebook::text::OffsetMap map(kInterview);
  BOOST_TEST(std::string(map.slice(sentences[0].span)) == "It was a real slog.");
  BOOST_TEST(coding::speaker_targets(db(), "ann").size() == 2u);
  expect_error(
      ErrorKind::NotFound, [&] { coding::speaker_targets(db(), "Zed"); }, "speakers");
  BOOST_TEST(coding::heading_targets(db(), "governance").size() == 1u);
  BOOST_TEST(coding::heading_targets(db(), "Staff").size() == 1u);  // containing
  expect_error(
      ErrorKind::NotFound, [&] { coding::heading_targets(db(), "Budget"); }, "heading");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(coding_codings, CodingFixture)

BOOST_AUTO_TEST_CASE(coding_records_quote_dimensions_and_audit) {
  const auto r = code_one(coding::match_target(text(), "a real slog"), "expost.queuing", "alice",
                          {{"Strength", "STRONG"}, {"direction", "negative"}});
  BOOST_REQUIRE(r.added.size() == 1u);
  const auto all = codings();
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all[0].quote == "a real slog");
  BOOST_TEST(all[0].dims.size() == 2u);
  BOOST_TEST(all[0].dims[1].first == "strength");  // canonical spelling, codebook order
  BOOST_TEST(all[0].dims[1].second == "strong");
  const auto log = store::recent_audit(db(), 1);
  BOOST_TEST(log[0].action == "code.add");
  BOOST_TEST(contains(log[0].detail, "expost.queuing"));
}

BOOST_AUTO_TEST_CASE(bad_codes_and_dimension_values_write_nothing) {
  const auto t = coding::passage_target(db(), text(), 1);
  expect_error(
      ErrorKind::NotFound, [&] { code_one(t, "expost.queueing"); }, "expost.queuing");
  expect_error(
      ErrorKind::Usage,
      [&] {
        code_one(t, "expost.queuing", "alice", {{"strength", "huge"}});
      },
      "weak, moderate, strong");
  expect_error(
      ErrorKind::Usage, [&] { code_one(t, "expost.queuing"); },
      "needs a value for the dimension strength");
  expect_error(
      ErrorKind::Usage,
      [&] {
        code_one(t, "expost.veto", "alice", {{"strength", "weak"}});
      },
      "does not take");
  BOOST_TEST(count("SELECT count(*) FROM codings") == 0);
}

BOOST_AUTO_TEST_CASE(overlapping_codes_are_fine_but_exclusive_groups_are_enforced) {
  const auto p2 = coding::passage_target(db(), text(), 2);
  code_one(p2, "expost.veto");
  code_one(coding::match_target(text(), "The veto"), "expost", "alice");
  expect_error(
      ErrorKind::Conflict, [&] { code_one(coding::match_target(text(), "one council"), "exante"); },
      "mutually exclusive");
  // Another coder is free to disagree.
  BOOST_TEST(code_one(coding::match_target(text(), "one council"), "exante", "bob").added.size() ==
             1u);
}

BOOST_AUTO_TEST_CASE(coding_the_same_span_twice_is_skipped) {
  const auto p = coding::passage_target(db(), text(), 2);
  code_one(p, "expost.veto");
  const auto again = code_one(p, "expost.veto");
  BOOST_TEST(again.added.empty());
  BOOST_TEST(again.already_coded == 1u);
}

BOOST_AUTO_TEST_CASE(listing_filters_by_code_with_descendants_and_case_of_unknowns) {
  code_one(coding::passage_target(db(), text(), 2), "expost.veto");
  code_one(coding::passage_target(db(), text(), 3), "exante", "bob");
  coding::CodingFilter f;
  f.codes = {"expost"};
  BOOST_TEST(coding::list_codings(db(), f).size() == 1u);
  f.codes = {"nope"};
  expect_error(
      ErrorKind::NotFound, [&] { coding::list_codings(db(), f); }, "nope");
  f.codes.clear();
  f.coders = {"bob"};
  BOOST_TEST(coding::list_codings(db(), f).size() == 1u);
}

BOOST_AUTO_TEST_CASE(uncode_keeps_the_row_and_undo_restores_it) {
  const auto r = code_one(coding::passage_target(db(), text(), 2), "expost.veto");
  {
    store::WriteTransaction tx(db());
    coding::remove_codings(db(), r.added, coding::Viewer{"alice", false}, "wrong");
    tx.commit();
  }
  BOOST_TEST(codings().empty());
  BOOST_TEST(count("SELECT count(*) FROM codings WHERE removed_reason = 'wrong'") == 1);
  store::WriteTransaction tx(db());
  const auto u = coding::undo_last(db(), "alice");
  tx.commit();
  BOOST_TEST(u.action == "code.remove");
  BOOST_TEST(codings().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(coding_undo, CodingFixture)

BOOST_AUTO_TEST_CASE(undo_walks_back_through_the_coders_changes) {
  code_one(coding::passage_target(db(), text(), 2), "expost.veto");
  code_one(coding::passage_target(db(), text(), 1), "expost", "alice");
  code_one(coding::passage_target(db(), text(), 3), "exante", "bob");
  auto undo = [&] {
    store::WriteTransaction tx(db());
    auto r = coding::undo_last(db(), "alice");
    tx.commit();
    return r;
  };
  undo();
  BOOST_TEST(codings(std::string("alice")).size() == 1u);
  undo();
  BOOST_TEST(codings(std::string("alice")).empty());
  BOOST_TEST(codings(std::string("bob")).size() == 1u);  // bob's work untouched
  // alice's next-older entry is nothing undoable; the log keeps all of it.
  expect_error(
      ErrorKind::NotFound, [&] { undo(); }, "nothing");
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'undo'") == 2);
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'code.add'") == 3);
}

BOOST_AUTO_TEST_CASE(undo_of_an_import_is_refused) {
  expect_error(
      ErrorKind::Conflict,
      [&] {
        store::WriteTransaction tx(db());
        coding::undo_last(db(), "tester");
      },
      "cannot be undone");
}

BOOST_AUTO_TEST_CASE(memos_are_added_removed_and_undone) {
  coding::Viewer alice{"alice", false};
  store::WriteTransaction tx(db());
  const auto target =
      coding::resolve_memo_target(db(), coding::MemoKind::Code, "expost.veto", alice);
  const auto id = coding::add_memo(db(), target, "includes informal vetoes", "alice");
  BOOST_TEST(coding::list_memos(db(), std::nullopt, alice).size() == 1u);
  coding::undo_last(db(), "alice");
  BOOST_TEST(coding::list_memos(db(), std::nullopt, alice).empty());
  expect_error(
      ErrorKind::NotFound, [&] { coding::remove_memo(db(), id, alice); }, "memo");
  expect_error(
      ErrorKind::Usage, [&] { coding::add_memo(db(), target, "  ", "alice"); }, "empty");
  expect_error(
      ErrorKind::NotFound,
      [&] { coding::resolve_memo_target(db(), coding::MemoKind::Source, "Int-99", alice); },
      "Int-99");
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(coding_suggestions, CodingFixture)

BOOST_AUTO_TEST_CASE(autocode_stores_suggestions_once_and_skips_coded_spans) {
  code_one(coding::passage_target(db(), text(), 2), "expost.veto");
  store::WriteTransaction tx(db());
  const auto report = coding::autocode(project, "alice", {});
  // queue* finds interview ¶1 and minutes ¶2; slog finds ¶1 again: 2 spans.
  // veto finds ¶2, which alice coded already.
  BOOST_TEST(report.new_suggestions == 2u);
  BOOST_TEST(report.codes_without_queries == 2u);
  const auto again = coding::autocode(project, "alice", {});
  BOOST_TEST(again.new_suggestions == 0u);
  // Suggestions belong to their owner: bob gets his own.
  BOOST_TEST(coding::autocode(project, "bob", {}).new_suggestions == 3u);
  tx.commit();
}

BOOST_AUTO_TEST_CASE(the_walk_through_accepts_rejects_and_skips) {
  store::WriteTransaction tx(db());
  coding::autocode(project, "alice", {});
  auto first = coding::next_suggestion(project, "alice", std::nullopt);
  BOOST_REQUIRE(first);
  BOOST_TEST(first->code == "expost.queuing");
  BOOST_TEST(!first->matches.empty());  // the query's words are marked
  // The code needs a strength: accepting without one is refused.
  expect_error(
      ErrorKind::Usage, [&] { coding::accept_suggestion(db(), first->id, "alice", {}); },
      "strength");
  coding::skip_suggestion(db(), first->id, "alice");
  auto second = coding::next_suggestion(project, "alice", std::nullopt);
  BOOST_REQUIRE(second);
  BOOST_TEST(second->id != first->id);
  coding::CodeSpec spec{"", {{"strength", "weak"}}, "from autocode"};
  const auto coding_id = coding::accept_suggestion(db(), second->id, "alice", spec);
  BOOST_TEST(coding_id > 0);
  expect_error(
      ErrorKind::Conflict, [&] { coding::reject_suggestion(db(), second->id, "alice", ""); },
      "already");
  // The veto suggestion is still pending, then the skipped one comes back.
  auto third = coding::next_suggestion(project, "alice", std::nullopt);
  BOOST_REQUIRE(third);
  BOOST_TEST(third->code == "expost.veto");
  coding::reject_suggestion(db(), third->id, "alice", "not a veto player");
  auto fourth = coding::next_suggestion(project, "alice", std::nullopt);
  BOOST_REQUIRE(fourth);
  BOOST_TEST(fourth->id == first->id);
  BOOST_TEST(fourth->status == "skipped");
  coding::reject_suggestion(db(), first->id, "alice", "not about staff");
  BOOST_TEST(!coding::next_suggestion(project, "alice", std::nullopt));
  const auto counts = coding::count_suggestions(db(), "alice", std::nullopt);
  BOOST_TEST(counts.accepted == 1u);
  BOOST_TEST(counts.rejected == 2u);
  // Undo both rejections, then the acceptance (its coding goes too).
  coding::undo_last(db(), "alice");
  BOOST_TEST(coding::count_suggestions(db(), "alice", std::nullopt).pending == 1u);
  coding::undo_last(db(), "alice");
  BOOST_TEST(coding::count_suggestions(db(), "alice", std::nullopt).pending == 2u);
  coding::undo_last(db(), "alice");
  BOOST_TEST(count("SELECT count(*) FROM codings WHERE removed_at IS NULL") == 0);
  expect_error(
      ErrorKind::NotFound, [&] { coding::accept_suggestion(db(), second->id, "bob", spec); },
      "not one of");
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(coding_blind_mode, CodingFixture)

BOOST_AUTO_TEST_CASE(blind_coders_see_only_their_own_work) {
  code_one(coding::passage_target(db(), text(), 2), "expost.veto", "alice");
  code_one(coding::passage_target(db(), text(), 3), "exante", "bob");
  {
    store::WriteTransaction tx(db());
    coding::set_blind(db(), {true, {"sam"}}, "sam");
    tx.commit();
  }
  const auto alice = coding::viewer_for(db(), "alice");
  BOOST_TEST(alice.blind);
  BOOST_TEST(!coding::viewer_for(db(), "sam").blind);
  BOOST_TEST(codings(alice.only()).size() == 1u);
  BOOST_TEST(codings(coding::viewer_for(db(), "sam").only()).size() == 2u);
  // Another coder's coding is "not found" for removal and memos.
  const auto bobs = codings(std::string("bob"));
  store::WriteTransaction tx(db());
  expect_error(
      ErrorKind::NotFound, [&] { coding::remove_codings(db(), {bobs[0].id}, alice, "x"); },
      "blind");
  expect_error(
      ErrorKind::NotFound,
      [&] {
        coding::resolve_memo_target(db(), coding::MemoKind::Coding, std::to_string(bobs[0].id),
                                    alice);
      },
      "blind");
  // Only a supervisor may switch blind mode off.
  expect_error(
      ErrorKind::Conflict,
      [&] {
        coding::set_blind(db(), {false, {}}, "alice");
      },
      "supervisors");
  coding::set_blind(db(), {false, {}}, "sam");
  BOOST_TEST(!coding::viewer_for(db(), "alice").blind);
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()

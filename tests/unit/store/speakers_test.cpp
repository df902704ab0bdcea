// Transcript speakers in the store: listing with turn counts, renaming (one
// source or all, merging case variants, re-queuing the index, audited),
// mapping to informant labels and roles; passage times and heading paths
// round-trip; provenance is stored and found by URL.

#include "engine/store/speakers.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/core/sha256.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/offsets.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::sha256_hex;
using casebook::store::PassageRecord;
using casebook::store::SourceContent;
using casebook::store::SourceInfo;
using casebook::store::Store;
using casebook::store::WriteTransaction;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
namespace store = casebook::store;
namespace text = casebook::text;

namespace {

struct Turn {
  std::string speaker, words;
};

// A transcript source: one "turn" passage per (speaker, words), joined by a
// blank line, with made-up times.
SourceContent transcript(Store& s, const std::vector<Turn>& turns, const std::string& tag) {
  SourceContent c;
  c.type = "interview";
  c.title = "Interview " + tag;
  c.format = "webvtt";
  c.encoding = "UTF-8";
  std::size_t at = 0;
  std::int64_t ms = 0;
  for (const Turn& t : turns) {
    if (!c.text.empty()) {
      c.text += "\n\n";
      at += 2;
    }
    PassageRecord p;
    p.kind = "turn";
    p.speaker = t.speaker;
    p.span = {at, at + text::count_code_points(t.words)};
    p.start_ms = ms;
    p.end_ms = ms += 4000;
    p.heading_path = "Part " + tag;
    c.passages.push_back(p);
    c.sentences.push_back(p.span);
    c.text += t.words;
    at = p.span.end;
  }
  c.code_points = static_cast<std::int64_t>(at);
  c.original_sha256 = sha256_hex(c.text);
  c.original_name = tag + ".vtt";
  c.origin_path = "/data/" + tag + ".vtt";
  store::record_object(s, c.original_sha256, static_cast<std::int64_t>(c.text.size()));
  return c;
}

struct SpeakerFixture {
  TempDir dir{"speakers"};
  Store store = Store::create(dir / "store.sqlite");
  SourceInfo first, second;

  SpeakerFixture() {
    WriteTransaction tx(store);
    first = store::insert_source(
        store,
        transcript(store,
                   {{"Interviewer", "Why share?"}, {"Jane", "Money."}, {"INTERVIEWER", "Only?"}},
                   "one"),
        "tester");
    second = store::insert_source(
        store, transcript(store, {{"Interviewer", "And now?"}, {"Raj", "Dissolved."}}, "two"),
        "tester");
    tx.commit();
    // As if the index had caught up, so tests see only what they queue.
    std::vector<std::int64_t> done;
    for (const auto& entry : store::pending_index_work(store)) done.push_back(entry.id);
    store::mark_index_work_done(store, done);
  }

  std::int64_t audit_count(const std::string& action) {
    SQLite::Statement q(store.db(), "SELECT count(*) FROM audit_log WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(speakers, SpeakerFixture)

BOOST_AUTO_TEST_CASE(passage_times_and_heading_paths_round_trip) {
  auto passages = store::load_passages(store, first.id);
  BOOST_TEST_REQUIRE(passages.size() == 3u);
  BOOST_TEST(passages[1].speaker == "Jane");
  BOOST_TEST(passages[1].start_ms == 4000);
  BOOST_TEST(passages[1].end_ms == 8000);
  BOOST_TEST(passages[1].heading_path == "Part one");
  auto ref = store::find_passage(store, passages[2].id);
  BOOST_TEST_REQUIRE(ref.has_value());
  BOOST_TEST(ref->passage.start_ms == 8000);
  BOOST_TEST(ref->passage.heading_path == "Part one");
}

BOOST_AUTO_TEST_CASE(lists_every_spelling_with_turns_and_sources) {
  auto all = store::list_speakers(store);
  BOOST_TEST_REQUIRE(all.size() == 4u);
  // Spellings that differ only in case sort together, upper case first.
  BOOST_TEST(all[0].name == "INTERVIEWER");
  BOOST_TEST(all[0].turns == 1);
  BOOST_TEST(all[1].name == "Interviewer");
  BOOST_TEST(all[1].turns == 2);
  BOOST_TEST((all[1].sources == std::vector<std::string>{first.label, second.label}));
  BOOST_TEST(all[2].name == "Jane");
  BOOST_TEST(all[2].role == "unknown");
  BOOST_TEST(store::list_speakers(store, second.id).size() == 2u);
}

BOOST_AUTO_TEST_CASE(rename_merges_case_variants_and_requeues_the_index) {
  WriteTransaction tx(store);
  auto result =
      store::rename_speaker(store, "interviewer", "Interviewer (JB)", std::nullopt, "sup");
  tx.commit();
  BOOST_TEST(result.passages == 3);
  BOOST_TEST(result.sources == 2);
  auto all = store::list_speakers(store);
  BOOST_TEST_REQUIRE(all.size() == 3u);
  BOOST_TEST(all[0].name == "Interviewer (JB)");
  BOOST_TEST(all[0].turns == 3);
  BOOST_TEST(store::count_pending_index_work(store) == 2);
  BOOST_TEST(audit_count("speaker.rename") == 1);
}

BOOST_AUTO_TEST_CASE(rename_in_one_source_leaves_the_others) {
  WriteTransaction tx(store);
  auto result = store::rename_speaker(store, "Interviewer", "Int", second.id, "sup");
  tx.commit();
  BOOST_TEST(result.passages == 1);
  BOOST_TEST(store::load_passages(store, first.id)[0].speaker == "Interviewer");
  BOOST_TEST(store::load_passages(store, second.id)[0].speaker == "Int");
}

BOOST_AUTO_TEST_CASE(rename_errors) {
  WriteTransaction tx(store);
  auto e = expect_error(ErrorKind::NotFound,
                        [&] { store::rename_speaker(store, "Nobody", "X", std::nullopt, "s"); });
  BOOST_TEST(contains(e.what(), "no transcript turn has the speaker 'Nobody'"));
  e = expect_error(ErrorKind::Usage,
                   [&] { store::rename_speaker(store, "Jane", "  ", std::nullopt, "s"); });
  BOOST_TEST(contains(e.what(), "empty"));
  e = expect_error(ErrorKind::Usage,
                   [&] { store::rename_speaker(store, "jane", "Jane", std::nullopt, "s"); });
  BOOST_TEST(contains(e.what(), "already spelt 'Jane'"));
  e = expect_error(ErrorKind::NotFound,
                   [&] { store::rename_speaker(store, "Jane", "J", second.id, "s"); });
  BOOST_TEST(contains(e.what(), "does not speak in that source"));
}

BOOST_AUTO_TEST_CASE(mapping_survives_a_rename) {
  WriteTransaction tx(store);
  store::map_speaker(store, "jane", "Int-7", "informant", "sup");
  store::rename_speaker(store, "Jane", "Jane Smith", std::nullopt, "sup");
  tx.commit();
  auto all = store::list_speakers(store, first.id);
  auto jane = std::find_if(all.begin(), all.end(),
                           [](const store::SpeakerInfo& s) { return s.name == "Jane Smith"; });
  BOOST_TEST_REQUIRE((jane != all.end()));
  BOOST_TEST(jane->informant == "Int-7");
  BOOST_TEST(jane->role == "informant");
  BOOST_TEST(audit_count("speaker.map") == 1);
}

BOOST_AUTO_TEST_CASE(unknown_roles_are_refused) {
  WriteTransaction tx(store);
  auto e =
      expect_error(ErrorKind::Usage, [&] { store::map_speaker(store, "Raj", "", "chair", "s"); });
  BOOST_TEST(contains(e.what(), "unknown speaker role 'chair'"));
}

BOOST_AUTO_TEST_SUITE_END()

// Sources in the store: labels assigned per type and never reused, conflicts
// and unknown cases refused without writing, text/passages/sentences stored
// with code-point spans, passage_text() slicing by code points, ordering of
// labels, replacing a source, and the outbox and audit rows every write makes.

#include "engine/store/sources.hpp"

#include <boost/test/unit_test.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/core/sha256.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/store.hpp"
#include "engine/text/offsets.hpp"
#include "engine/text/segment.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::sha256_hex;
using casebook::store::IndexAction;
using casebook::store::PassageRecord;
using casebook::store::SourceContent;
using casebook::store::SourceInfo;
using casebook::store::Store;
using casebook::store::WriteTransaction;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
using casebook::text::Span;
namespace store = casebook::store;
namespace text = casebook::text;

namespace {

struct StoreFixture {
  TempDir dir{"sources"};
  Store store = Store::create(dir / "store.sqlite");
};

// A source whose passages (and sentences) are the paragraphs of `body`. Its
// "original" is recorded in the objects table, as the importer does.
SourceContent content_of(Store& s, const std::string& body, const std::string& type = "document",
                         const std::string& label = "") {
  SourceContent c;
  c.label = label;
  c.type = type;
  c.title = "A title";
  c.format = "text";
  c.encoding = "UTF-8";
  c.original_sha256 = sha256_hex(body);
  c.original_name = "file.txt";
  c.origin_path = "/data/" + c.original_sha256.substr(0, 8) + "/file.txt";
  c.text = body;
  c.code_points = static_cast<std::int64_t>(text::count_code_points(body));
  for (const Span& span : text::paragraphs(body)) {
    PassageRecord p;
    p.span = span;
    p.kind = "paragraph";
    c.passages.push_back(p);
    c.sentences.push_back(span);
  }
  store::record_object(s, c.original_sha256, static_cast<std::int64_t>(body.size()));
  return c;
}

SourceInfo add(Store& s, const SourceContent& c, const std::string& coder = "tester") {
  WriteTransaction tx(s);
  SourceInfo info = store::insert_source(s, c, coder);
  tx.commit();
  return info;
}

// A body no other call produces (distinct originals).
std::string body(int n) {
  return "Paragraph one of " + std::to_string(n) + ".\n\nAnd two.";
}

std::string add_auto(Store& s, const std::string& type, int n) {
  return add(s, content_of(s, body(n), type)).label;
}

std::int64_t rows(Store& s, const std::string& table) {
  return s.db().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::map<std::string, std::int64_t> snapshot(Store& s) {
  std::map<std::string, std::int64_t> out;
  for (const char* t :
       {"sources", "source_texts", "passages", "sentences", "source_cases", "source_attributes",
        "index_outbox", "audit_log", "label_counters", "objects", "cases"}) {
    out[t] = rows(s, t);
  }
  return out;
}

void add_case(Store& s, const std::string& label, const std::string& outcome = "") {
  SQLite::Statement insert(s.db(),
                           "INSERT INTO cases(label, outcome, updated_at) VALUES (?, ?, 'now')");
  insert.bind(1, label);
  if (outcome.empty()) {
    insert.bind(2);
  } else {
    insert.bind(2, outcome);
  }
  insert.exec();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(store_sources, StoreFixture)

BOOST_AUTO_TEST_CASE(labels_are_numbered_per_type_prefix) {
  BOOST_TEST(add_auto(store, "interview", 1) == "Int-1");
  BOOST_TEST(add_auto(store, "interview", 2) == "Int-2");
  BOOST_TEST(add_auto(store, "document", 3) == "Doc-1");
  BOOST_TEST(add_auto(store, "minutes", 4) == "Doc-2");
  BOOST_TEST(add_auto(store, "focus-group", 5) == "Int-3");
  BOOST_TEST(add_auto(store, "newsletter", 6) == "Doc-3");  // unknown types are documents
  BOOST_TEST(add_auto(store, "press", 7) == "Doc-4");
  BOOST_TEST(store::count_sources(store) == 7);
}

BOOST_AUTO_TEST_CASE(explicit_label_is_skipped_by_automatic_numbering) {
  BOOST_TEST(add(store, content_of(store, body(1), "document", "Doc-2")).label == "Doc-2");
  // next_label starts at the counter (1) and skips numbers already taken.
  BOOST_TEST(add_auto(store, "document", 2) == "Doc-1");
  BOOST_TEST(add_auto(store, "document", 3) == "Doc-3");
  BOOST_TEST(add_auto(store, "report", 4) == "Doc-4");
  BOOST_TEST(
      store.db().execAndGet("SELECT next FROM label_counters WHERE prefix = 'Doc'").getInt64() ==
      5);
  // Interviews have their own counter, untouched by documents.
  BOOST_TEST(add_auto(store, "interview", 5) == "Int-1");
}

BOOST_AUTO_TEST_CASE(explicit_label_with_another_prefix_is_skipped_too) {
  // A document labelled like an interview still takes that number from interviews.
  add(store, content_of(store, body(1), "document", "Int-2"));
  BOOST_TEST(add_auto(store, "interview", 2) == "Int-1");
  BOOST_TEST(add_auto(store, "interview", 3) == "Int-3");
}

BOOST_AUTO_TEST_CASE(numbers_are_never_reused_after_a_source_is_deleted) {
  BOOST_TEST(add_auto(store, "document", 1) == "Doc-1");
  BOOST_TEST(add_auto(store, "document", 2) == "Doc-2");
  const auto doc2 = *store::find_source(store, "Doc-2");
  store.db().exec("DELETE FROM sources WHERE label = 'Doc-2'");
  BOOST_TEST(!store::find_source(store, "Doc-2"));
  // A cited "Doc-2" must never come to mean another source, nor its id or
  // its passages' ids (index terms refer to them).
  const SourceInfo next = add(store, content_of(store, body(3)));
  BOOST_TEST(next.label == "Doc-3");
  BOOST_TEST(next.id > doc2.id);
  BOOST_TEST(store::load_passages(store, next.id).front().id > 4);  // Doc-2 had passages 3, 4
}

BOOST_AUTO_TEST_CASE(duplicate_explicit_label_is_a_conflict) {
  BOOST_TEST(add_auto(store, "document", 1) == "Doc-1");
  const auto before = snapshot(store);
  auto e = expect_error(ErrorKind::Conflict,
                        [&] { add(store, content_of(store, body(2), "document", "Doc-1")); });
  BOOST_TEST(contains(e.what(), "Doc-1"));
  BOOST_TEST(contains(e.hint(), "--label"));
  auto after = snapshot(store);
  after["objects"] = before.at("objects");  // content_of() records the new original itself
  BOOST_TEST(after == before);
  BOOST_TEST(store::find_source(store, "Doc-1")->original_sha256 == sha256_hex(body(1)));
}

BOOST_AUTO_TEST_CASE(unknown_case_is_not_found_and_the_transaction_writes_nothing) {
  add_case(store, "A");
  SourceContent c = content_of(store, body(1));
  c.cases = {"A", "Nope"};
  c.attributes = {{"interviewer", "JS"}};
  const auto before = snapshot(store);
  {
    WriteTransaction tx(store);
    auto e = expect_error(ErrorKind::NotFound, [&] { store::insert_source(store, c, "tester"); });
    BOOST_TEST(contains(e.what(), "Nope"));
    BOOST_TEST(contains(e.hint(), "casebook cases"));
  }  // rolled back
  BOOST_TEST((snapshot(store) == before));
  BOOST_TEST(store::list_sources(store).empty());
  // The label counter was rolled back with the rest.
  BOOST_TEST(add_auto(store, "document", 2) == "Doc-1");
}

BOOST_AUTO_TEST_CASE(metadata_passages_and_sentences_round_trip) {
  add_case(store, "B");
  add_case(store, "A");
  const std::string t =
      "Interviewer: How did it start?\n\nInt-7: With a shared chief executive. It was "
      "2011.\n\nPage two.";
  SourceContent c = content_of(store, t, "interview");
  c.title = "Interview with the chief executive";
  c.date = "2014-03-02";
  c.council = "North Wold";
  c.format = "transcript";
  c.encoding = "windows-1252";
  c.original_name = "int7.txt";
  c.origin_path = "/data/int7.txt";
  c.cases = {"B", "A"};
  c.attributes = {{"interviewer", "JS"}, {"role", "chief executive"}};
  c.passages[0].kind = "turn";
  c.passages[0].speaker = "Interviewer";
  c.passages[1].kind = "turn";
  c.passages[1].speaker = "Int-7";
  c.passages[2].page = 2;
  // Two sentences in the second turn: "Int-7: With a shared chief executive." is 37.
  const std::size_t split = c.passages[1].span.start + 37;
  c.sentences = {c.passages[0].span,
                 {c.passages[1].span.start, split},
                 {split + 1, c.passages[1].span.end},
                 c.passages[2].span};

  const SourceInfo info = add(store, c, "alice");
  BOOST_TEST(info.label == "Int-1");
  BOOST_TEST(info.type == "interview");
  BOOST_TEST(info.title == c.title);
  BOOST_TEST(info.date == "2014-03-02");
  BOOST_TEST(info.council == "North Wold");
  BOOST_TEST(info.format == "transcript");
  BOOST_TEST(info.encoding == "windows-1252");
  BOOST_TEST(info.original_sha256 == sha256_hex(t));
  BOOST_TEST(info.original_name == "int7.txt");
  BOOST_TEST(info.origin_path == "/data/int7.txt");
  BOOST_TEST(info.version == 1);
  BOOST_TEST(info.imported_by == "alice");
  BOOST_TEST(!info.imported_at.empty());
  BOOST_TEST((info.cases == std::vector<std::string>{"A", "B"}));  // sorted
  BOOST_TEST((info.attributes == c.attributes));
  BOOST_TEST(info.passage_count == 3);
  BOOST_TEST(info.code_points == c.code_points);

  BOOST_TEST(store::load_text(store, info.id) == t);
  const auto passages = store::load_passages(store, info.id);
  BOOST_TEST_REQUIRE(passages.size() == 3u);
  for (std::size_t i = 0; i < passages.size(); ++i) {
    BOOST_TEST(passages[i].id > 0);
    BOOST_TEST(passages[i].n == static_cast<int>(i + 1));
    BOOST_TEST((passages[i].span == c.passages[i].span));
    BOOST_TEST(passages[i].kind == c.passages[i].kind);
    BOOST_TEST(passages[i].speaker == c.passages[i].speaker);
    BOOST_TEST(passages[i].page == c.passages[i].page);
  }
  const auto sentences = store::load_sentences(store, info.id);
  BOOST_TEST_REQUIRE(sentences.size() == 4u);
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    BOOST_TEST((sentences[i] == c.sentences[i]));
  }

  const auto ref = store::find_passage(store, passages[1].id);
  BOOST_TEST_REQUIRE(ref.has_value());
  BOOST_TEST(ref->source_id == info.id);
  BOOST_TEST(ref->passage.speaker == "Int-7");
  BOOST_TEST((ref->passage.span == c.passages[1].span));
  BOOST_TEST(!store::find_passage(store, 987654).has_value());

  BOOST_TEST(store::count_sources(store) == 1);
  BOOST_TEST(store::count_passages(store) == 3);
}

BOOST_AUTO_TEST_CASE(unknown_metadata_is_stored_as_null) {
  const SourceInfo info = add(store, content_of(store, body(1)));
  BOOST_TEST(info.date.empty());
  BOOST_TEST(info.council.empty());
  SQLite::Statement q(store.db(), "SELECT date IS NULL, council IS NULL FROM sources WHERE id = ?");
  q.bind(1, info.id);
  BOOST_TEST_REQUIRE(q.executeStep());
  BOOST_TEST(q.getColumn(0).getInt() == 1);
  BOOST_TEST(q.getColumn(1).getInt() == 1);
  SQLite::Statement p(store.db(),
                      "SELECT count(*) FROM passages WHERE source_id = ? AND speaker IS NULL "
                      "AND page IS NULL");
  p.bind(1, info.id);
  BOOST_TEST_REQUIRE(p.executeStep());
  BOOST_TEST(p.getColumn(0).getInt() == 2);
}

BOOST_AUTO_TEST_CASE(passage_text_slices_by_code_points) {
  // 😀 is 4 bytes, q + U+0303 (no precomposed form) is 2 code points, é is
  // precomposed (NFC), 👍🏽 is an emoji plus a skin-tone modifier (2 code points).
  const std::string t =
      "A\U0001F600b\n\n"           // [0, 3) then 2 line feeds
      "q\u0303x \u00E9 Z\n\n"      // [5, 12)
      "\U0001F44D\U0001F3FD fin";  // [14, 20)
  SourceContent c = content_of(store, t);
  BOOST_TEST(c.code_points == 20);
  BOOST_TEST_REQUIRE(c.passages.size() == 3u);
  BOOST_TEST((c.passages[0].span == Span{0, 3}));
  BOOST_TEST((c.passages[1].span == Span{5, 12}));
  BOOST_TEST((c.passages[2].span == Span{14, 20}));
  const SourceInfo info = add(store, c);
  const auto passages = store::load_passages(store, info.id);
  BOOST_TEST_REQUIRE(passages.size() == 3u);
  BOOST_TEST(store::passage_text(store, passages[0].id) == "A\U0001F600b");
  BOOST_TEST(store::passage_text(store, passages[1].id) == "q\u0303x \u00E9 Z");
  BOOST_TEST(store::passage_text(store, passages[2].id) == "\U0001F44D\U0001F3FD fin");

  // The same slices as OffsetMap computes in C++.
  const text::OffsetMap offsets(t);
  for (const auto& p : passages) {
    BOOST_TEST(store::passage_text(store, p.id) == std::string(offsets.slice(p.span)));
  }
  BOOST_TEST(store::passage_text(store, 987654).empty());
}

BOOST_AUTO_TEST_CASE(passage_text_splits_a_combining_sequence_between_code_points) {
  const std::string t = "\U0001F600q\u0303!";  // 4 code points, 8 bytes
  SourceContent c = content_of(store, t);
  c.passages.clear();
  for (std::size_t i = 0; i < 4; ++i) {
    PassageRecord p;
    p.span = {i, i + 1};
    p.kind = "paragraph";
    c.passages.push_back(p);
  }
  const SourceInfo info = add(store, c);
  const auto passages = store::load_passages(store, info.id);
  BOOST_TEST_REQUIRE(passages.size() == 4u);
  BOOST_TEST(store::passage_text(store, passages[0].id) == "\U0001F600");
  BOOST_TEST(store::passage_text(store, passages[1].id) == "q");
  BOOST_TEST(store::passage_text(store, passages[2].id) == "\u0303");
  BOOST_TEST(store::passage_text(store, passages[3].id) == "!");
}

BOOST_AUTO_TEST_CASE(list_sources_orders_by_prefix_then_number) {
  int n = 0;
  for (const char* label : {"Doc-10", "Int-2", "Doc-2", "Appendix", "Doc-1", "Int-10", "Doc-9"}) {
    add(store, content_of(store, body(++n), "document", label));
  }
  std::vector<std::string> labels;
  for (const auto& s : store::list_sources(store)) labels.push_back(s.label);
  const std::vector<std::string> expected = {"Appendix", "Doc-1", "Doc-2", "Doc-9",
                                             "Doc-10",   "Int-2", "Int-10"};
  BOOST_TEST(labels == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(find_source_by_label_original_origin_and_id) {
  const SourceContent c = content_of(store, body(1));
  const SourceInfo info = add(store, c);
  BOOST_TEST(store::find_source(store, info.label)->id == info.id);
  BOOST_TEST(store::find_source_by_id(store, info.id)->label == info.label);
  BOOST_TEST(store::find_source_by_original(store, c.original_sha256)->id == info.id);
  BOOST_TEST(store::find_source_by_origin(store, c.origin_path)->id == info.id);
  BOOST_TEST(!store::find_source(store, "Doc-99"));
  BOOST_TEST(!store::find_source_by_id(store, info.id + 100));
  BOOST_TEST(!store::find_source_by_original(store, sha256_hex("other")));
  BOOST_TEST(!store::find_source_by_origin(store, "/elsewhere.txt"));
  BOOST_TEST(store::require_source(store, info.label).id == info.id);
  auto e = expect_error(ErrorKind::NotFound, [&] { store::require_source(store, "Doc-99"); });
  BOOST_TEST(contains(e.what(), "Doc-99"));
  BOOST_TEST(contains(e.hint(), "casebook sources"));
}

BOOST_AUTO_TEST_CASE(insert_queues_the_source_for_indexing_and_audits_with_the_coder) {
  const SourceContent c = content_of(store, body(1), "interview");
  const SourceInfo info = add(store, c, "alice");
  const auto work = store::pending_index_work(store);
  BOOST_TEST_REQUIRE(work.size() == 1u);
  BOOST_TEST(work[0].source_id == info.id);
  BOOST_TEST((work[0].action == IndexAction::Index));
  BOOST_TEST(store::count_pending_index_work(store) == 1);

  const auto audit = store::recent_audit(store, 10);
  BOOST_TEST_REQUIRE(audit.size() == 1u);
  BOOST_TEST(audit[0].coder == "alice");
  BOOST_TEST(audit[0].action == "source.import");
  BOOST_TEST(audit[0].target == "Int-1");
  BOOST_TEST(audit[0].at.size() == 20u);
  const auto detail = nlohmann::json::parse(audit[0].detail);
  BOOST_TEST(detail.at("type").get<std::string>() == "interview");
  BOOST_TEST(detail.at("sha256").get<std::string>() == c.original_sha256);
  BOOST_TEST(detail.at("file").get<std::string>() == c.origin_path);
  BOOST_TEST(detail.at("passages").get<int>() == 2);
}

BOOST_AUTO_TEST_CASE(recent_audit_is_newest_first_and_limited) {
  add(store, content_of(store, body(1)), "ann");
  add(store, content_of(store, body(2)), "ben");
  add(store, content_of(store, body(3)), "cat");
  const auto audit = store::recent_audit(store, 2);
  BOOST_TEST_REQUIRE(audit.size() == 2u);
  BOOST_TEST(audit[0].coder == "cat");
  BOOST_TEST(audit[0].target == "Doc-3");
  BOOST_TEST(audit[1].coder == "ben");
  BOOST_TEST(audit[0].id > audit[1].id);
  store::append_audit(store, "dan", "note.add", "Doc-1", {{"why", "test"}});
  const auto latest = store::recent_audit(store, 1);
  BOOST_TEST_REQUIRE(latest.size() == 1u);
  BOOST_TEST(latest[0].coder == "dan");
  BOOST_TEST(nlohmann::json::parse(latest[0].detail).at("why").get<std::string>() == "test");
}

BOOST_AUTO_TEST_CASE(outbox_entries_round_trip_and_are_deleted_when_done) {
  store::enqueue_index(store, 5, IndexAction::Index);
  store::enqueue_index(store, 6, IndexAction::Remove);
  store::enqueue_index(store, 5, IndexAction::Index);
  auto work = store::pending_index_work(store);
  BOOST_TEST_REQUIRE(work.size() == 3u);
  BOOST_TEST(work[0].id < work[1].id);
  BOOST_TEST(work[1].id < work[2].id);
  BOOST_TEST(work[1].source_id == 6);
  BOOST_TEST((work[1].action == IndexAction::Remove));
  // Reading on from a given id (as IndexSync does) returns only newer entries.
  const auto after = store::pending_index_work(store, work[0].id);
  BOOST_TEST_REQUIRE(after.size() == 2u);
  BOOST_TEST(after[0].id == work[1].id);
  BOOST_TEST(store::pending_index_work(store, work[2].id).empty());
  store::mark_index_work_done(store, {work[0].id, work[2].id});
  work = store::pending_index_work(store);
  BOOST_TEST_REQUIRE(work.size() == 1u);
  BOOST_TEST(work[0].source_id == 6);
  store::mark_index_work_done(store, {work[0].id});
  BOOST_TEST(store::count_pending_index_work(store) == 0);
}

BOOST_AUTO_TEST_CASE(replace_source_makes_a_new_version_under_the_same_label) {
  add_case(store, "A");
  add_case(store, "B");
  SourceContent v1 = content_of(store, "First version.\n\nSecond paragraph.");
  v1.cases = {"A"};
  v1.attributes = {{"status", "draft"}};
  const SourceInfo first = add(store, v1, "alice");
  const auto old_passages = store::load_passages(store, first.id);
  BOOST_TEST_REQUIRE(old_passages.size() == 2u);
  store::mark_index_work_done(store, {store::pending_index_work(store).at(0).id});

  SourceContent v2 = content_of(store, "New one.\n\nNew two.\n\nNew three \U0001F600.");
  v2.origin_path = v1.origin_path;
  v2.cases = {"B"};
  v2.attributes = {{"status", "final"}};
  SourceInfo second;
  {
    WriteTransaction tx(store);
    second = store::replace_source(store, first.id, v2, "bob");
    tx.commit();
  }
  BOOST_TEST(second.id == first.id);
  BOOST_TEST(second.label == first.label);
  BOOST_TEST(second.version == 2);
  BOOST_TEST(second.imported_by == "bob");
  BOOST_TEST(second.original_sha256 == v2.original_sha256);
  BOOST_TEST(second.passage_count == 3);
  BOOST_TEST(second.code_points == v2.code_points);
  BOOST_TEST((second.cases == std::vector<std::string>{"B"}));
  BOOST_TEST(second.attributes.at("status") == "final");
  BOOST_TEST(store::count_sources(store) == 1);

  BOOST_TEST(store::load_text(store, first.id) == v2.text);
  const auto passages = store::load_passages(store, first.id);
  BOOST_TEST_REQUIRE(passages.size() == 3u);
  for (std::size_t i = 0; i < 3; ++i) BOOST_TEST((passages[i].span == v2.passages[i].span));
  BOOST_TEST(store::passage_text(store, passages[2].id) == "New three \U0001F600.");
  // Passage ids are never reused: the old passages are gone, the new ones are new.
  for (const auto& old : old_passages) BOOST_TEST(!store::find_passage(store, old.id));
  for (const auto& p : passages) BOOST_TEST(p.id > old_passages.back().id);
  BOOST_TEST(store::load_sentences(store, first.id).size() == 3u);
  BOOST_TEST(store::count_passages(store) == 3);

  const auto work = store::pending_index_work(store);
  BOOST_TEST_REQUIRE(work.size() == 1u);
  BOOST_TEST(work[0].source_id == first.id);
  BOOST_TEST((work[0].action == IndexAction::Index));

  const auto audit = store::recent_audit(store, 1);
  BOOST_TEST_REQUIRE(audit.size() == 1u);
  BOOST_TEST(audit[0].action == "source.replace");
  BOOST_TEST(audit[0].coder == "bob");
  BOOST_TEST(audit[0].target == first.label);
  const auto detail = nlohmann::json::parse(audit[0].detail);
  BOOST_TEST(detail.at("previous_sha256").get<std::string>() == v1.original_sha256);
  BOOST_TEST(detail.at("sha256").get<std::string>() == v2.original_sha256);
  BOOST_TEST(detail.at("version").get<int>() == 2);

  // A third version counts on.
  SourceContent v3 = content_of(store, "Third.");
  WriteTransaction tx(store);
  BOOST_TEST(store::replace_source(store, first.id, v3, "cat").version == 3);
  tx.commit();
}

BOOST_AUTO_TEST_CASE(replacing_an_unknown_source_is_an_internal_error) {
  const SourceContent c = content_of(store, body(1));
  WriteTransaction tx(store);
  expect_error(ErrorKind::Internal, [&] { store::replace_source(store, 4242, c, "bob"); });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(store_sources_regressions)

// Regression (fixed): labels are unique only case-sensitively (sources.label
// UNIQUE, insert_source() and next_label() compare with =), but the index
// folds them: "doc-1" and "Doc-1" share the filter term XSRC:doc-1, so
// `source:Doc-1` finds both sources and check_project() reports "index has 2
// passages, store has 1" for each, for ever.
BOOST_FIXTURE_TEST_CASE(labels_differing_only_in_case_collide, StoreFixture) {
  add(store, content_of(store, body(1), "document", "doc-1"));
  expect_error(ErrorKind::Conflict,
               [&] { add(store, content_of(store, body(2), "document", "DOC-1")); });
  // Automatic numbering skips the number taken as "doc-1".
  BOOST_TEST(add_auto(store, "document", 3) == "Doc-2");
}

BOOST_AUTO_TEST_SUITE_END()

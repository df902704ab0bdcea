// The write protocol and the consistency check. Sources are written the way
// an import writes them (original stored, then one store transaction that
// also queues index work) but the index is synced separately, so each test
// can stop where a killed process would: after the store commit, before the
// index commit. check_project() must report every such gap, orphan and
// damaged original, and reconcile/rebuild must repair them.

#include "engine/project/index_sync.hpp"

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/cases/case_sheet.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/check.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/project.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/segment.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::project::check_project;
using casebook::project::CheckFinding;
using casebook::project::CheckOptions;
using casebook::project::CheckReport;
using casebook::project::IndexSync;
using casebook::project::ObjectStore;
using casebook::project::Project;
using casebook::project::rebuild_index;
using casebook::project::RebuildProgress;
using casebook::project::reconcile_index_if_idle;
using casebook::project::WriteLock;
using casebook::store::IndexAction;
using casebook::store::SourceContent;
using casebook::store::SourceInfo;
using casebook::store::WriteTransaction;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace fs = std::filesystem;
namespace store = casebook::store;
namespace text = casebook::text;

namespace {

struct ProjectFixture {
  TempDir dir{"sync"};
  Project project = Project::init(dir / "p");
  ObjectStore objects{project.objects_dir()};

  // Stores the original and inserts the source in one committed transaction,
  // which queues it for indexing, as an import does; the index is not synced.
  SourceInfo add_source(const std::string& body, const std::string& type = "document",
                        const std::vector<std::string>& cases = {}) {
    SourceContent c = content(body, type);
    c.cases = cases;
    WriteTransaction tx(project.store());
    store::record_object(project.store(), c.original_sha256,
                         static_cast<std::int64_t>(body.size()));
    SourceInfo info = store::insert_source(project.store(), c, "tester");
    tx.commit();
    return info;
  }

  SourceContent content(const std::string& body, const std::string& type = "document") {
    SourceContent c;
    c.type = type;
    c.title = "t";
    c.format = "text";
    c.encoding = "UTF-8";
    c.original_sha256 = objects.put(body);
    c.original_name = "f.txt";
    c.origin_path = (dir / "in" / (c.original_sha256.substr(0, 8) + ".txt")).string();
    c.text = body;
    c.code_points = static_cast<std::int64_t>(text::count_code_points(body));
    text::Segmenter segmenter;
    for (const text::Span& span : text::paragraphs(body)) {
      store::PassageRecord p;
      p.span = span;
      p.kind = "paragraph";
      c.passages.push_back(p);
      const text::OffsetMap offsets(body);
      for (const text::Span& s : segmenter.sentences(offsets.slice(span))) {
        c.sentences.push_back({span.start + s.start, span.start + s.end});
      }
    }
    return c;
  }

  Xapian::Database index() { return Xapian::Database(project.index_dir().string()); }
  std::int64_t pending() { return store::count_pending_index_work(project.store()); }
  std::int64_t passages() { return store::count_passages(project.store()); }

  // Every passage of the store is indexed exactly once.
  void require_one_document_per_passage() {
    Xapian::Database db = index();
    BOOST_TEST(static_cast<std::int64_t>(db.get_doccount()) == passages());
    SQLite::Statement q(project.store().db(), "SELECT id FROM passages");
    while (q.executeStep()) {
      const std::string term = casebook::index::passage_id_term(q.getColumn(0).getInt64());
      BOOST_TEST(db.get_termfreq(term) == 1u, term);
    }
  }
};

const std::string kMinutes =
    "Minutes of the joint committee.\n\nThe committee agreed the shared budget. "
    "Cllr. Smith dissented.\n\nMeeting closed at 9pm.";
const std::string kInterview = "I: How did it start?\n\nR: With a shared chief executive.";

// The error findings of a report, one per line, for messages.
std::string errors_of(const CheckReport& report) {
  std::string out;
  for (const auto& f : report.findings) {
    if (f.severity == CheckFinding::Severity::Error) out += f.message + "\n";
  }
  return out;
}

bool has_error(const CheckReport& report, const std::string& fragment) {
  for (const auto& f : report.findings) {
    if (f.severity == CheckFinding::Severity::Error && contains(f.message, fragment)) return true;
  }
  return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(project_index_sync, ProjectFixture)

BOOST_AUTO_TEST_CASE(passage_docs_carry_the_store_metadata) {
  {
    WriteTransaction tx(project.store());
    store::import_cases(project.store(),
                        casebook::cases::parse_case_sheet(
                            "id,outcome,sub_outcome\nA,dissolved,political\nB,merged,\n", "c.csv"),
                        "c.csv", "tester");
    tx.commit();
  }
  SourceContent c = content(kInterview, "interview");
  c.cases = {"B", "A"};
  c.council = "North Wold";
  c.date = "2014-03";
  c.passages[0].speaker = "I";
  c.passages[1].speaker = "R";
  SourceInfo info;
  {
    WriteTransaction tx(project.store());
    store::record_object(project.store(), c.original_sha256, 1);
    info = store::insert_source(project.store(), c, "tester");
    tx.commit();
  }
  std::vector<casebook::index::PassageDoc> docs;
  std::vector<std::string> texts;
  casebook::project::for_each_passage_doc(project.store(), info.id, [&](const auto& doc) {
    docs.push_back(doc);
    texts.emplace_back(doc.text);
  });
  const auto passages = store::load_passages(project.store(), info.id);
  BOOST_TEST_REQUIRE(docs.size() == 2u);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    BOOST_TEST(docs[i].passage_id == passages[i].id);
    BOOST_TEST(docs[i].source_id == info.id);
    BOOST_TEST(texts[i] == store::passage_text(project.store(), passages[i].id));
    BOOST_TEST(docs[i].source_label == "Int-1");
    BOOST_TEST(docs[i].type == "interview");
    BOOST_TEST(docs[i].council == "North Wold");
    BOOST_TEST((docs[i].cases == std::vector<std::string>{"A", "B"}));
    const std::set<std::string> outcomes(docs[i].outcomes.begin(), docs[i].outcomes.end());
    BOOST_TEST((outcomes == std::set<std::string>{"dissolved", "political", "merged"}));
    BOOST_TEST(docs[i].date.value_or(0) == 20140301);
  }
  BOOST_TEST(texts[0] == "I: How did it start?");
  BOOST_TEST(docs[0].speaker == "I");
  BOOST_TEST(docs[1].speaker == "R");

  int calls = 0;
  casebook::project::for_each_passage_doc(project.store(), info.id + 100,
                                          [&](const auto&) { ++calls; });
  BOOST_TEST(calls == 0);
}

BOOST_AUTO_TEST_CASE(outbox_rows_are_deleted_only_after_the_index_commits) {
  add_source(kMinutes);
  add_source(kInterview, "interview");
  BOOST_TEST(pending() == 2);
  {
    IndexSync sync(project);
    BOOST_TEST(sync.apply_pending() == 2u);
    // Applied but not committed: the work stays queued, readers see nothing yet.
    BOOST_TEST(pending() == 2);
    BOOST_TEST(index().get_doccount() == 0u);
    BOOST_TEST(sync.apply_pending() == 0u);  // not applied twice
    sync.finish();
    BOOST_TEST(pending() == 0);
  }
  require_one_document_per_passage();
  BOOST_TEST(passages() == 5);
}

BOOST_AUTO_TEST_CASE(a_small_flush_size_commits_after_each_source) {
  add_source(kMinutes);
  add_source(kInterview, "interview");
  IndexSync sync(project);
  sync.set_flush_bytes(1);
  BOOST_TEST(sync.apply_pending() == 2u);
  BOOST_TEST(pending() == 0);
  BOOST_TEST(static_cast<std::int64_t>(index().get_doccount()) == passages());
  sync.finish();
  BOOST_TEST(pending() == 0);
}

BOOST_AUTO_TEST_CASE(work_queued_after_a_mid_import_commit_is_applied_too) {
  // Regression: a commit empties the outbox; ids of rows queued afterwards
  // must not restart from 1, or apply_pending (which reads only rows newer
  // than the last it saw) would skip them and the import would end with
  // sources missing from the index.
  IndexSync sync(project);
  sync.set_flush_bytes(1);
  add_source(kMinutes);
  BOOST_TEST(sync.apply_pending() == 1u);
  BOOST_TEST(pending() == 0);
  add_source(kInterview, "interview");
  BOOST_TEST(sync.apply_pending() == 1u);
  sync.finish();
  BOOST_TEST(pending() == 0);
  BOOST_TEST(static_cast<std::int64_t>(index().get_doccount()) == passages());
}

BOOST_AUTO_TEST_CASE(reconcile_replays_work_left_by_a_killed_process) {
  // Killed after the store commit, before the index commit:
  const auto info = add_source(kMinutes);
  BOOST_TEST(pending() == 1);
  BOOST_TEST(index().get_doccount() == 0u);
  BOOST_TEST(reconcile_index_if_idle(project) == 1u);
  BOOST_TEST(pending() == 0);
  require_one_document_per_passage();
  BOOST_TEST(index().get_termfreq(casebook::index::filter_term("source", info.label)) == 3u);
  BOOST_TEST(reconcile_index_if_idle(project) == 0u);  // nothing left
}

BOOST_AUTO_TEST_CASE(reconcile_does_nothing_while_another_process_writes) {
  add_source(kMinutes);
  {
    auto lock = WriteLock::try_acquire(project.lock_file());
    BOOST_TEST_REQUIRE((lock != nullptr));
    BOOST_TEST(reconcile_index_if_idle(project) == 0u);
    BOOST_TEST(pending() == 1);
    BOOST_TEST(index().get_doccount() == 0u);
  }
  BOOST_TEST(reconcile_index_if_idle(project) == 1u);
  BOOST_TEST(pending() == 0);
}

BOOST_AUTO_TEST_CASE(replaying_the_same_work_twice_keeps_one_document_per_passage) {
  const auto a = add_source(kMinutes);
  const auto b = add_source(kInterview, "interview");
  BOOST_TEST(reconcile_index_if_idle(project) == 2u);
  {
    WriteTransaction tx(project.store());
    store::enqueue_index(project.store(), a.id, IndexAction::Index);
    store::enqueue_index(project.store(), a.id, IndexAction::Index);
    store::enqueue_index(project.store(), b.id, IndexAction::Index);
    tx.commit();
  }
  BOOST_TEST(reconcile_index_if_idle(project) == 3u);
  require_one_document_per_passage();
  BOOST_TEST(check_project(project).ok(), errors_of(check_project(project)));
}

BOOST_AUTO_TEST_CASE(a_removed_source_leaves_the_index) {
  const auto a = add_source(kMinutes);
  const auto b = add_source(kInterview, "interview");
  reconcile_index_if_idle(project);
  {
    WriteTransaction tx(project.store());
    SQLite::Statement del(project.store().db(), "DELETE FROM sources WHERE id = ?");
    del.bind(1, a.id);
    del.exec();
    store::enqueue_index(project.store(), a.id, IndexAction::Remove);
    tx.commit();
  }
  BOOST_TEST(reconcile_index_if_idle(project) == 1u);
  BOOST_TEST(index().get_termfreq(casebook::index::source_id_term(a.id)) == 0u);
  BOOST_TEST(index().get_termfreq(casebook::index::source_id_term(b.id)) == 2u);
  require_one_document_per_passage();
}

BOOST_AUTO_TEST_CASE(a_replaced_source_is_reindexed_with_its_new_text) {
  const auto a = add_source("The old wording about libraries.\n\nAnd more.");
  reconcile_index_if_idle(project);
  BOOST_TEST(index().get_termfreq("libraries") == 1u);
  const SourceContent v2 = content("Entirely new text about parks.", "document");
  {
    WriteTransaction tx(project.store());
    store::record_object(project.store(), v2.original_sha256, 1);
    store::replace_source(project.store(), a.id, v2, "tester");
    tx.commit();
  }
  BOOST_TEST(reconcile_index_if_idle(project) == 1u);
  BOOST_TEST(index().get_termfreq("libraries") == 0u);
  BOOST_TEST(index().get_termfreq("parks") == 1u);
  require_one_document_per_passage();
}

BOOST_AUTO_TEST_CASE(index_sync_is_busy_while_another_writer_holds_the_index) {
  add_source(kMinutes);
  casebook::index::IndexWriter other(project.index_dir());
  expect_error(ErrorKind::Busy, [&] { IndexSync sync(project); });
  BOOST_TEST(pending() == 1);
}

BOOST_AUTO_TEST_CASE(rebuild_switches_to_a_fresh_directory_and_removes_the_old) {
  add_source(kMinutes);
  add_source(kInterview, "interview");
  reconcile_index_if_idle(project);
  const fs::path old_dir = project.index_dir();
  BOOST_TEST(old_dir.filename() == "index-1");
  fs::create_directories(project.data_dir() / "index-7");  // left by an interrupted rebuild

  std::vector<RebuildProgress> progress;
  const auto indexed =
      rebuild_index(project, [&](const RebuildProgress& p) { progress.push_back(p); });
  BOOST_TEST(indexed == passages());
  BOOST_TEST(project.index_dir() != old_dir);
  BOOST_TEST(project.index_dir().filename().string().rfind("index-", 0) == 0u);
  BOOST_TEST(read_file(project.data_dir() / "index.current") ==
             project.index_dir().filename().string() + "\n");
  BOOST_TEST(!fs::exists(old_dir));
  BOOST_TEST(!fs::exists(project.data_dir() / "index-7"));
  BOOST_TEST_REQUIRE(progress.size() == 2u);
  BOOST_TEST(progress.back().sources_done == 2);
  BOOST_TEST(progress.back().sources_total == 2);
  require_one_document_per_passage();

  // Again: another fresh directory, and still exactly one live index.
  const fs::path second = project.index_dir();
  rebuild_index(project);
  BOOST_TEST(project.index_dir() != second);
  BOOST_TEST(!fs::exists(second));
  int index_dirs = 0;
  for (const auto& e : fs::directory_iterator(project.data_dir())) {
    if (e.path().filename().string().rfind("index-", 0) == 0) ++index_dirs;
  }
  BOOST_TEST(index_dirs == 1);
  require_one_document_per_passage();
}

BOOST_AUTO_TEST_CASE(check_of_a_deleted_live_index_says_how_to_rebuild_it) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  fs::remove_all(project.index_dir());
  auto e = expect_error(ErrorKind::NotFound, [&] { check_project(project); });
  BOOST_TEST(contains(e.hint(), "casebook reindex"));
}

BOOST_AUTO_TEST_CASE(rebuild_clears_queued_work) {
  add_source(kMinutes);
  add_source(kInterview, "interview");
  BOOST_TEST(pending() == 2);
  rebuild_index(project);
  BOOST_TEST(pending() == 0);
  require_one_document_per_passage();
  BOOST_TEST(check_project(project).ok(), errors_of(check_project(project)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(project_check, ProjectFixture)

BOOST_AUTO_TEST_CASE(a_new_project_is_sound) {
  const CheckReport report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST(report.findings.empty());
  BOOST_TEST(report.sources == 0);
  BOOST_TEST(report.passages == 0);
  BOOST_TEST(report.index_documents == 0);
}

BOOST_AUTO_TEST_CASE(a_synced_project_is_sound_and_counted) {
  add_source(kMinutes);
  add_source(kInterview, "interview");
  reconcile_index_if_idle(project);
  const CheckReport report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST(report.findings.empty());
  BOOST_TEST(report.sources == 2);
  BOOST_TEST(report.passages == 5);
  BOOST_TEST(report.sentences == 6);  // "The committee agreed ... Cllr. Smith dissented." is 2
  BOOST_TEST(report.index_documents == 5);
  BOOST_TEST(report.originals_verified == 2);
}

BOOST_AUTO_TEST_CASE(work_queued_but_not_applied_is_an_error_until_reconciled) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  add_source(kInterview, "interview");  // killed before its index commit
  CheckReport report = check_project(project);
  BOOST_TEST(!report.ok());
  BOOST_TEST(has_error(report, "queued but not applied"), errors_of(report));
  BOOST_TEST(has_error(report, "Int-1: index has 0 passages, store has 2"), errors_of(report));
  BOOST_TEST(has_error(report, "index holds 3 documents, store holds 5 passages"),
             errors_of(report));
  BOOST_TEST(reconcile_index_if_idle(project) == 1u);
  report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST(report.index_documents == report.passages);
}

BOOST_AUTO_TEST_CASE(an_orphan_document_is_reported_and_rebuild_fixes_it) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  const fs::path old_dir = project.index_dir();
  {
    casebook::index::IndexWriter writer(project.index_dir());
    casebook::index::PassageDoc ghost;
    ghost.passage_id = 99999;
    ghost.source_id = 4242;
    ghost.text = "A passage no store knows.";
    ghost.source_label = "Doc-99";
    writer.add_passage(ghost);
    writer.commit();
  }
  CheckReport report = check_project(project);
  BOOST_TEST(!report.ok());
  BOOST_TEST(has_error(report, "index holds passage 99999 that is not in the store (orphan)"),
             errors_of(report));
  BOOST_TEST(report.index_documents == report.passages + 1);

  rebuild_index(project);
  BOOST_TEST(project.index_dir() != old_dir);
  BOOST_TEST(!fs::exists(old_dir));
  report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST(index().get_termfreq("QP99999") == 0u);
}

BOOST_AUTO_TEST_CASE(a_passage_missing_from_the_index_is_reported) {
  const auto a = add_source(kMinutes);
  reconcile_index_if_idle(project);
  const auto first = store::load_passages(project.store(), a.id).at(0);
  {
    Xapian::WritableDatabase db(project.index_dir().string());
    db.delete_document(casebook::index::passage_id_term(first.id));
    db.commit();
  }
  const CheckReport report = check_project(project);
  BOOST_TEST(has_error(report, "passage " + std::to_string(first.id) + " is indexed 0 times"),
             errors_of(report));
  BOOST_TEST(has_error(report, "Doc-1: index has 2 passages, store has 3"), errors_of(report));
}

BOOST_AUTO_TEST_CASE(a_damaged_original_is_reported) {
  const auto a = add_source(kMinutes);
  add_source(kInterview, "interview");
  reconcile_index_if_idle(project);
  write_file(objects.path_of(a.original_sha256), "tampered with");
  CheckReport report = check_project(project);
  BOOST_TEST(!report.ok());
  BOOST_TEST(has_error(report, "Doc-1: original file no longer matches its SHA-256 (damaged)"),
             errors_of(report));
  BOOST_TEST(report.originals_verified == 1);
  // Without re-hashing, a damaged (but present) original goes unnoticed.
  report = check_project(project, CheckOptions{false});
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST(report.originals_verified == 0);
}

BOOST_AUTO_TEST_CASE(a_missing_original_is_reported_even_without_rehashing) {
  const auto a = add_source(kMinutes);
  reconcile_index_if_idle(project);
  fs::remove(objects.path_of(a.original_sha256));
  for (bool verify : {true, false}) {
    const CheckReport report = check_project(project, CheckOptions{verify});
    BOOST_TEST(has_error(report, "Doc-1: original file is missing from the project"),
               errors_of(report));
  }
}

BOOST_AUTO_TEST_CASE(an_unreferenced_original_is_only_a_warning) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  const std::string stray = objects.put("left by an interrupted import");
  const CheckReport report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  BOOST_TEST_REQUIRE(report.findings.size() == 1u);
  BOOST_TEST((report.findings[0].severity == CheckFinding::Severity::Warning));
  BOOST_TEST(contains(report.findings[0].message, stray.substr(2)));
  BOOST_TEST(contains(report.findings[0].message, "unreferenced"));
}

BOOST_AUTO_TEST_CASE(spans_outside_the_text_are_reported) {
  const auto a = add_source(kMinutes);
  reconcile_index_if_idle(project);
  SQLite::Statement bad(project.store().db(),
                        "UPDATE passages SET end_cp = end_cp + 1000 WHERE source_id = ? AND n = 3");
  bad.bind(1, a.id);
  bad.exec();
  const CheckReport report = check_project(project);
  BOOST_TEST(has_error(report, "Doc-1: passage 3 ["), errors_of(report));
  BOOST_TEST(has_error(report, "lies outside the text"), errors_of(report));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(project_regressions)

// Regression (fixed): a damaged index.current makes Project::index_dir() throw
// Error(Internal) with the hint "run 'casebook reindex' to rebuild the index",
// but rebuild_index() (what reindex runs) starts with project.index_dir() and
// fails with the same error, so the advice can never work.
BOOST_FIXTURE_TEST_CASE(rebuild_recovers_from_a_damaged_index_pointer, ProjectFixture) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  write_file(project.data_dir() / "index.current", "../garbage\n");
  expect_error(ErrorKind::Internal, [&] { project.index_dir(); });
  BOOST_CHECK_NO_THROW(rebuild_index(project));
  BOOST_CHECK_NO_THROW(project.index_dir());
  const CheckReport report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  int index_dirs = 0;
  for (const auto& e : fs::directory_iterator(project.data_dir())) {
    if (e.path().filename().string().rfind("index-", 0) == 0) ++index_dirs;
  }
  BOOST_TEST(index_dirs == 1);
}

// Regression (fixed): when the live index directory is gone (deleted as "just a
// cache"), rebuild_index() picks the first free name, index-1, which is the
// name of the missing live directory, builds the new index there, points
// index.current at it and then removes `current` -- the index it has just
// built. Reindex reports success and leaves no index at all, every time.
BOOST_FIXTURE_TEST_CASE(rebuild_recreates_a_deleted_live_index, ProjectFixture) {
  add_source(kMinutes);
  reconcile_index_if_idle(project);
  fs::remove_all(project.index_dir());
  rebuild_index(project);
  BOOST_TEST_REQUIRE(fs::is_directory(project.index_dir()), project.index_dir());
  const CheckReport report = check_project(project);
  BOOST_TEST(report.ok(), errors_of(report));
  require_one_document_per_passage();
}

BOOST_AUTO_TEST_SUITE_END()

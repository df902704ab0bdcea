// Importing files into a real project in a temporary directory: the shared
// real-world encodings corpus (read in place from CASEBOOK_TESTDATA),
// re-imports of identical and changed files, --replace, option validation
// before anything is written, failing files leaving no trace, and a project
// that passes check_project() afterwards.

#include "engine/ingest/import_files.hpp"

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>
#include <vector>

#include "engine/cases/case_sheet.hpp"
#include "engine/core/sha256.hpp"
#include "engine/index/fields.hpp"
#include "engine/project/check.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/sources.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::ingest::expand_import_paths;
using casebook::ingest::FileOutcome;
using casebook::ingest::FileStatus;
using casebook::ingest::import_files;
using casebook::ingest::ImportOptions;
using casebook::ingest::ImportSummary;
using casebook::project::check_project;
using casebook::project::CheckFinding;
using casebook::project::CheckReport;
using casebook::project::Project;
using casebook::testing::contains;
using casebook::testing::count_files;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace fs = std::filesystem;
namespace store = casebook::store;

namespace {

const fs::path kEncodings = fs::path(CASEBOOK_TESTDATA) / "text-encodings" / "unstructured";

const char* status_name(FileStatus s) {
  switch (s) {
    case FileStatus::Imported:
      return "Imported";
    case FileStatus::Replaced:
      return "Replaced";
    case FileStatus::Unchanged:
      return "Unchanged";
    case FileStatus::Failed:
      return "Failed";
  }
  return "?";
}

std::string errors_of(const CheckReport& report) {
  std::string out;
  for (const auto& f : report.findings) {
    if (f.severity == CheckFinding::Severity::Error) out += f.message + "\n";
  }
  return out;
}

// What a failed file must not change.
struct Counts {
  std::int64_t sources, passages, sentences, objects, object_files, audit, outbox;
  bool operator==(const Counts& o) const {
    return sources == o.sources && passages == o.passages && sentences == o.sentences &&
           objects == o.objects && object_files == o.object_files && audit == o.audit &&
           outbox == o.outbox;
  }
};

std::ostream& boost_test_print_type(std::ostream& os, const Counts& c) {
  return os << "{sources " << c.sources << ", passages " << c.passages << ", sentences "
            << c.sentences << ", objects " << c.objects << ", object files " << c.object_files
            << ", audit " << c.audit << ", outbox " << c.outbox << "}";
}

struct ImportFixture {
  TempDir dir{"ingest"};
  Project project = Project::init(dir / "p");
  fs::path in = dir / "in";
  ImportOptions options;

  ImportFixture() {
    options.coder = "tester";
    fs::create_directories(in);
  }

  fs::path file(const std::string& name, const std::string& content) {
    write_file(in / name, content);
    return in / name;
  }

  ImportSummary run(const std::vector<fs::path>& files) {
    return import_files(project, files, options);
  }

  FileOutcome run_one(const fs::path& path) {
    ImportSummary s = run({path});
    BOOST_TEST_REQUIRE(s.files.size() == 1u);
    return s.files[0];
  }

  std::int64_t rows(const std::string& table) {
    return project.store().db().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }

  Counts counts() {
    return {rows("sources"),
            rows("passages"),
            rows("sentences"),
            rows("objects"),
            static_cast<std::int64_t>(count_files(project.objects_dir())),
            rows("audit_log"),
            rows("index_outbox")};
  }

  Xapian::Database index() { return Xapian::Database(project.index_dir().string()); }

  void require_sound_project() {
    const CheckReport report = check_project(project);
    BOOST_TEST(report.ok(), errors_of(report));
    BOOST_TEST(report.index_documents == report.passages);
    BOOST_TEST(report.passages == store::count_passages(project.store()));
    BOOST_TEST(static_cast<std::int64_t>(index().get_doccount()) ==
               store::count_passages(project.store()));
    BOOST_TEST(store::count_pending_index_work(project.store()) == 0);
  }

  void add_cases(const std::string& csv) {
    store::WriteTransaction tx(project.store());
    store::import_cases(project.store(), casebook::cases::parse_case_sheet(csv, "cases.csv"),
                        "cases.csv", "tester");
    tx.commit();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ingest_real_files, ImportFixture)

BOOST_AUTO_TEST_CASE(the_encodings_corpus_imports_file_by_file) {
  const auto files = expand_import_paths({kEncodings});
  BOOST_TEST_REQUIRE(files.size() == 10u);
  const ImportSummary summary = run(files);
  BOOST_TEST_REQUIRE(summary.files.size() == files.size());

  std::map<std::string, FileOutcome> by_name;
  for (const auto& f : summary.files) by_name[f.path.filename().string()] = f;
  auto outcome = [&](const std::string& name) -> const FileOutcome& {
    BOOST_TEST_REQUIRE(by_name.count(name) == 1u, "no outcome for " << name);
    return by_name.at(name);
  };

  // Files without text fail, each with a message naming it.
  for (const char* name : {"empty.txt", "fake-text-all-whitespace.txt"}) {
    const FileOutcome& f = outcome(name);
    BOOST_TEST(std::string(status_name(f.status)) == "Failed", name);
    BOOST_TEST(contains(f.error, name), f.error);
    BOOST_TEST(contains(f.error, "contains no text"), f.error);
    BOOST_TEST(!f.hint.empty());
    BOOST_TEST(f.label.empty());
  }

  // Every other file is imported, its encoding found from a BOM or detected.
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      // name -> (format, encoding)
      {"fake-html-cp1252.html", {"html", "windows-1252"}},
      {"fake-text-utf-16-be.txt", {"text", "UTF-16BE"}},
      {"fake-text-utf-16-le.txt", {"text", "UTF-16LE"}},
      {"fake-text-utf-16.txt", {"text", "UTF-16LE"}},
      {"fake-text-utf-32.txt", {"text", "UTF-32LE"}},
      {"fake-text.txt", {"text", "UTF-8"}},
      {"umlauts-non-utf8.md", {"markdown", "windows-1252"}},
      {"umlauts-utf8.md", {"markdown", "UTF-8"}},
  };
  for (const auto& [name, format_encoding] : expected) {
    const FileOutcome& f = outcome(name);
    BOOST_TEST(std::string(status_name(f.status)) == "Imported", name << ": " << f.error);
    BOOST_TEST(f.format == format_encoding.first, name);
    BOOST_TEST(f.encoding == format_encoding.second, name);
    BOOST_TEST(f.passages > 0, name);
    BOOST_TEST(f.bytes == fs::file_size(kEncodings / name), name);
    const auto source = store::find_source(project.store(), f.label);
    BOOST_TEST_REQUIRE(source.has_value(), name);
    BOOST_TEST(source->original_name == name);
    BOOST_TEST(source->origin_path == (kEncodings / name).lexically_normal().string());
    BOOST_TEST(source->encoding == format_encoding.second);
    BOOST_TEST(source->passage_count == f.passages);
    BOOST_TEST(source->original_sha256 == casebook::sha256_hex(read_file(kEncodings / name)));
  }
  BOOST_TEST(summary.count(FileStatus::Imported) == 8);
  BOOST_TEST(summary.count(FileStatus::Failed) == 2);
  BOOST_TEST(summary.count(FileStatus::Unchanged) == 0);

  // Labels follow the sorted file order; failed files take no number.
  std::vector<std::string> labels;
  for (const auto& f : summary.files) {
    if (f.status == FileStatus::Imported) labels.push_back(f.label);
  }
  const std::vector<std::string> doc_labels = {"Doc-1", "Doc-2", "Doc-3", "Doc-4",
                                               "Doc-5", "Doc-6", "Doc-7", "Doc-8"};
  BOOST_TEST(labels == doc_labels, boost::test_tools::per_element());

  // The HTML file declares no charset: it is decoded in the detected
  // windows-1252, its markup dropped, and the guess is noted.
  const FileOutcome& html = outcome("fake-html-cp1252.html");
  const auto html_source = store::find_source(project.store(), html.label);
  const std::string html_text = store::load_text(project.store(), html_source->id);
  BOOST_TEST(contains(html_text, "My First Heading"));
  BOOST_TEST(!contains(html_text, "<h1>"));
  BOOST_TEST(contains(html_text, "15,50 \u20AC."));
  BOOST_TEST(contains(html_text, "Die sch\u00F6ne Frau"));
  BOOST_TEST(html_source->title == "My First Heading");  // no <title>: the first h1
  bool noted = false;
  for (const auto& note : html.notes) noted = noted || contains(note, "detected as windows-1252");
  BOOST_TEST(noted, "no note about the detected encoding");

  // Twins decode to the same canonical text.
  auto text_of = [&](const std::string& name) {
    return store::load_text(project.store(),
                            store::find_source(project.store(), outcome(name).label)->id);
  };
  BOOST_TEST(text_of("umlauts-non-utf8.md") == text_of("umlauts-utf8.md"));
  BOOST_TEST(text_of("fake-text-utf-16.txt") == text_of("fake-text-utf-16-le.txt"));
  BOOST_TEST(text_of("fake-text-utf-16.txt") == text_of("fake-text-utf-32.txt"));
  BOOST_TEST(text_of("fake-text-utf-16-be.txt") == text_of("fake-text.txt"));
  // Only a level-1 heading gives a title; "## können" does not, so the stem is used.
  BOOST_TEST(store::find_source(project.store(), outcome("umlauts-utf8.md").label)->title ==
             "umlauts-utf8");

  BOOST_TEST(store::count_sources(project.store()) == 8);
  require_sound_project();
  // Stored originals are byte-for-byte copies, verified by check.
  BOOST_TEST(check_project(project).originals_verified == 8);
}

BOOST_AUTO_TEST_CASE(importing_the_corpus_again_changes_nothing) {
  run(expand_import_paths({kEncodings}));
  const Counts before = counts();
  const ImportSummary again = run(expand_import_paths({kEncodings}));
  BOOST_TEST(again.count(FileStatus::Unchanged) == 8);
  BOOST_TEST(again.count(FileStatus::Failed) == 2);
  BOOST_TEST(counts() == before);
  require_sound_project();
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(ingest_import, ImportFixture)

BOOST_AUTO_TEST_CASE(a_few_text_files_give_a_sound_project) {
  const auto a =
      file("a.txt", "First paragraph about budgets.\n\nSecond paragraph. Two sentences.");
  const auto b = file("b.txt", "Only one paragraph here.\r\nStill the same paragraph.\r\n");
  const auto c =
      file("notes/c.md", "# Heading\n\nSome *markdown* text.\n\n- item one\n- item two\n");
  const ImportSummary s = run({a, b, c});
  BOOST_TEST(s.count(FileStatus::Imported) == 3);
  BOOST_TEST(s.files[0].passages == 2);
  BOOST_TEST(s.files[0].sentences == 3);
  BOOST_TEST(s.files[1].passages == 1);
  bool crlf_noted = false;
  for (const auto& note : s.files[1].notes) crlf_noted = crlf_noted || contains(note, "CRLF");
  BOOST_TEST(crlf_noted);
  BOOST_TEST(s.files[2].format == "markdown");
  BOOST_TEST(s.passages_imported() ==
             s.files[0].passages + s.files[1].passages + s.files[2].passages);
  BOOST_TEST(s.bytes_imported() == fs::file_size(a) + fs::file_size(b) + fs::file_size(c));
  require_sound_project();
  BOOST_TEST(index().get_termfreq("budgets") == 1u);
  BOOST_TEST(index().get_termfreq("Zbudget") == 1u);
  // Each import is audited with the coder.
  const auto audit = store::recent_audit(project.store(), 10);
  BOOST_TEST_REQUIRE(audit.size() == 3u);
  for (const auto& row : audit) {
    BOOST_TEST(row.coder == "tester");
    BOOST_TEST(row.action == "source.import");
  }
}

BOOST_AUTO_TEST_CASE(reimporting_an_identical_file_is_unchanged) {
  const auto a = file("a.txt", "Some text.\n\nMore text.");
  const FileOutcome first = run_one(a);
  BOOST_TEST(std::string(status_name(first.status)) == "Imported");
  const Counts before = counts();

  const FileOutcome again = run_one(a);
  BOOST_TEST(std::string(status_name(again.status)) == "Unchanged");
  BOOST_TEST(again.label == first.label);
  BOOST_TEST(again.passages == 2);
  BOOST_TEST_REQUIRE(again.notes.size() == 1u);
  BOOST_TEST(contains(again.notes[0], "identical to " + first.label));
  BOOST_TEST(counts() == before);

  // The same bytes under another name are the same original.
  const auto copy = file("copy-of-a.txt", "Some text.\n\nMore text.");
  const FileOutcome copied = run_one(copy);
  BOOST_TEST(std::string(status_name(copied.status)) == "Unchanged");
  BOOST_TEST(copied.label == first.label);
  BOOST_TEST(counts() == before);
  require_sound_project();
}

BOOST_AUTO_TEST_CASE(a_changed_file_at_the_same_path_needs_replace) {
  const auto a = file("a.txt", "Original wording about libraries.\n\nSecond paragraph.");
  const FileOutcome first = run_one(a);
  const auto v1 = store::find_source(project.store(), first.label);
  BOOST_TEST_REQUIRE(v1.has_value());
  const Counts before = counts();

  file("a.txt", "Revised wording about parks.\n\nSecond paragraph.\n\nA third one.");
  const FileOutcome refused = run_one(a);
  BOOST_TEST(std::string(status_name(refused.status)) == "Failed");
  BOOST_TEST(contains(refused.error, a.string()), refused.error);
  BOOST_TEST(contains(refused.error, "imported before as " + first.label), refused.error);
  BOOST_TEST(contains(refused.hint, "--replace"), refused.hint);
  BOOST_TEST(contains(refused.hint, "version 2"), refused.hint);
  BOOST_TEST(counts() == before);  // not even the new original is stored
  BOOST_TEST(store::find_source(project.store(), first.label)->version == 1);

  options.replace = true;
  const FileOutcome replaced = run_one(a);
  BOOST_TEST(std::string(status_name(replaced.status)) == "Replaced", replaced.error);
  BOOST_TEST(replaced.label == first.label);
  BOOST_TEST(replaced.passages == 3);
  const auto v2 = store::find_source(project.store(), first.label);
  BOOST_TEST(v2->id == v1->id);
  BOOST_TEST(v2->version == 2);
  BOOST_TEST(v2->original_sha256 != v1->original_sha256);
  BOOST_TEST(store::count_sources(project.store()) == 1);
  BOOST_TEST(store::load_text(project.store(), v2->id) ==
             "Revised wording about parks.\n\nSecond paragraph.\n\nA third one.");
  // Both originals are kept; the index holds only the new text.
  BOOST_TEST(count_files(project.objects_dir()) == 2u);
  BOOST_TEST(index().get_termfreq("parks") == 1u);
  BOOST_TEST(index().get_termfreq("libraries") == 0u);
  const auto audit = store::recent_audit(project.store(), 1);
  BOOST_TEST(audit.at(0).action == "source.replace");
  require_sound_project();
}

BOOST_AUTO_TEST_CASE(failed_files_leave_the_project_as_it_was) {
  const auto good1 = file("1-good.txt", "A good file.\n\nWith two paragraphs.");
  const auto png = file("2-image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const auto blank = file("3-blank.txt", " \n\t\n");
  const auto binary = file("4-data.bin", std::string("\x01\x02\0\0\xFF\xFE\0", 7) + "xyz");
  const auto good2 = file("5-good.txt", "Another good file.");
  const ImportSummary s = run({good1, png, blank, binary, good2});
  BOOST_TEST(s.count(FileStatus::Imported) == 2);
  BOOST_TEST(s.count(FileStatus::Failed) == 3);
  BOOST_TEST(contains(s.files[1].error, "PNG"), s.files[1].error);
  BOOST_TEST(contains(s.files[1].error, "2-image.txt"), s.files[1].error);
  BOOST_TEST(contains(s.files[2].error, "3-blank.txt"), s.files[2].error);
  BOOST_TEST(contains(s.files[3].error, "4-data.bin"), s.files[3].error);
  BOOST_TEST(s.files[4].label == "Doc-2");  // failures take no label number
  BOOST_TEST(store::count_sources(project.store()) == 2);
  BOOST_TEST(rows("objects") == 2);
  BOOST_TEST(count_files(project.objects_dir()) == 2u);
  BOOST_TEST(store::recent_audit(project.store(), 10).size() == 2u);
  require_sound_project();

  // A failing file on its own changes nothing at all.
  const Counts before = counts();
  const ImportSummary again = run({png, blank, binary});
  BOOST_TEST(again.count(FileStatus::Failed) == 3);
  BOOST_TEST(counts() == before);
}

BOOST_AUTO_TEST_CASE(a_file_over_the_size_limit_fails) {
  const auto big = file("big.txt", std::string(2048, 'a'));
  options.max_file_bytes = 1024;
  const Counts before = counts();
  const FileOutcome f = run_one(big);
  BOOST_TEST(std::string(status_name(f.status)) == "Failed");
  BOOST_TEST(contains(f.error, "big.txt"));
  BOOST_TEST(contains(f.hint, "--max-size"));
  BOOST_TEST(counts() == before);
}

BOOST_AUTO_TEST_CASE(progress_is_reported_after_each_file) {
  const auto a = file("a.txt", "One.");
  const auto b = file("b.txt", "");
  std::vector<std::pair<std::string, std::size_t>> seen;
  std::size_t total_seen = 0;
  import_files(project, {a, b}, options,
               [&](const FileOutcome& outcome, std::size_t done, std::size_t total) {
                 seen.emplace_back(outcome.path.filename().string(), done);
                 total_seen = total;
               });
  BOOST_TEST_REQUIRE(seen.size() == 2u);
  BOOST_TEST(seen[0].first == "a.txt");
  BOOST_TEST(seen[0].second == 1u);
  BOOST_TEST(seen[1].first == "b.txt");
  BOOST_TEST(seen[1].second == 2u);
  BOOST_TEST(total_seen == 2u);
}

BOOST_AUTO_TEST_CASE(import_releases_the_write_lock) {
  run({file("a.txt", "Text.")});
  BOOST_TEST((casebook::project::WriteLock::try_acquire(project.lock_file()) != nullptr));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(ingest_options, ImportFixture)

BOOST_AUTO_TEST_CASE(metadata_options_reach_the_store_and_the_index) {
  add_cases("id,outcome,sub_outcome\nA,dissolved,political\nB,merged,\n");
  options.type = "Focus Group";
  options.cases = {"A", "B"};
  options.date = "2014-03";
  options.council = "North Wold";
  options.attributes = {{"interviewer", "JS"}};
  const FileOutcome f = run_one(file("fg.txt", "We talked.\n\nThen we talked more."));
  BOOST_TEST(std::string(status_name(f.status)) == "Imported", f.error);
  BOOST_TEST(f.label == "Int-1");
  const auto source = store::find_source(project.store(), f.label);
  BOOST_TEST_REQUIRE(source.has_value());
  BOOST_TEST(source->type == "focus-group");
  BOOST_TEST(source->date == "2014-03");
  BOOST_TEST(source->council == "North Wold");
  BOOST_TEST((source->cases == std::vector<std::string>{"A", "B"}));
  BOOST_TEST(source->attributes.at("interviewer") == "JS");
  BOOST_TEST(source->title == "fg");
  BOOST_TEST(source->imported_by == "tester");
  BOOST_TEST(store::find_case(project.store(), "A")->source_count == 1);

  Xapian::Database db = index();
  namespace ix = casebook::index;
  BOOST_TEST(db.get_termfreq(ix::filter_term("type", "focus-group")) == 2u);
  BOOST_TEST(db.get_termfreq(ix::filter_term("case", "A")) == 2u);
  BOOST_TEST(db.get_termfreq(ix::filter_term("case", "B")) == 2u);
  BOOST_TEST(db.get_termfreq(ix::filter_term("outcome", "dissolved")) == 2u);
  BOOST_TEST(db.get_termfreq(ix::filter_term("outcome", "political")) == 2u);
  BOOST_TEST(db.get_termfreq(ix::filter_term("council", "north wold")) == 2u);
  const Xapian::docid did = *db.postlist_begin(ix::filter_term("source", "Int-1"));
  BOOST_TEST(Xapian::sortable_unserialise(db.get_document(did).get_value(ix::kDateSlot)) ==
             20140301.0);
  require_sound_project();
}

BOOST_AUTO_TEST_CASE(a_label_names_a_single_file) {
  options.label = "Doc-7";
  const FileOutcome f = run_one(file("a.txt", "Labelled."));
  BOOST_TEST(f.label == "Doc-7");
  options.label.clear();
  BOOST_TEST(run_one(file("b.txt", "Not labelled.")).label == "Doc-1");
}

BOOST_AUTO_TEST_CASE(a_label_with_two_files_is_a_usage_error_before_anything_is_written) {
  const auto a = file("a.txt", "One.");
  const auto b = file("b.txt", "Two.");
  options.label = "Doc-7";
  const Counts before = counts();
  auto e = expect_error(ErrorKind::Usage, [&] { run({a, b}); });
  BOOST_TEST(contains(e.what(), "--label"));
  BOOST_TEST(contains(e.what(), "2 files"));
  BOOST_TEST(counts() == before);
  BOOST_TEST(!fs::exists(project.lock_file()));  // failed before taking the lock
}

BOOST_AUTO_TEST_CASE(an_unknown_case_is_not_found_before_anything_is_written) {
  add_cases("id,outcome\nA,dissolved\n");
  const auto a = file("a.txt", "One.");
  options.cases = {"A", "Z"};
  const Counts before = counts();
  auto e = expect_error(ErrorKind::NotFound, [&] { run({a}); });
  BOOST_TEST(contains(e.what(), "'Z'"));
  BOOST_TEST(contains(e.hint(), "casebook cases"));
  BOOST_TEST(counts() == before);
  BOOST_TEST(!fs::exists(project.lock_file()));
}

BOOST_AUTO_TEST_CASE(bad_options_are_usage_errors_before_anything_is_written) {
  const auto a = file("a.txt", "One.");
  const Counts before = counts();
  {
    ImportOptions bad = options;
    bad.date = "2014-02-30";
    auto e = expect_error(ErrorKind::Usage, [&] { import_files(project, {a}, bad); });
    BOOST_TEST(contains(e.what(), "2014-02-30"));
  }
  {
    ImportOptions bad = options;
    bad.type = "minutes/2014";
    expect_error(ErrorKind::Usage, [&] { import_files(project, {a}, bad); });
  }
  {
    ImportOptions bad = options;
    bad.format = "wordperfect";
    expect_error(ErrorKind::Usage, [&] { import_files(project, {a}, bad); });
  }
  BOOST_TEST(counts() == before);
}

BOOST_AUTO_TEST_CASE(an_unknown_encoding_is_a_usage_error_before_anything_is_written) {
  const auto a = file("a.txt", "One.");
  const auto b = file("b.txt", "Two.");
  options.encoding = "no-such-charset";
  const Counts before = counts();
  auto e = expect_error(ErrorKind::Usage, [&] { run({a, b}); });
  BOOST_TEST(contains(e.what(), "no-such-charset"));
  BOOST_TEST(counts() == before);
  BOOST_TEST(!fs::exists(project.lock_file()));
}

BOOST_AUTO_TEST_CASE(a_forced_format_and_encoding_are_used) {
  // Markdown syntax in a .txt file, read as Markdown; Latin-1 bytes forced.
  options.format = "markdown";
  options.encoding = "ISO-8859-1";
  const FileOutcome f = run_one(file("notes.txt", "# K\xF6nnen\n\nText mit \xFC."));
  BOOST_TEST(std::string(status_name(f.status)) == "Imported", f.error);
  BOOST_TEST(f.format == "markdown");
  BOOST_TEST(f.encoding == "ISO-8859-1");
  const auto source = store::find_source(project.store(), f.label);
  BOOST_TEST(source->title == "K\u00F6nnen");
  BOOST_TEST(contains(store::load_text(project.store(), source->id), "Text mit \u00FC."));
}

BOOST_AUTO_TEST_CASE(expand_import_paths_walks_directories_in_order_skipping_hidden) {
  file("b.txt", "b");
  file("a.txt", "a");
  file("sub/c.txt", "c");
  file(".hidden.txt", "h");
  file(".git/config", "g");
  file("sub/.cache/d.txt", "d");
  const auto single = file("z/only.txt", "z");
  const auto files = expand_import_paths({in / "sub", in, single});
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.lexically_relative(in).string());
  const std::vector<std::string> expected = {"sub/c.txt", "a.txt",      "b.txt",
                                             "sub/c.txt", "z/only.txt", "z/only.txt"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  auto e = expect_error(ErrorKind::Usage, [&] { expand_import_paths({in / "missing.txt"}); });
  BOOST_TEST(contains(e.what(), "missing.txt"));
}

BOOST_AUTO_TEST_CASE(directories_are_walked_in_natural_order) {
  for (const char* name :
       {"minutes-10.txt", "minutes-2.txt", "minutes-1.txt", "minutes-02b.txt", "Minutes-3.txt"}) {
    file(name, name);
  }
  std::vector<std::string> names;
  for (const auto& f : expand_import_paths({in})) names.push_back(f.filename().string());
  const std::vector<std::string> expected = {"Minutes-3.txt", "minutes-1.txt", "minutes-2.txt",
                                             "minutes-02b.txt", "minutes-10.txt"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

#include "engine/project/check.hpp"

#include <xapian.h>

#include <set>

#include "engine/index/fields.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/objects.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/sources.hpp"

namespace casebook::project {
namespace {

using Severity = CheckFinding::Severity;

void add(CheckReport& report, Severity severity, std::string message) {
  report.findings.push_back({severity, std::move(message)});
}

void check_sqlite(Project& project, CheckReport& report) {
  auto& db = project.store().db();
  std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
  if (integrity != "ok") add(report, Severity::Error, "store integrity check: " + integrity);
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  if (fk.executeStep()) {
    add(report, Severity::Error,
        "store has rows that break foreign keys (first in table " + fk.getColumn(0).getString() +
            ")");
  }
  std::int64_t pending = store::count_pending_index_work(project.store());
  if (pending > 0) {
    add(report, Severity::Error,
        std::to_string(pending) +
            " index updates are queued but not applied (another "
            "command may be running); run 'casebook reindex' if this "
            "persists");
  }
}

void check_spans(const std::string& label, const char* what, const std::vector<text::Span>& spans,
                 std::size_t length, CheckReport& report) {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const text::Span& s = spans[i];
    if (s.start >= s.end || s.end > length || s.start < previous_end) {
      add(report, Severity::Error,
          label + ": " + what + " " + std::to_string(i + 1) + " [" + std::to_string(s.start) +
              ", " + std::to_string(s.end) + ") is empty, overlaps or lies outside the text");
    }
    previous_end = s.end;
  }
}

void check_source(Project& project, const store::SourceInfo& source, const CheckOptions& options,
                  CheckReport& report) {
  const std::string text = store::load_text(project.store(), source.id);
  std::size_t error_at = 0;
  if (!text::is_valid_utf8(text, &error_at)) {
    add(report, Severity::Error, source.label + ": stored text is not valid UTF-8");
    return;
  }
  const std::size_t length = text::count_code_points(text);
  if (static_cast<std::int64_t>(length) != source.code_points) {
    add(report, Severity::Error, source.label + ": stored length differs from its text");
  }
  std::vector<text::Span> passage_spans;
  for (const auto& p : store::load_passages(project.store(), source.id)) {
    passage_spans.push_back(p.span);
  }
  check_spans(source.label, "passage", passage_spans, length, report);
  auto sentences = store::load_sentences(project.store(), source.id);
  check_spans(source.label, "sentence", sentences, length, report);
  report.passages += static_cast<std::int64_t>(passage_spans.size());
  report.sentences += static_cast<std::int64_t>(sentences.size());

  ObjectStore objects(project.objects_dir());
  if (!objects.contains(source.original_sha256)) {
    add(report, Severity::Error, source.label + ": original file is missing from the project");
  } else if (options.verify_originals) {
    if (objects.verify(source.original_sha256)) {
      ++report.originals_verified;
    } else {
      add(report, Severity::Error,
          source.label + ": original file no longer matches its SHA-256 (damaged)");
    }
  }
}

void check_index(Project& project, const std::vector<store::SourceInfo>& sources,
                 CheckReport& report) {
  Xapian::Database db = index::open_index_for_reading(project.index_dir());
  report.index_documents = db.get_doccount();
  // Every passage in the store has exactly one document...
  std::set<std::string> expected;
  SQLite::Statement q(project.store().db(), "SELECT id FROM passages");
  while (q.executeStep()) {
    std::string term = index::passage_id_term(q.getColumn(0).getInt64());
    Xapian::doccount freq = db.get_termfreq(term);
    if (freq != 1) {
      add(report, Severity::Error,
          "passage " + term.substr(2) + " is indexed " + std::to_string(freq) + " times");
    }
    expected.insert(std::move(term));
  }
  // ...and every document belongs to a passage in the store.
  const std::string id_prefix = index::passage_id_term(0).substr(0, 2);
  for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
    if (expected.count(*it) == 0) {
      add(report, Severity::Error,
          "index holds passage " + (*it).substr(2) + " that is not in the store (orphan)");
    }
  }
  // Filter terms agree with the store's metadata.
  for (const auto& source : sources) {
    Xapian::doccount by_label = db.get_termfreq(index::filter_term("source", source.label));
    if (static_cast<std::int64_t>(by_label) != source.passage_count) {
      add(report, Severity::Error,
          source.label + ": index has " + std::to_string(by_label) + " passages, store has " +
              std::to_string(source.passage_count));
    }
  }
  if (report.index_documents != report.passages) {
    add(report, Severity::Error,
        "index holds " + std::to_string(report.index_documents) + " documents, store holds " +
            std::to_string(report.passages) + " passages");
  }
}

void check_objects(Project& project, CheckReport& report) {
  std::set<std::string> referenced;
  SQLite::Statement q(project.store().db(), "SELECT sha256 FROM objects");
  while (q.executeStep()) referenced.insert(q.getColumn(0).getString());
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(project.objects_dir(), ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string name =
        it->path().parent_path().filename().string() + it->path().filename().string();
    if (name.size() == 64 && referenced.count(name) == 0) {
      add(report, Severity::Warning,
          "unreferenced original " + it->path().string() +
              " (left by an interrupted import; "
              "harmless)");
    }
  }
}

// Every coding and suggestion lies inside its source's text, and a
// coding's stored quote is the text it points at: a coding that drifted
// from its text would cite words the source does not have there.
void check_codings(Project& project, CheckReport& report) {
  SQLite::Statement q(project.store().db(),
                      "SELECT c.id, s.label, c.start_cp, c.end_cp, t.code_points, "
                      "       c.quote = substr(t.text, c.start_cp + 1, c.end_cp - c.start_cp) "
                      "FROM codings c JOIN sources s ON s.id = c.source_id "
                      "JOIN source_texts t ON t.source_id = c.source_id ORDER BY c.id");
  while (q.executeStep()) {
    const std::string where = q.getColumn(1).getString() + " [" + q.getColumn(2).getString() +
                              ", " + q.getColumn(3).getString() + ")";
    const std::int64_t start = q.getColumn(2).getInt64(), end = q.getColumn(3).getInt64();
    if (start < 0 || start >= end || end > q.getColumn(4).getInt64()) {
      add(report, Severity::Error,
          "coding " + q.getColumn(0).getString() + " at " + where + " lies outside its text");
    } else if (q.getColumn(5).getInt() == 0) {
      add(report, Severity::Error,
          "coding " + q.getColumn(0).getString() + " at " + where +
              ": its quote differs from the text it points at");
    } else {
      ++report.codings_verified;
    }
  }
  SQLite::Statement s(
      project.store().db(),
      "SELECT g.id, s.label FROM suggestions g JOIN sources s ON s.id = g.source_id "
      "JOIN source_texts t ON t.source_id = g.source_id "
      "WHERE g.start_cp < 0 OR g.start_cp >= g.end_cp OR g.end_cp > t.code_points");
  while (s.executeStep()) {
    add(report, Severity::Error,
        "suggestion " + s.getColumn(0).getString() + " in " + s.getColumn(1).getString() +
            " lies outside its text");
  }
}

// The terms (with within-document frequency and positions), values and data
// of two documents, as one comparable string per term.
std::vector<std::string> contents_of(const Xapian::Document& doc) {
  std::vector<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string line = *t + " " + std::to_string(t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      line += " " + std::to_string(*p);
    }
    out.push_back(std::move(line));
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
    out.push_back("value " + std::to_string(v.get_valueno()) + " " + *v);
  }
  out.push_back("data " + doc.get_data());
  return out;
}

// Every passage's index document is the one the store would give now: the
// index is a cache, and a stale or damaged one gives wrong search results
// without any count being off.
void check_index_documents(Project& project, const std::vector<store::SourceInfo>& sources,
                           CheckReport& report) {
  Xapian::Database db = index::open_index_for_reading(project.index_dir());
  index::DocumentBuilder builder;
  for (const auto& source : sources) {
    std::size_t differing = 0;
    for_each_passage_doc(project.store(), source.id, [&](const index::PassageDoc& passage) {
      const std::string id_term = index::passage_id_term(passage.passage_id);
      auto posting = db.postlist_begin(id_term);
      if (posting == db.postlist_end(id_term)) return;  // check_index reports it
      if (contents_of(db.get_document(*posting)) == contents_of(builder.build(passage))) {
        ++report.index_documents_verified;
      } else {
        ++differing;
      }
    });
    if (differing > 0) {
      add(report, Severity::Error,
          source.label + ": " + std::to_string(differing) +
              " index document(s) differ from the store's passages (stale or damaged index)");
    }
  }
}

}  // namespace

bool CheckReport::ok() const {
  for (const auto& f : findings) {
    if (f.severity == Severity::Error) return false;
  }
  return true;
}

CheckReport check_project(Project& project, const CheckOptions& options) {
  CheckReport report;
  check_sqlite(project, report);
  auto sources = store::list_sources(project.store());
  report.sources = static_cast<std::int64_t>(sources.size());
  for (const auto& source : sources) check_source(project, source, options, report);
  check_index(project, sources, report);
  if (options.deep) {
    check_codings(project, report);
    check_index_documents(project, sources, report);
  }
  check_objects(project, report);
  return report;
}

}  // namespace casebook::project

#include "engine/project/check.hpp"

#include <xapian.h>

#include <set>

#include "engine/index/fields.hpp"
#include "engine/index/writer.hpp"
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
  check_objects(project, report);
  return report;
}

}  // namespace casebook::project

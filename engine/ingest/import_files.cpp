#include "engine/ingest/import_files.hpp"

#include <algorithm>
#include <chrono>

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/index/fields.hpp"
#include "engine/project/files.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/source_types.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/segment.hpp"
#include "importers/importer.hpp"

namespace casebook::ingest {
namespace fs = std::filesystem;
namespace {

constexpr std::chrono::seconds kLockWait{30};

// Orders paths as a file manager does: runs of digits by value, so
// "minutes-2.txt" comes before "minutes-10.txt" (labels follow this order).
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t i_end = i, j_end = j;
      while (i_end < a.size() && is_digit(a[i_end])) ++i_end;
      while (j_end < b.size() && is_digit(b[j_end])) ++j_end;
      std::string_view x(a.data() + i, i_end - i), y(b.data() + j, j_end - j);
      while (x.size() > 1 && x[0] == '0') x.remove_prefix(1);
      while (y.size() > 1 && y[0] == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j || (a.size() - i == b.size() - j && a < b);
}

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void validate_options(project::Project& project, const ImportOptions& options,
                      std::size_t file_count) {
  if (!options.label.empty() && file_count != 1) {
    throw_usage("--label names one source, but " + std::to_string(file_count) + " files were given",
                "import the file on its own to give it a label");
  }
  if (!options.date.empty() && !index::date_to_number(options.date)) {
    throw_usage("--date '" + options.date + "' is not a date",
                "use yyyy, yyyy-mm or yyyy-mm-dd, e.g. --date 2014-03-02");
  }
  for (const std::string& c : options.cases) {
    if (!store::find_case(project.store(), c)) {
      throw_not_found("no case '" + c + "' in this project",
                      "import the case sheet first ('casebook cases import SHEET.csv'), or "
                      "check the spelling with 'casebook cases list'");
    }
  }
  store::canonical_type_name(options.type);  // throws Usage for a malformed type
  if (options.format) importers::format_named(*options.format);
  if (options.encoding) text::require_known_encoding(*options.encoding);
}

// What the store should hold for one imported file.
store::SourceContent build_content(const importers::ImportedSource& imported,
                                   const ImportOptions& options, const fs::path& path,
                                   const std::string& sha, text::Segmenter& segmenter) {
  store::SourceContent content;
  content.label = options.label;
  content.type = store::canonical_type_name(options.type);
  content.title = imported.title.empty() ? path.stem().string() : imported.title;
  content.date = options.date.empty() ? imported.date : options.date;
  if (!content.date.empty() && !index::date_to_number(content.date)) content.date.clear();
  content.council = options.council;
  content.format = imported.format;
  content.encoding = imported.encoding;
  content.original_sha256 = sha;
  content.original_name = path.filename().string();
  content.origin_path = fs::absolute(path).lexically_normal().string();
  content.cases = options.cases;
  content.attributes = options.attributes;
  content.text = imported.text;
  const text::OffsetMap offsets(content.text);
  content.code_points = static_cast<std::int64_t>(offsets.code_points());
  for (const auto& p : imported.passages) {
    store::PassageRecord record;
    record.span = p.span;
    record.kind = p.kind;
    record.speaker = p.speaker;
    record.page = p.page;
    content.passages.push_back(std::move(record));
    // Sentences are found within passages, so none straddles two of them.
    for (const text::Span& s : segmenter.sentences(offsets.slice(p.span))) {
      content.sentences.push_back({p.span.start + s.start, p.span.start + s.end});
    }
  }
  return content;
}

class FileImporter {
 public:
  FileImporter(project::Project& project, const ImportOptions& options)
      : project_(project), options_(options), objects_(project.objects_dir()), sync_(project) {}

  FileOutcome import(const fs::path& path) {
    FileOutcome outcome;
    outcome.path = path;
    try {
      import_into(path, outcome);
    } catch (const Error& e) {
      outcome.status = FileStatus::Failed;
      outcome.error = e.what();
      outcome.hint = e.hint();
      if (e.kind() == ErrorKind::Busy || e.kind() == ErrorKind::Io) throw;
    } catch (const SQLite::Exception& e) {
      store::rethrow_sqlite(e, "importing " + path.string());
    }
    return outcome;
  }

  void finish() { sync_.finish(); }

 private:
  void import_into(const fs::path& path, FileOutcome& outcome) {
    importers::InputFile input{path, project::read_input_file(path, options_.max_file_bytes),
                               options_.encoding};
    outcome.bytes = input.bytes.size();
    const std::string sha = sha256_hex(input.bytes);
    if (auto same = store::find_source_by_original(project_.store(), sha)) {
      outcome.status = FileStatus::Unchanged;
      outcome.label = same->label;
      outcome.format = same->format;
      outcome.passages = same->passage_count;
      outcome.notes.push_back("identical to " + same->label + ", already imported");
      return;
    }
    auto previous = previous_version(path);
    if (previous && !options_.replace) {
      throw_conflict(path.string() + ": this file was imported before as " + previous->label +
                         " and its content has changed",
                     "codings point at character offsets of the old text; pass --replace to "
                     "import the new version as " +
                         previous->label + " version " + std::to_string(previous->version + 1));
    }
    const auto& entry =
        options_.format ? importers::format_named(*options_.format) : importers::format_for(input);
    importers::ImportedSource imported = entry.make()->import(input);
    importers::validate(imported, path);
    store::SourceContent content = build_content(imported, options_, path, sha, segmenter_);

    objects_.put(input.bytes, sha);  // before the transaction: a stray object is harmless
    store::WriteTransaction tx(project_.store());
    store::record_object(project_.store(), sha, static_cast<std::int64_t>(input.bytes.size()));
    store::SourceInfo stored =
        previous ? store::replace_source(project_.store(), previous->id, content, options_.coder)
                 : store::insert_source(project_.store(), content, options_.coder);
    tx.commit();
    sync_.apply_pending();

    outcome.status = previous ? FileStatus::Replaced : FileStatus::Imported;
    outcome.label = stored.label;
    outcome.format = imported.format;
    outcome.encoding = imported.encoding;
    outcome.passages = static_cast<std::int64_t>(content.passages.size());
    outcome.sentences = static_cast<std::int64_t>(content.sentences.size());
    outcome.notes = imported.notes;
  }

  // The source this file is a new version of: the same --label, or the same
  // path imported before.
  std::optional<store::SourceInfo> previous_version(const fs::path& path) {
    if (!options_.label.empty()) return store::find_source(project_.store(), options_.label);
    return store::find_source_by_origin(project_.store(),
                                        fs::absolute(path).lexically_normal().string());
  }

  project::Project& project_;
  const ImportOptions& options_;
  project::ObjectStore objects_;
  project::IndexSync sync_;
  text::Segmenter segmenter_;
};

}  // namespace

int ImportSummary::count(FileStatus status) const {
  return static_cast<int>(std::count_if(files.begin(), files.end(),
                                        [&](const FileOutcome& f) { return f.status == status; }));
}

std::uintmax_t ImportSummary::bytes_imported() const {
  std::uintmax_t total = 0;
  for (const auto& f : files) {
    if (f.status == FileStatus::Imported || f.status == FileStatus::Replaced) total += f.bytes;
  }
  return total;
}

std::int64_t ImportSummary::passages_imported() const {
  std::int64_t total = 0;
  for (const auto& f : files) {
    if (f.status == FileStatus::Imported || f.status == FileStatus::Replaced) total += f.passages;
  }
  return total;
}

std::vector<fs::path> expand_import_paths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      throw_usage(p.string() + ": no such file or directory", "check the path");
    }
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied);
    for (; it != fs::recursive_directory_iterator(); ++it) {
      if (is_hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
      return natural_less(a.string(), b.string());
    });
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

ImportSummary import_files(project::Project& project, const std::vector<fs::path>& files,
                           const ImportOptions& options, const ImportProgress& progress) {
  validate_options(project, options, files.size());
  project::WriteLock lock(project.lock_file(), kLockWait);
  FileImporter importer(project, options);
  ImportSummary summary;
  for (const fs::path& path : files) {
    summary.files.push_back(importer.import(path));
    if (progress) progress(summary.files.back(), summary.files.size(), files.size());
  }
  importer.finish();
  return summary;
}

}  // namespace casebook::ingest

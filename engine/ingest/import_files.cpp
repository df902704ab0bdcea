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

// Metadata given for sources, checked before anything is written. `where`
// starts each message ("" for the command line's options, "FILE: " for a
// manifest row or request); `date_name` is how the date was given.
void check_metadata(project::Project& project, const std::string& where,
                    const std::string& date_name, const std::string& date,
                    const std::vector<std::string>& cases, const std::string& type,
                    const std::optional<std::string>& format,
                    const std::optional<std::string>& encoding) {
  if (!date.empty() && !index::date_to_number(date)) {
    throw_usage(where + date_name + " '" + date + "' is not a date",
                "use yyyy, yyyy-mm or yyyy-mm-dd, e.g. 2014-03-02");
  }
  require_cases_exist(project, cases, where);
  if (!type.empty()) store::canonical_type_name(type);  // Usage when malformed
  if (format) importers::format_named(*format);
  if (encoding) text::require_known_encoding(*encoding);
}

void validate_options(project::Project& project, const ImportOptions& options,
                      std::size_t file_count) {
  if (!options.label.empty() && file_count != 1) {
    throw_usage("--label names one source, but " + std::to_string(file_count) + " files were given",
                "import the file on its own to give it a label");
  }
  check_metadata(project, "", "--date", options.date, options.cases, options.type, options.format,
                 options.encoding);
}

// A request's own metadata is checked like the run's options.
void validate_request(project::Project& project, const SourceRequest& request) {
  check_metadata(project, request.path.string() + ": ", "date", request.date, request.cases,
                 request.type, request.format, request.encoding);
}

// The run's options with one request's own metadata laid over them.
struct EffectiveOptions {
  std::string label, type, title, date, council;
  std::vector<std::string> cases;
  std::map<std::string, std::string> attributes;
  std::optional<std::string> format, encoding;
  store::Provenance provenance;
};

EffectiveOptions effective_options(const SourceRequest& request, const ImportOptions& options) {
  auto pick = [](const std::string& own, const std::string& run) {
    return own.empty() ? run : own;
  };
  EffectiveOptions e;
  e.label = pick(request.label, options.label);
  e.type = pick(request.type, options.type);
  e.title = request.title;
  e.date = pick(request.date, options.date);
  e.council = pick(request.council, options.council);
  e.cases = options.cases;
  for (const std::string& c : request.cases) {
    if (std::find(e.cases.begin(), e.cases.end(), c) == e.cases.end()) e.cases.push_back(c);
  }
  e.attributes = options.attributes;
  for (const auto& [name, value] : request.attributes) e.attributes[name] = value;
  e.format = request.format ? request.format : options.format;
  e.encoding = request.encoding ? request.encoding : options.encoding;
  e.provenance = request.provenance;
  return e;
}

// Metadata the file states about itself becomes attributes, unless the user
// gave the same attribute; "council" fills the council when none was given.
void merge_file_metadata(const importers::ImportedSource& imported, store::SourceContent& content) {
  for (const auto& [name, value] : imported.metadata) {
    if (value.empty()) continue;
    if (name == "council") {
      if (content.council.empty()) content.council = value;
      continue;
    }
    content.attributes.emplace(name, value);
  }
}

std::string origin_path_of(const SourceRequest& request) {
  if (request.bytes && !request.provenance.url.empty()) return request.provenance.url;
  return fs::absolute(request.path).lexically_normal().string();
}

// What the store should hold for one imported source.
// A replacement keeps what the researcher said about the source before
// (cases, council, date, type, attributes) unless this import says
// otherwise: --replace changes the text, not the metadata.
void keep_what_was_given_before(store::SourceContent& content, const EffectiveOptions& given,
                                const store::SourceInfo& previous) {
  if (given.cases.empty()) content.cases = previous.cases;
  if (given.council.empty()) content.council = previous.council;
  if (given.date.empty() && !previous.date.empty()) content.date = previous.date;
  if (given.type.empty()) content.type = previous.type;
  for (const auto& [name, value] : previous.attributes) {
    if (!given.attributes.count(name)) content.attributes[name] = value;
  }
}

store::SourceContent build_content(const importers::ImportedSource& imported,
                                   const EffectiveOptions& options, const SourceRequest& request,
                                   const std::string& sha, text::Segmenter& segmenter) {
  store::SourceContent content;
  content.label = options.label;
  const std::string type =
      !options.type.empty()
          ? options.type
          : (imported.suggested_type.empty() ? std::string("document") : imported.suggested_type);
  content.type = store::canonical_type_name(type);
  content.title = !options.title.empty()    ? options.title
                  : !imported.title.empty() ? imported.title
                                            : request.path.stem().string();
  content.date = options.date.empty() ? imported.date : options.date;
  if (!content.date.empty() && !index::date_to_number(content.date)) content.date.clear();
  content.council = options.council;
  content.format = imported.format;
  content.encoding = imported.encoding;
  content.original_sha256 = sha;
  content.original_name = request.path.filename().string();
  content.origin_path = origin_path_of(request);
  content.origin_part = imported.part;
  content.provenance = options.provenance;
  content.cases = options.cases;
  content.attributes = options.attributes;
  merge_file_metadata(imported, content);
  content.text = imported.text;
  const text::OffsetMap offsets(content.text);
  content.code_points = static_cast<std::int64_t>(offsets.code_points());
  for (const auto& p : imported.passages) {
    store::PassageRecord record;
    record.span = p.span;
    record.kind = p.kind;
    record.speaker = p.speaker;
    record.page = p.page;
    record.start_ms = p.start_ms;
    record.end_ms = p.end_ms;
    record.heading_path = p.heading_path;
    content.passages.push_back(std::move(record));
    // Sentences are found within passages, so none straddles two of them.
    for (const text::Span& s : segmenter.sentences(offsets.slice(p.span))) {
      content.sentences.push_back({p.span.start + s.start, p.span.start + s.end});
    }
  }
  return content;
}

FileOutcome failed_outcome(const fs::path& path, const Error& e) {
  FileOutcome outcome;
  outcome.path = path;
  outcome.status = FileStatus::Failed;
  outcome.error = e.what();
  outcome.hint = e.hint();
  return outcome;
}

class FileImporter {
 public:
  FileImporter(project::Project& project, const ImportOptions& options)
      : project_(project), options_(options), objects_(project.objects_dir()), sync_(project) {}

  // One outcome per source the request yields (several for a survey).
  std::vector<FileOutcome> import(const SourceRequest& request) {
    try {
      return import_request(request);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Busy || e.kind() == ErrorKind::Io) throw;
      return {failed_outcome(request.path, e)};
    } catch (const SQLite::Exception& e) {
      store::rethrow_sqlite(e, "importing " + request.path.string());
    }
  }

  void finish() { sync_.finish(); }

 private:
  std::vector<FileOutcome> import_request(const SourceRequest& request) {
    const EffectiveOptions options = effective_options(request, options_);
    importers::InputFile input{request.path, request_bytes(request), options.encoding,
                               options_.transcript};
    const std::string sha = sha256_hex(input.bytes);
    if (auto same = store::find_source_by_original(project_.store(), sha)) {
      remember_url(request, *same);
      return {unchanged_outcome(request.path, *same, input.bytes.size())};
    }
    const auto& entry =
        options.format ? importers::format_named(*options.format) : importers::format_for(input);
    std::vector<importers::ImportedSource> sources = entry.make()->import_all(input);
    if (sources.size() > 1 && !options.label.empty()) {
      throw_usage(request.path.string() + " holds " + std::to_string(sources.size()) +
                      " sources, but --label names one",
                  "leave out --label; each source gets its own label");
    }
    // Check everything before writing anything, so a file is all or nothing.
    std::vector<std::pair<store::SourceContent, std::optional<store::SourceInfo>>> planned;
    for (const importers::ImportedSource& imported : sources) {
      importers::validate(imported, request.path);
      store::SourceContent content = build_content(imported, options, request, sha, segmenter_);
      auto previous = previous_version(options, content);
      if (previous && !options_.replace) throw_changed(request.path, *previous);
      if (previous) keep_what_was_given_before(content, options, *previous);
      planned.emplace_back(std::move(content), std::move(previous));
    }

    objects_.put(input.bytes, sha);  // before the transaction: a stray object is harmless
    std::vector<FileOutcome> outcomes;
    store::WriteTransaction tx(project_.store());
    store::record_object(project_.store(), sha, static_cast<std::int64_t>(input.bytes.size()));
    for (std::size_t i = 0; i < planned.size(); ++i) {
      auto& [content, previous] = planned[i];
      store::SourceInfo stored =
          previous ? store::replace_source(project_.store(), previous->id, content, options_.coder)
                   : store::insert_source(project_.store(), content, options_.coder);
      outcomes.push_back(stored_outcome(request.path, stored, content, sources[i],
                                        previous.has_value(), i == 0 ? input.bytes.size() : 0));
    }
    tx.commit();
    sync_.apply_pending();
    return outcomes;
  }

  // Content already stored but downloaded from another URL: remember the URL,
  // so resuming a harvest does not fetch it again.
  void remember_url(const SourceRequest& request, const store::SourceInfo& same) {
    const std::string& url = request.provenance.url;
    if (url.empty() || store::find_source_by_url(project_.store(), url)) return;
    store::WriteTransaction tx(project_.store());
    store::record_source_url(project_.store(), same.id, url);
    tx.commit();
  }

  // The request's content: read from disk (read_input_file enforces the size
  // limit), or the bytes downloaded, held to the same limit.
  std::string request_bytes(const SourceRequest& request) const {
    if (!request.bytes) return project::read_input_file(request.path, options_.max_file_bytes);
    if (request.bytes->size() > options_.max_file_bytes) {
      throw_data(request.path.string() + ": larger than the " +
                     std::to_string(options_.max_file_bytes >> 20) + " MB limit",
                 "pass --max-size MB to allow larger files");
    }
    return *request.bytes;
  }

  static FileOutcome unchanged_outcome(const fs::path& path, const store::SourceInfo& same,
                                       std::uintmax_t bytes) {
    FileOutcome outcome;
    outcome.path = path;
    outcome.bytes = bytes;
    outcome.status = FileStatus::Unchanged;
    outcome.label = same.label;
    outcome.format = same.format;
    outcome.passages = same.passage_count;
    outcome.notes.push_back("identical to " + same.label + ", already imported");
    return outcome;
  }

  static FileOutcome stored_outcome(const fs::path& path, const store::SourceInfo& stored,
                                    const store::SourceContent& content,
                                    const importers::ImportedSource& imported, bool replaced,
                                    std::uintmax_t bytes) {
    FileOutcome outcome;
    outcome.path = path;
    outcome.bytes = bytes;
    outcome.status = replaced ? FileStatus::Replaced : FileStatus::Imported;
    outcome.label = stored.label;
    outcome.format = imported.format;
    outcome.encoding = imported.encoding;
    outcome.passages = static_cast<std::int64_t>(content.passages.size());
    outcome.sentences = static_cast<std::int64_t>(content.sentences.size());
    outcome.notes = imported.notes;
    if (!imported.part.empty()) outcome.notes.insert(outcome.notes.begin(), imported.part);
    return outcome;
  }

  [[noreturn]] static void throw_changed(const fs::path& path, const store::SourceInfo& previous) {
    throw_conflict(path.string() + ": this file was imported before as " + previous.label +
                       " and its content has changed",
                   "codings point at character offsets of the old text; pass --replace to "
                   "import the new version as " +
                       previous.label + " version " + std::to_string(previous.version + 1));
  }

  // The source this one is a new version of: the same --label, or the same
  // path (and part of it) imported before.
  std::optional<store::SourceInfo> previous_version(const EffectiveOptions& options,
                                                    const store::SourceContent& content) {
    if (!options.label.empty()) return store::find_source(project_.store(), options.label);
    return store::find_source_by_origin(project_.store(), content.origin_path, content.origin_part);
  }

  project::Project& project_;
  const ImportOptions& options_;
  project::ObjectStore objects_;
  project::IndexSync sync_;
  text::Segmenter segmenter_;
};

}  // namespace

void require_cases_exist(project::Project& project, const std::vector<std::string>& cases,
                         const std::string& where) {
  for (const std::string& c : cases) {
    if (!store::find_case(project.store(), c)) {
      throw_not_found(where + "no case '" + c + "' in this project",
                      "import the case sheet first ('casebook cases import SHEET.csv'), or "
                      "check the spelling with 'casebook cases list'");
    }
  }
}

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
  std::vector<SourceRequest> requests;
  requests.reserve(files.size());
  for (const fs::path& path : files) {
    SourceRequest request;
    request.path = path;
    requests.push_back(std::move(request));
  }
  return import_requests(project, requests, options, progress);
}

ImportSummary import_requests(project::Project& project, const std::vector<SourceRequest>& requests,
                              const ImportOptions& options, const ImportProgress& progress) {
  validate_options(project, options, requests.size());
  for (const SourceRequest& request : requests) validate_request(project, request);
  project::WriteLock lock(project.lock_file(), project::write_lock_wait());
  FileImporter importer(project, options);
  ImportSummary summary;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    for (FileOutcome& outcome : importer.import(requests[i])) {
      summary.files.push_back(std::move(outcome));
      if (progress) progress(summary.files.back(), i + 1, requests.size());
    }
  }
  importer.finish();
  return summary;
}

}  // namespace casebook::ingest

#pragma once
// Importing files into a project. Each file is all-or-nothing: its original
// is stored, then its text, passages, sentences and metadata are written in
// one store transaction that also queues it for indexing; the index is then
// brought up to date (see engine/project/index_sync.hpp). A failing file is
// reported and leaves the project as it was; the other files go on.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/project/project.hpp"
#include "engine/store/sources.hpp"

namespace casebook::ingest {

struct ImportOptions {
  std::string coder;               // who imports (audit)
  std::vector<std::string> cases;  // existing case labels
  std::string type;                // source type; empty: what the content suggests, else document
  std::string label;               // only with a single file
  std::string date;                // ISO yyyy[-mm[-dd]]
  std::string council;
  std::map<std::string, std::string> attributes;
  std::optional<std::string> encoding;  // override charset detection
  std::optional<std::string> format;    // override format detection
  std::optional<bool> transcript;       // --transcript / --no-transcript
  bool replace = false;                 // accept a changed version of a source
  std::uintmax_t max_file_bytes = std::uintmax_t{512} << 20;
};

using Provenance = store::Provenance;

// One source to import with its own metadata (a manifest row, a harvested
// document). Fields left empty fall back to the ImportOptions of the run.
struct SourceRequest {
  std::filesystem::path path;        // the file; with `bytes`, only its name is used
  std::optional<std::string> bytes;  // content already in memory (downloaded)
  std::string label;
  std::string type;
  std::string title;
  std::string date;
  std::string council;
  std::vector<std::string> cases;
  std::map<std::string, std::string> attributes;  // added to the run's attributes
  std::optional<std::string> format;
  std::optional<std::string> encoding;
  Provenance provenance;
};

enum class FileStatus { Imported, Replaced, Unchanged, Failed };

struct FileOutcome {
  std::filesystem::path path;
  FileStatus status = FileStatus::Failed;
  std::string label;  // the source's label (imported, replaced or existing)
  std::string format;
  std::string encoding;
  std::int64_t passages = 0;
  std::int64_t sentences = 0;
  std::uintmax_t bytes = 0;  // size of the original file
  std::vector<std::string> notes;
  std::string error;  // for Failed: message
  std::string hint;   // for Failed: what to do
};

struct ImportSummary {
  std::vector<FileOutcome> files;
  int count(FileStatus status) const;
  std::uintmax_t bytes_imported() const;
  std::int64_t passages_imported() const;
};

using ImportProgress =
    std::function<void(const FileOutcome& outcome, std::size_t done, std::size_t total)>;

// Error(NotFound), with a hint, for the first of `cases` the project lacks;
// `where` starts the message (e.g. "FILE: ").
void require_cases_exist(project::Project& project, const std::vector<std::string>& cases,
                         const std::string& where = {});

// The files named by `paths` (directories are walked recursively, hidden
// entries skipped, in natural order: file-2 before file-10). Error(Usage) for a path that does not
// exist.
std::vector<std::filesystem::path> expand_import_paths(
    const std::vector<std::filesystem::path>& paths);

// Imports `files` (from expand_import_paths). Validates the options first
// (Error(Usage) / Error(NotFound) before anything is written). Takes the
// project's write lock for the whole run.
ImportSummary import_files(project::Project& project,
                           const std::vector<std::filesystem::path>& files,
                           const ImportOptions& options, const ImportProgress& progress = {});

// The same for requests with metadata of their own (manifest rows,
// harvested documents). A file that holds several sources (a survey)
// yields one outcome per source.
ImportSummary import_requests(project::Project& project, const std::vector<SourceRequest>& requests,
                              const ImportOptions& options, const ImportProgress& progress = {});

}  // namespace casebook::ingest

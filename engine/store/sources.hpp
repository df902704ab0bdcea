#pragma once
// Sources, their canonical text, passages and sentences in the store. Callers
// own the transaction: every function here runs inside the caller's
// WriteTransaction (writes) or plain reads.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/store/store.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::store {

struct PassageRecord {
  std::int64_t id = 0;         // store id (0 before insertion)
  int n = 0;                   // 1-based number within the source
  text::Span span;             // code points in the source text
  std::string kind;            // paragraph, heading, turn, ...
  std::string speaker;         // empty when none
  int page = 0;                // 0 when unknown
  std::int64_t start_ms = -1;  // media time of a transcript turn, -1 when unknown
  std::int64_t end_ms = -1;
  std::string heading_path;  // "Minutes > 5. Shared services", empty when none
};

// Where a source came from, beyond the file itself: kept with the source and
// shown by `casebook sources` (manifest columns url, retrieved, provenance;
// harvesting fills in all of it).
struct Provenance {
  std::string url;           // where it was downloaded from, empty if not
  std::string retrieved_at;  // ISO 8601 time of retrieval
  int http_status = 0;       // 0 when not downloaded
  std::string content_type;  // as the server sent it
  std::string note;          // free text: "FOI request 2019/44", "harvested from ModernGov"
  bool empty() const {
    return url.empty() && retrieved_at.empty() && http_status == 0 && content_type.empty() &&
           note.empty();
  }
};

struct SourceInfo {
  std::int64_t id = 0;
  std::string label;
  std::string type;
  std::string title;
  std::string date;     // ISO, empty when unknown
  std::string council;  // empty when unknown
  std::string format;
  std::string encoding;
  std::string original_sha256;
  std::string original_name;
  std::string origin_path;
  int version = 1;
  std::string imported_at;
  std::string imported_by;
  std::vector<std::string> cases;  // case labels, sorted
  std::map<std::string, std::string> attributes;
  std::int64_t passage_count = 0;
  std::int64_t code_points = 0;
  std::string origin_part;  // the source's part of a multi-source file, else empty
  Provenance provenance;
};

// Everything needed to write a source: metadata, text and its segmentation.
struct SourceContent {
  std::string label;  // empty: assign the next label for the type
  std::string type;   // canonical type name
  std::string title;
  std::string date;
  std::string council;
  std::string format;
  std::string encoding;
  std::string original_sha256;  // must already be in `objects`
  std::string original_name;
  std::string origin_path;
  std::string origin_part;  // ImportedSource::part
  Provenance provenance;
  std::vector<std::string> cases;  // existing case labels
  std::map<std::string, std::string> attributes;
  std::string text;  // canonical NFC text
  std::int64_t code_points = 0;
  std::vector<PassageRecord> passages;
  std::vector<text::Span> sentences;
};

// Records a stored original file (idempotent).
void record_object(Store& store, const std::string& sha256, std::int64_t size);

// Inserts a new source with its text, passages, sentences, case links and
// attributes; queues it for indexing and writes the audit entry. Returns the
// stored info (with the assigned label). Throws Error(Conflict) for a label
// in use and Error(NotFound) for an unknown case.
SourceInfo insert_source(Store& store, const SourceContent& content, const std::string& coder);

// Replaces the text and segmentation of an existing source with a new version
// of its original (version + 1), keeping its label and id.
SourceInfo replace_source(Store& store, std::int64_t source_id, const SourceContent& content,
                          const std::string& coder);

std::optional<SourceInfo> find_source(Store& store, const std::string& label);
std::optional<SourceInfo> find_source_by_id(Store& store, std::int64_t id);
std::optional<SourceInfo> find_source_by_original(Store& store, const std::string& sha256);
std::optional<SourceInfo> find_source_by_origin(Store& store, const std::string& origin_path,
                                                const std::string& origin_part = {});
// The source downloaded from `url` (its provenance, or a further URL the
// same content came from), or nullopt.
std::optional<SourceInfo> find_source_by_url(Store& store, const std::string& url);
// Records that `url` served the content of source `source_id` too.
void record_source_url(Store& store, std::int64_t source_id, const std::string& url);

// The source labelled `label`, or Error(NotFound) with a hint.
SourceInfo require_source(Store& store, const std::string& label);

// Sort key that orders labels as a person would: prefix, then number
// (Doc-2 before Doc-10).
std::tuple<std::string, long long, std::string> label_sort_key(const std::string& label);

// All sources ordered by label prefix and number (Doc-2 before Doc-10).
std::vector<SourceInfo> list_sources(Store& store);

std::string load_text(Store& store, std::int64_t source_id);
std::vector<PassageRecord> load_passages(Store& store, std::int64_t source_id);
std::vector<text::Span> load_sentences(Store& store, std::int64_t source_id);

// One passage with its source id, or nullopt.
struct PassageRef {
  std::int64_t source_id = 0;
  PassageRecord passage;
};
std::optional<PassageRef> find_passage(Store& store, std::int64_t passage_id);
// The text of one passage, sliced by code points inside SQLite.
std::string passage_text(Store& store, std::int64_t passage_id);

std::int64_t count_sources(Store& store);
std::int64_t count_passages(Store& store);

}  // namespace casebook::store

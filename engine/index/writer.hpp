#pragma once
// Writes passages into the Xapian index: one document per passage, exact
// terms with positions, stemmed terms without, boolean filter terms from the
// fields table, the date in a value slot. The index is a cache of the store:
// everything written here can be rebuilt from it.

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/index/terms.hpp"
#include "engine/text/segment.hpp"

namespace casebook::index {

// What the index needs to know about one passage.
struct PassageDoc {
  std::int64_t passage_id = 0;
  std::int64_t source_id = 0;
  std::string_view text;  // the passage's text
  std::string source_label;
  std::string type;
  std::string council;
  std::string speaker;
  std::vector<std::string> cases;
  std::vector<std::string> outcomes;  // outcomes and sub-outcomes of its cases
  std::optional<int> date;            // yyyymmdd
};

// Builds the Xapian document of one passage: exact terms with positions,
// stemmed terms, filter terms, the date. The writer uses it, and `casebook
// check --deep` rebuilds documents with it to compare with the index.
class DocumentBuilder {
 public:
  Xapian::Document build(const PassageDoc& passage);

 private:
  text::Segmenter segmenter_;
  TermMaker terms_;
};

class IndexWriter {
 public:
  // Opens (creating if needed) the index at `dir`. Throws Error(Busy) when
  // another process holds Xapian's write lock.
  explicit IndexWriter(const std::filesystem::path& dir);

  // Deletes every passage of a source.
  void remove_source(std::int64_t source_id);
  // Adds one passage. Its source must have been removed first in this
  // writer (remove_source), so no passage is ever indexed twice.
  void add_passage(const PassageDoc& passage);
  // Makes the changes durable and visible to readers.
  void commit();

  // Bytes of passage text added since the last commit (drives flushing).
  std::size_t uncommitted_bytes() const { return uncommitted_bytes_; }
  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;
  std::size_t uncommitted_bytes_ = 0;
};

// Opens the index read-only (Error(NotFound) with a reindex hint if missing).
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);

}  // namespace casebook::index

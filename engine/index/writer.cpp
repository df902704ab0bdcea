#include "engine/index/writer.hpp"

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"

namespace casebook::index {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir) {
  try {
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::Busy,
                "project busy: another casebook process is writing the index " + dir.string(),
                "retry in a moment");
  } catch (const Xapian::Error& e) {
    throw_internal("cannot open the index " + dir.string() + ": " + e.get_description(),
                   "rebuild it with 'casebook reindex'");
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir) : db_(open_writable(dir)) {}

void IndexWriter::remove_source(std::int64_t source_id) {
  db_.delete_document(source_id_term(source_id));
}

namespace {

void add_filter(Xapian::Document& doc, std::string_view field, std::string_view value) {
  if (!value.empty()) doc.add_boolean_term(filter_term(field, value));
}

}  // namespace

Xapian::Document DocumentBuilder::build(const PassageDoc& passage) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  segmenter_.words(passage.text, [&](const text::WordToken& word) {
    std::string exact = terms_.exact_term(word.bytes);
    ++position;  // positions count every word, so phrase distance stays true
    if (exact.empty()) return;
    doc.add_posting(exact, position);
    std::string stemmed = terms_.indexed_stem(exact);
    if (!stemmed.empty()) doc.add_term(stemmed);
  });
  doc.add_boolean_term(passage_id_term(passage.passage_id));
  doc.add_boolean_term(source_id_term(passage.source_id));
  add_filter(doc, "source", passage.source_label);
  add_filter(doc, "type", passage.type);
  add_filter(doc, "council", passage.council);
  add_filter(doc, "speaker", passage.speaker);
  for (const auto& c : passage.cases) add_filter(doc, "case", c);
  for (const auto& o : passage.outcomes) add_filter(doc, "outcome", o);
  if (passage.date) doc.add_value(kDateSlot, Xapian::sortable_serialise(*passage.date));
  doc.set_data(std::to_string(passage.passage_id));
  return doc;
}

void IndexWriter::add_passage(const PassageDoc& passage) {
  // add_document, not replace_document by the id term: callers delete the
  // source's passages first (remove_source), so the passage cannot be there,
  // and the unique-term lookup per passage was a third of the indexing cost.
  db_.add_document(builder_.build(passage));
  uncommitted_bytes_ += passage.text.size();
}

void IndexWriter::commit() {
  db_.commit();
  uncommitted_bytes_ = 0;
}

Xapian::Database open_index_for_reading(const std::filesystem::path& dir) {
  try {
    return Xapian::Database(dir.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw_not_found("cannot open the index " + dir.string() + ": " + e.get_msg(),
                    "rebuild it from the store with 'casebook reindex'");
  }
}

}  // namespace casebook::index

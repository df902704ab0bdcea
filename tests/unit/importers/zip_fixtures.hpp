#pragma once
// Test helper: builds a ZIP archive in memory from {name, content} pairs with
// libzip, so tests can make DOCX, ODT and XLSX files (and broken or hostile
// archives) without keeping binary fixtures in the repository.
//
//   std::string docx = casebook::testing::make_zip({
//       {"word/document.xml", "<w:document ...>...</w:document>"},
//   });
//
// Entries are deflated unless ZipEntry::stored is set (ODT's `mimetype` must
// be stored, uncompressed, and first).

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace casebook::testing {

struct ZipEntry {
  std::string name;
  std::string content;
  bool stored = false;  // true: no compression (ZIP_CM_STORE)
};

namespace zip_fixtures_detail {

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

struct ArchiveDiscarder {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscarder>;

[[noreturn]] inline void fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("make_zip: " + what + ": " + zip_error_strerror(error));
}

inline void add_entry(zip_t* archive, const ZipEntry& entry) {
  zip_source_t* data = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
  if (data == nullptr) fail("buffer for " + entry.name, zip_get_error(archive));
  const zip_int64_t index =
      zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(data);  // not owned by the archive when adding failed
    fail("add " + entry.name, zip_get_error(archive));
  }
  const zip_int32_t method = entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 0) < 0) {
    fail("compression of " + entry.name, zip_get_error(archive));
  }
}

// The bytes written into `source` by a closed archive.
inline std::string read_back(zip_source_t* source) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source, &st) < 0) fail("stat result", zip_source_error(source));
  if (zip_source_open(source) < 0) fail("open result", zip_source_error(source));
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(source, bytes.data(), st.size);
  zip_source_close(source);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    fail("read result", zip_source_error(source));
  return bytes;
}

}  // namespace zip_fixtures_detail

// The bytes of a ZIP archive holding `entries` in order. Names are passed to
// libzip as given (tests of path tricks can use "../evil.xml"). Throws
// std::runtime_error when libzip refuses.
inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  using namespace zip_fixtures_detail;
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr source(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!source) fail("create buffer", &error);
  // The archive takes a reference; keep ours so the bytes outlive zip_close.
  zip_source_keep(source.get());
  zip_t* raw = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
  if (raw == nullptr) {
    zip_source_free(source.get());  // drop the reference the archive did not take
    fail("open archive", &error);
  }
  ArchivePtr archive(raw);
  for (const ZipEntry& entry : entries) add_entry(archive.get(), entry);
  if (zip_close(archive.get()) < 0) fail("close archive", zip_get_error(archive.get()));
  archive.release();  // zip_close freed it
  zip_error_fini(&error);
  return read_back(source.get());
}

// A DOCX with `body_xml` (the children of w:body, with the w: prefix) as
// word/document.xml, plus any `extra` parts (styles.xml, footnotes.xml...).
inline std::string make_docx(const std::string& body_xml, std::vector<ZipEntry> extra = {}) {
  std::vector<ZipEntry> entries{
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<w:body>" +
           body_xml + "</w:body></w:document>"},
  };
  for (ZipEntry& e : extra) entries.push_back(std::move(e));
  return make_zip(entries);
}

}  // namespace casebook::testing

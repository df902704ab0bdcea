#pragma once
// Private to importers/: read-only access to a ZIP archive held in memory
// (DOCX, ODT and XLSX are ZIP packages of XML parts), hardened against
// hostile archives. A crafted ZIP can claim a small size and inflate to
// gigabytes, hold millions of entries, or name entries "../../etc/passwd";
// ZipArchive refuses all of these with an error naming the file, so the
// importers built on it never crash, hang or run out of memory.
//
//   ZipArchive zip(file.path, file.bytes);
//   if (auto xml = zip.read_if_present("word/document.xml")) ...

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace casebook::importers {

// What ZipArchive accepts. The defaults are far beyond any real office
// document; tests lower them to exercise the checks cheaply.
struct ZipLimits {
  std::size_t max_entries = 10000;
  std::uint64_t max_entry_size = 256ull << 20;  // declared uncompressed bytes of one entry
  std::uint64_t max_total_read = 1ull << 30;    // bytes read from all entries together
  // Entries larger than `ratio_applies_above` may not inflate more than
  // `max_ratio` times their compressed size: XML compresses about 10:1,
  // a zip bomb 1000:1.
  std::uint64_t ratio_applies_above = 16ull << 20;
  std::uint64_t max_ratio = 200;
};

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive) as a ZIP. Throws
  // casebook::Error(Data) naming `path` when it is not a readable ZIP or
  // breaks a limit (too many entries, unsafe or encrypted entries).
  ZipArchive(std::filesystem::path path, std::string_view bytes, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Entry names in archive order (directories included, ending in '/').
  const std::vector<std::string>& names() const { return names_; }
  bool contains(std::string_view name) const;

  // The whole content of entry `name`. Throws Error(Data) naming the file
  // and the entry when it is missing, damaged or breaks a size limit.
  std::string read(std::string_view name);
  // The same, or nullopt when there is no such entry.
  std::optional<std::string> read_if_present(std::string_view name);

  const std::filesystem::path& path() const { return path_; }

 private:
  struct Closer {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };

  void check_entries();
  std::string read_index(std::uint64_t index, const std::string& name);

  std::filesystem::path path_;
  ZipLimits limits_;
  std::unique_ptr<zip_t, Closer> archive_;
  std::vector<std::string> names_;
  std::uint64_t total_read_ = 0;
};

// ---- XML parts of a package (DOCX, ODT and XLSX share these) --------------

// How deeply an XML part may nest. Real documents stay below 50; the limit
// lets the importers walk the tree recursively without risking the stack.
constexpr int kMaxXmlDepth = 256;

// Parses `xml`, entry `part` of the file at `path`, into `doc` with pugixml
// `options` (pugixml never loads external entities or DTDs). Throws
// casebook::Error(Data) naming the file and the part when it is not
// well-formed or nests deeper than kMaxXmlDepth.
void parse_xml_part(pugi::xml_document& doc, const std::filesystem::path& path,
                    std::string_view part, std::string_view xml,
                    unsigned options = pugi::parse_default);

// The element name without its namespace prefix ("w:p" -> "p"), for parts
// whose prefixes are conventional but not guaranteed.
std::string_view local_name(const pugi::xml_node& node);

// One relationship of an OPC package part (DOCX, XLSX), target resolved to
// an entry name ("word/header1.xml") unless it is external (a URL).
struct PackageRelationship {
  std::string id;
  std::string type;  // a URI; compare its last segment ("/header")
  std::string target;
  bool external = false;
};

// The relationships of `source_part` ("word/document.xml" reads
// "word/_rels/document.xml.rels"), in file order; empty when it has none.
std::vector<PackageRelationship> read_relationships(ZipArchive& zip, std::string_view source_part);

// The entry name `target` refers to from `source_part`: relative to its
// folder, or from the package root when it starts with '/'; "." and ".."
// segments are resolved (never above the root).
std::string resolve_part_target(std::string_view source_part, std::string_view target);

// True when a relationship `type` URI ends with "/" + `last_segment`.
bool relationship_is(const PackageRelationship& rel, std::string_view last_segment);

// ---- Word-processing packages (DOCX, ODT) ----------------------------------
// Both formats come down to the same things: blocks of the body in reading
// order, text kept apart from it (headers, footers, notes, comments) and a
// few metadata fields. build_word_processing_source() turns them into an
// ImportedSource the same way for both, so they agree on heading paths,
// transcripts and errors.

struct DocumentBlock {
  // "paragraph", "heading", "list-item" or "table-row" in the body;
  // "header", "footer", "footnote", "endnote" or "comment" apart from it.
  std::string kind;
  std::string text;  // UTF-8 as found (builder canonicalises and trims it)
  int page = 0;      // 1-based, 0 when the document records no pages
  // For headings: 0 for a document title, 1-9 for heading levels.
  int heading_level = 1;
};

struct WordProcessingDocument {
  std::vector<DocumentBlock> body;
  std::vector<DocumentBlock> apart;  // already in output order: headers, footers, notes, comments
  std::string title;
  std::string date;  // yyyy-mm-dd or empty
  std::map<std::string, std::string> metadata;
};

// The source for `document`, read from `file` by the importer of `format`:
// body passages carry the path of the headings above them; unless
// file.transcript is false, a body that reads as a transcript becomes
// speaker turns (tables follow them) and is suggested as an interview.
// Throws casebook::Error(Data) naming the file when there is no text.
ImportedSource build_word_processing_source(const InputFile& file, WordProcessingDocument document,
                                            std::string_view format);

// "2013-12-23" from "2013-12-23T23:15:00Z" (or a bare date); empty when the
// value does not start with one.
std::string iso_date_prefix(std::string_view value);

// For sniffs, which must not throw: the entry names of `bytes`, or empty
// when it is not a readable ZIP (or breaks a limit).
std::vector<std::string> zip_entry_names(std::string_view bytes) noexcept;

// For sniffs: the content of entry `name` when `bytes` is a readable ZIP
// holding it and it is at most `max_size` bytes, else nullopt.
std::optional<std::string> read_small_zip_entry(std::string_view bytes, std::string_view name,
                                                std::size_t max_size) noexcept;

// True when `bytes` starts like a ZIP archive (local file header), a cheap
// test before asking libzip.
bool has_zip_signature(std::string_view bytes) noexcept;

}  // namespace casebook::importers

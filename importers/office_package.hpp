#pragma once
// Private to importers/: what DOCX, ODT and XLSX have in common above the ZIP
// layer (zip_archive.hpp): XML parts parsed safely, OPC package
// relationships, and -- for the two word-processing formats -- one way of
// turning a document's blocks into an ImportedSource, so DOCX and ODT agree
// on heading paths, notes, transcripts and errors.

#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"
#include "importers/zip_archive.hpp"

namespace casebook::importers {

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

// The texts of `blocks` that hold more than spaces, tabs and LFs, joined
// with `sep` (a header's or a note's paragraphs as one passage).
std::string join_block_texts(const std::vector<DocumentBlock>& blocks, std::string_view sep);

// "2013-12-23" from "2013-12-23T23:15:00Z" (or a bare date); empty when the
// value does not start with one.
std::string iso_date_prefix(std::string_view value);

}  // namespace casebook::importers

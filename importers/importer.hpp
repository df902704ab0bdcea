#pragma once
// The one interface every format importer implements, and the one table that
// picks an importer for a file (see registry.cpp). Importers turn bytes into
// canonical text (NFC, LF line endings) plus passages whose positions are code
// points into that text. They never touch the project store or the index.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/offsets.hpp"

namespace casebook::importers {

// A file to import, read fully into memory by the caller.
struct InputFile {
  std::filesystem::path path;           // for error messages and the extension
  std::string bytes;                    // the file's content
  std::optional<std::string> encoding;  // user override of charset detection
  // Whether a text or DOCX file is an interview transcript (speaker turns):
  // nullopt lets the importer decide from the content (most paragraphs open
  // with a speaker label); true is --transcript, false is --no-transcript.
  std::optional<bool> transcript;
};

// A retrieval unit: a paragraph, heading, list item, table row or speaker turn.
//
// Kinds in use: "paragraph", "heading", "list-item", "code", "quote",
// "table-row" (cells separated by a tab), "turn" (a speaker's turn in a
// transcript), "answer" (one survey answer), and, for text kept apart from
// the body of a document, "header", "footer", "footnote", "endnote" and
// "comment" (placed after the body text, in that order).
struct ImportedPassage {
  text::Span span;      // code points into ImportedSource::text, non-empty
  std::string kind;     // see above
  std::string speaker;  // speaker label for transcript turns, else empty
  int page = 0;         // 1-based page for paged formats, 0 when unknown
  // Media time of a transcript turn in milliseconds, -1 when unknown.
  std::int64_t start_ms = -1;
  std::int64_t end_ms = -1;
  // The headings this passage sits under, outermost first, joined by " > "
  // ("Minutes > 5. Shared services"); empty when the format has none. Used
  // for auto-coding by structure and for citing.
  std::string heading_path;
};

struct ImportedSource {
  std::string text;                       // canonical: NFC, LF, no BOM
  std::vector<ImportedPassage> passages;  // ordered, non-overlapping, inside text
  std::string format;                     // the importer's format name: "text", "markdown"
  std::string encoding;                   // encoding of the bytes: "UTF-8", "windows-1252"
  std::string title;                      // metadata stated by the file itself, may be empty
  std::string date;                       // ISO date stated by the file, may be empty
  // Other metadata stated by the file, stored as source attributes unless
  // the user gives the same attribute: "author", "committee",
  // "meeting_date", "item_title", "respondent", ... Keys are lower case.
  std::map<std::string, std::string> metadata;
  // The source type the content suggests when the user gave none:
  // "interview" for a recognised transcript, else empty ("document").
  std::string suggested_type;
  std::vector<std::string> notes;  // what the user should know (guessed encoding...)
  // For files that hold several sources (a survey: one per respondent): what
  // this source is within the file, unique and stable across re-imports
  // ("respondent R17"). Empty for single-source files.
  std::string part;
};

class Importer {
 public:
  virtual ~Importer() = default;
  // Throws casebook::Error(Data) naming the file and the reason when the
  // content cannot be imported (empty, binary, invalid bytes, no text).
  virtual ImportedSource import(const InputFile& file) const = 0;

  // Formats that hold several sources in one file override this (each
  // source with a distinct `part`); the default is the one source import()
  // returns.
  virtual std::vector<ImportedSource> import_all(const InputFile& file) const {
    std::vector<ImportedSource> out;
    out.push_back(import(file));
    return out;
  }
};

// One row of the format table.
struct FormatEntry {
  std::string_view format;                   // "text", "markdown"
  std::string_view description;              // for --help and errors
  std::vector<std::string_view> extensions;  // lower case, without the dot
  // True when the content shows the file is this format regardless of its
  // extension. Gets the whole file: most sniffs look at the first bytes
  // (magic numbers), ZIP-based formats at the archive's entry names. Must be
  // cheap and must not throw. May be null.
  bool (*sniff)(std::string_view bytes);
  std::unique_ptr<Importer> (*make)();
};

// The table, in priority order.
const std::vector<FormatEntry>& format_table();

// The entry for `file`: content sniffing first, then the extension; files
// with no or an unknown extension whose content is text fall back to "text".
// Throws casebook::Error(Data) naming the file and listing the supported
// formats when none fits.
const FormatEntry& format_for(const InputFile& file);

// The entry named `format` (for --format), or throws Error(Usage).
const FormatEntry& format_named(std::string_view format);

// Checks the invariants of an importer's output (passages ordered,
// non-overlapping, non-empty, inside the text; text valid NFC). Throws
// casebook::Error(Internal) when an importer broke them.
void validate(const ImportedSource& source, const std::filesystem::path& path);

}  // namespace casebook::importers

// The format table: which importer handles which file. Like omindex's or
// Recoll's MIME map, it is the one place that knows every format; adding a
// format is adding a row here and an importer file next to this one.
// Detection order: magic bytes, then the extension, then "does it look like
// text?" -- so a PDF renamed to .txt is never indexed as garbage text.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"
#include "importers/ascii_text.hpp"
#include "importers/formats.hpp"
#include "importers/importer.hpp"
#include "importers/zip_archive.hpp"

namespace casebook::importers {
namespace {

// How many leading bytes sniffing and the text heuristic look at.
constexpr std::size_t kHeadBytes = 8192;

// File types we recognise by their first bytes but cannot import (yet), so a
// refusal can say what the file really is instead of "unknown format". Rows
// of the format table whose sniff matches are tried before this list, so a
// format that gains an importer simply stops reaching it.
struct Signature {
  std::string_view magic;
  std::string_view what;
  bool planned;  // an importer for it is on the roadmap: say "yet"
};

constexpr std::string_view kZipMagic("PK\x03\x04", 4);

constexpr std::array<Signature, 10> kBinarySignatures{{
    {kZipMagic,
     "a ZIP archive that is not a Word (.docx), OpenDocument (.odt) or Excel (.xlsx) document "
     "(such as a REFI-QDA .qdpx project)",
     true},
    {std::string_view("PK\x05\x06", 4), "an empty ZIP archive", false},
    {"\x89PNG\r\n\x1a\n", "a PNG image", false},
    {"GIF8", "a GIF image", false},
    {"\xFF\xD8\xFF", "a JPEG image", false},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
     "an OLE2 compound file (a legacy Word .doc, Excel .xls or PowerPoint .ppt)", false},
    {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", false},
    {"\x1F\x8B", "a gzip-compressed file", false},
    {"{\\rtf", "an RTF document", false},
    {"\x7F\x45LF", "an executable program", false},  // \x45 is 'E'; "\x7FE" would be one escape
}};

std::string_view head_of(const InputFile& file) {
  return std::string_view(file.bytes).substr(0, kHeadBytes);
}

// The extension without the dot, lower case; empty when there is none.
std::string extension_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (!ext.empty() && ext.front() == '.') ext.erase(0, 1);
  return ascii_lower(ext);
}

// UTF-16 and UTF-32 text is full of NUL bytes, but announces itself by a BOM.
bool has_utf16_or_32_bom(std::string_view head) {
  return starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF") ||
         starts_with(head, std::string_view("\x00\x00\xFE\xFF", 4));
}

// The heuristic used by grep and file(1): text has no NUL bytes.
bool looks_like_text(std::string_view head) {
  return has_utf16_or_32_bom(head) || head.find('\0') == std::string_view::npos;
}

const Signature* binary_signature(std::string_view head) {
  for (const Signature& sig : kBinarySignatures) {
    if (starts_with(head, sig.magic)) return &sig;
  }
  return nullptr;
}

// "text (.txt, .text), markdown (.md, .markdown, .mdown)", for error messages.
std::string supported_formats() {
  std::string out;
  for (const FormatEntry& entry : format_table()) {
    if (!out.empty()) out += ", ";
    out += std::string(entry.format) + " (";
    for (std::size_t i = 0; i < entry.extensions.size(); ++i) {
      if (i > 0) out += ", ";
      out += "." + std::string(entry.extensions[i]);
    }
    out += ")";
  }
  return out;
}

std::string format_names() {
  std::string out;
  for (const FormatEntry& entry : format_table()) {
    if (!out.empty()) out += ", ";
    out += entry.format;
  }
  return out;
}

const FormatEntry* entry_by_sniff(std::string_view bytes) {
  for (const FormatEntry& entry : format_table()) {
    if (entry.sniff != nullptr && entry.sniff(bytes)) return &entry;
  }
  return nullptr;
}

// Formats whose files are ZIP packages (see format_for).
constexpr std::array<std::string_view, 3> kZipPackageFormats{"docx", "odt", "survey"};

const FormatEntry* entry_by_extension(std::string_view ext);

const FormatEntry* zip_package_by_extension(std::string_view ext) {
  const FormatEntry* entry = entry_by_extension(ext);
  if (entry == nullptr) return nullptr;
  const bool is_package = std::find(kZipPackageFormats.begin(), kZipPackageFormats.end(),
                                    entry->format) != kZipPackageFormats.end();
  return is_package ? entry : nullptr;
}

const FormatEntry* entry_by_extension(std::string_view ext) {
  if (ext.empty()) return nullptr;
  for (const FormatEntry& entry : format_table()) {
    const auto& exts = entry.extensions;
    if (std::find(exts.begin(), exts.end(), ext) != exts.end()) return &entry;
  }
  return nullptr;
}

[[noreturn]] void throw_unsupported_binary(const std::filesystem::path& path,
                                           const Signature& sig) {
  throw_data(path.string() + ": appears to be " + std::string(sig.what) +
                 ", which casebook cannot import" + (sig.planned ? " yet" : "") +
                 "; casebook imports: " + supported_formats(),
             "convert it to one of these formats (for example save it as plain text) and "
             "import the converted file");
}

[[noreturn]] void throw_unknown_format(const std::filesystem::path& path, std::string_view ext) {
  const std::string which =
      ext.empty() ? std::string("no extension") : "extension ." + std::string(ext);
  throw_data(path.string() + ": unknown format (" + which +
                 ", and the content is not text); casebook imports: " + supported_formats(),
             "pass --format NAME to choose one of: " + format_names());
}

// ---- validate() helpers: each names the path and the broken invariant ----

[[noreturn]] void throw_broken(const std::filesystem::path& path, const ImportedSource& source,
                               const std::string& what) {
  throw_internal(path.string() + ": the " + source.format + " importer produced " + what,
                 "this is a bug in casebook; please report it with the file if you can");
}

void validate_text(const ImportedSource& source, const std::filesystem::path& path) {
  std::size_t bad_at = 0;
  if (!text::is_valid_utf8(source.text, &bad_at)) {
    throw_broken(path, source, "invalid UTF-8 at byte " + std::to_string(bad_at));
  }
  if (source.text.find('\r') != std::string::npos) {
    throw_broken(path, source, "a carriage return (text must use LF line endings)");
  }
  if (starts_with(source.text, "\xEF\xBB\xBF")) {
    throw_broken(path, source, "text starting with a byte-order mark");
  }
  if (text::to_nfc(source.text) != source.text) {
    throw_broken(path, source, "text that is not in Unicode NFC");
  }
}

std::string describe(std::size_t index, const text::Span& span) {
  return "passage " + std::to_string(index) + " [" + std::to_string(span.start) + ", " +
         std::to_string(span.end) + ")";
}

void validate_passages(const ImportedSource& source, const std::filesystem::path& path) {
  const std::size_t length = text::count_code_points(source.text);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < source.passages.size(); ++i) {
    const text::Span& span = source.passages[i].span;
    if (span.start >= span.end) throw_broken(path, source, "an empty " + describe(i, span));
    if (span.end > length) {
      throw_broken(path, source,
                   describe(i, span) + " past the end of the text (" + std::to_string(length) +
                       " code points)");
    }
    if (span.start < previous_end) {
      throw_broken(path, source, describe(i, span) + " overlapping or before the one before it");
    }
    previous_end = span.end;
  }
}

}  // namespace

const std::vector<FormatEntry>& format_table() {
  // Function-local so it is built on first use, after every importer's code
  // is available, and const so no caller can change detection behind us.
  static const std::vector<FormatEntry> table = [] {
    std::vector<FormatEntry> rows;
    rows.push_back({"text",
                    "plain text in any common encoding",
                    {"txt", "text"},
                    nullptr,
                    make_plain_text_importer});
    rows.push_back({"markdown",
                    "Markdown (CommonMark) with optional YAML front matter",
                    {"md", "markdown", "mdown"},
                    nullptr,
                    make_markdown_importer});
    rows.push_back({"pdf",
                    "PDF documents with a text layer (needs pdftotext from poppler-utils)",
                    {"pdf"},
                    sniff_pdf,
                    make_pdf_importer});
    // Before html: a saved ModernGov response is recognised by its root
    // element; .xml is claimed here so that HTML error pages saved as .xml
    // get a clear error instead of being imported as something else.
    rows.push_back({"moderngov",
                    "ModernGov mgWebService.asmx XML responses (meetings, committees, councillors)",
                    {"xml"},
                    sniff_moderngov,
                    make_moderngov_importer});
    rows.push_back({"html",
                    "HTML and XHTML pages (Hansard debates become speaker turns)",
                    {"html", "htm", "xhtml"},
                    sniff_html,
                    make_html_importer});
    rows.push_back({"survey",
                    "survey answers, one source per respondent: XLSX, or CSV with an id column "
                    "(detected by content; see survey.cpp)",
                    {"xlsx"},
                    sniff_survey_file,
                    make_survey_importer});
    rows.push_back({"webvtt",
                    "WebVTT subtitles and transcripts (Teams, Zoom, YouTube): speaker turns",
                    {"vtt"},
                    sniff_webvtt,
                    make_webvtt_importer});
    rows.push_back(
        {"srt", "SubRip subtitles: speaker turns", {"srt"}, sniff_srt, make_srt_importer});
    rows.push_back({"sbv", "YouTube SubViewer subtitles", {"sbv"}, nullptr, make_sbv_importer});
    rows.push_back({"docx",
                    "Word documents (.docx): headings, lists, tables, notes, comments",
                    {"docx"},
                    sniff_docx,
                    make_docx_importer});
    rows.push_back({"odt",
                    "OpenDocument text (.odt): headings, lists, tables, notes, comments",
                    {"odt"},
                    sniff_odt,
                    make_odt_importer});
    return rows;
  }();
  return table;
}

const FormatEntry& format_for(const InputFile& file) {
  const std::string_view head = head_of(file);
  if (const FormatEntry* entry = entry_by_sniff(file.bytes)) return *entry;
  const std::string ext = extension_of(file.path);
  if (const Signature* sig = binary_signature(head)) {
    // A ZIP that cannot be read safely (truncated, a bad entry name, too
    // many entries) fails every package sniff; when it is named .docx, .odt
    // or .xlsx, that importer says precisely what is wrong with it.
    if (sig->magic == kZipMagic && zip_entry_names(file.bytes).empty()) {
      if (const FormatEntry* entry = zip_package_by_extension(ext)) return *entry;
    }
    throw_unsupported_binary(file.path, *sig);
  }

  if (const FormatEntry* entry = entry_by_extension(ext)) return *entry;

  // No or an unknown extension (notes, README, .log, .csv ...): read it as
  // text when it is text, so users need not rename their files.
  if (looks_like_text(head)) return format_named("text");
  throw_unknown_format(file.path, ext);
}

const FormatEntry& format_named(std::string_view format) {
  const std::string wanted = ascii_lower(format);
  for (const FormatEntry& entry : format_table()) {
    if (entry.format == wanted) return entry;
  }
  throw_usage("unknown format '" + std::string(format) + "'", "choose one of: " + format_names());
}

void validate(const ImportedSource& source, const std::filesystem::path& path) {
  validate_text(source, path);
  validate_passages(source, path);
}

}  // namespace casebook::importers

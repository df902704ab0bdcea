// DOCX: a WordprocessingML package built with libzip. Styles (Title,
// Heading 1/2, Caption, Table Text, Table Note and a bordered table style)
// live in word/styles.xml so a paper's template can restyle everything;
// tables are real Word tables with a repeated header row and column widths
// from Column::width; captions ("Table N: ...", a SEQ field Word renumbers)
// sit above tables and notes below. Every ZIP entry carries the same fixed
// date and docProps hold no dates, so the bytes depend on the document only.

#include <zip.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <set>
#include <string>

#include "engine/core/error.hpp"
#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"

namespace casebook::exporting {
namespace {

// ---- page geometry (twentieths of a point) ----

constexpr int kA4Short = 11906;
constexpr int kA4Long = 16838;
constexpr int kMargin = 1440;  // 2.54 cm

int text_width(const WriteOptions& options) {
  return (options.landscape ? kA4Long : kA4Short) - 2 * kMargin;
}

// ---- parts that do not depend on the document ----

constexpr const char* kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kWordNamespace =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string content_types() {
  return std::string(kXmlDeclaration) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "</Types>\n";
}

std::string package_relationships() {
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
         "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
         "</Relationships>\n";
}

std::string document_relationships() {
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/styles\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/settings\" Target=\"settings.xml\"/>"
         "</Relationships>\n";
}

// compatibilityMode 15: Word opens the file in its current mode rather
// than "Compatibility Mode".
std::string settings() {
  return std::string(kXmlDeclaration) + "<w:settings " + kWordNamespace +
         "><w:defaultTabStop w:val=\"720\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "</w:settings>\n";
}

std::string paragraph_style(const std::string& id, const std::string& name, const std::string& body,
                            bool is_default = false) {
  return "<w:style w:type=\"paragraph\"" + std::string(is_default ? " w:default=\"1\"" : "") +
         " w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>" + body + "</w:style>";
}

// Element order inside each style follows the WordprocessingML schema
// (name, basedOn, next, uiPriority, qFormat, pPr, rPr, tblPr, tblStylePr):
// Word rejects files that break it.
std::string styles() {
  const std::string based_on_normal = "<w:basedOn w:val=\"Normal\"/>";
  const std::string next_normal = "<w:next w:val=\"Normal\"/>";
  std::string out = std::string(kXmlDeclaration) + "<w:styles " + kWordNamespace + ">";
  out +=
      "<w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>"
      "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>";
  out += paragraph_style("Normal", "Normal", "<w:qFormat/>", true);
  out += paragraph_style("Title", "Title",
                         based_on_normal + next_normal +
                             "<w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr>"
                             "<w:rPr><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/></w:rPr>");
  out +=
      paragraph_style("Heading1", "heading 1",
                      based_on_normal + next_normal +
                          "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
                          "<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>"
                          "</w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
                          "</w:rPr>");
  out +=
      paragraph_style("Heading2", "heading 2",
                      based_on_normal + next_normal +
                          "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
                          "<w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>"
                          "</w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"
                          "</w:rPr>");
  out += paragraph_style("Caption", "caption",
                         based_on_normal + next_normal +
                             "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" "
                             "w:after=\"80\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"20\"/>"
                             "<w:szCs w:val=\"20\"/></w:rPr>");
  out += paragraph_style("TableText", "Table Text",
                         based_on_normal +
                             "<w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"60\" "
                             "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
                             "<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>");
  out +=
      paragraph_style("TableNote", "Table Note",
                      based_on_normal + next_normal +
                          "<w:qFormat/><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr>"
                          "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>");
  out +=
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
      "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
      "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
      "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
      "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
      "</w:tblCellMar></w:tblPr></w:style>";
  // Booktabs look: strong rules above and below, a rule under the header,
  // hairlines between rows, no vertical lines.
  out +=
      "<w:style w:type=\"table\" w:styleId=\"EvidenceTable\"><w:name w:val=\"Evidence Table\"/>"
      "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>"
      "<w:pPr><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
      "<w:tblPr><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
      "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/>"
      "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"
      "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
      "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>"
      "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
      "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>";
  out += "</w:styles>\n";
  return out;
}

// No dates and no author: the package must not change between runs nor
// name whoever ran the export.
std::string core_properties(const Document& document) {
  return std::string(kXmlDeclaration) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
         "<dc:title>" +
         detail::xml_escape(detail::one_line(document.title)) + "</dc:title></cp:coreProperties>\n";
}

std::string app_properties() {
  return std::string(kXmlDeclaration) +
         "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
         "<Application>casebook</Application></Properties>\n";
}

// ---- document.xml ----

std::string text_run(std::string_view text, Style style, bool bold = false) {
  std::string properties;
  if (bold || style == Style::Strong) properties += "<w:b/><w:bCs/>";
  if (style == Style::Emphasis) properties += "<w:i/><w:iCs/>";
  std::string out = "<w:r>";
  if (!properties.empty()) out += "<w:rPr>" + properties + "</w:rPr>";
  // Line breaks inside a paragraph become <w:br/> between text pieces.
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) {
      out += "<w:t xml:space=\"preserve\">" + detail::xml_escape(text.substr(start, end - start)) +
             "</w:t>";
    }
    if (end == text.size()) break;
    out += "<w:br/>";
    start = end + 1;
  }
  return out + "</w:r>";
}

std::string runs(const Paragraph& paragraph, bool bold = false) {
  std::string out;
  for (const Span& span : detail::tidy(paragraph)) out += text_run(span.text, span.style, bold);
  return out;
}

std::string paragraph_xml(const std::string& style, const std::string& content,
                          const std::string& extra_properties = "") {
  std::string properties;
  if (!style.empty()) properties += "<w:pStyle w:val=\"" + style + "\"/>";
  properties += extra_properties;
  return "<w:p>" + (properties.empty() ? "" : "<w:pPr>" + properties + "</w:pPr>") + content +
         "</w:p>";
}

Paragraph plain(const std::string& text) {
  return {Span{text, Style::Plain}};
}

// Column widths in twips summing exactly to the text width.
std::vector<int> column_twips(const std::vector<Column>& columns, int total) {
  std::vector<int> widths;
  int used = 0;
  for (double fraction : detail::width_fractions(columns)) {
    widths.push_back(static_cast<int>(fraction * total));
    used += widths.back();
  }
  if (!widths.empty()) widths.back() += total - used;
  return widths;
}

// Word bookmark names: a letter first, then letters, digits and '_', at
// most 40 characters.
std::string bookmark_name(const std::string& anchor, std::set<std::string>& taken) {
  std::string name = "tab_";
  for (char c : anchor) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    name += keep ? c : '_';
  }
  name = name.substr(0, 36);
  std::string unique = name;
  for (int n = 2; taken.count(unique) != 0; ++n) unique = name + "_" + std::to_string(n);
  taken.insert(unique);
  return unique;
}

class DocumentXml {
 public:
  DocumentXml(const Document& document, const WriteOptions& options)
      : document_(document), options_(options), width_(text_width(options)) {}

  std::string str() {
    std::string body;
    if (!document_.title.empty()) {
      body += paragraph_xml("Title", runs(plain(detail::one_line(document_.title))));
    }
    const std::vector<std::string> anchors = detail::table_anchors(document_);
    std::size_t table_index = 0;
    bool ends_with_table = false;
    for (const Block& block : document_.blocks) {
      std::visit(detail::Overloaded{
                     [&](const Heading& heading) {
                       body += paragraph_xml(heading.level <= 1 ? "Heading1" : "Heading2",
                                             runs(plain(detail::one_line(heading.text))));
                       ends_with_table = false;
                     },
                     [&](const Paragraph& paragraph) {
                       const std::string content = runs(paragraph);
                       if (content.empty()) return;
                       body += paragraph_xml("", content);
                       ends_with_table = false;
                     },
                     [&](const Table& table) {
                       const std::string& anchor = anchors[table_index++];
                       if (table.columns.empty()) return;
                       body += table_xml(table, anchor);
                       ends_with_table = table.notes.empty();
                     },
                 },
                 block);
    }
    // Word expects a paragraph between the last table and the section end.
    if (ends_with_table) body += "<w:p/>";
    return std::string(kXmlDeclaration) + "<w:document " + kWordNamespace +
           " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
           "<w:body>" +
           body + section_properties() + "</w:body></w:document>\n";
  }

 private:
  std::string section_properties() const {
    const std::string size = options_.landscape
                                 ? "<w:pgSz w:w=\"" + std::to_string(kA4Long) + "\" w:h=\"" +
                                       std::to_string(kA4Short) + "\" w:orient=\"landscape\"/>"
                                 : "<w:pgSz w:w=\"" + std::to_string(kA4Short) + "\" w:h=\"" +
                                       std::to_string(kA4Long) + "\"/>";
    const std::string m = std::to_string(kMargin);
    return "<w:sectPr>" + size + "<w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" +
           m + "\" w:left=\"" + m + "\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>" +
           "</w:sectPr>";
  }

  // "Table N: caption", N a SEQ field (Word renumbers it and lists it in a
  // table of tables) wrapped in a bookmark for cross-references.
  std::string caption_xml(const Table& table, const std::string& anchor) {
    ++captions_;
    const std::string number = std::to_string(captions_);
    const std::string id = std::to_string(captions_ - 1);
    const std::string content =
        "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + bookmark_name(anchor, bookmarks_) +
        "\"/>" + text_run("Table ", Style::Plain) +
        "<w:fldSimple w:instr=\" SEQ Table \\* ARABIC \"><w:r><w:rPr><w:noProof/></w:rPr><w:t>" +
        number + "</w:t></w:r></w:fldSimple><w:bookmarkEnd w:id=\"" + id + "\"/>" +
        text_run(": " + detail::one_line(table.caption), Style::Plain);
    return paragraph_xml("Caption", content);
  }

  std::string cell_xml(const Cell& cell, int width, Align align, bool header) const {
    const std::string alignment = align == Align::Right ? "<w:jc w:val=\"right\"/>" : "";
    std::string properties = "<w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
    // Set on the cell too, not only in the table style's firstRow, so
    // programs that ignore conditional table styles still show the rule.
    if (header) {
      properties +=
          "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" "
          "w:color=\"000000\"/></w:tcBorders>";
    }
    properties += header ? "<w:vAlign w:val=\"bottom\"/>" : "";
    std::string paragraphs;
    for (const Paragraph& paragraph : cell.paragraphs) {
      const std::string content = runs(paragraph, header);
      if (!content.empty()) paragraphs += paragraph_xml("TableText", content, alignment);
    }
    // A cell must hold at least one paragraph.
    if (paragraphs.empty()) paragraphs = paragraph_xml("TableText", "", alignment);
    return "<w:tc><w:tcPr>" + properties + "</w:tcPr>" + paragraphs + "</w:tc>";
  }

  std::string row_xml(const std::vector<Cell>& cells, const Table& table,
                      const std::vector<int>& widths, bool header) const {
    std::string out = "<w:tr>";
    // The header repeats at the top of every page; it never splits.
    if (header) out += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const Cell empty;
      out +=
          cell_xml(i < cells.size() ? cells[i] : empty, widths[i], table.columns[i].align, header);
    }
    return out + "</w:tr>";
  }

  std::string table_xml(const Table& table, const std::string& anchor) {
    std::string out;
    if (!table.caption.empty()) out += caption_xml(table, anchor);
    const std::vector<int> widths = column_twips(table.columns, width_);
    out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"EvidenceTable\"/><w:tblW w:w=\"" +
           std::to_string(width_) +
           "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
           "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
           "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int width : widths) out += "<w:gridCol w:w=\"" + std::to_string(width) + "\"/>";
    out += "</w:tblGrid>";
    std::vector<Cell> header;
    for (const Column& column : table.columns) header.emplace_back(column.header);
    out += row_xml(header, table, widths, true);
    for (const auto& row : table.rows) out += row_xml(row, table, widths, false);
    out += "</w:tbl>";
    for (const std::string& note : table.notes) {
      out += paragraph_xml("TableNote", runs(plain(note)));
    }
    return out;
  }

  const Document& document_;
  const WriteOptions& options_;
  int width_;
  std::size_t captions_ = 0;  // numbered so far, as Word's SEQ field counts them
  std::set<std::string> bookmarks_;
};

// ---- the ZIP package ----

struct Part {
  std::string name;
  std::string content;
};

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscard>;

[[noreturn]] void zip_failed(const std::string& what, zip_error_t* error) {
  throw_internal("cannot build the DOCX package: " + what + ": " + zip_error_strerror(error),
                 "this is a bug in casebook; please report it with the command you ran");
}

// 1980-01-01 00:00, the first date ZIP can store, for every entry. libzip
// converts times to the DOS format in local time, so the time_t is taken in
// local time too: the stored date is then the same in every time zone.
std::time_t fixed_entry_time() {
  std::tm date{};
  date.tm_year = 80;
  date.tm_mon = 0;
  date.tm_mday = 1;
  date.tm_isdst = -1;
  return std::mktime(&date);
}

void add_part(zip_t* archive, const Part& part, std::time_t mtime) {
  zip_source_t* data = zip_source_buffer(archive, part.content.data(), part.content.size(), 0);
  if (data == nullptr) zip_failed("buffer for " + part.name, zip_get_error(archive));
  const zip_int64_t index = zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(data);  // still ours when adding failed
    zip_failed("adding " + part.name, zip_get_error(archive));
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 9) < 0) {
    zip_failed("compression of " + part.name, zip_get_error(archive));
  }
  if (zip_file_set_mtime(archive, entry, mtime, 0) < 0) {
    zip_failed("date of " + part.name, zip_get_error(archive));
  }
}

std::string read_all(zip_source_t* source) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source, &st) < 0) zip_failed("size of the result", zip_source_error(source));
  if (zip_source_open(source) < 0) zip_failed("reading the result", zip_source_error(source));
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(source, bytes.data(), st.size);
  zip_source_close(source);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    zip_failed("reading the result", zip_source_error(source));
  }
  return bytes;
}

// The parts as a ZIP archive in memory, in the order given.
std::string zip_package(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr source(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!source) zip_failed("creating a buffer", &error);
  zip_source_keep(source.get());  // the archive takes a reference; ours outlives zip_close
  zip_t* raw = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
  if (raw == nullptr) {
    zip_source_free(source.get());  // the reference the archive did not take
    zip_failed("opening the archive", &error);
  }
  ArchivePtr archive(raw);
  const std::time_t mtime = fixed_entry_time();
  for (const Part& part : parts) add_part(archive.get(), part, mtime);
  if (zip_close(archive.get()) < 0) zip_failed("writing the archive", zip_get_error(archive.get()));
  archive.release();  // zip_close freed it
  zip_error_fini(&error);
  return read_all(source.get());
}

}  // namespace

std::string write_docx(const Document& document, const WriteOptions& options) {
  const std::vector<Part> parts{
      {"[Content_Types].xml", content_types()},
      {"_rels/.rels", package_relationships()},
      {"word/document.xml", DocumentXml(document, options).str()},
      {"word/_rels/document.xml.rels", document_relationships()},
      {"word/styles.xml", styles()},
      {"word/settings.xml", settings()},
      {"docProps/core.xml", core_properties(document)},
      {"docProps/app.xml", app_properties()},
  };
  return zip_package(parts);
}

}  // namespace casebook::exporting

// DOCX (Word 2007+): a ZIP package of WordprocessingML parts. The body is
// read in document order -- paragraphs, headings (by style), list items,
// table rows -- keeping what a reader sees: inserted text and hyperlinks stay,
// tracked deletions, field instructions and deleted text go. Headers,
// footers, notes and comments follow the body as passages of their own, so a
// search can tell them apart from what the author wrote in the body.

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/ascii_text.hpp"
#include "importers/formats.hpp"
#include "importers/office_package.hpp"

namespace casebook::importers {
namespace {

constexpr std::string_view kDefaultMainPart = "word/document.xml";
constexpr std::string_view kWordNamespaces[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  // ISO "strict" documents
};

// Whitespace between elements is noise, but `<w:t xml:space="preserve"> </w:t>`
// is a real space: keep whitespace-only text and read text only from w:t.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// Fields nest (a PAGE field inside an IF); deeper nesting than this is only
// counted, so a hostile file cannot grow the stack of field states.
constexpr std::size_t kMaxFieldDepth = 64;

// Element names of a WordprocessingML part, whatever prefix it binds the
// namespace to ("w:" by convention, but any prefix or none is legal).
class WordNames {
 public:
  explicit WordNames(const pugi::xml_node& root) {
    for (const pugi::xml_attribute& attr : root.attributes()) {
      const std::string_view name = attr.name();
      if (std::find(std::begin(kWordNamespaces), std::end(kWordNamespaces),
                    std::string_view(attr.value())) == std::end(kWordNamespaces)) {
        continue;
      }
      if (name == "xmlns") prefix_.clear();
      if (name.substr(0, 6) == "xmlns:") prefix_ = std::string(name.substr(6)) + ":";
    }
  }
  bool is(const pugi::xml_node& node, std::string_view local) const {
    const std::string_view name = node.name();
    return name.size() == prefix_.size() + local.size() &&
           name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local;
  }
  pugi::xml_node child(const pugi::xml_node& node, std::string_view local) const {
    for (const pugi::xml_node& c : node.children()) {
      if (is(c, local)) return c;
    }
    return {};
  }
  std::string_view attr(const pugi::xml_node& node, std::string_view local) const {
    return node.attribute((prefix_ + std::string(local)).c_str()).value();
  }
  // The w:val of child `local` of `node`, or empty.
  std::string_view child_val(const pugi::xml_node& node, std::string_view local) const {
    return attr(child(node, local), "val");
  }

 private:
  std::string prefix_ = "w:";
};

// ---- styles ------------------------------------------------------------------

struct StyleInfo {
  int heading_level = -1;  // -1: not a heading; 0: title; 1-9: heading level
  bool list = false;
};

// A style's meaning from its name ("heading 2", "Title", "List Bullet"):
// styles.xml keeps the English built-in name even in other languages' Word.
StyleInfo style_from_name(std::string name) {
  name = ascii_lower(name);
  name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
  StyleInfo info;
  if (name == "title") info.heading_level = 0;
  if (name.size() == 8 && name.substr(0, 7) == "heading" && name[7] >= '1' && name[7] <= '9') {
    info.heading_level = name[7] - '0';
  }
  info.list = name.substr(0, 4) == "list" && name != "listparagraph";
  return info;
}

int outline_level(std::string_view val) {
  // w:outlineLvl 0-8 are heading levels 1-9; 9 means body text.
  if (val.size() == 1 && val[0] >= '0' && val[0] <= '8') return val[0] - '0' + 1;
  return -1;
}

class StyleTable {
 public:
  void read(ZipArchive& zip, const std::string& part) {
    const auto xml = zip.read_if_present(part);
    if (!xml) return;
    pugi::xml_document doc;
    parse_xml_part(doc, zip.path(), part, *xml);
    const WordNames w(doc.document_element());
    for (const pugi::xml_node& style : doc.document_element().children()) {
      if (!w.is(style, "style") || w.attr(style, "type") != "paragraph") continue;
      Entry entry;
      entry.info = style_from_name(std::string(w.child_val(style, "name")));
      const pugi::xml_node ppr = w.child(style, "pPr");
      if (entry.info.heading_level < 0) {
        entry.info.heading_level = outline_level(w.child_val(ppr, "outlineLvl"));
      }
      if (w.child(ppr, "numPr")) entry.info.list = true;
      entry.based_on = std::string(w.child_val(style, "basedOn"));
      entries_[std::string(w.attr(style, "styleId"))] = std::move(entry);
    }
  }

  // What paragraph style `id` means, following w:basedOn a few steps; a
  // missing styles part falls back on Word's ids ("Heading1", "Title").
  StyleInfo lookup(const std::string& id) const {
    std::string current = id;
    for (int step = 0; step < 10; ++step) {
      const auto it = entries_.find(current);
      if (it == entries_.end()) return step == 0 ? style_from_name(id) : StyleInfo{};
      if (it->second.info.heading_level >= 0 || it->second.info.list) return it->second.info;
      if (it->second.based_on.empty()) break;
      current = it->second.based_on;
    }
    return {};
  }

 private:
  struct Entry {
    StyleInfo info;
    std::string based_on;
  };
  std::map<std::string, Entry> entries_;
};

// ---- pages -------------------------------------------------------------------

// Word records where pages broke when it last laid the document out
// (w:lastRenderedPageBreak, which includes explicit breaks); documents never
// opened in Word have only their explicit breaks (w:br w:type="page").
enum class PageBreaks { None, Rendered, Explicit };

class BreakScan : public pugi::xml_tree_walker {
 public:
  explicit BreakScan(const WordNames& w) : w_(w) {}
  bool for_each(pugi::xml_node& node) override {
    if (w_.is(node, "lastRenderedPageBreak")) rendered = true;
    if (w_.is(node, "br") && w_.attr(node, "type") == "page") explicit_ = true;
    return !rendered;
  }
  bool rendered = false;
  bool explicit_ = false;

 private:
  const WordNames& w_;
};

PageBreaks page_breaks_of(pugi::xml_node body, const WordNames& w) {
  BreakScan scan(w);
  body.traverse(scan);
  if (scan.rendered) return PageBreaks::Rendered;
  return scan.explicit_ ? PageBreaks::Explicit : PageBreaks::None;
}

// ---- text --------------------------------------------------------------------

// A block's text as it is collected, with the page of its first character.
struct BlockText {
  std::string text;
  int page = 0;
  bool started = false;
};

// Reads WordprocessingML content (the body, a header, a note, a comment)
// into blocks. Keeps the state that crosses paragraphs: the page and the
// fields (a field can begin in one paragraph and end in another).
class WordReader {
 public:
  WordReader(const WordNames& w, const StyleTable& styles, PageBreaks breaks)
      : w_(w), styles_(styles), breaks_(breaks), page_(breaks == PageBreaks::None ? 0 : 1) {}

  // The blocks of a container of paragraphs and tables (w:body, w:hdr,
  // w:footnote, w:tc...), unwrapping content controls and custom XML.
  void blocks(const pugi::xml_node& container, std::vector<DocumentBlock>& out) {
    for (const pugi::xml_node& node : container.children()) {
      if (w_.is(node, "p")) {
        paragraph(node, out);
      } else if (w_.is(node, "tbl")) {
        table(node, out);
      } else if (w_.is(node, "sdt")) {
        blocks(w_.child(node, "sdtContent"), out);
      } else if (w_.is(node, "customXml") || w_.is(node, "ins") || w_.is(node, "moveTo")) {
        blocks(node, out);
      }
    }
  }

  // All text of a container as one string, its blocks separated by `sep`.
  std::string joined_text(const pugi::xml_node& container, std::string_view sep) {
    std::vector<DocumentBlock> parts;
    blocks(container, parts);
    return join_block_texts(parts, sep);
  }

 private:
  void paragraph(const pugi::xml_node& p, std::vector<DocumentBlock>& out) {
    const pugi::xml_node ppr = w_.child(p, "pPr");
    if (breaks_ == PageBreaks::Explicit && w_.child(ppr, "pageBreakBefore") &&
        w_.child_val(ppr, "pageBreakBefore") != "0" &&
        w_.child_val(ppr, "pageBreakBefore") != "false") {
      ++page_;
    }
    BlockText text;
    inline_content(p, text);
    DocumentBlock block;
    block.text = std::move(text.text);
    block.page = text.started ? text.page : page_;
    const StyleInfo style = paragraph_style(ppr);
    if (style.heading_level >= 0) {
      block.kind = "heading";
      block.heading_level = style.heading_level;
    } else {
      block.kind = style.list ? "list-item" : "paragraph";
    }
    out.push_back(std::move(block));
  }

  StyleInfo paragraph_style(const pugi::xml_node& ppr) const {
    StyleInfo info = styles_.lookup(std::string(w_.child_val(ppr, "pStyle")));
    const int direct_level = outline_level(w_.child_val(ppr, "outlineLvl"));
    if (direct_level >= 0) info.heading_level = direct_level;
    // w:numId 0 removes numbering that a style would add.
    const std::string_view num_id = w_.child_val(w_.child(ppr, "numPr"), "numId");
    if (!num_id.empty()) info.list = num_id != "0";
    return info;
  }

  // One block per row, cells separated by a tab.
  void table(const pugi::xml_node& tbl, std::vector<DocumentBlock>& out) {
    for (const pugi::xml_node& row : rows_of(tbl)) {
      DocumentBlock block;
      block.kind = "table-row";
      block.page = page_;
      bool first = true;
      for (const pugi::xml_node& cell : cells_of(row)) {
        if (!first) block.text += '\t';
        first = false;
        if (continues_merge(cell)) continue;  // its text is not shown
        // A cell's paragraphs and nested tables read as one line of text.
        std::string text = joined_text(cell, " ");
        for (char& c : text) {
          if (c == '\t' || c == '\n') c = ' ';
        }
        block.text += text;
      }
      out.push_back(std::move(block));
    }
  }

  // A cell merged into the one above it (w:vMerge without "restart"): Word
  // shows the first cell's text across the merge and hides its own.
  bool continues_merge(const pugi::xml_node& tc) const {
    const pugi::xml_node merge = w_.child(w_.child(tc, "tcPr"), "vMerge");
    return merge && w_.attr(merge, "val") != "restart";
  }

  // Rows and cells may sit inside content controls or custom XML.
  std::vector<pugi::xml_node> rows_of(const pugi::xml_node& tbl) const {
    std::vector<pugi::xml_node> out;
    collect(tbl, "tr", out);
    return out;
  }
  std::vector<pugi::xml_node> cells_of(const pugi::xml_node& tr) const {
    std::vector<pugi::xml_node> out;
    collect(tr, "tc", out);
    return out;
  }
  void collect(const pugi::xml_node& parent, std::string_view local,
               std::vector<pugi::xml_node>& out) const {
    for (const pugi::xml_node& node : parent.children()) {
      if (w_.is(node, local)) {
        out.push_back(node);
      } else if (w_.is(node, "sdt")) {
        collect(w_.child(node, "sdtContent"), local, out);
      } else if (w_.is(node, "customXml")) {
        collect(node, local, out);
      }
    }
  }

  // ---- inline content: runs and what wraps them ----

  bool in_field_instruction() const {
    return std::find(fields_.begin(), fields_.end(), true) != fields_.end();
  }

  void add(BlockText& text, std::string_view s) {
    if (s.empty() || in_field_instruction()) return;
    if (!text.started) {
      text.started = true;
      text.page = page_;
    }
    text.text += s;
  }

  void field_char(const pugi::xml_node& node) {
    const std::string_view type = w_.attr(node, "fldCharType");
    if (type == "begin") {
      if (fields_.size() < kMaxFieldDepth) {
        fields_.push_back(true);
      } else {
        ++overflow_fields_;
      }
    } else if (type == "separate") {
      if (overflow_fields_ == 0 && !fields_.empty()) fields_.back() = false;
    } else if (type == "end") {
      if (overflow_fields_ > 0) {
        --overflow_fields_;
      } else if (!fields_.empty()) {
        fields_.pop_back();
      }
    }
  }

  void inline_content(const pugi::xml_node& parent, BlockText& text) {
    for (const pugi::xml_node& node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      if (w_.is(node, "t")) {
        add(text, node.child_value());
      } else if (w_.is(node, "tab") || w_.is(node, "ptab")) {
        add(text, "\t");
      } else if (w_.is(node, "br")) {
        line_break(node, text);
      } else if (w_.is(node, "cr")) {
        add(text, "\n");
      } else if (w_.is(node, "noBreakHyphen")) {
        add(text, "-");
      } else if (w_.is(node, "lastRenderedPageBreak")) {
        if (breaks_ == PageBreaks::Rendered) ++page_;
      } else if (w_.is(node, "fldChar")) {
        field_char(node);
      } else if (w_.is(node, "txbxContent")) {
        add(text, "\n");
        add(text, joined_text(node, "\n"));
        add(text, "\n");
      } else if (is_skipped(node)) {
        continue;
      } else if (local_name(node) == "AlternateContent") {
        // The same content twice: a modern Choice and a legacy Fallback.
        inline_content(node.first_child(), text);
      } else {
        // Runs, hyperlinks, insertions, smart tags, fields' results,
        // content controls, drawings (which may hold text boxes).
        inline_content(node, text);
      }
    }
  }

  void line_break(const pugi::xml_node& br, BlockText& text) {
    if (w_.attr(br, "type") == "page" && breaks_ == PageBreaks::Explicit) ++page_;
    add(text, "\n");
  }

  // Elements that hold no visible text, or text that is not (any longer)
  // part of the document.
  bool is_skipped(const pugi::xml_node& node) const {
    static constexpr std::string_view kSkipped[] = {
        "pPr",
        "rPr",
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "sdtPr",
        "sdtEndPr",
        "delInstrText",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
    };
    for (std::string_view local : kSkipped) {
      if (w_.is(node, local)) return true;
    }
    return local_name(node) == "Fallback";
  }

  const WordNames& w_;
  const StyleTable& styles_;
  PageBreaks breaks_;
  int page_;
  std::vector<bool> fields_;  // per open field: still in its instruction?
  std::size_t overflow_fields_ = 0;
};

// ---- the package -------------------------------------------------------------

struct Parts {
  std::string main = std::string(kDefaultMainPart);
  std::string core = "docProps/core.xml";
};

Parts package_parts(ZipArchive& zip) {
  Parts parts;
  for (const PackageRelationship& rel : read_relationships(zip, "")) {
    if (rel.external) continue;
    if (relationship_is(rel, "officeDocument") && zip.contains(rel.target)) parts.main = rel.target;
    if (relationship_is(rel, "core-properties")) parts.core = rel.target;
  }
  return parts;
}

class DocxReader {
 public:
  DocxReader(const InputFile& file, ZipArchive& zip) : file_(file), zip_(zip) {}

  WordProcessingDocument read() {
    const Parts parts = package_parts(zip_);
    pugi::xml_document doc;
    parse_xml_part(doc, file_.path, parts.main, zip_.read(parts.main), kParseOptions);
    const pugi::xml_node root = doc.document_element();
    const WordNames w(root);
    const pugi::xml_node body = w.child(root, "body");
    if (!body) {
      throw_data(file_.path.string() + ": " + parts.main + " has no document body",
                 "open the file in Word or LibreOffice, save it again and import the saved copy");
    }
    rels_ = read_relationships(zip_, parts.main);
    StyleTable styles;
    styles.read(zip_, target_of("styles", "word/styles.xml"));

    WordProcessingDocument out;
    WordReader reader(w, styles, page_breaks_of(body, w));
    reader.blocks(body, out.body);
    read_headers_and_footers(body, w, styles, out.apart);
    read_notes("footnotes", "footnote", "word/footnotes.xml", styles, out.apart);
    read_notes("endnotes", "endnote", "word/endnotes.xml", styles, out.apart);
    read_notes("comments", "comment", "word/comments.xml", styles, out.apart);
    read_core_properties(parts.core, out);
    return out;
  }

 private:
  std::string target_of(std::string_view type, const std::string& fallback) const {
    for (const PackageRelationship& rel : rels_) {
      if (!rel.external && relationship_is(rel, type)) return rel.target;
    }
    return rels_.empty() ? fallback : std::string();
  }

  // Headers and footers in the order the sections refer to them (first,
  // odd and even page variants), each distinct text once.
  void read_headers_and_footers(const pugi::xml_node& body, const WordNames& w,
                                const StyleTable& styles, std::vector<DocumentBlock>& out) {
    std::vector<std::string> headers, footers;
    collect_references(body, w, headers, footers, 0);
    if (rels_.empty()) {  // no relationships: take the conventionally named parts
      for (const std::string& name : zip_.names()) {
        if (name.rfind("word/header", 0) == 0) headers.push_back(name);
        if (name.rfind("word/footer", 0) == 0) footers.push_back(name);
      }
    }
    std::set<std::string> seen;
    for (const auto& [parts, kind] :
         {std::pair{&headers, "header"}, std::pair{&footers, "footer"}}) {
      for (const std::string& part : *parts) {
        std::string text = part_text(part, styles);
        if (text.find_first_not_of(" \t\n") == std::string::npos) continue;
        if (!seen.insert(std::string(kind) + '\0' + text).second) continue;
        out.push_back({kind, std::move(text), 0, 1});
      }
    }
  }

  void collect_references(const pugi::xml_node& node, const WordNames& w,
                          std::vector<std::string>& headers, std::vector<std::string>& footers,
                          int depth) const {
    if (depth > kMaxXmlDepth) return;
    for (const pugi::xml_node& child : node.children()) {
      if (w.is(child, "headerReference") || w.is(child, "footerReference")) {
        auto& list = w.is(child, "headerReference") ? headers : footers;
        const std::string part = part_for_id(child);
        if (!part.empty() && std::find(list.begin(), list.end(), part) == list.end()) {
          list.push_back(part);
        }
      } else if (w.is(child, "sectPr") || w.is(child, "p") || w.is(child, "pPr") ||
                 w.is(child, "sdt") || w.is(child, "sdtContent")) {
        collect_references(child, w, headers, footers, depth + 1);
      }
    }
  }

  // The part a reference's r:id names (the prefix of the relationships
  // namespace varies, so any attribute ending in ":id").
  std::string part_for_id(const pugi::xml_node& reference) const {
    for (const pugi::xml_attribute& attr : reference.attributes()) {
      const std::string_view name = attr.name();
      if (name.size() <= 3 || name.substr(name.size() - 3) != ":id") continue;
      for (const PackageRelationship& rel : rels_) {
        if (rel.id == attr.value() && !rel.external) return rel.target;
      }
    }
    return {};
  }

  std::string part_text(const std::string& part, const StyleTable& styles) {
    const auto xml = zip_.read_if_present(part);
    if (!xml) return {};
    pugi::xml_document doc;
    parse_xml_part(doc, file_.path, part, *xml, kParseOptions);
    const WordNames w(doc.document_element());
    WordReader reader(w, styles, PageBreaks::None);
    return reader.joined_text(doc.document_element(), "\n");
  }

  // Footnotes, endnotes or comments: one passage per note, leaving out the
  // separator lines Word keeps as notes of their own.
  void read_notes(std::string_view rel_type, const char* kind, const std::string& fallback,
                  const StyleTable& styles, std::vector<DocumentBlock>& out) {
    const std::string part = target_of(rel_type, fallback);
    if (part.empty()) return;
    const auto xml = zip_.read_if_present(part);
    if (!xml) return;
    pugi::xml_document doc;
    parse_xml_part(doc, file_.path, part, *xml, kParseOptions);
    const WordNames w(doc.document_element());
    WordReader reader(w, styles, PageBreaks::None);
    for (const pugi::xml_node& note : doc.document_element().children()) {
      if (note.type() != pugi::node_element) continue;
      const std::string_view type = w.attr(note, "type");
      if (!type.empty() && type != "normal") continue;
      std::string text = reader.joined_text(note, "\n");
      if (text.find_first_not_of(" \t\n") == std::string::npos) continue;
      out.push_back({kind, std::move(text), 0, 1});
    }
  }

  void read_core_properties(const std::string& part, WordProcessingDocument& out) {
    const auto xml = zip_.read_if_present(part);
    if (!xml) return;  // optional: python-docx and others may leave it out
    pugi::xml_document doc;
    parse_xml_part(doc, file_.path, part, *xml);
    std::string created, modified;
    for (const pugi::xml_node& node : doc.document_element().children()) {
      const std::string_view name = local_name(node);
      std::string value(trim_xml_whitespace(node.child_value()));
      if (value.empty()) continue;
      if (name == "title") out.title = value;
      if (name == "created") created = iso_date_prefix(value);
      if (name == "modified") modified = iso_date_prefix(value);
      if (name == "creator") out.metadata["author"] = value;
      if (name == "lastModifiedBy") out.metadata["last_modified_by"] = value;
      if (name == "subject") out.metadata["subject"] = value;
      if (name == "keywords") out.metadata["keywords"] = value;
    }
    out.date = !created.empty() ? created : modified;
  }

  const InputFile& file_;
  ZipArchive& zip_;
  std::vector<PackageRelationship> rels_;  // of the main document part
};

class DocxImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    ZipArchive zip(file.path, file.bytes);
    WordProcessingDocument document = DocxReader(file, zip).read();
    return build_word_processing_source(file, std::move(document), "docx");
  }
};

}  // namespace

bool sniff_docx(std::string_view bytes) {
  const std::vector<std::string> names = zip_entry_names(bytes);
  return std::find(names.begin(), names.end(), kDefaultMainPart) != names.end();
}

std::unique_ptr<Importer> make_docx_importer() {
  return std::make_unique<DocxImporter>();
}

}  // namespace casebook::importers

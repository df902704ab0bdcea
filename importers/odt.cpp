// ODT (OpenDocument text, LibreOffice's format): a ZIP package whose
// content.xml holds the body. Read in document order: headings by outline
// level, paragraphs, list items, table rows; notes and comments are taken out
// of the paragraph they sit in (which keeps only the note's citation mark)
// and follow the body, after the headers and footers of the master pages in
// styles.xml. The tracked-changes region, which holds deleted text, is
// skipped. Element names are matched without their prefixes: the ODF
// prefixes (text:, table:, office:) are conventional, and no two ODF
// namespaces use the element names read here for different things.

#include <algorithm>
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

constexpr std::string_view kOdtMimeType = "application/vnd.oasis.opendocument.text";

// Whitespace-only text between spans is a real space in ODF.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// text:s c="N" repeats a space N times; a hostile N must not allocate
// gigabytes, and no real document needs more.
constexpr long kMaxRepeatedSpaces = 1000;
constexpr long kMaxRepeatedCells = 100;

long count_attribute(const pugi::xml_node& node, const char* name, long max) {
  const long n = node.attribute(name).as_int(1);
  return std::clamp(n, 1L, max);
}

// Text of a paragraph as it is collected. ODF collapses runs of whitespace
// in character data to one space (explicit spaces are text:s elements), so
// the collapsing has to see across element boundaries.
struct InlineText {
  std::string text;
  int page = 0;
  bool started = false;
  bool after_space = true;  // leading whitespace of a paragraph is dropped
};

class OdtReader {
 public:
  explicit OdtReader(bool paged) : page_(paged ? 1 : 0) {}

  // Blocks of a container of paragraphs, headings, lists, tables and
  // sections (office:text, a table cell, a section, a text box).
  void blocks(const pugi::xml_node& container, std::vector<DocumentBlock>& out,
              bool in_list = false) {
    for (const pugi::xml_node& node : container.children()) {
      const std::string_view name = local_name(node);
      if (name == "p" || name == "h") {
        paragraph(node, out, in_list);
      } else if (name == "list" || name == "list-item" || name == "list-header") {
        blocks(node, out, true);
      } else if (name == "table") {
        table(node, out);
      } else if (name == "soft-page-break") {
        if (page_ > 0) ++page_;
      } else if (name == "section" || name == "index-body" || name == "table-of-content" ||
                 name == "alphabetical-index" || name == "illustration-index" ||
                 name == "table-index" || name == "object-index" || name == "user-index" ||
                 name == "bibliography" || name == "index-title") {
        blocks(node, out, in_list);
      }
      // Everything else (tracked-changes, sequence and variable
      // declarations, forms, index templates) holds no body text.
    }
  }

  std::string joined_text(const pugi::xml_node& container, std::string_view sep) {
    std::vector<DocumentBlock> parts;
    blocks(container, parts);
    return join_block_texts(parts, sep);
  }

  // Notes and comments met in the body, in the order they appeared.
  std::vector<DocumentBlock> footnotes, endnotes, comments;

 private:
  void paragraph(const pugi::xml_node& p, std::vector<DocumentBlock>& out, bool in_list) {
    InlineText text;
    inline_content(p, text);
    DocumentBlock block;
    block.page = text.started ? text.page : page_;
    block.text = std::move(text.text);
    if (local_name(p) == "h") {
      block.kind = "heading";
      block.heading_level = static_cast<int>(count_attribute(p, "text:outline-level", 10));
    } else {
      block.kind = in_list ? "list-item" : "paragraph";
    }
    out.push_back(std::move(block));
  }

  void table(const pugi::xml_node& node, std::vector<DocumentBlock>& out) {
    for (const pugi::xml_node& child : node.children()) {
      const std::string_view name = local_name(child);
      if (name == "table-row") {
        row(child, out);
      } else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        table(child, out);
      }
    }
  }

  void row(const pugi::xml_node& tr, std::vector<DocumentBlock>& out) {
    DocumentBlock block;
    block.kind = "table-row";
    block.page = page_;
    bool first = true;
    for (const pugi::xml_node& cell : tr.children()) {
      const std::string_view name = local_name(cell);
      if (name != "table-cell" && name != "covered-table-cell") continue;
      // Covered cells are hidden under a merged one: they hold no text.
      std::string text = name == "table-cell" ? joined_text(cell, " ") : std::string();
      for (char& c : text) {
        if (c == '\t' || c == '\n') c = ' ';
      }
      // A repeated cell is a run of identical (in practice empty) cells.
      const long repeat =
          text.empty() ? count_attribute(cell, "table:number-columns-repeated", kMaxRepeatedCells)
                       : 1;
      for (long i = 0; i < repeat; ++i) {
        if (!first) block.text += '\t';
        first = false;
        block.text += text;
      }
    }
    out.push_back(std::move(block));
  }

  void add(InlineText& text, std::string_view s) {
    if (s.empty()) return;
    if (!text.started) {
      text.started = true;
      text.page = page_;
    }
    text.text += s;
    text.after_space = false;
  }

  void add_character_data(InlineText& text, std::string_view data) {
    std::string collapsed;
    bool space = text.after_space;
    for (const char c : data) {
      if (is_xml_whitespace(c)) {
        if (!space) collapsed += ' ';
        space = true;
      } else {
        collapsed += c;
        space = false;
      }
    }
    add(text, collapsed);
    text.after_space = space;
  }

  void inline_content(const pugi::xml_node& parent, InlineText& text) {
    for (const pugi::xml_node& node : parent.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        add_character_data(text, node.value());
        continue;
      }
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "s") {
        add(text, std::string(
                      static_cast<std::size_t>(count_attribute(node, "text:c", kMaxRepeatedSpaces)),
                      ' '));
      } else if (name == "tab") {
        add(text, "\t");
      } else if (name == "line-break") {
        add(text, "\n");
      } else if (name == "soft-page-break") {
        if (page_ > 0) ++page_;
      } else if (name == "note") {
        note(node, text);
      } else if (name == "annotation") {
        annotation(node);
      } else if (name == "text-box") {
        add(text, "\n");
        add(text, joined_text(node, "\n"));
        add(text, "\n");
      } else if (name == "tracked-changes" || name == "change" || name == "title" ||
                 name == "desc" || name == "annotation-end" || name == "ruby-text") {
        continue;  // deleted text, alternative text of images, ruby glosses
      } else {
        // Spans, links, fields (their text is the shown value), frames.
        inline_content(node, text);
      }
    }
  }

  // The body keeps the citation mark ("1", "i"); the note's text becomes a
  // footnote or endnote passage after the body.
  void note(const pugi::xml_node& node, InlineText& text) {
    DocumentBlock block;
    block.kind = std::string_view(node.attribute("text:note-class").value()) == "endnote"
                     ? "endnote"
                     : "footnote";
    for (const pugi::xml_node& child : node.children()) {
      const std::string_view name = local_name(child);
      if (name == "note-citation") add(text, child.child_value());
      if (name == "note-body") block.text = joined_text(child, "\n");
    }
    if (block.text.empty()) return;
    (block.kind == "endnote" ? endnotes : footnotes).push_back(std::move(block));
  }

  // Comments hold their author and date as dc: elements, then paragraphs.
  void annotation(const pugi::xml_node& node) {
    DocumentBlock block;
    block.kind = "comment";
    block.text = joined_text(node, "\n");
    if (!block.text.empty()) comments.push_back(std::move(block));
  }

  int page_;
};

// True when the body records page breaks (text:soft-page-break, written by
// LibreOffice at each page end of its last layout).
class SoftBreakScan : public pugi::xml_tree_walker {
 public:
  bool for_each(pugi::xml_node& node) override {
    found = found || local_name(node) == "soft-page-break";
    return !found;
  }
  bool found = false;
};

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view local) {
  for (const pugi::xml_node& child : node.children()) {
    if (local_name(child) == local) return child;
  }
  return {};
}

class OdtImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    ZipArchive zip(file.path, file.bytes);
    WordProcessingDocument document;
    read_content(file, zip, document);
    read_meta(file, zip, document);
    return build_word_processing_source(file, std::move(document), "odt");
  }

 private:
  static void read_content(const InputFile& file, ZipArchive& zip, WordProcessingDocument& out) {
    pugi::xml_document doc;
    parse_xml_part(doc, file.path, "content.xml", zip.read("content.xml"), kParseOptions);
    const pugi::xml_node text = child_named(child_named(doc.document_element(), "body"), "text");
    if (!text) {
      throw_data(file.path.string() +
                     ": content.xml has no text body (is it an OpenDocument "
                     "text document?)",
                 "open the file in LibreOffice, save it again as .odt and import the saved copy");
    }
    SoftBreakScan scan;
    pugi::xml_node(text).traverse(scan);
    OdtReader reader(scan.found);
    reader.blocks(text, out.body);
    read_headers_and_footers(file, zip, out.apart);
    for (auto* notes : {&reader.footnotes, &reader.endnotes, &reader.comments}) {
      for (DocumentBlock& block : *notes) out.apart.push_back(std::move(block));
    }
  }

  // Headers and footers of the master pages (first, left and right page
  // variants), each distinct text once.
  static void read_headers_and_footers(const InputFile& file, ZipArchive& zip,
                                       std::vector<DocumentBlock>& out) {
    const auto xml = zip.read_if_present("styles.xml");
    if (!xml) return;
    pugi::xml_document doc;
    parse_xml_part(doc, file.path, "styles.xml", *xml, kParseOptions);
    const pugi::xml_node masters = child_named(doc.document_element(), "master-styles");
    std::vector<DocumentBlock> headers, footers;
    std::set<std::string> seen;
    OdtReader reader(false);
    for (const pugi::xml_node& page : masters.children()) {
      if (local_name(page) != "master-page") continue;
      for (const pugi::xml_node& part : page.children()) {
        const std::string_view name = local_name(part);
        const bool header = name.substr(0, 6) == "header";
        const bool footer = name.substr(0, 6) == "footer";
        if ((!header && !footer) || name.find("style") != std::string_view::npos) continue;
        std::string text = reader.joined_text(part, "\n");
        const std::string kind = header ? "header" : "footer";
        if (text.empty() || !seen.insert(kind + '\0' + text).second) continue;
        (header ? headers : footers).push_back({kind, std::move(text), 0, 1});
      }
    }
    for (auto* list : {&headers, &footers}) {
      for (DocumentBlock& block : *list) out.push_back(std::move(block));
    }
  }

  static void read_meta(const InputFile& file, ZipArchive& zip, WordProcessingDocument& out) {
    const auto xml = zip.read_if_present("meta.xml");
    if (!xml) return;
    pugi::xml_document doc;
    parse_xml_part(doc, file.path, "meta.xml", *xml);
    std::string creation_date, date, initial_creator, creator, keywords;
    for (const pugi::xml_node& node : child_named(doc.document_element(), "meta").children()) {
      const std::string_view name = local_name(node);
      const std::string value(trim_xml_whitespace(node.child_value()));
      if (value.empty()) continue;
      if (name == "title") out.title = value;
      if (name == "subject") out.metadata["subject"] = value;
      if (name == "creation-date") creation_date = iso_date_prefix(value);
      if (name == "date") date = iso_date_prefix(value);
      if (name == "initial-creator") initial_creator = value;
      if (name == "creator") creator = value;  // in ODF: who saved it last
      if (name == "keyword") keywords += (keywords.empty() ? "" : "; ") + value;
    }
    out.date = !creation_date.empty() ? creation_date : date;
    if (!initial_creator.empty()) {
      out.metadata["author"] = initial_creator;
      if (!creator.empty()) out.metadata["last_modified_by"] = creator;
    } else if (!creator.empty()) {
      out.metadata["author"] = creator;
    }
    if (!keywords.empty()) out.metadata["keywords"] = keywords;
  }
};

}  // namespace

bool sniff_odt(std::string_view bytes) {
  const auto mimetype = read_small_zip_entry(bytes, "mimetype", 200);
  return mimetype && trim_xml_whitespace(*mimetype) == kOdtMimeType;
}

std::unique_ptr<Importer> make_odt_importer() {
  return std::make_unique<OdtImporter>();
}

}  // namespace casebook::importers

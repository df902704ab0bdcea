// Reading and writing the codebook file (docs/codebook.md, schemas/codebook.xsd).
//
// The reader walks the pugixml tree element by element, so every structural
// problem is reported with the line of the element it concerns (computed
// from offset_debug() on a copy of the text whose line ends are already
// normalised, so offsets and lines agree), then hands the model to
// codebook::validate for the rules that span elements.

#include "engine/codebook/xml.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::codebook {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr const char* kFormatHint = "see docs/codebook.md for the codebook file format";

using Names = std::initializer_list<std::string_view>;

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// Text elements are prose wrapped to fit an editor: a line break inside a
// paragraph is a space, a blank line separates paragraphs (as in Markdown).
// Without this, definitions shown in a terminal or exported to a paper
// would break mid-sentence wherever the author's editor wrapped.
std::string reflow(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c != '\n' && c != ' ' && c != '\t') {
      out += c;
      ++i;
      continue;
    }
    std::size_t newlines = 0, j = i;
    for (; j < s.size() && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t'); ++j) {
      if (s[j] == '\n') ++newlines;
    }
    if (newlines == 0) {
      out.append(s.substr(i, j - i));  // spaces within a line are kept as written
    } else {
      out += newlines == 1 ? " " : "\n\n";
    }
    i = j;
  }
  return out;
}

std::string join(Names names) {
  std::string out;
  for (std::string_view n : names) {
    out += (out.empty() ? "" : ", ") + std::string(n);
  }
  return out;
}

// CRLF and lone CR become LF, as XML itself requires; done before parsing so
// that pugixml never shifts text and its offsets map straight to lines.
std::string normalise_line_ends(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\r') {
      out += in[i];
    } else {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    }
  }
  return out;
}

// 1-based line of a byte offset.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  int line_of(std::size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }

 private:
  std::vector<std::size_t> starts_{0};
};

class Reader {
 public:
  Reader(std::string file, std::string text)
      : file_(std::move(file)), text_(std::move(text)), lines_(text_) {}

  Codebook read() {
    check_characters();
    parse();
    const pugi::xml_node root = root_element();
    Codebook book;
    read_root(root, book);
    return book;
  }

 private:
  [[noreturn]] void fail_at(int line, const std::string& message, const std::string& hint) const {
    throw_data(file_ + ": line " + std::to_string(line) + ": " + message, hint);
  }

  int line(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return offset >= 0 ? lines_.line_of(static_cast<std::size_t>(offset)) : 0;
  }

  [[noreturn]] void fail(pugi::xml_node node, const std::string& message,
                         const std::string& hint = kFormatHint) const {
    fail_at(line(node), "<" + std::string(node.name()) + ">: " + message, hint);
  }

  // Invalid UTF-8 and control characters would either be misread or make a
  // file that other XML tools refuse; catch them with their line.
  void check_characters() const {
    std::size_t bad = 0;
    if (!text::is_valid_utf8(text_, &bad)) {
      fail_at(lines_.line_of(bad), "the file is not valid UTF-8",
              "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')");
    }
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x20 && c != '\t' && c != '\n') {
        fail_at(lines_.line_of(i),
                "control character " + std::to_string(c) + " is not allowed in an XML file",
                "remove it (it is often left by copying from another program)");
      }
    }
  }

  void parse() {
    if (trim(text_).empty()) {
      throw_data(file_ + ": the file is empty", "write a codebook; " + std::string(kFormatHint));
    }
    const unsigned options = pugi::parse_default | pugi::parse_declaration;
    const pugi::xml_parse_result result =
        doc_.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
    if (result.status == pugi::status_no_document_element) {
      throw_data(file_ + ": no root element", "the file must hold one <codebook> element");
    }
    if (!result) {
      fail_at(lines_.line_of(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
              std::string("malformed XML: ") + result.description(),
              "fix the XML near that line: every start tag needs its end tag (or />), and a "
              "literal & or < in text must be written &amp; or &lt;");
    }
  }

  pugi::xml_node root_element() const {
    pugi::xml_node root;
    for (pugi::xml_node n : doc_.children()) {
      if (n.type() == pugi::node_declaration) check_declaration(n);
      if (n.type() != pugi::node_element) continue;
      if (root) fail(n, "a second root element", "the file must hold one <codebook> element");
      root = n;
    }
    if (std::string_view(root.name()) != "codebook") {
      fail(root, "the root element must be <codebook>",
           "start the file with <codebook xmlns=\"" + std::string(kCodebookNamespace) +
               "\" name=\"...\">");
    }
    const pugi::xml_attribute ns = root.attribute("xmlns");
    if (!ns) {
      fail(root, std::string("missing xmlns=\"") + kCodebookNamespace + "\"",
           "add the namespace to <codebook>, so casebook and schema tools know the format "
           "version");
    }
    if (std::string_view(ns.value()) != kCodebookNamespace) {
      fail(root,
           "namespace \"" + std::string(ns.value()) + "\" is not " + kCodebookNamespace +
               ", the codebook format this casebook reads",
           std::string("use xmlns=\"") + kCodebookNamespace + "\"");
    }
    return root;
  }

  void check_declaration(pugi::xml_node decl) const {
    const std::string encoding = text::ascii_lower(decl.attribute("encoding").value());
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") {
      fail_at(line(decl),
              "the XML declaration says encoding=\"" +
                  std::string(decl.attribute("encoding").value()) + "\"; codebook files are UTF-8",
              "save the file as UTF-8 and write encoding=\"UTF-8\"");
    }
  }

  // ---- attributes and text ----

  void check_attributes(pugi::xml_node node, Names allowed) const {
    std::set<std::string_view> seen;
    for (pugi::xml_attribute a : node.attributes()) {
      const std::string_view name = a.name();
      if (!seen.insert(name).second) fail(node, "attribute " + std::string(name) + " given twice");
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      if (allowed.size() == 0) {
        fail(node, "unknown attribute \"" + std::string(name) + "\"; <" + node.name() +
                       "> takes no attributes");
      }
      fail(node,
           "unknown attribute \"" + std::string(name) + "\"; <" + node.name() +
               "> allows: " + join(allowed),
           "check the spelling; " + std::string(kFormatHint));
    }
  }

  std::string optional_attribute(pugi::xml_node node, const char* name) const {
    return trim(node.attribute(name).value());
  }

  std::string required_attribute(pugi::xml_node node, const char* name,
                                 const std::string& example) const {
    const pugi::xml_attribute a = node.attribute(name);
    if (!a) {
      fail(node, std::string("missing attribute ") + name,
           "add it, e.g. <" + std::string(node.name()) + " " + example + ">");
    }
    std::string value = trim(a.value());
    if (value.empty()) {
      fail(node, std::string("attribute ") + name + " is empty",
           "give it a value, e.g. <" + std::string(node.name()) + " " + example + ">");
    }
    return value;
  }

  // An element that holds text only (comments allowed), trimmed and reflowed.
  std::string text(pugi::xml_node node) const {
    check_attributes(node, {});
    return text_with_attributes(node);
  }

  // Like text(), for elements that also take attributes (<value>, <evidence>).
  std::string text_with_attributes(pugi::xml_node node) const {
    std::string out;
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        out += child.value();
      } else if (child.type() == pugi::node_element) {
        fail(child, "is inside <" + std::string(node.name()) + ">, which holds text only",
             "write the text without markup, or escape < as &lt;");
      }
    }
    return reflow(trim(out));
  }

  // An element that is all attributes (<takes/>, <formerly/>, <member/>).
  void expect_empty(pugi::xml_node node) const {
    for (pugi::xml_node child : node.children()) {
      const bool blank_text =
          (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
          trim(child.value()).empty();
      if (child.type() == pugi::node_element || child.type() == pugi::node_pcdata ||
          child.type() == pugi::node_cdata) {
        if (blank_text) continue;
        fail(node, "must be empty: it holds only attributes",
             "write it as <" + std::string(node.name()) + " .../>");
      }
    }
  }

  // Calls `visit` for each child element of a structural element; text there
  // and elements not in `allowed` are errors naming what is allowed.
  template <class Visit>
  void each_child(pugi::xml_node node, Names allowed, Visit visit) const {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (trim(child.value()).empty()) continue;
        fail(node, "holds text \"" + trim(child.value()).substr(0, 40) + "\" outside any element",
             "put text inside an element such as <description>, or remove it");
      }
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        fail(child,
             "unknown element inside <" + std::string(node.name()) +
                 ">; it allows: " + join(allowed),
             "check the spelling and nesting; " + std::string(kFormatHint));
      }
      visit(child);
    }
  }

  // For elements that may appear at most once in their parent.
  void once(std::set<std::string>& seen, pugi::xml_node child) const {
    if (!seen.insert(child.name()).second) {
      fail(child, "appears twice", "merge the two into one <" + std::string(child.name()) + ">");
    }
  }

  // ---- the elements ----

  void read_root(pugi::xml_node root, Codebook& book) const {
    for (pugi::xml_attribute a : root.attributes()) {
      const std::string_view name = a.name();
      // Namespace declarations and a schema location let editors validate.
      if (name == "name" || name == "xmlns" || name.substr(0, 6) == "xmlns:" ||
          name == "xsi:schemaLocation") {
        continue;
      }
      fail(root, "unknown attribute \"" + std::string(name) +
                     "\"; <codebook> allows: name, xmlns, xmlns:PREFIX, xsi:schemaLocation");
    }
    book.name = optional_attribute(root, "name");
    std::set<std::string> seen;
    each_child(root, {"description", "dimensions", "codes", "propositions", "exclusive-groups"},
               [&](pugi::xml_node child) {
                 once(seen, child);
                 const std::string_view name = child.name();
                 if (name == "description") {
                   book.description = text(child);
                 } else if (name == "dimensions") {
                   read_dimensions(child, book);
                 } else if (name == "codes") {
                   check_attributes(child, {});
                   each_child(child, {"code"},
                              [&](pugi::xml_node code) { read_code(code, "", book); });
                 } else if (name == "propositions") {
                   check_attributes(child, {});
                   each_child(child, {"proposition"},
                              [&](pugi::xml_node p) { read_proposition(p, "", book); });
                 } else {
                   read_groups(child, book);
                 }
               });
  }

  void read_dimensions(pugi::xml_node node, Codebook& book) const {
    check_attributes(node, {});
    each_child(node, {"dimension"},
               [&](pugi::xml_node d) { book.dimensions.push_back(read_dimension(d)); });
  }

  Level read_level(pugi::xml_node node) const {
    const std::string level = required_attribute(node, "level", "level=\"ordinal\"");
    if (level == "nominal") return Level::Nominal;
    if (level == "ordinal") return Level::Ordinal;
    if (level == "interval") return Level::Interval;
    if (level == "ratio") return Level::Ratio;
    fail(node, "level \"" + level + "\" is not a level of measurement",
         "use nominal, ordinal, interval or ratio");
  }

  std::optional<double> read_bound(pugi::xml_node node, const char* name) const {
    if (!node.attribute(name)) return std::nullopt;
    const std::string raw = optional_attribute(node, name);
    const auto value = parse_number(raw);
    if (!value) {
      fail(node, std::string(name) + "=\"" + raw + "\" is not a number",
           std::string("write a number, e.g. ") + name + "=\"0\"");
    }
    return value;
  }

  Dimension read_dimension(pugi::xml_node node) const {
    check_attributes(node, {"name", "level", "min", "max"});
    Dimension d;
    d.source_line = line(node);
    d.name = required_attribute(node, "name", "name=\"strength\"");
    d.level = read_level(node);
    d.min = read_bound(node, "min");
    d.max = read_bound(node, "max");
    std::set<std::string> seen;
    each_child(node, {"description", "value"}, [&](pugi::xml_node child) {
      if (std::string_view(child.name()) == "description") {
        once(seen, child);
        d.description = text(child);
        return;
      }
      check_attributes(child, {"name"});
      DimensionValue v;
      v.value = required_attribute(child, "name", "name=\"strong\"");
      v.description = text_with_attributes(child);
      d.values.push_back(std::move(v));
    });
    return d;
  }

  Origin read_origin(pugi::xml_node node) const {
    if (!node.attribute("origin")) return Origin::Deductive;
    const std::string origin = optional_attribute(node, "origin");
    if (origin == "deductive") return Origin::Deductive;
    if (origin == "inductive") return Origin::Inductive;
    fail(node, "origin \"" + origin + "\" is neither deductive nor inductive",
         "use origin=\"deductive\" (the default) or origin=\"inductive\"");
  }

  bool read_boolean(pugi::xml_node node, const char* name) const {
    if (!node.attribute(name)) return false;
    const std::string value = optional_attribute(node, name);
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    fail(node, std::string(name) + "=\"" + value + "\" is not true or false",
         std::string("write ") + name + "=\"true\" or " + name + "=\"false\"");
  }

  // Reads one code and, after it, the codes nested in it, so parents always
  // come before their children and siblings keep their order.
  void read_code(pugi::xml_node node, const std::string& parent, Codebook& book) const {
    check_attributes(node, {"id", "name", "colour", "origin"});
    Code c;
    c.source_line = line(node);
    c.key = required_attribute(node, "id", "id=\"expost.housing\"");
    c.parent = parent;
    c.name = required_attribute(node, "name", "name=\"Links with housing\"");
    c.colour = optional_attribute(node, "colour");
    c.origin = read_origin(node);
    std::set<std::string> seen;
    std::vector<pugi::xml_node> children;
    each_child(node,
               {"definition", "inclusion", "exclusion", "typical", "atypical", "memo", "query",
                "takes", "formerly", "code"},
               [&](pugi::xml_node child) { read_code_part(child, c, seen, children); });
    const std::string key = c.key;
    book.codes.push_back(std::move(c));
    for (pugi::xml_node child : children) read_code(child, key, book);
  }

  void read_code_part(pugi::xml_node child, Code& c, std::set<std::string>& seen,
                      std::vector<pugi::xml_node>& children) const {
    const std::string_view name = child.name();
    if (name == "code") {
      children.push_back(child);
    } else if (name == "typical") {
      c.typical_examples.push_back(text(child));
    } else if (name == "atypical") {
      c.atypical_examples.push_back(text(child));
    } else if (name == "query") {
      c.queries.push_back(text(child));
    } else if (name == "takes") {
      check_attributes(child, {"dimension", "required"});
      CodeDimension cd;
      cd.dimension = required_attribute(child, "dimension", "dimension=\"strength\"");
      cd.required = read_boolean(child, "required");
      expect_empty(child);
      c.dimensions.push_back(std::move(cd));
    } else if (name == "formerly") {
      check_attributes(child, {"id"});
      c.formerly.push_back(required_attribute(child, "id", "id=\"old.key\""));
      expect_empty(child);
    } else {
      once(seen, child);
      std::string* field = name == "definition"  ? &c.definition
                           : name == "inclusion" ? &c.inclusion
                           : name == "exclusion" ? &c.exclusion
                                                 : &c.memo;
      *field = text(child);
    }
  }

  void read_proposition(pugi::xml_node node, const std::string& parent, Codebook& book) const {
    check_attributes(node, {"id"});
    Proposition p;
    p.source_line = line(node);
    p.key = required_attribute(node, "id", "id=\"P3a\"");
    p.parent = parent;
    std::set<std::string> seen;
    std::vector<pugi::xml_node> children;
    each_child(node, {"text", "evidence", "proposition"}, [&](pugi::xml_node child) {
      const std::string_view name = child.name();
      if (name == "text") {
        once(seen, child);
        p.text = text(child);
      } else if (name == "evidence") {
        p.links.push_back(read_evidence(child));
      } else {
        children.push_back(child);
      }
    });
    if (seen.count("text") == 0) {
      fail(node, "missing <text>", "say what the proposition claims in <text>...</text>");
    }
    const std::string key = p.key;
    book.propositions.push_back(std::move(p));
    for (pugi::xml_node child : children) read_proposition(child, key, book);
  }

  PropositionLink read_evidence(pugi::xml_node node) const {
    check_attributes(node, {"code", "dimension", "value", "bearing"});
    PropositionLink l;
    l.source_line = line(node);
    l.code = required_attribute(node, "code", "code=\"expost\"");
    l.dimension = optional_attribute(node, "dimension");
    l.value = optional_attribute(node, "value");
    if (node.attribute("bearing")) {
      const std::string bearing = optional_attribute(node, "bearing");
      if (bearing == "supports") {
        l.bearing = Bearing::Supports;
      } else if (bearing == "counters") {
        l.bearing = Bearing::Counters;
      } else {
        fail(node, "bearing \"" + bearing + "\" is neither supports nor counters",
             "use bearing=\"supports\" (the default) or bearing=\"counters\"");
      }
    }
    l.note = text_with_attributes(node);
    return l;
  }

  void read_groups(pugi::xml_node node, Codebook& book) const {
    check_attributes(node, {});
    each_child(node, {"group"}, [&](pugi::xml_node g) {
      check_attributes(g, {"name"});
      ExclusiveGroup group;
      group.source_line = line(g);
      group.name = required_attribute(g, "name", "name=\"stance\"");
      each_child(g, {"member"}, [&](pugi::xml_node m) {
        check_attributes(m, {"code"});
        group.codes.push_back(required_attribute(m, "code", "code=\"expost.veto\""));
        expect_empty(m);
      });
      book.exclusive_groups.push_back(std::move(group));
    });
  }

  std::string file_;
  std::string text_;
  LineIndex lines_;
  pugi::xml_document doc_;
};

// ---- writing ----

void add_text(pugi::xml_node parent, const char* name, const std::string& value) {
  if (value.empty()) return;
  parent.append_child(name).text().set(value.c_str());
}

void add_attribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}

// Indices of children per parent key (folded), in model order; "" = top level.
template <class T>
std::map<std::string, std::vector<std::size_t>> children_by_parent(const std::vector<T>& items) {
  std::map<std::string, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out[text::ascii_lower(items[i].parent)].push_back(i);
  return out;
}

class Writer {
 public:
  explicit Writer(const Codebook& book)
      : book_(book),
        code_children_(children_by_parent(book.codes)),
        proposition_children_(children_by_parent(book.propositions)) {}

  std::string write() {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    add_attribute(decl, "version", "1.0");
    add_attribute(decl, "encoding", "UTF-8");
    pugi::xml_node root = doc.append_child("codebook");
    add_attribute(root, "xmlns", kCodebookNamespace);
    if (!book_.name.empty()) add_attribute(root, "name", book_.name);
    add_text(root, "description", book_.description);
    if (!book_.dimensions.empty()) {
      pugi::xml_node dims = root.append_child("dimensions");
      for (const Dimension& d : book_.dimensions) write_dimension(dims, d);
    }
    if (!book_.codes.empty()) {
      pugi::xml_node codes = root.append_child("codes");
      for (std::size_t i : code_children_[""]) write_code(codes, i);
      check_all_written("code", written_codes_, book_.codes.size());
    }
    if (!book_.propositions.empty()) {
      pugi::xml_node props = root.append_child("propositions");
      for (std::size_t i : proposition_children_[""]) write_proposition(props, i);
      check_all_written("proposition", written_propositions_, book_.propositions.size());
    }
    if (!book_.exclusive_groups.empty()) {
      pugi::xml_node groups = root.append_child("exclusive-groups");
      for (const ExclusiveGroup& g : book_.exclusive_groups) write_group(groups, g);
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
  }

 private:
  // A code whose parent is missing (or a parent cycle) is never reached from
  // the top; writing the rest would silently drop it.
  static void check_all_written(const char* what, std::size_t written, std::size_t total) {
    if (written != total) {
      throw_internal(std::string("cannot write the codebook: ") + std::to_string(total - written) +
                         " " + what + "(s) have a parent that is not in it",
                     "run `casebook check`; this is a bug or a damaged store");
    }
  }

  void write_dimension(pugi::xml_node parent, const Dimension& d) {
    pugi::xml_node node = parent.append_child("dimension");
    add_attribute(node, "name", d.name);
    add_attribute(node, "level", to_string(d.level));
    if (d.min) add_attribute(node, "min", format_number(*d.min));
    if (d.max) add_attribute(node, "max", format_number(*d.max));
    add_text(node, "description", d.description);
    for (const DimensionValue& v : d.values) {
      pugi::xml_node value = node.append_child("value");
      add_attribute(value, "name", v.value);
      if (!v.description.empty()) value.text().set(v.description.c_str());
    }
  }

  void write_code(pugi::xml_node parent, std::size_t index) {
    const Code& c = book_.codes[index];
    ++written_codes_;
    pugi::xml_node node = parent.append_child("code");
    add_attribute(node, "id", c.key);
    add_attribute(node, "name", c.name);
    if (!c.colour.empty()) add_attribute(node, "colour", c.colour);
    if (c.origin != Origin::Deductive) add_attribute(node, "origin", to_string(c.origin));
    add_text(node, "definition", c.definition);
    add_text(node, "inclusion", c.inclusion);
    add_text(node, "exclusion", c.exclusion);
    for (const std::string& e : c.typical_examples) add_text(node, "typical", e);
    for (const std::string& e : c.atypical_examples) add_text(node, "atypical", e);
    add_text(node, "memo", c.memo);
    for (const std::string& q : c.queries) add_text(node, "query", q);
    for (const CodeDimension& cd : c.dimensions) {
      pugi::xml_node takes = node.append_child("takes");
      add_attribute(takes, "dimension", cd.dimension);
      if (cd.required) add_attribute(takes, "required", "true");
    }
    for (const std::string& old : c.formerly) {
      add_attribute(node.append_child("formerly"), "id", old);
    }
    // Children of a parent that appears twice (an invalid model) are written once.
    auto it = code_children_.find(text::ascii_lower(c.key));
    if (it == code_children_.end()) return;
    const std::vector<std::size_t> children = std::move(it->second);
    code_children_.erase(it);
    for (std::size_t child : children) write_code(node, child);
  }

  void write_proposition(pugi::xml_node parent, std::size_t index) {
    const Proposition& p = book_.propositions[index];
    ++written_propositions_;
    pugi::xml_node node = parent.append_child("proposition");
    add_attribute(node, "id", p.key);
    node.append_child("text").text().set(p.text.c_str());
    for (const PropositionLink& l : p.links) {
      pugi::xml_node e = node.append_child("evidence");
      add_attribute(e, "code", l.code);
      if (!l.dimension.empty()) add_attribute(e, "dimension", l.dimension);
      if (!l.value.empty()) add_attribute(e, "value", l.value);
      if (l.bearing != Bearing::Supports) add_attribute(e, "bearing", to_string(l.bearing));
      if (!l.note.empty()) e.text().set(l.note.c_str());
    }
    auto it = proposition_children_.find(text::ascii_lower(p.key));
    if (it == proposition_children_.end()) return;
    const std::vector<std::size_t> children = std::move(it->second);
    proposition_children_.erase(it);
    for (std::size_t child : children) write_proposition(node, child);
  }

  static void write_group(pugi::xml_node parent, const ExclusiveGroup& g) {
    pugi::xml_node node = parent.append_child("group");
    add_attribute(node, "name", g.name);
    for (const std::string& key : g.codes) {
      add_attribute(node.append_child("member"), "code", key);
    }
  }

  const Codebook& book_;
  std::map<std::string, std::vector<std::size_t>> code_children_;
  std::map<std::string, std::vector<std::size_t>> proposition_children_;
  std::size_t written_codes_ = 0;
  std::size_t written_propositions_ = 0;
};

}  // namespace

Codebook read_codebook_xml(std::string_view document, const std::string& file_name_for_errors) {
  if (document.substr(0, kUtf8Bom.size()) == kUtf8Bom) document.remove_prefix(kUtf8Bom.size());
  if (document.substr(0, 2) == "\xFF\xFE" || document.substr(0, 2) == "\xFE\xFF") {
    throw_data(file_name_for_errors + ": the file is UTF-16; codebook files are UTF-8",
               "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')");
  }
  Reader reader(file_name_for_errors, normalise_line_ends(document));
  Codebook book = reader.read();
  try {
    validate(book);
  } catch (const Error& e) {
    // validate() knows lines but not the file; every message names the file.
    throw Error(e.kind(), file_name_for_errors + ": " + e.what(), e.hint());
  }
  return book;
}

Codebook read_codebook_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const std::string name = path.string();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      throw_io(name + ": cannot read: " + ec.message(), "check the path and its permissions");
    }
    throw_not_found(name + ": no such codebook file", "check the path");
  }
  if (!fs::is_regular_file(status)) {
    throw_data(name + ": not a regular file", "pass the codebook's .xml file");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw_io(name + ": cannot read its size: " + ec.message());
  if (size > kMaxCodebookFileBytes) {
    throw_data(name + ": the file is " + std::to_string(size >> 20) +
                   " MiB, more than a codebook's limit of " +
                   std::to_string(kMaxCodebookFileBytes >> 20) + " MiB",
               "is this the right file? A codebook is usually well under 1 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_io(name + ": cannot open: " + std::strerror(errno), "check its permissions");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    throw_io(name + ": read fewer bytes than its size (did it change while reading?)", "try again");
  }
  return read_codebook_xml(bytes, name);
}

std::string write_codebook_xml(const Codebook& codebook) {
  return Writer(codebook).write();
}

}  // namespace casebook::codebook

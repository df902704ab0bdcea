#include "engine/refi/reader.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>

#include "engine/core/error.hpp"
#include "importers/formats.hpp"
#include "importers/zip_archive.hpp"

namespace casebook::refi {
namespace fs = std::filesystem;
namespace {

constexpr const char* kResaveHint =
    "export the project again from the program that made it (File > Export > REFI-QDA), or "
    "check that the file was copied completely";

// Element names without a namespace prefix: producers write both
// <Project xmlns="..."> and <qda:Project xmlns:qda="...">.
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool named(const pugi::xml_node& node, std::string_view name) {
  return node.type() == pugi::node_element && local_name(node) == name;
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node c : parent.children()) {
    if (named(c, name)) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : parent.children()) {
    if (named(c, name)) out.push_back(c);
  }
  return out;
}

// Attribute values ignore a namespace prefix too, and case of the first
// letter (some writers emit "GUID" or "Guid").
std::string attr(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n = a.name();
    const auto colon = n.find(':');
    if (colon != std::string_view::npos) n = n.substr(colon + 1);
    if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char x, char y) {
          return std::tolower(static_cast<unsigned char>(x)) ==
                 std::tolower(static_cast<unsigned char>(y));
        })) {
      return a.value();
    }
  }
  return {};
}

// GUIDs compare case-insensitively (ATLAS.ti writes upper case, others lower).
std::string norm_guid(std::string guid) {
  for (char& c : guid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return guid;
}

std::string text_of(const pugi::xml_node& node) {
  return node ? node.text().as_string() : "";
}

// Counts elements as they are read, so a hostile file with millions of them
// is refused before it exhausts memory.
class Budget {
 public:
  Budget(const std::string& file, std::size_t max) : file_(file), left_(max) {}
  void take() {
    if (left_-- == 0) {
      throw_data(file_ + ": too many elements for one project",
                 "split the project, or export fewer sources at a time");
    }
  }

 private:
  const std::string& file_;
  std::size_t left_;
};

std::vector<std::string> refs(const pugi::xml_node& parent, std::string_view name) {
  std::vector<std::string> out;
  for (const pugi::xml_node& r : children(parent, name)) {
    std::string guid = attr(r, "targetGUID");
    if (guid.empty()) guid = attr(r, "guid");  // Codebook.xsd spells MemberCode@guid
    if (!guid.empty()) out.push_back(norm_guid(guid));
  }
  return out;
}

void read_code(const pugi::xml_node& node, Code& code, std::size_t depth, const ReadLimits& limits,
               Budget& budget, const std::string& file) {
  if (depth > limits.max_code_depth) {
    throw_data(
        file + ": codes nested deeper than " + std::to_string(limits.max_code_depth) + " levels",
        kResaveHint);
  }
  budget.take();
  code.guid = norm_guid(attr(node, "guid"));
  code.name = attr(node, "name");
  code.color = attr(node, "color");
  const std::string codable = attr(node, "isCodable");
  code.codable = codable != "false" && codable != "0";
  code.description = text_of(child(node, "Description"));
  code.note_refs = refs(node, "NoteRef");
  for (const pugi::xml_node& c : children(node, "Code")) {
    Code sub;
    read_code(c, sub, depth + 1, limits, budget, file);
    code.children.push_back(std::move(sub));
  }
}

std::vector<Code> read_codes(const pugi::xml_node& codebook, const ReadLimits& limits,
                             Budget& budget, const std::string& file) {
  std::vector<Code> out;
  for (const pugi::xml_node& c : children(child(codebook, "Codes"), "Code")) {
    Code code;
    read_code(c, code, 1, limits, budget, file);
    out.push_back(std::move(code));
  }
  return out;
}

std::optional<VariableType> variable_type(std::string_view name) {
  static const std::map<std::string_view, VariableType> kTypes = {
      {"Text", VariableType::Text},       {"Boolean", VariableType::Boolean},
      {"Integer", VariableType::Integer}, {"Float", VariableType::Float},
      {"Date", VariableType::Date},       {"DateTime", VariableType::DateTime}};
  auto it = kTypes.find(name);
  if (it == kTypes.end()) return std::nullopt;
  return it->second;
}

// <VariableValue><VariableRef targetGUID/><TextValue>..</TextValue></VariableValue>
std::vector<VariableValue> read_values(const pugi::xml_node& parent) {
  std::vector<VariableValue> out;
  for (const pugi::xml_node& v : children(parent, "VariableValue")) {
    VariableValue value;
    value.variable_guid = norm_guid(attr(child(v, "VariableRef"), "targetGUID"));
    for (pugi::xml_node c : v.children()) {
      std::string_view n = local_name(c);
      if (c.type() != pugi::node_element || n == "VariableRef") continue;
      if (n.size() > 5 && n.substr(n.size() - 5) == "Value") {
        value.type = variable_type(n.substr(0, n.size() - 5)).value_or(VariableType::Text);
        value.value = c.text().as_string();
      }
    }
    if (!value.variable_guid.empty()) out.push_back(std::move(value));
  }
  return out;
}

void read_users(const pugi::xml_node& root, Project& project, Budget& budget) {
  for (const pugi::xml_node& u : children(child(root, "Users"), "User")) {
    budget.take();
    project.users.push_back({norm_guid(attr(u, "guid")), attr(u, "name")});
  }
}

void read_variables(const pugi::xml_node& root, Project& project, Budget& budget,
                    std::vector<std::string>& skipped) {
  for (const pugi::xml_node& v : children(child(root, "Variables"), "Variable")) {
    budget.take();
    Variable variable;
    variable.guid = norm_guid(attr(v, "guid"));
    variable.name = attr(v, "name");
    const std::string type = attr(v, "typeOfVariable");
    auto parsed = variable_type(type);
    if (!parsed) {
      skipped.push_back("variable '" + variable.name + "': unknown type '" + type +
                        "', read as text");
    }
    variable.type = parsed.value_or(VariableType::Text);
    variable.description = text_of(child(v, "Description"));
    project.variables.push_back(std::move(variable));
  }
}

void read_cases(const pugi::xml_node& root, ReadProject& out, Budget& budget) {
  for (const pugi::xml_node& c : children(child(root, "Cases"), "Case")) {
    budget.take();
    ReadCase item;
    item.item.guid = norm_guid(attr(c, "guid"));
    item.item.name = attr(c, "name");
    item.item.description = text_of(child(c, "Description"));
    item.item.values = read_values(c);
    item.item.source_refs = refs(c, "SourceRef");
    item.code_refs = refs(c, "CodeRef");
    out.cases.push_back(std::move(item));
  }
}

Selection read_selection(const pugi::xml_node& s, Budget& budget) {
  budget.take();
  Selection sel;
  sel.guid = norm_guid(attr(s, "guid"));
  sel.name = attr(s, "name");
  sel.description = text_of(child(s, "Description"));
  sel.start = std::atoll(attr(s, "startPosition").c_str());
  sel.end = std::atoll(attr(s, "endPosition").c_str());
  sel.creating_user = norm_guid(attr(s, "creatingUser"));
  sel.creation_time = attr(s, "creationDateTime");
  for (const pugi::xml_node& c : children(s, "Coding")) {
    budget.take();
    Coding coding;
    coding.guid = norm_guid(attr(c, "guid"));
    coding.code_guid = norm_guid(attr(child(c, "CodeRef"), "targetGUID"));
    coding.creating_user = norm_guid(attr(c, "creatingUser"));
    coding.creation_time = attr(c, "creationDateTime");
    coding.note_refs = refs(c, "NoteRef");
    sel.codings.push_back(std::move(coding));
  }
  // A NoteRef on the selection itself is a memo on its codings.
  for (const std::string& note : refs(s, "NoteRef")) {
    if (!sel.codings.empty()) sel.codings.front().note_refs.push_back(note);
  }
  return sel;
}

void read_sources(const pugi::xml_node& root, ReadProject& out, Budget& budget) {
  for (pugi::xml_node s : child(root, "Sources").children()) {
    if (s.type() != pugi::node_element) continue;
    budget.take();
    ReadSource source;
    source.element = std::string(local_name(s));
    source.source.guid = norm_guid(attr(s, "guid"));
    source.source.name = attr(s, "name");
    source.source.description = text_of(child(s, "Description"));
    source.source.creating_user = norm_guid(attr(s, "creatingUser"));
    source.source.creation_time = attr(s, "creationDateTime");
    source.source.note_refs = refs(s, "NoteRef");
    source.plain_text_path = attr(s, "plainTextPath");
    source.rich_text_path = attr(s, "richTextPath");
    source.values = read_values(s);
    if (pugi::xml_node inline_text = child(s, "PlainTextContent")) {
      source.source.text = inline_text.text().as_string();
    }
    const std::size_t other = std::count_if(s.children().begin(), s.children().end(), [](auto& c) {
      return c.type() == pugi::node_element && local_name(c) != "PlainTextSelection" &&
             local_name(c) != "Description" && local_name(c) != "NoteRef" &&
             local_name(c) != "VariableValue" && local_name(c) != "PlainTextContent" &&
             local_name(c) != "Representation";
    });
    for (const pugi::xml_node& sel : children(s, "PlainTextSelection")) {
      source.source.selections.push_back(read_selection(sel, budget));
    }
    if (other > 0) {
      out.skipped.push_back("source '" + source.source.name + "': " + std::to_string(other) +
                            " selection(s) of a kind other than plain text (not carried)");
    }
    out.sources.push_back(std::move(source));
  }
}

void read_notes(const pugi::xml_node& root, Project& project, Budget& budget) {
  for (const pugi::xml_node& n : children(child(root, "Notes"), "Note")) {
    budget.take();
    Note note;
    note.guid = norm_guid(attr(n, "guid"));
    note.name = attr(n, "name");
    note.text = text_of(child(n, "PlainTextContent"));
    note.creating_user = norm_guid(attr(n, "creatingUser"));
    note.creation_time = attr(n, "creationDateTime");
    project.notes.push_back(std::move(note));
  }
}

void read_sets(const pugi::xml_node& parent, Project& project, Budget& budget) {
  for (const pugi::xml_node& s : children(child(parent, "Sets"), "Set")) {
    budget.take();
    Set set;
    set.guid = norm_guid(attr(s, "guid"));
    set.name = attr(s, "name");
    set.description = text_of(child(s, "Description"));
    set.member_codes = refs(s, "MemberCode");
    set.member_sources = refs(s, "MemberSource");
    set.member_notes = refs(s, "MemberNote");
    project.sets.push_back(std::move(set));
  }
}

// The namespace of the root: urn:QDA-XML:KIND:VERSION in any version, or none.
void check_namespace(const pugi::xml_node& root, const std::string& kind, const std::string& file) {
  std::string ns;
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view n = a.name();
    if (n == "xmlns") ns = a.value();
    const std::string_view name = root.name();
    const auto colon = name.find(':');
    if (colon != std::string_view::npos && n == "xmlns:" + std::string(name.substr(0, colon))) {
      ns = a.value();
    }
  }
  if (ns.empty()) return;
  const std::string prefix = "urn:QDA-XML:";
  if (ns.rfind(prefix, 0) == 0) {
    const std::string rest = ns.substr(prefix.size());
    if (rest.rfind("project:", 0) == 0 || rest.rfind("codebook:", 0) == 0) return;
  }
  throw_data(file + ": the " + kind + " is in the namespace '" + ns +
                 "', not a REFI-QDA one (urn:QDA-XML:project:1.0 or urn:QDA-XML:codebook:1.0)",
             "check that this is a REFI-QDA export; casebook reads QDA-XML projects and codebooks");
}

pugi::xml_document parse(std::string_view xml, const std::string& file, const ReadLimits& limits) {
  if (xml.size() > limits.max_xml_bytes) {
    throw_data(file + ": larger than " + std::to_string(limits.max_xml_bytes >> 20) + " MB of XML",
               "export fewer sources at a time");
  }
  pugi::xml_document doc;
  // No DOCTYPE handling: pugixml never fetches or expands external entities.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    throw_data(file + ": not well-formed XML at byte " + std::to_string(parsed.offset) + ": " +
                   parsed.description(),
               kResaveHint);
  }
  return doc;
}

void read_project_parts(const pugi::xml_node& root, ReadProject& out, const ReadLimits& limits) {
  Budget budget(out.file, limits.max_elements);
  Project& p = out.project;
  p.name = attr(root, "name");
  p.origin = attr(root, "origin");
  p.creating_user = norm_guid(attr(root, "creatingUserGUID"));
  p.creation_time = attr(root, "creationDateTime");
  p.description = text_of(child(root, "Description"));
  p.note_refs = refs(root, "NoteRef");
  read_users(root, p, budget);
  p.codes = read_codes(child(root, "CodeBook"), limits, budget, out.file);
  read_variables(root, p, budget, out.skipped);
  read_cases(root, out, budget);
  read_sources(root, out, budget);
  read_notes(root, p, budget);
  read_sets(root, p, budget);
  for (const char* unsupported : {"Links", "Graphs"}) {
    if (child(root, unsupported) && child(root, unsupported).first_child()) {
      out.skipped.push_back(std::string(unsupported) +
                            ": casebook has no equivalent (not carried)");
    }
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The package entry holding a source's text. REFI says internal://NAME is
// sources/NAME; producers write "Sources/", leave out "internal://", or
// give a bare file name.
std::optional<std::string> find_entry(const importers::ZipArchive& zip, std::string path) {
  const std::string scheme = "internal://";
  if (path.rfind(scheme, 0) == 0) path = path.substr(scheme.size());
  if (path.rfind("absolute://", 0) == 0 || path.rfind("relative://", 0) == 0) return std::nullopt;
  while (!path.empty() && (path.front() == '/' || path.front() == '\\')) path.erase(0, 1);
  if (path.empty()) return std::nullopt;
  const std::string want = lower(path);
  std::optional<std::string> by_name;
  for (const std::string& name : zip.names()) {
    const std::string l = lower(name);
    if (l == "sources/" + want || l == want) return name;
    if (!by_name && ends_with(l, "/" + want)) by_name = name;
  }
  return by_name;
}

std::string read_source_entry(importers::ZipArchive& zip, const std::string& entry,
                              const ReadProject& out, const ReadLimits& limits) {
  std::string bytes = zip.read(entry);
  if (bytes.size() > limits.max_source_bytes) {
    throw_data(out.file + ": " + entry + " is larger than " +
                   std::to_string(limits.max_source_bytes >> 20) + " MB",
               "split the source in the program that made the file and export again");
  }
  return bytes;
}

// A source whose only rendering is rich text (a DOCX): its text as
// casebook's DOCX reader sees it, body paragraphs one per line, the way
// producers render rich text to plain text. Selections are then checked
// against it like any other text. Empty when the rendering is not a DOCX.
std::string text_of_rich_rendering(const std::string& entry, std::string bytes) {
  if (!importers::sniff_docx(bytes)) return {};
  importers::InputFile file;
  file.path = entry;
  file.bytes = std::move(bytes);
  file.transcript = false;  // keep the producer's text, not rebuilt turns
  std::string text = importers::make_docx_importer()->import(file).text;
  // casebook separates paragraphs by a blank line; producers' plain-text
  // renderings put one paragraph per line.
  std::string lines;
  lines.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    lines += text[i];
  }
  return lines;
}

void load_source_texts(importers::ZipArchive& zip, ReadProject& out, const ReadLimits& limits) {
  for (ReadSource& s : out.sources) {
    if (s.element != "TextSource") continue;
    const bool rich_only = s.plain_text_path.empty() && !s.rich_text_path.empty();
    const std::string& path = rich_only ? s.rich_text_path : s.plain_text_path;
    if (path.empty()) continue;  // inline text or none: to_project reports it
    auto entry = find_entry(zip, path);
    if (!entry) {
      out.skipped.push_back("source '" + s.source.name + "': its text " + path +
                            " is not in the package (source not imported)");
      continue;
    }
    std::string bytes = read_source_entry(zip, *entry, out, limits);
    s.entry = *entry;
    if (!rich_only) {
      s.raw_text = std::move(bytes);
      continue;
    }
    s.raw_text = text_of_rich_rendering(*entry, std::move(bytes));
    s.text_from_rich_text = !s.raw_text.empty();
  }
}

// The one .qde of a package: "project.qde" by the standard, any name in practice.
std::string find_qde(const importers::ZipArchive& zip, const std::string& file) {
  std::vector<std::string> found;
  for (const std::string& name : zip.names()) {
    if (ends_with(lower(name), ".qde")) found.push_back(name);
  }
  if (found.size() == 1) return found.front();
  for (const std::string& name : found) {
    if (lower(name) == "project.qde") return name;
  }
  if (found.empty()) {
    throw_data(file + ": no project.qde inside: not a REFI-QDA project package", kResaveHint);
  }
  throw_data(file + ": " + std::to_string(found.size()) +
                 " .qde files inside and none is project.qde: cannot tell which is the project",
             "export the project again so that the package holds one project");
}

}  // namespace

ReadProject read_qde(std::string_view xml, const std::string& file, const ReadLimits& limits) {
  pugi::xml_document doc = parse(xml, file, limits);
  pugi::xml_node root = doc.document_element();
  if (!named(root, "Project")) {
    throw_data(
        file + ": the root element is <" + std::string(root.name()) + ">, not a REFI-QDA <Project>",
        "a .qdc file is a codebook: import it with 'casebook codebook import'");
  }
  check_namespace(root, "project", file);
  ReadProject out;
  out.file = file;
  read_project_parts(root, out, limits);
  return out;
}

ReadProject read_qdc(std::string_view xml, const std::string& file, const ReadLimits& limits) {
  pugi::xml_document doc = parse(xml, file, limits);
  pugi::xml_node root = doc.document_element();
  ReadProject out;
  out.file = file;
  Budget budget(file, limits.max_elements);
  if (named(root, "Project")) {  // a whole project given as a codebook: take its codes
    check_namespace(root, "project", file);
    out.project.codes = read_codes(child(root, "CodeBook"), limits, budget, file);
    read_sets(root, out.project, budget);
    return out;
  }
  if (!named(root, "CodeBook")) {
    throw_data(file + ": the root element is <" + std::string(root.name()) +
                   ">, not a REFI-QDA <CodeBook>",
               "export the codebook again as a REFI-QDA codebook (.qdc)");
  }
  check_namespace(root, "codebook", file);
  out.project.codes = read_codes(root, limits, budget, file);
  read_sets(root, out.project, budget);
  return out;
}

ReadProject read_qdpx(const fs::path& path, std::string_view bytes, const ReadLimits& limits) {
  importers::ZipArchive zip(path, bytes);
  const std::string qde = find_qde(zip, path.string());
  const std::string xml = zip.read(qde);
  ReadProject out = read_qde(xml, path.string() + ": " + qde, limits);
  out.file = path.string();
  load_source_texts(zip, out, limits);
  return out;
}

bool is_refi_path(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  return ext == ".qdpx" || ext == ".qdc" || ext == ".qde";
}

bool is_refi_project_path(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  return ext == ".qdpx" || ext == ".qde";
}

ReadProject read_refi_file(const fs::path& path, const ReadLimits& limits) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) throw_usage(path.string() + ": cannot read: " + ec.message(), "check the path");
  if (size > limits.max_xml_bytes + (1u << 30)) {
    throw_data(path.string() + ": too large for a REFI-QDA file", "export fewer sources at a time");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) throw_io(path.string() + ": cannot read", "check the file's permissions");
  const std::string ext = lower(path.extension().string());
  if (ext == ".qdpx" || importers::has_zip_signature(bytes)) {
    return read_qdpx(path, bytes, limits);
  }
  if (ext == ".qdc") return read_qdc(bytes, path.string(), limits);
  return read_qde(bytes, path.string(), limits);
}

}  // namespace casebook::refi

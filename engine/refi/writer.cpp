#include "engine/refi/writer.hpp"

#include <zip.h>

#include <ctime>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <vector>

#include "engine/core/error.hpp"

namespace casebook::refi {

const char* to_string(VariableType type) {
  switch (type) {
    case VariableType::Text:
      return "Text";
    case VariableType::Boolean:
      return "Boolean";
    case VariableType::Integer:
      return "Integer";
    case VariableType::Float:
      return "Float";
    case VariableType::Date:
      return "Date";
    case VariableType::DateTime:
      return "DateTime";
  }
  return "Text";
}

namespace {

void count_codes(const std::vector<Code>& codes, std::size_t& n) {
  for (const Code& code : codes) {
    ++n;
    count_codes(code.children, n);
  }
}

}  // namespace

Counts count(const Project& project) {
  Counts c;
  c.users = project.users.size();
  count_codes(project.codes, c.codes);
  c.sources = project.sources.size();
  for (const TextSource& source : project.sources) {
    c.selections += source.selections.size();
    for (const Selection& selection : source.selections) c.codings += selection.codings.size();
  }
  c.cases = project.cases.size();
  c.variables = project.variables.size();
  c.notes = project.notes.size();
  c.sets = project.sets.size();
  return c;
}

namespace {

// ---- XML ----

// XML 1.0 cannot hold most C0 control characters, even escaped; text from
// imported documents occasionally has them (form feeds from PDFs). They
// become U+FFFD so the file stays well-formed; source texts are files of
// their own and are written unchanged.
std::string xml_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

void set_attribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

// Optional attributes are left out when empty, as the schema allows.
void set_optional(pugi::xml_node node, const char* name, const std::string& value) {
  if (!value.empty()) set_attribute(node, name, value);
}

pugi::xml_node add_text_element(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node element = parent.append_child(name);
  element.append_child(pugi::node_pcdata).set_value(xml_safe(text).c_str());
  return element;
}

void add_description(pugi::xml_node parent, const std::string& description) {
  if (!description.empty()) add_text_element(parent, "Description", description);
}

void add_refs(pugi::xml_node parent, const char* name, const std::vector<std::string>& guids) {
  for (const std::string& guid : guids) {
    set_attribute(parent.append_child(name), "targetGUID", guid);
  }
}

void add_users(pugi::xml_node root, const std::vector<User>& users) {
  if (users.empty()) return;
  pugi::xml_node list = root.append_child("Users");
  for (const User& user : users) {
    pugi::xml_node node = list.append_child("User");
    set_attribute(node, "guid", user.guid);
    set_attribute(node, "name", user.name);
  }
}

// Code elements: <Description>, <NoteRef>* (project only), <Code>*.
void add_code(pugi::xml_node parent, const Code& code, bool with_notes) {
  pugi::xml_node node = parent.append_child("Code");
  set_attribute(node, "guid", code.guid);
  set_attribute(node, "name", code.name);
  set_attribute(node, "isCodable", code.codable ? "true" : "false");
  set_optional(node, "color", code.color);
  add_description(node, code.description);
  if (with_notes) add_refs(node, "NoteRef", code.note_refs);
  for (const Code& child : code.children) add_code(node, child, with_notes);
}

void add_codes(pugi::xml_node parent, const std::vector<Code>& codes, bool with_notes) {
  pugi::xml_node list = parent.append_child("Codes");
  for (const Code& code : codes) add_code(list, code, with_notes);
}

void add_variables(pugi::xml_node root, const std::vector<Variable>& variables) {
  if (variables.empty()) return;
  pugi::xml_node list = root.append_child("Variables");
  for (const Variable& variable : variables) {
    pugi::xml_node node = list.append_child("Variable");
    set_attribute(node, "guid", variable.guid);
    set_attribute(node, "name", variable.name);
    set_attribute(node, "typeOfVariable", to_string(variable.type));
    add_description(node, variable.description);
  }
}

const char* value_element(VariableType type) {
  switch (type) {
    case VariableType::Text:
      return "TextValue";
    case VariableType::Boolean:
      return "BooleanValue";
    case VariableType::Integer:
      return "IntegerValue";
    case VariableType::Float:
      return "FloatValue";
    case VariableType::Date:
      return "DateValue";
    case VariableType::DateTime:
      return "DateTimeValue";
  }
  return "TextValue";
}

void add_variable_value(pugi::xml_node parent, const VariableValue& value) {
  pugi::xml_node node = parent.append_child("VariableValue");
  set_attribute(node.append_child("VariableRef"), "targetGUID", value.variable_guid);
  add_text_element(node, value_element(value.type), value.value);
}

void add_cases(pugi::xml_node root, const std::vector<Case>& cases) {
  if (cases.empty()) return;
  pugi::xml_node list = root.append_child("Cases");
  for (const Case& c : cases) {
    pugi::xml_node node = list.append_child("Case");
    set_attribute(node, "guid", c.guid);
    set_attribute(node, "name", c.name);
    add_description(node, c.description);
    for (const VariableValue& value : c.values) add_variable_value(node, value);
    add_refs(node, "SourceRef", c.source_refs);
  }
}

void set_creation(pugi::xml_node node, const std::string& user, const std::string& time) {
  set_optional(node, "creatingUser", user);
  set_optional(node, "creationDateTime", time);
}

void add_coding(pugi::xml_node parent, const Coding& coding) {
  pugi::xml_node node = parent.append_child("Coding");
  set_attribute(node, "guid", coding.guid);
  set_creation(node, coding.creating_user, coding.creation_time);
  set_attribute(node.append_child("CodeRef"), "targetGUID", coding.code_guid);
  add_refs(node, "NoteRef", coding.note_refs);
}

void add_selection(pugi::xml_node parent, const Selection& selection) {
  pugi::xml_node node = parent.append_child("PlainTextSelection");
  set_attribute(node, "guid", selection.guid);
  set_optional(node, "name", selection.name);
  set_attribute(node, "startPosition", std::to_string(selection.start));
  set_attribute(node, "endPosition", std::to_string(selection.end));
  set_creation(node, selection.creating_user, selection.creation_time);
  add_description(node, selection.description);
  for (const Coding& coding : selection.codings) add_coding(node, coding);
}

void add_sources(pugi::xml_node root, const std::vector<TextSource>& sources) {
  if (sources.empty()) return;
  pugi::xml_node list = root.append_child("Sources");
  for (const TextSource& source : sources) {
    pugi::xml_node node = list.append_child("TextSource");
    set_attribute(node, "guid", source.guid);
    set_attribute(node, "name", source.name);
    set_attribute(node, "plainTextPath", source.plain_text_path());
    set_creation(node, source.creating_user, source.creation_time);
    add_description(node, source.description);
    for (const Selection& selection : source.selections) add_selection(node, selection);
    add_refs(node, "NoteRef", source.note_refs);
  }
}

void add_notes(pugi::xml_node root, const std::vector<Note>& notes) {
  if (notes.empty()) return;
  pugi::xml_node list = root.append_child("Notes");
  for (const Note& note : notes) {
    pugi::xml_node node = list.append_child("Note");
    set_attribute(node, "guid", note.guid);
    set_optional(node, "name", note.name);
    set_creation(node, note.creating_user, note.creation_time);
    add_text_element(node, "PlainTextContent", note.text);
  }
}

void add_project_sets(pugi::xml_node root, const std::vector<Set>& sets) {
  if (sets.empty()) return;
  pugi::xml_node list = root.append_child("Sets");
  for (const Set& set : sets) {
    pugi::xml_node node = list.append_child("Set");
    set_attribute(node, "guid", set.guid);
    set_attribute(node, "name", set.name);
    add_description(node, set.description);
    add_refs(node, "MemberCode", set.member_codes);
    add_refs(node, "MemberSource", set.member_sources);
    add_refs(node, "MemberNote", set.member_notes);
  }
}

// Codebook.xsd names a member code by `guid`, Project.xsd by `targetGUID`.
void add_codebook_sets(pugi::xml_node root, const std::vector<Set>& sets) {
  std::vector<const Set*> chosen;
  for (const Set& set : sets) {
    if (set.in_codebook) chosen.push_back(&set);
  }
  if (chosen.empty()) return;
  pugi::xml_node list = root.append_child("Sets");
  for (const Set* set : chosen) {
    pugi::xml_node node = list.append_child("Set");
    set_attribute(node, "guid", set->guid);
    set_attribute(node, "name", set->name);
    add_description(node, set->description);
    for (const std::string& guid : set->member_codes) {
      set_attribute(node.append_child("MemberCode"), "guid", guid);
    }
  }
}

std::string serialise(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_node start_document(pugi::xml_document& document, const char* root_name, const char* ns) {
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = document.append_child(root_name);
  root.append_attribute("xmlns") = ns;
  return root;
}

// ---- the ZIP package ----

struct Entry {
  std::string name;
  const std::string* content;
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
  throw_internal("cannot build the REFI-QDA package: " + what + ": " + zip_error_strerror(error),
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

void add_entry(zip_t* archive, const Entry& entry, std::time_t mtime) {
  zip_source_t* data = zip_source_buffer(archive, entry.content->data(), entry.content->size(), 0);
  if (data == nullptr) zip_failed("buffer for " + entry.name, zip_get_error(archive));
  const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(data);  // still ours when adding failed
    zip_failed("adding " + entry.name, zip_get_error(archive));
  }
  const auto at = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, at, ZIP_CM_DEFLATE, 9) < 0) {
    zip_failed("compression of " + entry.name, zip_get_error(archive));
  }
  if (zip_file_set_mtime(archive, at, mtime, 0) < 0) {
    zip_failed("date of " + entry.name, zip_get_error(archive));
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

// The entries as a ZIP archive in memory, in the order given.
std::string zip_entries(const std::vector<Entry>& entries) {
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
  for (const Entry& entry : entries) add_entry(archive.get(), entry, mtime);
  if (zip_close(archive.get()) < 0) zip_failed("writing the archive", zip_get_error(archive.get()));
  archive.release();  // zip_close freed it
  zip_error_fini(&error);
  return read_all(source.get());
}

}  // namespace

std::string project_xml(const Project& project) {
  pugi::xml_document document;
  pugi::xml_node root = start_document(document, "Project", kProjectNamespace);
  set_attribute(root, "name", project.name);
  set_optional(root, "origin", project.origin);
  set_optional(root, "creatingUserGUID", project.creating_user);
  set_optional(root, "creationDateTime", project.creation_time);
  add_users(root, project.users);
  if (!project.codes.empty()) add_codes(root.append_child("CodeBook"), project.codes, true);
  add_variables(root, project.variables);
  add_cases(root, project.cases);
  add_sources(root, project.sources);
  add_notes(root, project.notes);
  add_project_sets(root, project.sets);
  add_description(root, project.description);
  add_refs(root, "NoteRef", project.note_refs);
  return serialise(document);
}

std::string qdpx_package(const Project& project) {
  const std::string qde = project_xml(project);
  std::vector<Entry> entries{{"project.qde", &qde}};
  for (const TextSource& source : project.sources) {
    entries.push_back({source.package_entry(), &source.text});
  }
  return zip_entries(entries);
}

std::string codebook_xml(const Project& project) {
  if (project.codes.empty()) {
    throw_data("the project has no codes, and a REFI-QDA codebook needs at least one",
               "load a codebook first with 'casebook codebook load FILE'");
  }
  pugi::xml_document document;
  pugi::xml_node root = start_document(document, "CodeBook", kCodebookNamespace);
  set_optional(root, "origin", project.origin);
  add_codes(root, project.codes, false);
  add_codebook_sets(root, project.sets);
  return serialise(document);
}

}  // namespace casebook::refi

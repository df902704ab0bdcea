#include "engine/refi/from_project.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <utility>
#include <vector>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/memos.hpp"
#include "engine/refi/block.hpp"
#include "engine/refi/guid.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/sources.hpp"

namespace casebook::refi {
namespace {

std::string id_text(std::int64_t id) {
  return std::to_string(id);
}

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Store times are ISO 8601 UTC ("2026-11-23T17:45:00Z"); anything else
// (older rows, hand edits) is left out rather than written invalid.
bool is_xsd_datetime(const std::string& text) {
  static const std::regex pattern(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  return std::regex_match(text, pattern);
}

std::string datetime_or_empty(const std::string& text) {
  return is_xsd_datetime(text) ? text : std::string();
}

std::string user_guid(const std::string& name) {
  return name.empty() ? std::string() : guid_for("user", name);
}

// ---- users ----

// Everyone who did anything the store records: coded, reviewed, wrote a
// memo, imported, added a code or appears in the audit log.
std::vector<User> read_users(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT coder FROM codings UNION SELECT reviewed_by FROM codings "
                      "UNION SELECT removed_by FROM codings UNION SELECT coder FROM memos "
                      "UNION SELECT coder FROM audit_log UNION SELECT imported_by FROM sources "
                      "UNION SELECT created_by FROM codes");
  std::set<std::string> names;
  while (q.executeStep()) {
    if (!q.getColumn(0).isNull() && !q.getColumn(0).getString().empty()) {
      names.insert(q.getColumn(0).getString());
    }
  }
  std::vector<User> users;
  for (const std::string& name : names) users.push_back({user_guid(name), name});
  return users;
}

// The first audit entry: who started the project and when.
std::pair<std::string, std::string> project_creation(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT coder, at FROM audit_log ORDER BY id LIMIT 1");
  if (!q.executeStep()) return {};
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

// ---- memos ----

std::string note_name(const coding::MemoView& memo) {
  const std::string kind = coding::to_string(memo.target.kind);
  if (memo.target.kind == coding::MemoKind::Project) return "memo on the project";
  return "memo on " + kind + " " + memo.target.label;
}

struct Memos {
  std::vector<Note> notes;
  // target kind -> target id -> note GUIDs, in memo order
  std::map<coding::MemoKind, std::map<std::int64_t, std::vector<std::string>>> by_target;
  std::map<std::int64_t, std::string> case_labels;  // case id -> label, for case memo sets

  const std::vector<std::string>& of(coding::MemoKind kind, std::int64_t id) const {
    static const std::vector<std::string> none;
    const auto k = by_target.find(kind);
    if (k == by_target.end()) return none;
    const auto t = k->second.find(id);
    return t == k->second.end() ? none : t->second;
  }
};

Memos read_memos(store::Store& store) {
  Memos memos;
  // No viewer restriction: an export is of the whole project.
  for (const coding::MemoView& memo : coding::list_memos(store, std::nullopt, coding::Viewer{})) {
    const std::string guid = guid_for("memo", id_text(memo.id));
    memos.notes.push_back({guid, note_name(memo), memo.text, user_guid(memo.coder),
                           datetime_or_empty(memo.created_at)});
    memos.by_target[memo.target.kind][memo.target.id].push_back(guid);
    if (memo.target.kind == coding::MemoKind::Case) {
      memos.case_labels[memo.target.id] = memo.target.label;
    }
  }
  return memos;
}

// ---- codes ----

struct CodeRow {
  std::int64_t id = 0;
  std::string key;
  std::optional<std::int64_t> parent;
  std::string created_at, created_by, retired_at;
};

std::vector<CodeRow> read_code_rows(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT id, key, parent_id, created_at, created_by, retired_at FROM codes "
                      "ORDER BY position, id");
  std::vector<CodeRow> rows;
  while (q.executeStep()) {
    CodeRow row;
    row.id = q.getColumn(0).getInt64();
    row.key = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) row.parent = q.getColumn(2).getInt64();
    row.created_at = q.getColumn(3).getString();
    row.created_by = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) row.retired_at = q.getColumn(5).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

// Active codes, retired codes that exported codings use, and the ancestors
// of both (so the hierarchy stays whole).
std::set<std::int64_t> codes_to_export(const std::vector<CodeRow>& rows,
                                       const std::set<std::int64_t>& used) {
  std::map<std::int64_t, const CodeRow*> by_id;
  for (const CodeRow& row : rows) by_id[row.id] = &row;
  std::set<std::int64_t> chosen;
  for (const CodeRow& row : rows) {
    if (!row.retired_at.empty() && used.count(row.id) == 0) continue;
    for (const CodeRow* at = &row; at != nullptr && chosen.insert(at->id).second;) {
      at = at->parent ? by_id[*at->parent] : nullptr;
    }
  }
  return chosen;
}

Block code_block(const CodeRow& row, const codebook::Code& code) {
  Block block;
  block.add("key", code.key);
  block.add_if("inclusion", code.inclusion);
  block.add_if("exclusion", code.exclusion);
  for (const std::string& example : code.typical_examples) block.add("example", example);
  for (const std::string& example : code.atypical_examples) block.add("atypical_example", example);
  block.add_if("memo", code.memo);
  for (const std::string& query : code.queries) block.add("query", query);
  for (const codebook::CodeDimension& d : code.dimensions) {
    block.add("dimension", d.dimension + (d.required ? " required" : ""));
  }
  for (const std::string& key : code.formerly) block.add("formerly", key);
  block.add("origin", codebook::to_string(code.origin));
  block.add_if("created", row.created_at);
  block.add_if("created_by", row.created_by);
  block.add_if("retired", row.retired_at);
  return block;
}

Code make_code(store::Store& store, const CodeRow& row, const Memos& memos) {
  const auto record = codebook::find_code(store, row.key);
  const codebook::Code code = record ? record->code : codebook::Code{};
  Code out;
  out.guid = guid_for("code", id_text(row.id));
  out.name = code.name.empty() ? row.key : code.name;
  out.color = code.colour;
  out.description = with_block(code.definition, code_block(row, code));
  out.note_refs = memos.of(coding::MemoKind::Code, row.id);
  return out;
}

std::vector<Code> code_children(store::Store& store, const std::vector<CodeRow>& rows,
                                const std::set<std::int64_t>& chosen,
                                std::optional<std::int64_t> parent, const Memos& memos) {
  std::vector<Code> codes;
  for (const CodeRow& row : rows) {
    if (row.parent != parent || chosen.count(row.id) == 0) continue;
    Code code = make_code(store, row, memos);
    code.children = code_children(store, rows, chosen, row.id, memos);
    codes.push_back(std::move(code));
  }
  return codes;
}

// ---- codebook-level sets: dimensions, propositions, exclusive groups ----

struct CodeGuids {
  std::map<std::string, std::string> by_key;  // lower-case key -> GUID

  std::string of(const std::string& key) const {
    const auto found = by_key.find(ascii_lower(key));
    return found == by_key.end() ? std::string() : found->second;
  }
};

void add_member(Set& set, const std::string& guid) {
  if (guid.empty()) return;
  if (std::find(set.member_codes.begin(), set.member_codes.end(), guid) == set.member_codes.end()) {
    set.member_codes.push_back(guid);
  }
}

Set dimension_set(const codebook::Dimension& dimension, const codebook::Codebook& book,
                  const CodeGuids& guids) {
  Set set;
  set.guid = guid_for("dimension", ascii_lower(dimension.name));
  set.name = "dimension: " + dimension.name;
  set.in_codebook = true;
  Block block;
  block.add("dimension", dimension.name);
  block.add("level", codebook::to_string(dimension.level));
  for (const codebook::DimensionValue& value : dimension.values) {
    block.add("value", value.value);
    block.add_if("value_description", value.description);
  }
  if (dimension.min) block.add("min", codebook::format_number(*dimension.min));
  if (dimension.max) block.add("max", codebook::format_number(*dimension.max));
  set.description = with_block(dimension.description, block);
  for (const codebook::Code& code : book.codes) {
    for (const codebook::CodeDimension& d : code.dimensions) {
      if (ascii_lower(d.dimension) == ascii_lower(dimension.name))
        add_member(set, guids.of(code.key));
    }
  }
  return set;
}

std::string link_text(const codebook::PropositionLink& link) {
  std::string text = std::string(codebook::to_string(link.bearing)) + " " + link.code;
  if (!link.dimension.empty()) text += " " + link.dimension + "=" + link.value;
  return text;
}

Set proposition_set(const codebook::Proposition& proposition, const CodeGuids& guids) {
  Set set;
  set.guid = guid_for("proposition", ascii_lower(proposition.key));
  set.name = "proposition " + proposition.key;
  set.in_codebook = true;
  Block block;
  block.add("proposition", proposition.key);
  block.add_if("parent", proposition.parent);
  for (const codebook::PropositionLink& link : proposition.links) {
    block.add("link", link_text(link));
    block.add_if("link_note", link.note);
    add_member(set, guids.of(link.code));
  }
  set.description = with_block(proposition.text, block);
  return set;
}

Set exclusive_group_set(const codebook::ExclusiveGroup& group, const CodeGuids& guids) {
  Set set;
  set.guid = guid_for("exclusive-group", ascii_lower(group.name));
  set.name = "exclusive group: " + group.name;
  set.in_codebook = true;
  Block block;
  block.add("exclusive_group", group.name);
  for (const std::string& key : group.codes) {
    block.add("code", key);
    add_member(set, guids.of(key));
  }
  set.description = with_block("", block);
  return set;
}

std::vector<Set> codebook_sets(const codebook::Codebook& book, const CodeGuids& guids) {
  std::vector<Set> sets;
  for (const auto& dimension : book.dimensions)
    sets.push_back(dimension_set(dimension, book, guids));
  for (const auto& proposition : book.propositions) {
    sets.push_back(proposition_set(proposition, guids));
  }
  for (const auto& group : book.exclusive_groups) sets.push_back(exclusive_group_set(group, guids));
  return sets;
}

// ---- sources and codings ----

Block source_block(const store::SourceInfo& info) {
  Block block;
  block.add("label", info.label);
  block.add("type", info.type);
  block.add_if("title", info.title);
  block.add_if("date", info.date);
  block.add_if("council", info.council);
  block.add_if("format", info.format);
  block.add_if("encoding", info.encoding);
  block.add_if("original_name", info.original_name);
  block.add_if("original_sha256", info.original_sha256);
  block.add_if("origin_part", info.origin_part);
  block.add("version", std::to_string(info.version));
  for (const std::string& c : info.cases) block.add("case", c);
  for (const auto& [name, value] : info.attributes) block.add("attribute", name + "=" + value);
  block.add_if("url", info.provenance.url);
  block.add_if("retrieved", info.provenance.retrieved_at);
  block.add_if("provenance", info.provenance.note);
  return block;
}

std::string source_name(const store::SourceInfo& info) {
  return info.title.empty() ? info.label : info.label + ": " + info.title;
}

// Why a rejected coding is there at all, for people reading it in another tool.
std::string review_note(const coding::CodingView& c) {
  if (c.review_status != "rejected") return {};
  std::string text = "Rejected in review";
  if (c.reviewed_by) text += " by " + *c.reviewed_by;
  if (c.review_reason && !c.review_reason->empty()) text += ": " + *c.review_reason;
  return text + ".";
}

Block coding_block(const coding::CodingView& c) {
  Block block;
  block.add("coding", id_text(c.id));
  block.add("code", c.code);
  block.add_if("unit", c.unit);
  for (const auto& [dimension, value] : c.dims) block.add("dimension", dimension + "=" + value);
  block.add("review", c.review_status);
  if (c.reviewed_by) block.add("reviewed_by", *c.reviewed_by);
  if (c.reviewed_at) block.add("reviewed_at", *c.reviewed_at);
  if (c.review_reason) block.add_if("review_reason", *c.review_reason);
  if (c.recoded_from) block.add("recoded_from", id_text(*c.recoded_from));
  return block;
}

// One selection per coding: codings by different coders (or codes) of the
// same span stay apart, so agreement can be computed again elsewhere.
Selection make_selection(const coding::CodingView& c, const CodeGuids& guids, const Memos& memos) {
  Selection selection;
  selection.guid = guid_for("selection", id_text(c.id));
  selection.start = static_cast<std::int64_t>(c.span.start);
  selection.end = static_cast<std::int64_t>(c.span.end);
  selection.creating_user = user_guid(c.coder);
  selection.creation_time = datetime_or_empty(c.created_at);
  selection.description = with_block(review_note(c), coding_block(c));
  Coding coding;
  coding.guid = guid_for("coding", id_text(c.id));
  coding.code_guid = guids.of(c.code);
  coding.creating_user = selection.creating_user;
  coding.creation_time = selection.creation_time;
  coding.note_refs = memos.of(coding::MemoKind::Coding, c.id);
  selection.codings.push_back(std::move(coding));
  return selection;
}

std::vector<coding::CodingView> exported_codings(store::Store& store) {
  coding::CodingFilter filter;
  filter.include_removed = false;
  filter.include_rejected = true;
  return coding::list_codings(store, filter);
}

std::vector<TextSource> make_sources(store::Store& store,
                                     const std::vector<store::SourceInfo>& infos,
                                     const std::vector<coding::CodingView>& codings,
                                     const CodeGuids& guids, const Memos& memos) {
  std::map<std::int64_t, std::vector<Selection>> selections;
  for (const coding::CodingView& c : codings) {
    selections[c.source_id].push_back(make_selection(c, guids, memos));
  }
  std::vector<TextSource> sources;
  for (const store::SourceInfo& info : infos) {
    TextSource source;
    source.guid = guid_for("source", id_text(info.id));
    source.name = source_name(info);
    source.description = with_block("", source_block(info));
    source.text = store::load_text(store, info.id);
    source.creating_user = user_guid(info.imported_by);
    source.creation_time = datetime_or_empty(info.imported_at);
    source.selections = std::move(selections[info.id]);
    source.note_refs = memos.of(coding::MemoKind::Source, info.id);
    sources.push_back(std::move(source));
  }
  return sources;
}

// ---- cases and variables ----

bool is_xsd_integer(const std::string& v) {
  static const std::regex pattern(R"([+-]?\d+)");
  return std::regex_match(v, pattern);
}

bool is_xsd_decimal(const std::string& v) {
  static const std::regex pattern(R"([+-]?(\d+(\.\d*)?|\.\d+))");
  return std::regex_match(v, pattern);
}

bool is_xsd_date(const std::string& v) {
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(v, pattern);
}

bool is_xsd_boolean(const std::string& v) {
  return v == "true" || v == "false";
}

VariableType refi_type(const std::string& casebook_type) {
  if (casebook_type == "integer") return VariableType::Integer;
  if (casebook_type == "decimal") return VariableType::Float;
  if (casebook_type == "date") return VariableType::Date;
  if (casebook_type == "boolean") return VariableType::Boolean;
  return VariableType::Text;
}

bool fits(VariableType type, const std::string& value) {
  switch (type) {
    case VariableType::Integer:
      return is_xsd_integer(value);
    case VariableType::Float:
      return is_xsd_decimal(value);
    case VariableType::Date:
      return is_xsd_date(value);
    case VariableType::Boolean:
      return is_xsd_boolean(value);
    default:
      return true;
  }
}

struct AttributeDef {
  std::string name, type;
};

std::vector<AttributeDef> read_attribute_defs(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT name, type FROM case_attribute_defs ORDER BY name");
  std::vector<AttributeDef> defs;
  while (q.executeStep()) defs.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return defs;
}

std::string attribute_variable_guid(const std::string& name) {
  return guid_for("variable", "attribute:" + name);
}

// A variable keeps its REFI type only when every value is in that type's
// lexical form; partial dates (2015-03) and decimals with an exponent make
// it Text, with the casebook type in its block so nothing is lost.
Variable attribute_variable(const AttributeDef& def, const std::vector<store::CaseInfo>& cases) {
  VariableType type = refi_type(def.type);
  for (const store::CaseInfo& c : cases) {
    const auto found = c.attributes.find(def.name);
    if (found != c.attributes.end() && !fits(type, found->second.value)) type = VariableType::Text;
  }
  Block block;
  block.add("attribute", def.name);
  block.add("type", def.type);
  return {attribute_variable_guid(def.name), def.name, type, with_block("", block)};
}

Variable outcome_variable(const std::string& name) {
  Block block;
  block.add("case_field", name);
  return {guid_for("variable", name), name, VariableType::Text, with_block("", block)};
}

std::vector<Variable> make_variables(const std::vector<AttributeDef>& defs,
                                     const std::vector<store::CaseInfo>& cases) {
  std::vector<Variable> variables{outcome_variable("outcome"), outcome_variable("sub_outcome")};
  for (const AttributeDef& def : defs) variables.push_back(attribute_variable(def, cases));
  return variables;
}

std::vector<VariableValue> case_values(const store::CaseInfo& c,
                                       const std::vector<Variable>& variables) {
  std::vector<VariableValue> values;
  if (!c.outcome.empty()) values.push_back({variables[0].guid, VariableType::Text, c.outcome});
  if (!c.sub_outcome.empty()) {
    values.push_back({variables[1].guid, VariableType::Text, c.sub_outcome});
  }
  for (const Variable& variable : variables) {
    const auto found = c.attributes.find(variable.name);
    if (variable.guid != attribute_variable_guid(variable.name) || found == c.attributes.end()) {
      continue;
    }
    values.push_back({variable.guid, variable.type, found->second.value});
  }
  return values;
}

std::vector<Case> make_cases(const std::vector<store::CaseInfo>& infos,
                             const std::vector<Variable>& variables,
                             const std::vector<store::SourceInfo>& sources) {
  std::vector<Case> cases;
  for (const store::CaseInfo& info : infos) {
    Case c;
    c.guid = guid_for("case", id_text(info.id));
    c.name = info.label;
    Block block;
    block.add("case", info.label);
    c.description = with_block("", block);
    c.values = case_values(info, variables);
    for (const store::SourceInfo& source : sources) {
      const bool linked = std::any_of(
          source.cases.begin(), source.cases.end(),
          [&](const std::string& label) { return ascii_lower(label) == ascii_lower(info.label); });
      if (linked) c.source_refs.push_back(guid_for("source", id_text(source.id)));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// REFI cases take no notes: memos on a case go into a Set named after it.
std::vector<Set> case_memo_sets(const Memos& memos) {
  std::vector<Set> sets;
  for (const auto& [case_id, label] : memos.case_labels) {
    Set set;
    set.guid = guid_for("case-memos", id_text(case_id));
    set.name = "memos on case " + label;
    Block block;
    block.add("case_memos", label);
    set.description = with_block("", block);
    set.member_notes = memos.of(coding::MemoKind::Case, case_id);
    sets.push_back(std::move(set));
  }
  return sets;
}

std::string project_description(store::Store& store, const codebook::Codebook& book) {
  Block block;
  block.add_if("codebook", book.name);
  const int version = codebook::current_version(store);
  if (version > 0) block.add("codebook_version", std::to_string(version));
  return with_block(book.description, block);
}

}  // namespace

Project project_from_store(store::Store& store, const std::string& project_name) {
  Project project;
  project.name = project_name;
  project.origin = std::string("casebook ") + CASEBOOK_VERSION;
  const auto [creator, created_at] = project_creation(store);
  project.creating_user = user_guid(creator);
  project.creation_time = datetime_or_empty(created_at);
  project.users = read_users(store);

  const Memos memos = read_memos(store);
  const std::vector<coding::CodingView> codings = exported_codings(store);
  const std::vector<CodeRow> rows = read_code_rows(store);
  CodeGuids guids;
  std::map<std::string, std::int64_t> id_of_key;  // lower-case key -> code id
  for (const CodeRow& row : rows) {
    guids.by_key[ascii_lower(row.key)] = guid_for("code", id_text(row.id));
    id_of_key[ascii_lower(row.key)] = row.id;
  }
  std::set<std::int64_t> used;
  for (const coding::CodingView& c : codings) {
    const auto found = id_of_key.find(ascii_lower(c.code));
    if (found != id_of_key.end()) used.insert(found->second);
  }
  project.codes = code_children(store, rows, codes_to_export(rows, used), std::nullopt, memos);

  const codebook::Codebook book = codebook::read_codebook(store);
  project.description = project_description(store, book);
  project.sets = codebook_sets(book, guids);

  const std::vector<store::SourceInfo> sources = store::list_sources(store);
  project.sources = make_sources(store, sources, codings, guids, memos);

  const std::vector<store::CaseInfo> cases = store::list_cases(store);
  if (!cases.empty()) {
    project.variables = make_variables(read_attribute_defs(store), cases);
    project.cases = make_cases(cases, project.variables, sources);
  }
  for (Set& set : case_memo_sets(memos)) project.sets.push_back(std::move(set));
  project.notes = memos.notes;
  project.note_refs = memos.of(coding::MemoKind::Project, 0);
  return project;
}

}  // namespace casebook::refi

#include "engine/refi/to_project.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "engine/cases/case_sheet.hpp"
#include "engine/cases/values.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/codebook/xml.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/memos.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/index/fields.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/refi/block.hpp"
#include "engine/refi/positions.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/source_types.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/segment.hpp"

namespace casebook::refi {
namespace {

// ---- small helpers ----

std::string lower(std::string s) {
  return text::ascii_lower(s);
}

std::string trim(std::string_view s) {
  return std::string(cases::values::trim(s));
}

// The first value of block field `name`, or "".
std::string field(const Block& block, const std::string& name) {
  for (const auto& [n, v] : block.fields) {
    if (n == name) return v;
  }
  return {};
}

std::vector<std::string> fields(const Block& block, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [n, v] : block.fields) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// The codebook's key syntax (docs/codebook.md): parts joined by single dots.
bool is_key(const std::string& key) {
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  char previous = '.';
  for (char c : key) {
    if (c == '.' ? previous == '.' : !is_key_char(c)) return false;
    previous = c;
  }
  return true;
}

// A key part made from a code name other programs gave ("Slow approvals"
// -> "Slow_approvals"); names without one ASCII letter or digit give "code".
std::string slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (is_key_char(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && (out.back() == '_' || out.back() == '-')) out.pop_back();
  if (out.find_first_not_of("_-") == std::string::npos) return "code";
  return out;
}

// ---- the plan: what will be written, decided before writing ----

struct CodePlan {
  const Code* refi = nullptr;
  std::string parent_guid;
  codebook::Code code;   // as it would go into a codebook
  std::string path;      // lower-cased names from the top, "\x1f"-joined
  bool matched = false;  // an existing code of the project
  std::string key;       // the key codings will use
};

struct SourcePlan {
  const ReadSource* refi = nullptr;
  store::SourceContent content;
  std::string raw;                            // the original bytes (the .txt as packaged)
  std::optional<store::SourceInfo> existing;  // the same text already in the project
  std::vector<std::pair<const Selection*, text::Span>> selections;
  std::int64_t id = 0;
  std::string label;
};

class Importer {
 public:
  Importer(project::Project& project, const ReadProject& refi, const std::string& coder)
      : project_(project), store_(project.store()), refi_(refi), coder_(coder) {
    report_.file = refi.file;
    report_.skipped = refi.skipped;
    report_.users = refi.project.users.size();
    for (const User& u : refi.project.users) users_[u.guid] = u.name;
  }

  ImportReport run(bool codebook_only) {
    project::WriteLock lock(project_.lock_file(), project::write_lock_wait());
    plan_codes();
    if (!codebook_only) plan_sources();
    if (codebook_only) report_other_parts();
    project::ObjectStore objects(project_.objects_dir());
    for (const SourcePlan& s : sources_) {
      if (!s.existing) objects.put(s.raw, s.content.original_sha256);  // a stray object is harmless
    }
    try {
      store::WriteTransaction tx(store_);
      write_codes();
      if (!codebook_only) {
        write_cases();
        write_sources();
        write_codings();
        write_memos();
        write_audit();
      }
      tx.commit();
    } catch (const SQLite::Exception& e) {
      store::rethrow_sqlite(e, "importing " + refi_.file);
    }
    if (!codebook_only) {
      project::IndexSync sync(project_);
      sync.apply_pending();
      sync.finish();
    }
    return std::move(report_);
  }

 private:
  void skip(std::string what) { report_.skipped.push_back(std::move(what)); }

  std::string user_name(const std::string& guid) const {
    auto it = users_.find(guid);
    return it == users_.end() || it->second.empty() ? std::string() : it->second;
  }

  // ---- codes ----

  void plan_codes() {
    has_codebook_ = codebook::current_version(store_) > 0;
    if (has_codebook_) index_existing_codes();
    for (const Code& c : refi_.project.codes) plan_code(c, nullptr);
  }

  // Existing codes by lower-cased name path, to match codes that carry no key.
  void index_existing_codes() {
    const codebook::Codebook book = codebook::read_codebook(store_);
    std::map<std::string, std::string> path_of_key;
    for (const codebook::Code& c : book.codes) {
      const std::string parent_path =
          c.parent.empty() ? std::string() : path_of_key[lower(c.parent)] + '\x1f';
      path_of_key[lower(c.key)] = parent_path + lower(c.name);
      existing_by_path_.emplace(path_of_key[lower(c.key)], c.key);
    }
  }

  void plan_code(const Code& refi, const CodePlan* parent) {
    CodePlan plan;
    plan.refi = &refi;
    plan.parent_guid = parent ? parent->refi->guid : std::string();
    const auto [human, block] = split_block(refi.description);
    codebook::Code& c = plan.code;
    c.name = trim(refi.name).empty() ? "code" : trim(refi.name);
    c.parent = parent ? parent->key : std::string();
    c.definition = trim(human);
    if (!refi.color.empty()) {
      if (refi.color.size() == 7 && refi.color[0] == '#' &&
          refi.color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos) {
        c.colour = lower(refi.color);
      } else {
        skip("code '" + c.name + "': colour '" + refi.color + "' is not #rrggbb (left out)");
      }
    }
    restore_code_fields(block, c);
    plan.path = (parent ? parent->path + '\x1f' : std::string()) + lower(c.name);
    plan.key = choose_key(plan, field(block, "key"), parent);
    c.key = plan.key;
    if (plan.matched) {
      ++report_.codes_matched;
    } else {
      ++report_.codes_created;
    }
    key_of_guid_[refi.guid] = plan.key;
    // A deque keeps references to its elements valid as codes are added.
    codes_.push_back(std::move(plan));
    const CodePlan& self = codes_.back();
    for (const Code& child : refi.children) plan_code(child, &self);
  }

  // What our own block carries back (docs/refi-qda.md).
  static void restore_code_fields(const Block& block, codebook::Code& c) {
    c.inclusion = field(block, "inclusion");
    c.exclusion = field(block, "exclusion");
    c.typical_examples = fields(block, "example");
    c.atypical_examples = fields(block, "atypical_example");
    c.memo = field(block, "memo");
    c.queries = fields(block, "query");
    for (const std::string& d : fields(block, "dimension")) {
      const auto space = d.find(' ');
      c.dimensions.push_back(
          {d.substr(0, space), space != std::string::npos && d.substr(space + 1) == "required"});
    }
    for (const std::string& k : fields(block, "formerly")) {
      if (is_key(k)) c.formerly.push_back(k);
    }
    if (field(block, "origin") == "inductive") c.origin = codebook::Origin::Inductive;
  }

  // The block's key when it is one and free; else the parent's key and a
  // part made from the name, made unique. Existing codes match by key, then
  // by name path.
  std::string choose_key(CodePlan& plan, const std::string& block_key, const CodePlan* parent) {
    if (has_codebook_) {
      if (is_key(block_key)) {
        if (auto found = codebook::find_code(store_, block_key); found && !found->retired) {
          plan.matched = true;
          return found->code.key;
        }
      }
      auto by_path = existing_by_path_.find(plan.path);
      if (by_path != existing_by_path_.end()) {
        plan.matched = true;
        return by_path->second;
      }
    }
    const std::string parent_key = parent ? parent->key : std::string();
    std::string key;
    if (is_key(block_key) && !used_keys_.count(lower(block_key)) &&
        (!has_codebook_ || block_key_fits(block_key, parent_key))) {
      key = block_key;
    } else {
      const std::string base =
          parent_key.empty() ? slug(plan.code.name) : parent_key + "." + slug(plan.code.name);
      key = base;
      for (int n = 2; used_keys_.count(lower(key)) || taken_in_store(key); ++n) {
        key = base + "-" + std::to_string(n);
      }
    }
    used_keys_.insert(lower(key));
    return key;
  }

  // Inductive codes must lie under their parent's key (store_sync.hpp).
  bool block_key_fits(const std::string& key, const std::string& parent_key) const {
    const auto dot = key.rfind('.');
    const std::string prefix = dot == std::string::npos ? std::string() : key.substr(0, dot);
    return lower(prefix) == lower(parent_key) && !taken_in_store(key);
  }

  bool taken_in_store(const std::string& key) const {
    return has_codebook_ && codebook::find_code(store_, key).has_value();
  }

  void write_codes() {
    if (codes_.empty()) return;
    if (!has_codebook_) {
      load_new_codebook();
      return;
    }
    report_unmerged_sets();
    for (const CodePlan& plan : codes_) {
      if (plan.matched) continue;
      codebook::Code c = plan.code;
      drop_unknown_dimensions(c);
      c.formerly.clear();
      codebook::add_inductive_code(store_, c, coder_);
      report_.inductive_codes.push_back(c.key);
    }
  }

  // Dimensions, propositions and groups belong to loading a codebook; into
  // an existing one they would change what coders agreed on, so they are
  // listed instead (load them with `casebook codebook load`).
  void report_unmerged_sets() {
    for (const Set& set : refi_.project.sets) {
      const auto [human, block] = split_block(set.description);
      if (field(block, "dimension").empty() && field(block, "proposition").empty() &&
          field(block, "exclusive_group").empty()) {
        continue;
      }
      skip("set '" + set.name +
           "': the project already has a codebook; not merged into it (edit the codebook file "
           "and run 'casebook codebook load')");
    }
  }

  void drop_unknown_dimensions(codebook::Code& c) {
    const codebook::Codebook book = codebook::read_codebook(store_);
    auto kept = std::remove_if(c.dimensions.begin(), c.dimensions.end(), [&](const auto& d) {
      if (book.find_dimension(d.dimension)) return false;
      skip("code " + c.key + ": dimension '" + d.dimension + "' is not in this project's codebook");
      return true;
    });
    c.dimensions.erase(kept, c.dimensions.end());
  }

  // ---- a new codebook from the codes and our Sets ----

  void load_new_codebook() {
    codebook::Codebook book;
    const auto [human, block] = split_block(refi_.project.description);
    book.name = field(block, "codebook").empty() ? refi_.project.name : field(block, "codebook");
    book.description = trim(human);
    for (const CodePlan& plan : codes_) book.codes.push_back(plan.code);
    restore_sets(book);
    book = validated(std::move(book));
    codebook::load_codebook(store_, book, codebook::write_codebook_xml(book), refi_.file, coder_,
                            {});
    report_.codebook_loaded = true;
  }

  // Keeps what validates: exclusive groups go first, then propositions,
  // then dimensions, each reported. A group of one code is checked as if
  // absent but kept: the file rule wants two, yet a project that held one
  // (the store accepts it) should get it back.
  codebook::Codebook validated(codebook::Codebook book) {
    try {
      codebook::Codebook check = book;
      check.exclusive_groups.erase(
          std::remove_if(check.exclusive_groups.begin(), check.exclusive_groups.end(),
                         [](const codebook::ExclusiveGroup& g) { return g.codes.size() < 2; }),
          check.exclusive_groups.end());
      codebook::validate(check);
      return book;
    } catch (const Error& e) {
      if (!book.exclusive_groups.empty()) {
        skip(std::string("exclusive groups: ") + e.what() + " (left out)");
        book.exclusive_groups.clear();
        return validated(std::move(book));
      }
      if (!book.propositions.empty()) {
        skip(std::string("propositions: ") + e.what() + " (left out)");
        book.propositions.clear();
        return validated(std::move(book));
      }
      if (!book.dimensions.empty() || has_code_dimensions(book)) {
        skip(std::string("dimensions: ") + e.what() + " (left out)");
        book.dimensions.clear();
        for (codebook::Code& c : book.codes) c.dimensions.clear();
        return validated(std::move(book));
      }
      throw_data(refi_.file + ": its codebook cannot be loaded: " + e.what(), e.hint());
    }
  }

  static bool has_code_dimensions(const codebook::Codebook& book) {
    return std::any_of(book.codes.begin(), book.codes.end(),
                       [](const codebook::Code& c) { return !c.dimensions.empty(); });
  }

  void restore_sets(codebook::Codebook& book) {
    for (const Set& set : refi_.project.sets) {
      const auto [human, block] = split_block(set.description);
      if (!field(block, "dimension").empty()) {
        book.dimensions.push_back(dimension_of(block));
      } else if (!field(block, "proposition").empty()) {
        book.propositions.push_back(proposition_of(trim(human), block));
      } else if (!field(block, "exclusive_group").empty()) {
        book.exclusive_groups.push_back(
            {field(block, "exclusive_group"), fields(block, "code"), 0});
      } else if (field(block, "case_memos").empty()) {
        skip("set '" + set.name + "': casebook has no sets of its own (not carried)");
      }
    }
  }

  static codebook::Dimension dimension_of(const Block& block) {
    codebook::Dimension d;
    d.name = field(block, "dimension");
    const std::string level = field(block, "level");
    d.level = level == "ordinal"    ? codebook::Level::Ordinal
              : level == "interval" ? codebook::Level::Interval
              : level == "ratio"    ? codebook::Level::Ratio
                                    : codebook::Level::Nominal;
    for (const auto& [name, value] : block.fields) {
      if (name == "value") d.values.push_back({value, ""});
      if (name == "value_description" && !d.values.empty()) d.values.back().description = value;
    }
    if (auto min = codebook::parse_number(field(block, "min"))) d.min = min;
    if (auto max = codebook::parse_number(field(block, "max"))) d.max = max;
    return d;
  }

  // "supports expost direction=negative" (from_project.cpp link_text).
  static codebook::Proposition proposition_of(const std::string& text, const Block& block) {
    codebook::Proposition p;
    p.key = field(block, "proposition");
    p.parent = field(block, "parent");
    p.text = text;
    for (const auto& [name, value] : block.fields) {
      if (name == "link_note" && !p.links.empty()) p.links.back().note = value;
      if (name != "link") continue;
      codebook::PropositionLink link;
      const auto first = value.find(' ');
      link.bearing = value.substr(0, first) == "counters" ? codebook::Bearing::Counters
                                                          : codebook::Bearing::Supports;
      std::string rest = first == std::string::npos ? std::string() : value.substr(first + 1);
      const auto second = rest.find(' ');
      link.code = rest.substr(0, second);
      if (second != std::string::npos) {
        const std::string dim = rest.substr(second + 1);
        const auto eq = dim.find('=');
        link.dimension = dim.substr(0, eq);
        if (eq != std::string::npos) link.value = dim.substr(eq + 1);
      }
      p.links.push_back(std::move(link));
    }
    return p;
  }

  // ---- sources ----

  void plan_sources() {
    text::Segmenter segmenter;
    for (const ReadSource& s : refi_.sources) {
      if (auto plan = plan_source(s, segmenter)) sources_.push_back(std::move(*plan));
    }
  }

  // What to call a source: its name; QualCoder leaves names out, so then
  // its file name without extension; else its GUID.
  static std::string display_name(const ReadSource& s) {
    if (!trim(s.source.name).empty()) return trim(s.source.name);
    std::string path = s.plain_text_path;
    const auto scheme = path.find("://");
    if (scheme != std::string::npos) path = path.substr(scheme + 3);
    const std::string stem = std::filesystem::path(path).stem().string();
    return stem.empty() ? s.source.guid : stem;
  }

  std::optional<SourcePlan> plan_source(const ReadSource& s, text::Segmenter& segmenter) {
    const std::string name = display_name(s);
    if (s.element != "TextSource") {
      skip(s.element + " '" + name + "': only text sources are carried (" +
           std::to_string(s.source.selections.size()) + " selection(s) left out)");
      return std::nullopt;
    }
    SourcePlan plan;
    plan.refi = &s;
    plan.raw = !s.raw_text.empty() ? s.raw_text : s.source.text;
    if (plan.raw.empty()) {
      skip("source '" + name + "': " +
           (s.rich_text_path.empty() ? std::string("no text in the file")
                                     : "only a rich-text rendering (" + s.rich_text_path +
                                           "); export it with plain text") +
           " (not imported)");
      return std::nullopt;
    }
    const std::string what = refi_.file + ": " + (s.entry.empty() ? name : s.entry);
    text::DecodedText decoded = text::decode_to_utf8(plan.raw, what);
    // Keep the BOM as a character: a producer may have counted it.
    const std::string stored = (decoded.had_bom ? "\xEF\xBB\xBF" : "") + decoded.utf8;
    const PositionMapper mapper(stored);
    if (mapper.canonical() != text::canonicalize(stored)) {
      throw_internal(what + ": the position map disagrees with the canonical text",
                     "report this as a bug, with the file if you can");
    }
    if (trim(mapper.canonical()).empty()) {
      skip("source '" + name + "': its text is empty (not imported)");
      return std::nullopt;
    }
    if (s.text_from_rich_text) {
      report_.notes.push_back("source '" + name +
                              "': the file has no plain-text rendering; its "
                              "text was read from " +
                              s.entry +
                              " with casebook's DOCX reader and selections were checked "
                              "against it");
    }
    map_selections(plan, mapper, name);
    fill_content(plan, decoded.encoding, mapper.canonical(), segmenter);
    plan.existing = store::find_source_by_original(store_, plan.content.original_sha256);
    return plan;
  }

  void map_selections(SourcePlan& plan, const PositionMapper& mapper, const std::string& name) {
    const auto& selections = plan.refi->source.selections;
    std::vector<RawSpan> raw;
    for (const Selection& sel : selections) raw.push_back({sel.start, sel.end});
    std::vector<ReadingScore> scores;
    const Reading reading = raw.empty() ? Reading{} : mapper.detect(raw, &scores);
    std::size_t landed = 0;
    for (const Selection& sel : selections) {
      auto span = mapper.map(reading, RawSpan{sel.start, sel.end});
      if (!span) {
        skip("source '" + name + "': selection " + std::to_string(sel.start) + "-" +
             std::to_string(sel.end) + " does not lie on the text (" +
             std::to_string(sel.codings.size()) + " coding(s) left out)");
        continue;
      }
      ++landed;
      plan.selections.emplace_back(&sel, *span);
    }
    if (!raw.empty()) {
      std::string line = name + ": positions read as " + describe(reading) + "; " +
                         std::to_string(landed) + " of " + std::to_string(raw.size()) +
                         " selections land on the text";
      if (scores.size() > 1) line += " (" + std::to_string(scores.size()) + " readings compared)";
      report_.readings.push_back(std::move(line));
    }
  }

  void fill_content(SourcePlan& plan, const std::string& encoding, const std::string& canonical,
                    text::Segmenter& segmenter) {
    const ReadSource& s = *plan.refi;
    const auto [human, block] = split_block(s.source.description);
    store::SourceContent& c = plan.content;
    const std::string label = field(block, "label");
    if (!label.empty() && !store::find_source(store_, label) && !labels_.count(lower(label))) {
      c.label = label;
      labels_.insert(lower(label));
    }
    c.type = source_type(field(block, "type"));
    c.title = field(block, "title");
    if (c.title.empty()) c.title = display_name(s);
    c.date = field(block, "date");
    if (!c.date.empty() && !index::date_to_number(c.date)) c.date.clear();
    c.council = field(block, "council");
    c.format = "text";
    c.encoding = encoding;
    c.original_sha256 = sha256_hex(plan.raw);
    c.original_name =
        s.entry.empty() ? c.title + ".txt" : std::filesystem::path(s.entry).filename().string();
    c.origin_path = std::filesystem::absolute(refi_.file).lexically_normal().string();
    c.origin_part = s.source.guid;
    for (const std::string& a : fields(block, "attribute")) {
      const auto eq = a.find('=');
      if (eq != std::string::npos && eq > 0) c.attributes[a.substr(0, eq)] = a.substr(eq + 1);
    }
    for (const VariableValue& v : s.values) {  // variables placed on the source
      auto it = variable_names_.find(v.variable_guid);
      const std::string vname = it != variable_names_.end() ? it->second : variable_name(v);
      if (!vname.empty() && !v.value.empty()) c.attributes[vname] = v.value;
    }
    if (!trim(human).empty()) source_descriptions_[s.source.guid] = trim(human);
    c.text = canonical;
    const text::OffsetMap offsets(c.text);
    c.code_points = static_cast<std::int64_t>(offsets.code_points());
    for (const text::Span& span : text::paragraphs(c.text)) {
      store::PassageRecord p;
      p.span = span;
      p.kind = "paragraph";
      c.passages.push_back(p);
      for (const text::Span& sentence : segmenter.sentences(offsets.slice(span))) {
        c.sentences.push_back({span.start + sentence.start, span.start + sentence.end});
      }
    }
  }

  std::string variable_name(const VariableValue& v) {
    for (const Variable& var : refi_.project.variables) {
      if (var.guid == v.variable_guid) return variable_names_[v.variable_guid] = var.name;
    }
    return {};
  }

  static std::string source_type(const std::string& type) {
    if (type.empty()) return "document";
    try {
      return store::canonical_type_name(type);
    } catch (const Error&) {
      return "document";
    }
  }

  void write_sources() {
    for (SourcePlan& plan : sources_) {
      plan.content.cases = cases_of_source(plan);
      if (plan.existing) {
        plan.id = plan.existing->id;
        plan.label = plan.existing->label;
        report_.notes.push_back(display_name(*plan.refi) + ": the same text is already " +
                                plan.label + "; its codings are added there");
      } else {
        store::record_object(store_, plan.content.original_sha256,
                             static_cast<std::int64_t>(plan.raw.size()));
        const store::SourceInfo info = store::insert_source(store_, plan.content, coder_);
        plan.id = info.id;
        plan.label = info.label;
        ++report_.sources;
      }
      source_ids_[plan.refi->source.guid] = plan.id;
      report_.source_labels.push_back(plan.label);
    }
  }

  // ---- cases ----

  struct CaseColumn {
    std::string name;
    cases::AttributeType type = cases::AttributeType::Text;
    std::string field;  // "outcome" / "sub_outcome" for those, else ""
  };

  CaseColumn column_of(const Variable& v) const {
    const auto [human, block] = split_block(v.description);
    CaseColumn col;
    col.name = trim(v.name);
    const std::string case_field = field(block, "case_field");
    if (!case_field.empty()) {
      col.field = case_field;
      return col;
    }
    if (auto declared = cases::parse_type_name(field(block, "type"))) {
      col.type = *declared;
      return col;
    }
    switch (v.type) {
      case VariableType::Boolean:
        col.type = cases::AttributeType::Boolean;
        break;
      case VariableType::Integer:
        col.type = cases::AttributeType::Integer;
        break;
      case VariableType::Float:
        col.type = cases::AttributeType::Decimal;
        break;
      case VariableType::Date:
        col.type = cases::AttributeType::Date;
        break;
      default:
        col.type = cases::AttributeType::Text;
    }
    return col;
  }

  void write_cases() {
    if (refi_.cases.empty()) return;
    std::map<std::string, CaseColumn> columns;  // by variable guid
    for (const Variable& v : refi_.project.variables) columns[v.guid] = column_of(v);
    cases::CaseSheet sheet;
    std::set<std::string> declared;
    for (const ReadCase& rc : refi_.cases) {
      cases::CaseRow row;
      row.id = case_label(rc);
      if (row.id.empty() || case_labels_.count(lower(row.id))) {
        skip("case '" + rc.item.name +
             "': no name, or the same name as another case (not carried)");
        continue;
      }
      case_labels_[lower(row.id)] = row.id;
      case_of_guid_[rc.item.guid] = row.id;
      for (const VariableValue& v : rc.item.values) add_value(row, v, columns, sheet, declared);
      add_case_codes(row, rc.code_refs, sheet, declared);
      sheet.rows.push_back(std::move(row));
    }
    store::import_cases(store_, sheet, refi_.file, coder_);
    report_.cases = sheet.rows.size();
  }

  // A case coded as a whole (Case/CodeRef): casebook codes text, so each
  // code becomes a boolean case attribute "code.<key>" = true, which
  // case filters (searches, evidence, matrices) can use.
  void add_case_codes(cases::CaseRow& row, const std::vector<std::string>& refs,
                      cases::CaseSheet& sheet, std::set<std::string>& declared) {
    std::size_t carried = 0;
    for (const std::string& guid : refs) {
      auto key = key_of_guid_.find(guid);
      if (key == key_of_guid_.end()) {
        skip("case " + row.id +
             ": coded as a whole with a code that is not in the file (left out)");
        continue;
      }
      const std::string name = "code." + key->second;
      if (declared.insert(name).second) {
        sheet.columns.push_back({name, cases::AttributeType::Boolean, true});
      }
      row.attributes[name] = "true";
      ++carried;
    }
    if (carried > 0) {
      report_.notes.push_back("case " + row.id + ": coded as a whole with " +
                              std::to_string(carried) +
                              " code(s), carried as boolean case attributes code.<key>");
    }
  }

  static std::string case_label(const ReadCase& rc) {
    const auto [human, block] = split_block(rc.item.description);
    const std::string label = field(block, "case");
    return trim(label.empty() ? rc.item.name : label);
  }

  void add_value(cases::CaseRow& row, const VariableValue& v,
                 const std::map<std::string, CaseColumn>& columns, cases::CaseSheet& sheet,
                 std::set<std::string>& declared) {
    auto it = columns.find(v.variable_guid);
    if (it == columns.end() || it->second.name.empty()) {
      skip("case " + row.id + ": a value of an unknown variable (left out)");
      return;
    }
    const CaseColumn& col = it->second;
    const std::string value = trim(v.value);
    if (value.empty()) return;
    if (col.field == "outcome") {
      row.outcome = value;
      sheet.has_outcome = true;
      return;
    }
    if (col.field == "sub_outcome") {
      row.sub_outcome = value;
      sheet.has_sub_outcome = true;
      return;
    }
    auto canonical = cases::values::canonical(col.type, value);
    if (!canonical) {
      skip("case " + row.id + ": " + col.name + " '" + value + "' is not a " +
           std::string(cases::type_name(col.type)) + " (left out)");
      return;
    }
    if (declared.insert(col.name).second) sheet.columns.push_back({col.name, col.type, true});
    row.attributes[col.name] = *canonical;
  }

  std::vector<std::string> cases_of_source(const SourcePlan& plan) {
    std::set<std::string> out;
    for (const ReadCase& rc : refi_.cases) {
      const auto& refs = rc.item.source_refs;
      if (std::find(refs.begin(), refs.end(), plan.refi->source.guid) == refs.end()) continue;
      auto it = case_of_guid_.find(rc.item.guid);
      if (it != case_of_guid_.end()) out.insert(it->second);
    }
    const auto [human, block] = split_block(plan.refi->source.description);
    for (const std::string& c : fields(block, "case")) {
      auto it = case_labels_.find(lower(c));
      if (it != case_labels_.end()) out.insert(it->second);
    }
    if (plan.existing) {
      if (!out.empty()) {
        skip(plan.existing->label +
             ": already in the project; its case links are left as they are");
      }
      return {};
    }
    return {out.begin(), out.end()};
  }

  // ---- codings ----

  void write_codings() {
    for (const SourcePlan& plan : sources_) {
      for (const auto& [sel, span] : plan.selections) write_selection(plan, *sel, span);
    }
  }

  void write_selection(const SourcePlan& plan, const Selection& sel, const text::Span& span) {
    const auto [human, block] = split_block(sel.description);
    bool any = false;
    for (const Coding& coding : sel.codings) {
      auto key = key_of_guid_.find(coding.code_guid);
      if (key == key_of_guid_.end()) {
        skip(plan.label + " " + std::to_string(span.start) + "-" + std::to_string(span.end) +
             ": a coding with a code that is not in the file (left out)");
        continue;
      }
      std::string coder = user_name(coding.creating_user);
      if (coder.empty()) coder = user_name(sel.creating_user);
      if (coder.empty()) coder = coder_;
      coding::Target target{plan.id, plan.label, span, field(block, "unit")};
      if (target.unit.empty()) target.unit = "range";
      std::optional<std::int64_t> id = insert_coding(target, key->second, coder, block);
      if (!id) continue;
      any = true;
      restore_review(*id, block,
                     coding.creation_time.empty() ? sel.creation_time : coding.creation_time);
      coding_ids_.push_back(*id);
      for (const std::string& note : coding.note_refs)
        memo_targets_[note] = {coding::MemoKind::Coding, *id};
      ++report_.codings;
    }
    if (any) ++report_.selections;
  }

  std::optional<std::int64_t> insert_coding(const coding::Target& target, const std::string& key,
                                            const std::string& coder, const Block& block) {
    std::vector<std::pair<std::string, std::string>> dims;
    for (const std::string& d : fields(block, "dimension")) {
      const auto eq = d.find('=');
      if (eq != std::string::npos) dims.emplace_back(d.substr(0, eq), d.substr(eq + 1));
    }
    const std::string where = target.source_label + " " + std::to_string(target.span.start) + "-" +
                              std::to_string(target.span.end) + " " + key + " by " + coder;
    try {
      return first_added(coding::insert_codings(store_, {target}, {key, dims, ""}, coder), where);
    } catch (const Error& e) {
      if (dims.empty()) {
        skip(where + ": " + e.what() + " (left out)");
        return std::nullopt;
      }
    }
    // insert_codings writes nothing when it throws, so trying again is safe.
    try {
      skip(where + ": dimension values do not fit this codebook (coded without them)");
      return first_added(coding::insert_codings(store_, {target}, {key, {}, ""}, coder), where);
    } catch (const Error& e) {
      skip(where + ": " + e.what() + " (left out)");
      return std::nullopt;
    }
  }

  std::optional<std::int64_t> first_added(const coding::AddResult& result,
                                          const std::string& where) {
    if (result.added.empty()) {
      skip(where + ": the same coder already coded this span with this code (kept once)");
      return std::nullopt;
    }
    return result.added.front();
  }

  // Review decisions and the original time travel in our block; codings of
  // other programs keep their creationDateTime.
  void restore_review(std::int64_t id, const Block& block, const std::string& created) {
    const std::string status = field(block, "review");
    if (status == "accepted" || status == "rejected") {
      SQLite::Statement q(store_.db(),
                          "UPDATE codings SET review_status = ?, reviewed_by = ?, reviewed_at = ?, "
                          "review_reason = ? WHERE id = ?");
      q.bind(1, status);
      store::bind_text_or_null(q, 2, field(block, "reviewed_by"));
      store::bind_text_or_null(q, 3, field(block, "reviewed_at"));
      store::bind_text_or_null(q, 4, field(block, "review_reason"));
      q.bind(5, id);
      q.exec();
    }
    if (!field(block, "recoded_from").empty()) {
      skip("coding " + std::to_string(id) + ": it replaced coding " + field(block, "recoded_from") +
           " in review; that link is not carried");
    }
    if (!created.empty()) {
      SQLite::Statement q(store_.db(), "UPDATE codings SET created_at = ? WHERE id = ?");
      q.bind(1, created);
      q.bind(2, id);
      q.exec();
    }
  }

  // ---- memos ----

  void write_memos() {
    collect_memo_targets();
    for (const Note& note : refi_.project.notes) {
      const std::string body = trim(note.text);
      if (body.empty()) continue;
      std::string coder = user_name(note.creating_user);
      if (coder.empty()) coder = coder_;
      auto target = memo_targets_.find(note.guid);
      if (target == memo_targets_.end()) {
        report_.notes.push_back("note '" + note.name +
                                "' refers to nothing: kept as a project memo");
        coding::insert_memo(store_, coding::MemoKind::Project, 0, body, coder);
      } else {
        coding::insert_memo(store_, target->second.first, target->second.second, body, coder);
      }
      ++report_.memos;
    }
    for (const auto& [guid, text] : source_descriptions_) {
      auto id = source_ids_.find(guid);
      if (id == source_ids_.end()) continue;
      coding::insert_memo(store_, coding::MemoKind::Source, id->second, text, coder_);
      ++report_.memos;
    }
  }

  void collect_memo_targets() {
    for (const std::string& n : refi_.project.note_refs)
      memo_targets_[n] = {coding::MemoKind::Project, 0};
    for (const CodePlan& plan : codes_) {
      if (plan.refi->note_refs.empty()) continue;
      auto found = codebook::find_code(store_, plan.key);
      if (!found) continue;
      for (const std::string& n : plan.refi->note_refs)
        memo_targets_[n] = {coding::MemoKind::Code, found->id};
    }
    for (const SourcePlan& plan : sources_) {
      for (const std::string& n : plan.refi->source.note_refs) {
        memo_targets_[n] = {coding::MemoKind::Source, plan.id};
      }
    }
    for (const Set& set : refi_.project.sets) {
      const auto [human, block] = split_block(set.description);
      const std::string label = field(block, "case_memos");
      if (label.empty()) continue;
      auto info = store::find_case(store_, label);
      if (!info) continue;
      for (const std::string& n : set.member_notes)
        memo_targets_[n] = {coding::MemoKind::Case, info->id};
    }
  }

  // ---- audit and what is not carried ----

  void write_audit() {
    nlohmann::json detail = {{"file", refi_.file},     {"sources", report_.source_labels},
                             {"codings", coding_ids_}, {"codes_created", report_.codes_created},
                             {"cases", report_.cases}, {"memos", report_.memos}};
    store::append_audit(store_, coder_, "refi.import", refi_.file, detail);
  }

  void report_other_parts() {
    if (!refi_.sources.empty() || !refi_.cases.empty()) {
      report_.notes.push_back(
          "only the codebook was imported; sources, cases and codings were not");
    }
  }

  project::Project& project_;
  store::Store& store_;
  const ReadProject& refi_;
  std::string coder_;
  ImportReport report_;
  bool has_codebook_ = false;
  std::map<std::string, std::string> users_;                  // guid -> name
  std::multimap<std::string, std::string> existing_by_path_;  // name path -> key
  std::deque<CodePlan> codes_;
  std::set<std::string> used_keys_;                 // lower-cased
  std::map<std::string, std::string> key_of_guid_;  // code guid -> key
  std::vector<SourcePlan> sources_;
  std::set<std::string> labels_;                            // labels taken by this import
  std::map<std::string, std::string> variable_names_;       // guid -> name
  std::map<std::string, std::string> source_descriptions_;  // source guid -> human text
  std::map<std::string, std::int64_t> source_ids_;          // source guid -> id
  std::map<std::string, std::string> case_labels_;          // lower label -> label
  std::map<std::string, std::string> case_of_guid_;         // case guid -> label
  std::map<std::string, std::pair<coding::MemoKind, std::int64_t>> memo_targets_;  // note guid
  std::vector<std::int64_t> coding_ids_;
};

}  // namespace

ImportReport import_project(project::Project& project, const ReadProject& refi,
                            const std::string& coder) {
  return Importer(project, refi, coder).run(false);
}

ImportReport import_codebook(project::Project& project, const ReadProject& refi,
                             const std::string& coder) {
  if (refi.project.codes.empty()) {
    throw_data(refi.file + ": holds no codes", "export the codebook again with its codes");
  }
  return Importer(project, refi, coder).run(true);
}

}  // namespace casebook::refi

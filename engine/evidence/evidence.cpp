#include "engine/evidence/evidence.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::evidence {
namespace {

struct CodeNode {
  std::string key;
  std::int64_t parent = 0;
};

std::map<std::int64_t, CodeNode> load_code_tree(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT id, key, COALESCE(parent_id, 0) FROM codes");
  std::map<std::int64_t, CodeNode> tree;
  while (q.executeStep()) {
    tree[q.getColumn(0).getInt64()] = {q.getColumn(1).getString(), q.getColumn(2).getInt64()};
  }
  return tree;
}

std::vector<std::string> path_of(const std::map<std::int64_t, CodeNode>& tree, std::int64_t id) {
  std::vector<std::string> path;
  // Bounded walk: a corrupt parent cycle must not hang an export.
  for (std::size_t depth = 0; id != 0 && depth < tree.size(); ++depth) {
    const auto it = tree.find(id);
    if (it == tree.end()) break;
    path.push_back(it->second.key);
    id = it->second.parent;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

struct Speaker {
  std::string informant;  // label, or the name when unmapped
  bool counts = false;    // an informant, not the interviewer
};

std::map<std::string, Speaker> load_speakers(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT name, COALESCE(informant, ''), role FROM speakers");
  std::map<std::string, Speaker> out;
  while (q.executeStep()) {
    const std::string name = text::ascii_lower(q.getColumn(0).getString());
    const std::string informant = q.getColumn(1).getString();
    const std::string role = q.getColumn(2).getString();
    out[name] = {informant.empty() ? q.getColumn(0).getString() : informant,
                 role != "interviewer" && role != "other"};
  }
  return out;
}

struct Turn {
  text::Span span;
  std::string speaker;
};

std::map<std::int64_t, std::vector<Turn>> load_turns(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT source_id, start_cp, end_cp, speaker FROM passages "
                      "WHERE speaker IS NOT NULL AND speaker <> '' ORDER BY source_id, start_cp");
  std::map<std::int64_t, std::vector<Turn>> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()].push_back({{static_cast<std::size_t>(q.getColumn(1).getInt64()),
                                               static_cast<std::size_t>(q.getColumn(2).getInt64())},
                                              q.getColumn(3).getString()});
  }
  return out;
}

std::vector<std::string> informants_in(const std::vector<Turn>* turns, const text::Span& span,
                                       const std::map<std::string, Speaker>& speakers) {
  std::vector<std::string> out;
  if (turns == nullptr) return out;
  for (const Turn& t : *turns) {
    if (t.span.start >= span.end) break;
    if (t.span.end <= span.start) continue;
    const auto it = speakers.find(text::ascii_lower(t.speaker));
    const Speaker who = it == speakers.end() ? Speaker{t.speaker, true} : it->second;
    if (who.counts && std::find(out.begin(), out.end(), who.informant) == out.end()) {
      out.push_back(who.informant);
    }
  }
  return out;
}

bool ends_with_sentence_mark(const std::string& s) {
  const auto last = s.find_last_not_of(" \t\n\"')\u201d\u2019");
  if (last == std::string::npos) return true;
  const char c = s[last];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

// Whether the text before a span ends a sentence or paragraph (so a quote
// starting there needs no leading ellipsis). `before` holds up to three
// characters before the span.
bool starts_at_boundary(const std::string& before) {
  if (before.empty()) return true;
  const auto last = before.find_last_not_of(" \t");
  if (last == std::string::npos) return false;
  if (before[last] == '\n') return true;
  return ends_with_sentence_mark(before.substr(0, last + 1)) && last + 1 < before.size();
}

void check_known(store::Store& store, const EvidenceOptions& options) {
  for (const std::string& key : options.codes) codebook::require_code(store, key);
  for (const std::string& coder : options.coders) {
    SQLite::Statement q(store.db(), "SELECT 1 FROM codings WHERE coder = ? LIMIT 1");
    q.bind(1, coder);
    if (!q.executeStep()) {
      throw_not_found("no coding by coder '" + coder + "'",
                      "see who has coded with casebook agree --coders or casebook codings");
    }
  }
}

void count_left_out(store::Store& store, EvidenceSet& set) {
  SQLite::Statement q(store.db(),
                      "SELECT review_status, count(*) FROM codings WHERE removed_at IS NULL "
                      "GROUP BY review_status");
  while (q.executeStep()) {
    const std::string status = q.getColumn(0).getString();
    const auto n = static_cast<std::size_t>(q.getColumn(1).getInt64());
    if (status == "rejected") set.left_out_rejected = n;
  }
}

void load_cases(store::Store& store, EvidenceSet& set) {
  for (const store::CaseInfo& info : store::list_cases(store)) {
    CaseRecord c;
    c.label = info.label;
    c.outcome = info.outcome;
    c.sub_outcome = info.sub_outcome;
    for (const auto& [name, attribute] : info.attributes) {
      c.attributes[name] = attribute.value;
      c.attribute_types[name] = attribute.type;
    }
    set.cases.push_back(std::move(c));
  }
  SQLite::Statement q(store.db(),
                      "SELECT ca.label, sc.source_id FROM source_cases sc JOIN cases ca ON ca.id = "
                      "sc.case_id ORDER BY sc.source_id");
  std::map<std::string, std::vector<std::int64_t>> by_case;
  while (q.executeStep()) by_case[q.getColumn(0).getString()].push_back(q.getColumn(1).getInt64());
  for (CaseRecord& c : set.cases) c.sources = by_case[c.label];
}

constexpr const char* kEvidenceSelect =
    "SELECT c.id, c.source_id, s.label, s.type, COALESCE(s.council, ''), COALESCE(s.date, ''), "
    "c.start_cp, c.end_cp, c.code_id, c.coder, c.review_status, c.quote, "
    "substr(t.text, max(c.start_cp - 3, 0) + 1, c.start_cp - max(c.start_cp - 3, 0)), "
    "c.end_cp >= t.code_points OR substr(t.text, c.end_cp + 1, 1) = char(10) "
    "FROM codings c JOIN sources s ON s.id = c.source_id "
    "JOIN source_texts t ON t.source_id = c.source_id "
    "WHERE c.removed_at IS NULL AND c.review_status <> 'rejected'";

}  // namespace

bool EvidenceCoding::has_code(const std::string& key) const {
  return std::any_of(code_path.begin(), code_path.end(),
                     [&](const std::string& k) { return text::ascii_iequals(k, key); });
}

const std::string* EvidenceCoding::dim(const std::string& name) const {
  for (const auto& [n, v] : dims) {
    if (text::ascii_iequals(n, name)) return &v;
  }
  return nullptr;
}

const CaseRecord* EvidenceSet::find_case(const std::string& label) const {
  for (const CaseRecord& c : cases) {
    if (text::ascii_iequals(c.label, label)) return &c;
  }
  return nullptr;
}

EvidenceSet load_evidence(store::Store& store, const EvidenceOptions& options) {
  check_known(store, options);
  EvidenceSet set;
  set.codebook = codebook::read_codebook(store);
  load_cases(store, set);
  count_left_out(store, set);
  for (const store::SourceInfo& s : store::list_sources(store)) set.source_labels[s.id] = s.label;

  const auto tree = load_code_tree(store);
  const auto speakers = load_speakers(store);
  const auto turns = load_turns(store);
  std::map<std::int64_t, std::vector<std::string>> cases_of_source;
  for (const CaseRecord& c : set.cases) {
    for (std::int64_t id : c.sources) cases_of_source[id].push_back(c.label);
  }
  std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> dims;
  {
    SQLite::Statement q(store.db(),
                        "SELECT coding_id, dimension, value FROM coding_dimensions "
                        "ORDER BY coding_id, dimension");
    while (q.executeStep()) {
      dims[q.getColumn(0).getInt64()].emplace_back(q.getColumn(1).getString(),
                                                   q.getColumn(2).getString());
    }
  }

  SQLite::Statement q(store.db(), kEvidenceSelect);
  // The same span coded with the same code by several coders (a double-coded
  // sample) is one piece of evidence, not several.
  std::map<std::tuple<std::int64_t, std::size_t, std::size_t, std::string>, std::size_t> seen;
  while (q.executeStep()) {
    const std::string status = q.getColumn(10).getString();
    if (status == "unreviewed" && !options.include_unreviewed) {
      ++set.left_out_unreviewed;
      continue;
    }
    EvidenceCoding e;
    e.id = q.getColumn(0).getInt64();
    e.source_id = q.getColumn(1).getInt64();
    e.source_label = q.getColumn(2).getString();
    e.source_type = q.getColumn(3).getString();
    e.source_class = store::source_type(e.source_type).source_class;
    e.council = q.getColumn(4).getString();
    e.date = q.getColumn(5).getString();
    e.span = {static_cast<std::size_t>(q.getColumn(6).getInt64()),
              static_cast<std::size_t>(q.getColumn(7).getInt64())};
    e.code_path = path_of(tree, q.getColumn(8).getInt64());
    e.code = e.code_path.empty() ? std::string() : e.code_path.back();
    e.coder = q.getColumn(9).getString();
    e.review_status = status;
    e.quote = q.getColumn(11).getString();
    e.starts_sentence = starts_at_boundary(q.getColumn(12).getString());
    e.ends_sentence = q.getColumn(13).getInt() != 0 || ends_with_sentence_mark(e.quote);
    if (!options.codes.empty() &&
        std::none_of(options.codes.begin(), options.codes.end(),
                     [&](const std::string& k) { return e.has_code(k); })) {
      continue;
    }
    if (!options.coders.empty() &&
        std::find(options.coders.begin(), options.coders.end(), e.coder) == options.coders.end()) {
      continue;
    }
    const auto key = std::make_tuple(e.source_id, e.span.start, e.span.end, e.code);
    if (const auto it = seen.find(key); it != seen.end()) {
      EvidenceCoding& first = set.codings[it->second];
      if (e.coder != first.coder) first.also_coded_by.push_back(e.coder);
      if (e.review_status == "accepted") first.review_status = "accepted";
      ++set.merged_duplicates;
      continue;
    }
    if (const auto it = cases_of_source.find(e.source_id); it != cases_of_source.end())
      e.cases = it->second;
    if (const auto it = dims.find(e.id); it != dims.end()) e.dims = it->second;
    const auto t = turns.find(e.source_id);
    e.informants = informants_in(t == turns.end() ? nullptr : &t->second, e.span, speakers);
    e.citation = e.informants.size() == 1 && e.source_class == store::SourceClass::Interview
                     ? e.informants.front()
                     : e.source_label;
    seen[key] = set.codings.size();
    set.codings.push_back(std::move(e));
  }
  std::stable_sort(
      set.codings.begin(), set.codings.end(), [](const EvidenceCoding& a, const EvidenceCoding& b) {
        return std::make_tuple(store::label_sort_key(a.source_label), a.span.start, a.span.end,
                               a.code) < std::make_tuple(store::label_sort_key(b.source_label),
                                                         b.span.start, b.span.end, b.code);
      });
  return set;
}

// ---------------------------------------------------------------------------

std::vector<std::string> Grouping::cases_in(const std::string& group) const {
  std::vector<std::string> out;
  for (const auto& [label, g] : group_of_case) {
    if (g == group) out.push_back(label);
  }
  return out;
}

namespace {

constexpr const char* kNoValue = "(none)";

bool sorts_by_value(const std::string& type) {
  return type == "integer" || type == "decimal" || type == "date";
}

std::string group_value(const CaseRecord& c, const std::string& by) {
  if (by == "outcome") return c.outcome;
  if (by == "sub-outcome") return c.sub_outcome;
  if (by == "case") return c.label;
  const auto it = c.attributes.find(by);
  return it == c.attributes.end() ? std::string() : it->second;
}

std::string canonical_grouping(const EvidenceSet& evidence, const std::string& raw) {
  const std::string by = text::ascii_lower(raw);
  if (by == "outcome" || by == "case") return by;
  if (by == "sub-outcome" || by == "sub_outcome" || by == "suboutcome") return "sub-outcome";
  if (by == "cases") return "case";
  std::set<std::string> names;
  for (const CaseRecord& c : evidence.cases) {
    for (const auto& [name, value] : c.attributes) {
      if (text::ascii_iequals(name, raw)) return name;
      names.insert(name);
    }
  }
  std::string known = "outcome, sub-outcome, case";
  for (const std::string& n : names) known += ", " + n;
  throw_usage("cannot group cases by '" + raw + "': no case has that attribute",
              "group by one of: " + known);
}

std::vector<std::string> grouping_keys(const EvidenceSet& evidence, const std::string& raw_by) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  while (start <= raw_by.size()) {
    const std::size_t end = std::min(raw_by.find(',', start), raw_by.size());
    std::string part = raw_by.substr(start, end - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) keys.push_back(canonical_grouping(evidence, part));
    start = end + 1;
  }
  if (keys.empty()) keys.push_back("outcome");
  return keys;
}

// "dissolved: merger": each key's value refines the one before, where it has one.
std::string combined_value(const CaseRecord& c, const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& key : keys) {
    const std::string value = group_value(c, key);
    if (value.empty()) continue;
    out += (out.empty() ? "" : ": ") + value;
  }
  return out;
}

}  // namespace

Grouping group_cases(const EvidenceSet& evidence, const std::string& raw_by) {
  Grouping g;
  const std::vector<std::string> keys = grouping_keys(evidence, raw_by);
  for (const std::string& key : keys) g.by += (g.by.empty() ? "" : ", ") + key;
  std::string type = "text";
  for (const CaseRecord& c : evidence.cases) {
    if (const auto it = c.attribute_types.find(keys.front());
        keys.size() == 1 && it != c.attribute_types.end())
      type = it->second;
  }
  for (const CaseRecord& c : evidence.cases) {
    std::string value = combined_value(c, keys);
    if (value.empty()) value = kNoValue;
    g.group_of_case[c.label] = value;
    if (std::find(g.groups.begin(), g.groups.end(), value) == g.groups.end()) {
      g.groups.push_back(value);
    }
  }
  if (sorts_by_value(type)) {
    std::stable_sort(g.groups.begin(), g.groups.end(),
                     [&](const std::string& a, const std::string& b) {
                       if (a == kNoValue || b == kNoValue) return b == kNoValue && a != kNoValue;
                       if (type == "date") return a < b;
                       return std::stod(a) < std::stod(b);
                     });
  } else {
    // "(none)" last whatever the order of the cases.
    std::stable_partition(g.groups.begin(), g.groups.end(),
                          [](const std::string& v) { return v != kNoValue; });
  }
  return g;
}

std::string cite_together(std::vector<std::string> labels) {
  std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
    return store::label_sort_key(a) < store::label_sort_key(b);
  });
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  std::vector<std::pair<std::string, std::vector<std::string>>> by_prefix;
  for (const std::string& label : labels) {
    const auto [prefix, number, whole] = store::label_sort_key(label);
    const std::string group = number < 0 ? whole : prefix;
    if (by_prefix.empty() || by_prefix.back().first != group || number < 0) {
      by_prefix.push_back({group, {}});
    }
    by_prefix.back().second.push_back(number < 0 ? whole : std::to_string(number));
  }
  std::string out;
  for (const auto& [prefix, numbers] : by_prefix) {
    if (!out.empty()) out += "; ";
    if (numbers.size() == 1) {
      out += numbers.front() == prefix ? prefix : prefix + "-" + numbers.front();
      continue;
    }
    out += prefix + "s-" + numbers.front();
    for (std::size_t i = 1; i < numbers.size(); ++i) out += ", -" + numbers[i];
  }
  return out;
}

}  // namespace casebook::evidence

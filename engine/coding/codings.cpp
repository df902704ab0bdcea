#include "engine/coding/codings.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/memos.hpp"
#include "engine/coding/review.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/normalize.hpp"

namespace casebook::coding {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct DimensionRule {
  std::string name;   // as the codebook spells it
  std::string level;  // nominal, ordinal, interval, ratio
  std::vector<std::string> values;
  std::optional<double> min, max;
  bool required = false;
};

std::vector<DimensionRule> dimension_rules(store::Store& store, std::int64_t code_id) {
  SQLite::Statement q(store.db(),
                      "SELECT d.name, d.level, d.min_value, d.max_value, cd.required "
                      "FROM code_dimensions cd JOIN dimensions d ON d.name = cd.dimension "
                      "WHERE cd.code_id = ? ORDER BY d.position");
  q.bind(1, code_id);
  std::vector<DimensionRule> rules;
  while (q.executeStep()) {
    DimensionRule r;
    r.name = q.getColumn(0).getString();
    r.level = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) r.min = q.getColumn(2).getDouble();
    if (!q.getColumn(3).isNull()) r.max = q.getColumn(3).getDouble();
    r.required = q.getColumn(4).getInt() != 0;
    rules.push_back(std::move(r));
  }
  SQLite::Statement v(store.db(),
                      "SELECT value FROM dimension_values WHERE dimension = ? ORDER BY position");
  for (auto& r : rules) {
    v.reset();
    v.bind(1, r.name);
    while (v.executeStep()) r.values.push_back(v.getColumn(0).getString());
  }
  return rules;
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string canonical_value(const DimensionRule& rule, const std::string& code,
                            const std::string& value) {
  if (rule.level == "interval" || rule.level == "ratio") {
    std::size_t used = 0;
    double number = 0;
    try {
      number = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size()) {
      throw_usage("--dim " + rule.name + "=" + value + ": " + rule.name + " takes a number",
                  "e.g. --dim " + rule.name + "=3");
    }
    if ((rule.min && number < *rule.min) || (rule.max && number > *rule.max)) {
      throw_usage("--dim " + rule.name + "=" + value + " is outside the allowed range",
                  "'casebook codebook show " + code + "' gives the range");
    }
    return value;
  }
  for (const auto& allowed : rule.values) {
    if (lower(allowed) == lower(value)) return allowed;
  }
  throw_usage(
      "--dim " + rule.name + "=" + value + ": '" + value + "' is not a value of " + rule.name,
      "allowed values: " + join(rule.values));
}

// Ids of the other active codes sharing an exclusive group with `code_id`.
std::vector<std::int64_t> exclusive_partners(store::Store& store, std::int64_t code_id) {
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT other.code_id FROM exclusive_groups mine "
                      "JOIN exclusive_groups other ON other.name = mine.name "
                      "WHERE mine.code_id = ? AND other.code_id <> mine.code_id");
  q.bind(1, code_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void check_exclusive(store::Store& store, std::int64_t code_id, const std::string& code_key,
                     const std::vector<Target>& targets, const std::string& coder) {
  const auto partners = exclusive_partners(store, code_id);
  if (partners.empty()) return;
  nlohmann::json ids = partners;
  SQLite::Statement q(store.db(),
                      "SELECT c.id, k.key FROM codings c JOIN codes k ON k.id = c.code_id "
                      "WHERE c.source_id = ? AND c.coder = ? AND c.removed_at IS NULL "
                      "AND c.start_cp < ? AND c.end_cp > ? "
                      "AND c.code_id IN (SELECT value FROM json_each(?)) LIMIT 1");
  const std::string id_list = ids.dump();
  for (const auto& t : targets) {
    q.reset();
    q.bind(1, t.source_id);
    q.bind(2, coder);
    q.bind(3, static_cast<std::int64_t>(t.span.end));
    q.bind(4, static_cast<std::int64_t>(t.span.start));
    q.bind(5, id_list);
    if (q.executeStep()) {
      throw_conflict(
          code_key + " and " + q.getColumn(1).getString() +
              " are mutually exclusive, and you coded " + t.source_label + " " +
              std::to_string(t.span.start) + ":" + std::to_string(t.span.end) +
              " (or part of it) with " + q.getColumn(1).getString() + " as coding " +
              std::to_string(q.getColumn(0).getInt64()),
          "remove that coding first: casebook uncode " + std::to_string(q.getColumn(0).getInt64()));
    }
  }
}

bool already_coded(store::Store& store, std::int64_t code_id, const Target& t,
                   const std::string& coder) {
  SQLite::Statement q(store.db(),
                      "SELECT 1 FROM codings WHERE source_id = ? AND code_id = ? AND coder = ? "
                      "AND start_cp = ? AND end_cp = ? AND removed_at IS NULL");
  q.bind(1, t.source_id);
  q.bind(2, code_id);
  q.bind(3, coder);
  q.bind(4, static_cast<std::int64_t>(t.span.start));
  q.bind(5, static_cast<std::int64_t>(t.span.end));
  return q.executeStep();
}

std::string quote_of(store::Store& store, std::int64_t source_id, text::Span span) {
  // substr counts characters (code points) in SQLite, 1-based.
  SQLite::Statement q(store.db(),
                      "SELECT substr(text, ?, ?) FROM source_texts WHERE source_id = ?");
  q.bind(1, static_cast<std::int64_t>(span.start + 1));
  q.bind(2, static_cast<std::int64_t>(span.length()));
  q.bind(3, source_id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::vector<std::int64_t> source_ids(store::Store& store, const std::vector<std::string>& labels) {
  std::vector<std::int64_t> out;
  for (const auto& l : labels) out.push_back(store::require_source(store, l).id);
  return out;
}

std::vector<std::int64_t> code_ids(store::Store& store, const std::vector<std::string>& keys) {
  std::vector<std::int64_t> out;
  for (const auto& k : keys) {
    // Retired codes are allowed here: their old codings can still be listed.
    const auto code = codebook::find_code(store, k);
    const std::int64_t id = code ? code->id : codebook::require_code(store, k).id;
    for (auto d : codebook::code_and_descendants(store, id)) out.push_back(d);
  }
  return out;
}

std::vector<std::int64_t> case_ids(store::Store& store, const std::vector<std::string>& labels) {
  std::vector<std::int64_t> out;
  SQLite::Statement q(store.db(), "SELECT id FROM cases WHERE label = ? COLLATE NOCASE");
  for (const auto& l : labels) {
    q.reset();
    q.bind(1, l);
    if (!q.executeStep()) {
      throw_not_found("case '" + l + "' does not exist", "'casebook cases' lists the cases");
    }
    out.push_back(q.getColumn(0).getInt64());
  }
  return out;
}

// Binds a JSON array of ids, or NULL for "no filter".
template <typename T>
void bind_list(SQLite::Statement& q, int index, const std::vector<T>& items, bool given) {
  if (!given) {
    q.bind(index);
    return;
  }
  q.bind(index, nlohmann::json(items).dump());
}

void load_details(store::Store& store, CodingView& v) {
  SQLite::Statement d(store.db(),
                      "SELECT cd.dimension, cd.value FROM coding_dimensions cd "
                      "LEFT JOIN dimensions d ON d.name = cd.dimension "
                      "WHERE cd.coding_id = ? ORDER BY d.position, cd.dimension");
  d.bind(1, v.id);
  while (d.executeStep())
    v.dims.emplace_back(d.getColumn(0).getString(), d.getColumn(1).getString());
  SQLite::Statement m(store.db(),
                      "SELECT text FROM memos WHERE target_kind = 'coding' AND target_id = ? "
                      "AND removed_at IS NULL ORDER BY id");
  m.bind(1, v.id);
  while (m.executeStep()) v.memos.push_back(m.getColumn(0).getString());
}

}  // namespace

std::pair<std::string, std::string> parse_dimension_arg(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw_usage("--dim '" + arg + "' is not NAME=VALUE", "e.g. --dim direction=negative");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

std::vector<std::pair<std::string, std::string>> check_dimensions(
    store::Store& store, const std::string& code_key,
    const std::vector<std::pair<std::string, std::string>>& dims) {
  const codebook::CodeRecord code = codebook::require_code(store, code_key);
  const auto rules = dimension_rules(store, code.id);
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const auto& [name, value] : dims) {
    // A copy, not the structured binding: lambdas may capture those only
    // from C++20 on, and clang 14 refuses it.
    const std::string wanted = lower(name);
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const DimensionRule& r) { return lower(r.name) == wanted; });
    if (rule == rules.end()) {
      std::vector<std::string> names;
      for (const auto& r : rules) names.push_back(r.name);
      throw_usage("--dim " + name + "=" + value + ": code " + code.code.key +
                      " does not take the dimension '" + name + "'",
                  names.empty() ? "this code takes no dimensions" : "it takes: " + join(names));
    }
    if (!seen.insert(lower(rule->name)).second) {
      throw_usage("--dim " + rule->name + " is given twice", "give each dimension once");
    }
    out.emplace_back(rule->name, canonical_value(*rule, code.code.key, value));
  }
  for (const auto& r : rules) {
    if (r.required && !seen.count(lower(r.name))) {
      throw_usage("code " + code.code.key + " needs a value for the dimension " + r.name,
                  "add --dim " + r.name + "=VALUE" +
                      (r.values.empty() ? "" : " (" + join(r.values, " | ") + ")"));
    }
  }
  return out;
}

AddResult insert_codings(store::Store& store, const std::vector<Target>& targets,
                         const CodeSpec& spec, const std::string& coder) {
  const codebook::CodeRecord code = codebook::require_code(store, spec.code);
  const auto dims = check_dimensions(store, code.code.key, spec.dims);
  check_exclusive(store, code.id, code.code.key, targets, coder);

  AddResult result;
  SQLite::Statement insert(store.db(),
                           "INSERT INTO codings(source_id, start_cp, end_cp, code_id, coder, "
                           "unit, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement insert_dim(
      store.db(), "INSERT INTO coding_dimensions(coding_id, dimension, value) VALUES (?, ?, ?)");
  const std::string now = store::utc_now();
  for (const auto& t : targets) {
    if (already_coded(store, code.id, t, coder)) {
      ++result.already_coded;
      continue;
    }
    insert.reset();
    insert.bind(1, t.source_id);
    insert.bind(2, static_cast<std::int64_t>(t.span.start));
    insert.bind(3, static_cast<std::int64_t>(t.span.end));
    insert.bind(4, code.id);
    insert.bind(5, coder);
    insert.bind(6, t.unit);
    insert.bind(7, quote_of(store, t.source_id, t.span));
    insert.bind(8, now);
    insert.exec();
    const std::int64_t id = store.db().getLastInsertRowid();
    for (const auto& [name, value] : dims) {
      insert_dim.reset();
      insert_dim.bind(1, id);
      insert_dim.bind(2, name);
      insert_dim.bind(3, value);
      insert_dim.exec();
    }
    if (!spec.memo.empty()) insert_memo(store, MemoKind::Coding, id, spec.memo, coder);
    result.added.push_back(id);
  }
  return result;
}

AddResult add_codings(store::Store& store, const std::vector<Target>& targets, const CodeSpec& spec,
                      const std::string& coder) {
  AddResult result = insert_codings(store, targets, spec, coder);
  if (result.added.empty()) return result;
  const codebook::CodeRecord code = codebook::require_code(store, spec.code);
  const auto dims = check_dimensions(store, code.code.key, spec.dims);
  std::set<std::string> sources;
  for (const auto& t : targets) sources.insert(t.source_label);
  nlohmann::json dim_json = nlohmann::json::object();
  for (const auto& [name, value] : dims) dim_json[name] = value;
  const std::string target =
      sources.size() == 1 ? *sources.begin() : std::to_string(sources.size()) + " sources";
  result.audit_id = store::append_audit(store, coder, "code.add", target,
                                        {{"code", code.code.key},
                                         {"codings", result.added},
                                         {"unit", targets.empty() ? "" : targets.front().unit},
                                         {"dims", dim_json},
                                         {"memo", spec.memo}});
  return result;
}

namespace {

// The conditions of a CodingFilter on codings `c`, bound by bind_filter.
constexpr const char* kFilterConditions =
    "WHERE (?1 OR c.removed_at IS NULL) "
    "  AND (?2 IS NULL OR c.source_id IN (SELECT value FROM json_each(?2))) "
    "  AND (?3 IS NULL OR c.code_id IN (SELECT value FROM json_each(?3))) "
    "  AND (?4 IS NULL OR c.coder IN (SELECT value FROM json_each(?4))) "
    "  AND (?5 IS NULL OR c.source_id IN (SELECT sc.source_id FROM source_cases sc "
    "                    WHERE sc.case_id IN (SELECT value FROM json_each(?5)))) "
    "  AND (?6 IS NULL OR c.id IN (SELECT value FROM json_each(?6))) "
    "  AND (?7 IS NULL OR c.coder = ?7) "
    "  AND (?8 IS NULL OR c.review_status IN (SELECT value FROM json_each(?8))) "
    "  AND (?9 OR c.review_status <> 'rejected') ";

void bind_filter(store::Store& store, SQLite::Statement& q, const CodingFilter& filter) {
  const auto sources = source_ids(store, filter.sources);
  const auto codes = code_ids(store, filter.codes);
  const auto cases = case_ids(store, filter.cases);
  q.bind(1, filter.include_removed ? 1 : 0);
  bind_list(q, 2, sources, !filter.sources.empty());
  bind_list(q, 3, codes, !filter.codes.empty());
  bind_list(q, 4, filter.coders, !filter.coders.empty());
  bind_list(q, 5, cases, !filter.cases.empty());
  bind_list(q, 6, filter.ids, !filter.ids.empty());
  if (filter.only_coder) {
    q.bind(7, *filter.only_coder);
  } else {
    q.bind(7);
  }
  for (const auto& status : filter.statuses) parse_review_status(status);  // a typo is an error
  bind_list(q, 8, filter.statuses, !filter.statuses.empty());
  const bool asks_rejected = std::find(filter.statuses.begin(), filter.statuses.end(),
                                       "rejected") != filter.statuses.end();
  q.bind(9, filter.include_rejected || asks_rejected ? 1 : 0);
}

}  // namespace

std::map<std::string, std::size_t> count_codings_by_review(store::Store& store,
                                                           const CodingFilter& filter) {
  SQLite::Statement q(store.db(), std::string("SELECT c.review_status, count(*) FROM codings c ") +
                                      kFilterConditions + "GROUP BY c.review_status");
  bind_filter(store, q, filter);
  std::map<std::string, std::size_t> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getString()] = static_cast<std::size_t>(q.getColumn(1).getInt64());
  }
  return out;
}

std::vector<CodingView> codings_overlapping(store::Store& store, const CodingFilter& filter,
                                            const text::Span& span) {
  std::vector<CodingView> out;
  for (CodingView& c : list_codings(store, filter)) {
    if (c.span.start < span.end && span.start < c.span.end) out.push_back(std::move(c));
  }
  return out;
}

std::vector<CodingView> list_codings(store::Store& store, const CodingFilter& filter) {
  SQLite::Statement q(
      store.db(),
      std::string(
          "SELECT c.id, c.source_id, s.label, c.start_cp, c.end_cp, k.key, c.coder, c.unit, "
          "       c.quote, c.created_at, c.removed_at, c.removed_by, c.removed_reason, "
          "       c.review_status, c.reviewed_by, c.reviewed_at, c.review_reason, c.recoded_from "
          "FROM codings c JOIN sources s ON s.id = c.source_id JOIN codes k ON k.id = c.code_id ") +
          kFilterConditions + "ORDER BY c.source_id, c.start_cp, c.end_cp, c.id");
  bind_filter(store, q, filter);
  std::vector<CodingView> out;
  while (q.executeStep()) {
    CodingView v;
    v.id = q.getColumn(0).getInt64();
    v.source_id = q.getColumn(1).getInt64();
    v.source_label = q.getColumn(2).getString();
    v.span = {static_cast<std::size_t>(q.getColumn(3).getInt64()),
              static_cast<std::size_t>(q.getColumn(4).getInt64())};
    v.code = q.getColumn(5).getString();
    v.coder = q.getColumn(6).getString();
    v.unit = q.getColumn(7).getString();
    v.quote = q.getColumn(8).getString();
    v.created_at = q.getColumn(9).getString();
    v.removed_at = optional_text(q.getColumn(10));
    v.removed_by = optional_text(q.getColumn(11));
    v.removed_reason = optional_text(q.getColumn(12));
    v.review_status = q.getColumn(13).getString();
    v.reviewed_by = optional_text(q.getColumn(14));
    v.reviewed_at = optional_text(q.getColumn(15));
    v.review_reason = optional_text(q.getColumn(16));
    if (!q.getColumn(17).isNull()) v.recoded_from = q.getColumn(17).getInt64();
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const CodingView& a, const CodingView& b) {
    return store::label_sort_key(a.source_label) < store::label_sort_key(b.source_label);
  });
  if (filter.limit && out.size() > filter.limit) out.resize(filter.limit);
  for (auto& v : out) load_details(store, v);
  return out;
}

void mark_codings_removed(store::Store& store, const std::vector<std::int64_t>& ids,
                          const std::string& coder, const std::string& reason) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET removed_at = ?, removed_by = ?, removed_reason = ? "
                      "WHERE id = ? AND removed_at IS NULL");
  const std::string now = store::utc_now();
  for (auto id : ids) {
    q.reset();
    q.bind(1, now);
    q.bind(2, coder);
    q.bind(3, reason);
    q.bind(4, id);
    q.exec();
  }
}

void restore_codings(store::Store& store, const std::vector<std::int64_t>& ids) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET removed_at = NULL, removed_by = NULL, "
                      "removed_reason = NULL WHERE id = ?");
  for (auto id : ids) {
    q.reset();
    q.bind(1, id);
    q.exec();
  }
}

std::int64_t remove_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& viewer, const std::string& reason) {
  if (ids.empty()) throw_usage("no coding to remove", "give coding ids from 'casebook codings'");
  CodingFilter filter;
  filter.ids = ids;
  filter.only_coder = viewer.only();
  const auto found = list_codings(store, filter);
  std::set<std::int64_t> active;
  for (const auto& v : found) active.insert(v.id);
  for (auto id : ids) {
    if (!active.count(id)) {
      throw_not_found("coding " + std::to_string(id) + " does not exist or is already removed" +
                          (viewer.blind ? " (in blind mode you see only your own codings)" : ""),
                      "'casebook codings' lists codings with their ids");
    }
  }
  mark_codings_removed(store, ids, viewer.coder, reason);
  nlohmann::json codings = nlohmann::json::array();
  for (const auto& v : found) {
    codings.push_back({{"id", v.id},
                       {"source", v.source_label},
                       {"code", v.code},
                       {"coder", v.coder},
                       {"span", {v.span.start, v.span.end}}});
  }
  const std::string target =
      found.size() == 1 ? found.front().source_label : std::to_string(found.size()) + " codings";
  return store::append_audit(store, viewer.coder, "code.remove", target,
                             {{"codings", ids}, {"reason", reason}, {"before", codings}});
}

}  // namespace casebook::coding

#include "engine/coding/suggestions.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/search/query.hpp"
#include "engine/search/searcher.hpp"
#include "engine/store/audit.hpp"

namespace casebook::coding {
namespace {

struct QueryCode {
  std::int64_t id = 0;
  std::string key;
  std::vector<std::string> queries;
};

// Active codes (optionally only `keys` and their sub-codes) with their queries.
std::vector<QueryCode> codes_to_run(store::Store& store, const std::vector<std::string>& keys) {
  std::vector<std::int64_t> wanted;
  for (const auto& k : keys) {
    for (auto id : codebook::code_and_descendants(store, codebook::require_code(store, k).id)) {
      wanted.push_back(id);
    }
  }
  SQLite::Statement q(store.db(),
                      "SELECT c.id, c.key, q.query FROM codes c "
                      "LEFT JOIN code_queries q ON q.code_id = c.id "
                      "WHERE c.retired_at IS NULL "
                      "AND (?1 IS NULL OR c.id IN (SELECT value FROM json_each(?1))) "
                      "ORDER BY c.id, q.position");
  if (keys.empty()) {
    q.bind(1);
  } else {
    q.bind(1, nlohmann::json(wanted).dump());
  }
  std::vector<QueryCode> out;
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (out.empty() || out.back().id != id) out.push_back({id, q.getColumn(1).getString(), {}});
    if (!q.getColumn(2).isNull()) out.back().queries.push_back(q.getColumn(2).getString());
  }
  return out;
}

struct Hit {
  Target target;
  std::string query;
  double weight = 0;
};

std::vector<WeightedTarget> weighted_targets(project::Project& project, const std::string& query,
                                             Unit unit, const search::SearchOptions& options) {
  if (unit == Unit::Sentence) {
    return targets_of_hits(project.store(), search::search(project, query, options), unit,
                           "suggestion");
  }
  // Passages need no text or weights: the cheap path, which is what makes
  // auto-coding a large corpus fast. Suggestions are then shown in corpus order.
  std::vector<WeightedTarget> out;
  for (auto& t : passages_by_id(project.store(), search::matching_passages(project, query, options),
                                "suggestion")) {
    out.push_back({std::move(t), 0.0});
  }
  return out;
}

// The spans the code's queries find, once each (the first query that found a
// span names it; the highest weight is kept).
std::vector<Hit> hits_of(project::Project& project, const QueryCode& code, Unit unit,
                         const std::string& owner) {
  std::map<std::tuple<std::int64_t, std::size_t, std::size_t>, Hit> by_span;
  for (const auto& query : code.queries) {
    search::SearchOptions options;
    options.limit = search::kAllHits;
    options.visible_coder = owner;
    for (const auto& t : weighted_targets(project, query, unit, options)) {
      const auto key = std::make_tuple(t.target.source_id, t.target.span.start, t.target.span.end);
      auto [it, inserted] = by_span.try_emplace(key, Hit{t.target, query, t.weight});
      if (!inserted && t.weight > it->second.weight) it->second.weight = t.weight;
    }
  }
  std::vector<Hit> out;
  for (auto& [key, hit] : by_span) out.push_back(std::move(hit));
  return out;
}

// Why a hit is (or is not) a new suggestion. The two lookups run once per
// hit, so their statements are prepared once per autocode run: preparing
// them per hit was most of autocode's time on a large corpus.
class HitTriage {
 public:
  enum class Verdict { AlreadyCoded, AlreadySuggested, New };

  HitTriage(store::Store& store, std::string owner)
      : owner_(std::move(owner)),
        coded_(store.db(),
               "SELECT 1 FROM codings WHERE source_id = ? AND code_id = ? AND coder = ? "
               "AND removed_at IS NULL AND start_cp < ? AND end_cp > ? LIMIT 1"),
        suggested_(store.db(),
                   "SELECT 1 FROM suggestions WHERE owner = ? AND code_id = ? AND source_id = ? "
                   "AND start_cp = ? AND end_cp = ?") {}

  Verdict classify(std::int64_t code_id, const Target& t) {
    if (owner_coded_overlap(code_id, t)) return Verdict::AlreadyCoded;
    if (already_suggested(code_id, t)) return Verdict::AlreadySuggested;
    return Verdict::New;
  }

 private:
  // Any live coding of the owner's with this code that overlaps the span.
  bool owner_coded_overlap(std::int64_t code_id, const Target& t) {
    coded_.reset();
    coded_.bind(1, t.source_id);
    coded_.bind(2, code_id);
    coded_.bind(3, owner_);
    coded_.bind(4, static_cast<std::int64_t>(t.span.end));
    coded_.bind(5, static_cast<std::int64_t>(t.span.start));
    return coded_.executeStep();
  }

  // The same span was suggested before, whatever was decided about it.
  bool already_suggested(std::int64_t code_id, const Target& t) {
    suggested_.reset();
    suggested_.bind(1, owner_);
    suggested_.bind(2, code_id);
    suggested_.bind(3, t.source_id);
    suggested_.bind(4, static_cast<std::int64_t>(t.span.start));
    suggested_.bind(5, static_cast<std::int64_t>(t.span.end));
    return suggested_.executeStep();
  }

  std::string owner_;
  SQLite::Statement coded_;
  SQLite::Statement suggested_;
};

constexpr const char* kSuggestionColumns =
    "SELECT g.id, k.key, g.source_id, s.label, g.start_cp, g.end_cp, g.query, g.weight, "
    "g.status, g.coding_id, substr(t.text, g.start_cp + 1, g.end_cp - g.start_cp) "
    "FROM suggestions g JOIN codes k ON k.id = g.code_id JOIN sources s ON s.id = g.source_id "
    "JOIN source_texts t ON t.source_id = g.source_id ";

SuggestionView read_suggestion(SQLite::Statement& q) {
  SuggestionView v;
  v.id = q.getColumn(0).getInt64();
  v.code = q.getColumn(1).getString();
  v.source_id = q.getColumn(2).getInt64();
  v.source_label = q.getColumn(3).getString();
  v.span = {static_cast<std::size_t>(q.getColumn(4).getInt64()),
            static_cast<std::size_t>(q.getColumn(5).getInt64())};
  v.query = q.getColumn(6).getString();
  v.weight = q.getColumn(7).getDouble();
  v.status = q.getColumn(8).getString();
  if (!q.getColumn(9).isNull()) v.coding_id = q.getColumn(9).getInt64();
  v.text = q.getColumn(10).getString();
  return v;
}

void mark_matches(SuggestionView& v) {
  try {
    v.matches = search::find_query_matches(v.text, v.query);
  } catch (const Error&) {
    // The codebook changed the query since; show the text unmarked.
  }
}

void set_status(store::Store& store, std::int64_t id, const std::string& status,
                std::optional<std::int64_t> coding_id) {
  SQLite::Statement q(
      store.db(), "UPDATE suggestions SET status = ?, decided_at = ?, coding_id = ? WHERE id = ?");
  q.bind(1, status);
  if (status == "pending") {
    q.bind(2);
  } else {
    q.bind(2, store::utc_now());
  }
  if (coding_id) {
    q.bind(3, *coding_id);
  } else {
    q.bind(3);
  }
  q.bind(4, id);
  q.exec();
}

// One of the owner's suggestions, whatever its status.
SuggestionView require_owned(store::Store& store, std::int64_t id, const std::string& owner) {
  SQLite::Statement q(store.db(),
                      std::string(kSuggestionColumns) + "WHERE g.id = ? AND g.owner = ?");
  q.bind(1, id);
  q.bind(2, owner);
  if (!q.executeStep()) {
    throw_not_found("suggestion " + std::to_string(id) + " is not one of " + owner + "'s",
                    "'casebook suggestions next' shows your next suggestion and its id");
  }
  return read_suggestion(q);
}

SuggestionView require_open(store::Store& store, std::int64_t id, const std::string& owner) {
  SuggestionView v = require_owned(store, id, owner);
  if (v.status == "accepted" || v.status == "rejected") {
    throw_conflict("suggestion " + std::to_string(id) + " was already " + v.status,
                   "'casebook undo' reverses your last decision");
  }
  return v;
}

}  // namespace

AutocodeReport autocode(project::Project& project, const std::string& owner,
                        const AutocodeOptions& options) {
  store::Store& store = project.store();
  AutocodeReport report;
  SQLite::Statement insert(store.db(),
                           "INSERT INTO suggestions(owner, code_id, source_id, start_cp, end_cp, "
                           "query, weight, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  HitTriage triage(store, owner);
  const std::string now = store::utc_now();
  std::int64_t first_id = 0, last_id = 0;
  for (const QueryCode& code : codes_to_run(store, options.codes)) {
    if (code.queries.empty()) {
      ++report.codes_without_queries;
      continue;
    }
    AutocodeCodeReport r;
    r.code = code.key;
    r.queries = code.queries.size();
    const auto hits = hits_of(project, code, options.unit, owner);
    r.hits = hits.size();
    for (const Hit& hit : hits) {
      const auto verdict = triage.classify(code.id, hit.target);
      if (verdict == HitTriage::Verdict::AlreadyCoded) {
        ++r.already_coded;
      } else if (verdict == HitTriage::Verdict::AlreadySuggested) {
        ++r.already_suggested;
      } else {
        ++r.new_suggestions;
        if (options.dry_run) continue;
        insert.reset();
        insert.bind(1, owner);
        insert.bind(2, code.id);
        insert.bind(3, hit.target.source_id);
        insert.bind(4, static_cast<std::int64_t>(hit.target.span.start));
        insert.bind(5, static_cast<std::int64_t>(hit.target.span.end));
        insert.bind(6, hit.query);
        insert.bind(7, hit.weight);
        insert.bind(8, now);
        insert.exec();
        last_id = store.db().getLastInsertRowid();
        if (!first_id) first_id = last_id;
      }
    }
    report.new_suggestions += r.new_suggestions;
    report.codes.push_back(std::move(r));
  }
  if (!options.dry_run && report.new_suggestions > 0) {
    nlohmann::json per_code = nlohmann::json::object();
    for (const auto& r : report.codes) per_code[r.code] = r.new_suggestions;
    report.audit_id =
        store::append_audit(store, owner, "suggestion.autocode", "corpus",
                            {{"new", report.new_suggestions},
                             {"unit", options.unit == Unit::Passage ? "passage" : "sentence"},
                             {"codes", per_code},
                             {"first_id", first_id},
                             {"last_id", last_id}});
  }
  return report;
}

SuggestionCounts count_suggestions(store::Store& store, const std::string& owner,
                                   const std::optional<std::string>& code) {
  std::optional<std::int64_t> code_id;
  if (code) code_id = codebook::require_code(store, *code).id;
  SQLite::Statement q(store.db(),
                      "SELECT status, count(*) FROM suggestions WHERE owner = ?1 "
                      "AND (?2 IS NULL OR code_id = ?2) GROUP BY status");
  q.bind(1, owner);
  if (code_id) {
    q.bind(2, *code_id);
  } else {
    q.bind(2);
  }
  SuggestionCounts c;
  while (q.executeStep()) {
    const std::string status = q.getColumn(0).getString();
    const auto n = static_cast<std::size_t>(q.getColumn(1).getInt64());
    if (status == "pending") c.pending = n;
    if (status == "skipped") c.skipped = n;
    if (status == "accepted") c.accepted = n;
    if (status == "rejected") c.rejected = n;
  }
  return c;
}

namespace {

// Binds `value` to parameter `n`, or NULL.
void bind_optional(SQLite::Statement& q, int n, const std::optional<std::int64_t>& value) {
  if (value) {
    q.bind(n, *value);
  } else {
    q.bind(n);
  }
}

std::vector<SuggestionView> query_undecided(store::Store& store, const std::string& owner,
                                            const UndecidedFilter& filter, std::size_t limit) {
  std::optional<std::int64_t> code_id;
  if (filter.code) code_id = codebook::require_code(store, *filter.code).id;
  SQLite::Statement q(store.db(),
                      std::string(kSuggestionColumns) +
                          "WHERE g.owner = ?1 AND g.status IN ('pending', 'skipped') "
                          "AND (?2 IS NULL OR g.code_id = ?2) AND k.retired_at IS NULL "
                          "AND (?3 IS NULL OR g.source_id = ?3) "
                          "AND (?4 IS NULL OR (g.start_cp <= ?4 AND g.end_cp >= ?5)) "
                          "ORDER BY g.status = 'skipped', g.code_id, g.source_id, g.start_cp, g.id "
                          "LIMIT ?6");
  q.bind(1, owner);
  bind_optional(q, 2, code_id);
  bind_optional(q, 3, filter.source_id);
  const auto within = filter.within;
  bind_optional(q, 4, within ? std::optional<std::int64_t>(within->start) : std::nullopt);
  bind_optional(q, 5, within ? std::optional<std::int64_t>(within->end) : std::nullopt);
  q.bind(6, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
  std::vector<SuggestionView> out;
  while (q.executeStep()) {
    out.push_back(read_suggestion(q));
    mark_matches(out.back());
  }
  return out;
}

}  // namespace

std::optional<SuggestionView> next_suggestion(project::Project& project, const std::string& owner,
                                              const std::optional<std::string>& code) {
  UndecidedFilter filter;
  filter.code = code;
  auto found = query_undecided(project.store(), owner, filter, 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<SuggestionView> undecided_suggestions(project::Project& project,
                                                  const std::string& owner,
                                                  const UndecidedFilter& filter) {
  return query_undecided(project.store(), owner, filter, 0);
}

SuggestionView get_suggestion(project::Project& project, std::int64_t id,
                              const std::string& owner) {
  SuggestionView v = require_owned(project.store(), id, owner);
  mark_matches(v);
  return v;
}

std::int64_t accept_suggestion(store::Store& store, std::int64_t id, const std::string& owner,
                               const CodeSpec& extra) {
  const SuggestionView v = require_open(store, id, owner);
  CodeSpec spec = extra;
  spec.code = v.code;
  const Target target{v.source_id, v.source_label, v.span, "suggestion"};
  // One audit entry for the decision and the coding it made, so one undo
  // reverses both.
  AddResult added = insert_codings(store, {target}, spec, owner);
  if (added.added.empty()) {
    // The owner coded exactly this span with this code meanwhile: that coding stands.
    set_status(store, id, "accepted", std::nullopt);
  } else {
    set_status(store, id, "accepted", added.added.front());
  }
  store::append_audit(
      store, owner, "suggestion.accept", v.source_label,
      {{"suggestion", id}, {"code", v.code}, {"codings", added.added}, {"previous", v.status}});
  return added.added.empty() ? 0 : added.added.front();
}

void reject_suggestion(store::Store& store, std::int64_t id, const std::string& owner,
                       const std::string& reason) {
  const SuggestionView v = require_open(store, id, owner);
  set_status(store, id, "rejected", std::nullopt);
  store::append_audit(
      store, owner, "suggestion.reject", v.source_label,
      {{"suggestion", id}, {"code", v.code}, {"reason", reason}, {"previous", v.status}});
}

void skip_suggestion(store::Store& store, std::int64_t id, const std::string& owner) {
  const SuggestionView v = require_open(store, id, owner);
  set_status(store, id, "skipped", std::nullopt);
  store::append_audit(store, owner, "suggestion.skip", v.source_label,
                      {{"suggestion", id}, {"code", v.code}, {"previous", v.status}});
}

void reopen_suggestion(store::Store& store, std::int64_t id) {
  set_status(store, id, "pending", std::nullopt);
}

}  // namespace casebook::coding

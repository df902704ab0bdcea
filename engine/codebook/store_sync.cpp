#include "engine/codebook/store_sync.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/store/audit.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/spelling.hpp"

namespace casebook::codebook {
namespace {

using store::Store;

// ---- names and keys ----

// SQLite's NOCASE folds ASCII letters only; keys are compared the same way
// here so the store and this code never disagree about "the same key".
bool same_key(const std::string& a, const std::string& b) {
  return text::ascii_iequals(a, b);
}

std::string last_segment(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// The column values below are the ones the schema's CHECK constraints allow;
// they are the store's spelling, kept here rather than borrowed from the file
// format so the two can never drift apart silently.
const char* origin_column(Origin origin) {
  return origin == Origin::Inductive ? "inductive" : "deductive";
}

Origin origin_from(const std::string& s) {
  if (s == "deductive") return Origin::Deductive;
  if (s == "inductive") return Origin::Inductive;
  throw_internal("the store holds a code with an unknown origin '" + s + "'");
}

const char* level_column(Level level) {
  switch (level) {
    case Level::Nominal:
      return "nominal";
    case Level::Ordinal:
      return "ordinal";
    case Level::Interval:
      return "interval";
    case Level::Ratio:
      return "ratio";
  }
  return "nominal";
}

Level level_from(const std::string& s) {
  if (s == "nominal") return Level::Nominal;
  if (s == "ordinal") return Level::Ordinal;
  if (s == "interval") return Level::Interval;
  if (s == "ratio") return Level::Ratio;
  throw_internal("the store holds a dimension with an unknown level '" + s + "'");
}

const char* bearing_column(Bearing bearing) {
  return bearing == Bearing::Counters ? "counters" : "supports";
}

Bearing bearing_from(const std::string& s) {
  if (s == "supports") return Bearing::Supports;
  if (s == "counters") return Bearing::Counters;
  throw_internal("the store holds a proposition link with an unknown bearing '" + s + "'");
}

void bind_optional_id(SQLite::Statement& q, int index, std::int64_t id) {
  if (id == 0) {
    q.bind(index);  // NULL: a top-level code
  } else {
    q.bind(index, id);
  }
}

void bind_optional_double(SQLite::Statement& q, int index, const std::optional<double>& v) {
  if (v) {
    q.bind(index, *v);
  } else {
    q.bind(index);
  }
}

// ---- reading codes ----

// A code row as stored, with the ids the model does not carry.
struct StoredCode {
  std::int64_t id = 0;
  std::int64_t parent_id = 0;  // 0 at the top
  int position = 0;
  bool retired = false;
  Code code;  // parent filled with the parent's key
};

// Reads a code's examples, queries, dimensions and earlier keys, with the
// statements prepared once for all codes.
class DetailReader {
 public:
  explicit DetailReader(Store& store)
      : examples_(store.db(),
                  "SELECT kind, text FROM code_examples WHERE code_id = ? ORDER BY kind, position"),
        queries_(store.db(), "SELECT query FROM code_queries WHERE code_id = ? ORDER BY position"),
        dimensions_(store.db(),
                    "SELECT dimension, required FROM code_dimensions WHERE code_id = ? "
                    "ORDER BY position, dimension"),
        aliases_(store.db(),
                 "SELECT alias FROM code_aliases WHERE code_id = ? ORDER BY alias COLLATE NOCASE") {
  }

  void fill(std::int64_t id, Code& code) {
    start(examples_, id);
    while (examples_.executeStep()) {
      auto& list = examples_.getColumn(0).getString() == "typical" ? code.typical_examples
                                                                   : code.atypical_examples;
      list.push_back(examples_.getColumn(1).getString());
    }
    start(queries_, id);
    while (queries_.executeStep()) code.queries.push_back(queries_.getColumn(0).getString());
    start(dimensions_, id);
    while (dimensions_.executeStep()) {
      code.dimensions.push_back(
          {dimensions_.getColumn(0).getString(), dimensions_.getColumn(1).getInt() != 0});
    }
    start(aliases_, id);
    while (aliases_.executeStep()) code.formerly.push_back(aliases_.getColumn(0).getString());
  }

 private:
  static void start(SQLite::Statement& q, std::int64_t id) {
    q.reset();
    q.bind(1, id);
  }

  SQLite::Statement examples_, queries_, dimensions_, aliases_;
};

// Every code (active and retired), or only the code `id`, with its details.
std::vector<StoredCode> load_codes(Store& store, std::optional<std::int64_t> id = std::nullopt) {
  SQLite::Statement q(
      store.db(),
      "SELECT c.id, coalesce(c.parent_id, 0), c.position, c.retired_at IS NOT NULL, "
      "c.key, coalesce(p.key, ''), c.name, coalesce(c.colour, ''), c.definition, "
      "c.inclusion, c.exclusion, c.memo, c.origin "
      "FROM codes c LEFT JOIN codes p ON p.id = c.parent_id "
      "WHERE ?1 IS NULL OR c.id = ?1 ORDER BY c.id");
  if (id) {
    q.bind(1, *id);
  } else {
    q.bind(1);
  }
  std::vector<StoredCode> out;
  while (q.executeStep()) {
    StoredCode s;
    s.id = q.getColumn(0).getInt64();
    s.parent_id = q.getColumn(1).getInt64();
    s.position = q.getColumn(2).getInt();
    s.retired = q.getColumn(3).getInt() != 0;
    s.code.key = q.getColumn(4).getString();
    s.code.parent = q.getColumn(5).getString();
    s.code.name = q.getColumn(6).getString();
    s.code.colour = q.getColumn(7).getString();
    s.code.definition = q.getColumn(8).getString();
    s.code.inclusion = q.getColumn(9).getString();
    s.code.exclusion = q.getColumn(10).getString();
    s.code.memo = q.getColumn(11).getString();
    s.code.origin = origin_from(q.getColumn(12).getString());
    out.push_back(std::move(s));
  }
  DetailReader details(store);
  for (StoredCode& s : out) details.fill(s.id, s.code);
  return out;
}

// Active codes depth-first, parents before children, siblings by position.
std::vector<Code> active_codes_in_order(std::vector<StoredCode> all) {
  std::set<std::int64_t> active;
  for (const StoredCode& s : all) {
    if (!s.retired) active.insert(s.id);
  }
  // A code under a retired parent cannot come from a loaded file; should one
  // exist it is listed at the top rather than lost.
  std::map<std::int64_t, std::vector<const StoredCode*>> children;
  for (const StoredCode& s : all) {
    if (s.retired) continue;
    children[active.count(s.parent_id) ? s.parent_id : 0].push_back(&s);
  }
  for (auto& [parent, list] : children) {
    std::sort(list.begin(), list.end(), [](const StoredCode* a, const StoredCode* b) {
      return std::make_pair(a->position, a->id) < std::make_pair(b->position, b->id);
    });
  }
  std::vector<Code> out;
  std::vector<const StoredCode*> stack;
  auto push_children = [&](std::int64_t parent) {
    auto it = children.find(parent);
    if (it == children.end()) return;
    for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) stack.push_back(*c);
  };
  push_children(0);
  while (!stack.empty()) {
    const StoredCode* s = stack.back();
    stack.pop_back();
    out.push_back(s->code);
    if (!active.count(s->parent_id)) out.back().parent.clear();
    push_children(s->id);
  }
  return out;
}

// ---- reading the rest of the codebook ----

std::pair<std::string, std::string> read_name_and_description(Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT name, description FROM codebook_versions "
                      "ORDER BY version DESC LIMIT 1");
  if (!q.executeStep()) return {};
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

std::vector<Dimension> read_dimensions(Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT name, level, description, min_value, max_value FROM dimensions "
                      "ORDER BY position, name");
  SQLite::Statement values(store.db(),
                           "SELECT value, description FROM dimension_values WHERE dimension = ? "
                           "ORDER BY position, value");
  std::vector<Dimension> out;
  while (q.executeStep()) {
    Dimension d;
    d.name = q.getColumn(0).getString();
    d.level = level_from(q.getColumn(1).getString());
    d.description = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) d.min = q.getColumn(3).getDouble();
    if (!q.getColumn(4).isNull()) d.max = q.getColumn(4).getDouble();
    values.reset();
    values.bind(1, d.name);
    while (values.executeStep()) {
      d.values.push_back({values.getColumn(0).getString(), values.getColumn(1).getString()});
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Proposition> read_propositions(Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT key, coalesce(parent, ''), text FROM propositions ORDER BY position");
  SQLite::Statement links(store.db(),
                          "SELECT c.key, coalesce(l.dimension, ''), coalesce(l.value, ''), "
                          "l.bearing, l.note FROM proposition_links l "
                          "JOIN codes c ON c.id = l.code_id WHERE l.proposition = ? ORDER BY l.id");
  std::vector<Proposition> out;
  while (q.executeStep()) {
    Proposition p;
    p.key = q.getColumn(0).getString();
    p.parent = q.getColumn(1).getString();
    p.text = q.getColumn(2).getString();
    links.reset();
    links.bind(1, p.key);
    while (links.executeStep()) {
      PropositionLink l;
      l.code = links.getColumn(0).getString();
      l.dimension = links.getColumn(1).getString();
      l.value = links.getColumn(2).getString();
      l.bearing = bearing_from(links.getColumn(3).getString());
      l.note = links.getColumn(4).getString();
      p.links.push_back(std::move(l));
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<ExclusiveGroup> read_groups(Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT g.name, c.key FROM exclusive_groups g "
                      "JOIN codes c ON c.id = g.code_id ORDER BY g.position, g.name");
  std::vector<ExclusiveGroup> out;
  while (q.executeStep()) {
    const std::string name = q.getColumn(0).getString();
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const ExclusiveGroup& g) { return same_key(g.name, name); });
    if (it == out.end()) it = out.insert(out.end(), ExclusiveGroup{name, {}});
    it->codes.push_back(q.getColumn(1).getString());
  }
  return out;
}

// ---- comparing models (what a reload changes) ----

bool same_code_text(const Code& a, const Code& b) {
  auto same_dims = [](const std::vector<CodeDimension>& x, const std::vector<CodeDimension>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const CodeDimension& p, const CodeDimension& q) {
                        return p.dimension == q.dimension && p.required == q.required;
                      });
  };
  return a.name == b.name && a.colour == b.colour && a.definition == b.definition &&
         a.inclusion == b.inclusion && a.exclusion == b.exclusion && a.memo == b.memo &&
         a.origin == b.origin && a.typical_examples == b.typical_examples &&
         a.atypical_examples == b.atypical_examples && a.queries == b.queries &&
         same_dims(a.dimensions, b.dimensions);
}

bool same_dimensions(const std::vector<Dimension>& a, const std::vector<Dimension>& b) {
  auto same_values = [](const std::vector<DimensionValue>& x,
                        const std::vector<DimensionValue>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const DimensionValue& p, const DimensionValue& q) {
                        return p.value == q.value && p.description == q.description;
                      });
  };
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(), [&](const Dimension& x, const Dimension& y) {
        return x.name == y.name && x.level == y.level && x.description == y.description &&
               x.min == y.min && x.max == y.max && same_values(x.values, y.values);
      });
}

bool same_propositions(const std::vector<Proposition>& a, const std::vector<Proposition>& b) {
  auto same_links = [](const std::vector<PropositionLink>& x,
                       const std::vector<PropositionLink>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const PropositionLink& p, const PropositionLink& q) {
                        return p.code == q.code && p.dimension == q.dimension &&
                               p.value == q.value && p.bearing == q.bearing && p.note == q.note;
                      });
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const Proposition& x, const Proposition& y) {
                      return x.key == y.key && x.parent == y.parent && x.text == y.text &&
                             same_links(x.links, y.links);
                    });
}

bool same_groups(const std::vector<ExclusiveGroup>& a, const std::vector<ExclusiveGroup>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ExclusiveGroup& x, const ExclusiveGroup& y) {
                      return x.name == y.name && x.codes == y.codes;
                    });
}

// ---- planning a load ----

// How the new codebook maps onto the codes in the store. Everything a load
// reports is decided here, before anything is written.
struct Plan {
  std::vector<StoredCode> old;                    // every code in the store
  std::vector<std::optional<std::size_t>> match;  // per new code: index into `old`
  std::vector<int> positions;                     // per new code: order among its siblings
  std::vector<std::vector<std::string>> aliases;  // per new code: earlier keys to record
  std::vector<std::size_t> removed;               // indices into `old`: active, now dropped
  std::vector<std::string> dimensions_dropped;    // every dimension no longer defined
  bool reordered = false;
  bool codebook_text_changed = false;  // name, description, dimensions, propositions, groups
  LoadReport report;
};

class Planner {
 public:
  Planner(Store& store, const Codebook& book) : store_(store), book_(book) {}

  Plan run(int current_version) {
    plan_.old = load_codes(store_);
    index_old_codes();
    index_new_codes();
    match_by_key();
    match_by_formerly();
    assign_positions();
    compare_codes();
    find_removed();
    compare_codebook_text();
    LoadReport& r = plan_.report;
    r.unchanged = current_version > 0 && r.added.empty() && r.updated.empty() &&
                  r.renamed.empty() && r.moved.empty() && r.retired.empty() &&
                  r.reactivated.empty() && !plan_.reordered && !plan_.codebook_text_changed;
    return std::move(plan_);
  }

 private:
  void index_old_codes() {
    for (std::size_t i = 0; i < plan_.old.size(); ++i) {
      old_by_key_[text::ascii_lower(plan_.old[i].code.key)] = i;
      for (const std::string& alias : plan_.old[i].code.formerly)
        old_by_alias_[text::ascii_lower(alias)] = i;
    }
  }

  void index_new_codes() {
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      const Code& c = book_.codes[i];
      if (!new_by_key_.emplace(text::ascii_lower(c.key), i).second) {
        throw_data("the codebook has the code '" + c.key + "' twice", "give each code its own key");
      }
    }
    plan_.match.assign(book_.codes.size(), std::nullopt);
  }

  // A key names the same code it named before, whatever its `formerly` says.
  void match_by_key() {
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      auto it = old_by_key_.find(text::ascii_lower(book_.codes[i].key));
      if (it != old_by_key_.end()) claim(i, it->second);
    }
  }

  // A new key takes over the code an earlier key of it names (a rename).
  void match_by_formerly() {
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      if (plan_.match[i]) continue;
      const Code& c = book_.codes[i];
      for (const std::string& earlier : c.formerly) {
        const auto old = resolve_old(earlier);
        if (!old) continue;
        if (auto owner = claimed_by_.find(*old); owner != claimed_by_.end()) {
          throw_data(
              "code '" + c.key + "' says it was formerly '" + earlier + "', but that is code '" +
                  book_.codes[owner->second].key + "' in this codebook",
              "a code can take over only a code that is no longer in the codebook; remove '" +
                  earlier + "' from the formerly of '" + c.key + "'");
        }
        claim(i, *old);
        break;
      }
    }
  }

  std::optional<std::size_t> resolve_old(const std::string& key) const {
    if (auto it = old_by_key_.find(text::ascii_lower(key)); it != old_by_key_.end())
      return it->second;
    if (auto it = old_by_alias_.find(text::ascii_lower(key)); it != old_by_alias_.end())
      return it->second;
    return std::nullopt;
  }

  void claim(std::size_t new_index, std::size_t old_index) {
    plan_.match[new_index] = old_index;
    claimed_by_[old_index] = new_index;
  }

  void assign_positions() {
    std::map<std::string, int> next;  // folded parent key -> next sibling position
    for (const Code& c : book_.codes)
      plan_.positions.push_back(next[text::ascii_lower(c.parent)]++);
  }

  // The store id of a new code's parent: 0 at the top, -1 when the parent is
  // itself new (so any existing code under it has moved).
  std::int64_t parent_id_of(const Code& c) const {
    if (c.parent.empty()) return 0;
    auto it = new_by_key_.find(text::ascii_lower(c.parent));
    if (it == new_by_key_.end()) {
      throw_data(
          "code '" + c.key + "' has the parent '" + c.parent + "', which is not in the codebook",
          "add the parent code or correct the key");
    }
    const auto& m = plan_.match[it->second];
    return m ? plan_.old[*m].id : -1;
  }

  void compare_codes() {
    LoadReport& r = plan_.report;
    final_keys_ = final_keys();
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      const Code& c = book_.codes[i];
      const std::int64_t parent_id = parent_id_of(c);
      plan_.aliases.push_back(aliases_to_record(i));
      if (!plan_.match[i]) {
        r.added.push_back(c.key);
        continue;
      }
      const StoredCode& o = plan_.old[*plan_.match[i]];
      if (o.retired) r.reactivated.push_back(c.key);
      if (o.code.key != c.key) r.renamed.emplace_back(o.code.key, c.key);
      if (o.parent_id != parent_id) r.moved.emplace_back(c.key, c.parent);
      if (o.position != plan_.positions[i]) plan_.reordered = true;
      if (!same_code_text(o.code, c) || !plan_.aliases[i].empty()) r.updated.push_back(c.key);
    }
  }

  // Keys codes will have after the load: the new codebook's and those of old
  // codes it does not take over (they keep theirs, retired or not).
  std::set<std::string> final_keys() const {
    std::set<std::string> keys;
    for (const Code& c : book_.codes) keys.insert(text::ascii_lower(c.key));
    for (std::size_t i = 0; i < plan_.old.size(); ++i) {
      if (!claimed_by_.count(i)) keys.insert(text::ascii_lower(plan_.old[i].code.key));
    }
    return keys;
  }

  // Earlier keys of new code `i` not yet recorded: its `formerly` and, after a
  // rename, its old key. A key that is (or stays) another code's key, or
  // already an earlier key of another code, is left alone: it names that code.
  std::vector<std::string> aliases_to_record(std::size_t i) const {
    const Code& c = book_.codes[i];
    std::vector<std::string> candidates = c.formerly;
    const auto& m = plan_.match[i];
    if (m) candidates.push_back(plan_.old[*m].code.key);
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const std::string& key : candidates) {
      const std::string f = text::ascii_lower(key);
      if (f == text::ascii_lower(c.key) || final_keys_.count(f) || old_by_alias_.count(f)) continue;
      if (seen.insert(f).second) out.push_back(key);
    }
    return out;
  }

  void find_removed() {
    for (std::size_t i = 0; i < plan_.old.size(); ++i) {
      if (plan_.old[i].retired || claimed_by_.count(i)) continue;
      plan_.removed.push_back(i);
      plan_.report.retired.push_back(plan_.old[i].code.key);
    }
  }

  void compare_codebook_text() {
    const auto [name, description] = read_name_and_description(store_);
    const auto dimensions = read_dimensions(store_);
    plan_.codebook_text_changed =
        name != book_.name || description != book_.description ||
        !same_dimensions(dimensions, book_.dimensions) ||
        !same_propositions(read_propositions(store_), book_.propositions) ||
        !same_groups(read_groups(store_), book_.exclusive_groups);
    for (const Dimension& d : dimensions) {
      const bool kept = std::any_of(book_.dimensions.begin(), book_.dimensions.end(),
                                    [&](const Dimension& n) { return same_key(n.name, d.name); });
      if (!kept) plan_.dimensions_dropped.push_back(d.name);
    }
  }

  Store& store_;
  const Codebook& book_;
  Plan plan_;
  std::map<std::string, std::size_t> old_by_key_, old_by_alias_, new_by_key_;  // folded keys
  std::map<std::size_t, std::size_t> claimed_by_;  // old index -> new index
  std::set<std::string> final_keys_;
};

// ---- codings of removed codes ----

int active_codings(Store& store, std::int64_t code_id) {
  SQLite::Statement q(store.db(),
                      "SELECT count(*) FROM codings WHERE code_id = ? AND removed_at IS NULL");
  q.bind(1, code_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

// What happens to the codings of one code the new codebook drops.
struct Disposal {
  std::size_t old = 0;                // index into Plan::old
  int codings = 0;                    // active codings it has
  std::optional<std::size_t> target;  // index into the new codes: --reassign
};

std::string plural(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

class DisposalPlanner {
 public:
  DisposalPlanner(Store& store, const Plan& plan, const Codebook& book) : plan_(plan), book_(book) {
    for (std::size_t i : plan.removed) {
      disposals_.push_back({i, active_codings(store, plan.old[i].id), std::nullopt});
    }
  }

  std::vector<Disposal> run(const LoadOptions& options) {
    for (const auto& [from, to] : options.reassign) apply_reassign(from, to);
    refuse_lost_codings(options.force);
    return std::move(disposals_);
  }

 private:
  void apply_reassign(const std::string& from, const std::string& to) {
    const std::string option = "--reassign " + from + "=" + to;
    Disposal* d = find_disposal(from);
    if (d == nullptr) {
      const bool kept = std::any_of(book_.codes.begin(), book_.codes.end(),
                                    [&](const Code& c) { return same_key(c.key, from); });
      throw_usage(option + ": '" + from + "' " +
                      (kept ? "stays in the codebook, so its codings stay with it"
                            : "is not a code this codebook removes"),
                  removed_keys_hint());
    }
    if (d->target) throw_usage(option + ": '" + from + "' is reassigned twice", "give it once");
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      if (same_key(book_.codes[i].key, to)) {
        d->target = i;
        return;
      }
    }
    throw_usage(option + ": '" + to + "' is not a code in the new codebook",
                "move the codings to a code the codebook file defines");
  }

  // The removed code named by its key or an earlier key.
  Disposal* find_disposal(const std::string& key) {
    for (Disposal& d : disposals_) {
      const Code& code = plan_.old[d.old].code;
      if (same_key(code.key, key)) return &d;
      for (const std::string& alias : code.formerly) {
        if (same_key(alias, key)) return &d;
      }
    }
    return nullptr;
  }

  std::string removed_keys_hint() const {
    std::vector<std::string> keys;
    for (const Disposal& d : disposals_) keys.push_back(plan_.old[d.old].code.key);
    if (keys.empty()) return "this codebook removes no code";
    return "codes this codebook removes: " + join(keys);
  }

  // Codings are the coders' work: a load never drops them unasked.
  void refuse_lost_codings(bool force) const {
    if (force) return;
    std::vector<std::string> lost, inductive;
    for (const Disposal& d : disposals_) {
      if (d.codings == 0 || d.target) continue;
      const Code& code = plan_.old[d.old].code;
      lost.push_back(code.key + " (" + plural(d.codings, "coding") + ")");
      if (code.origin == Origin::Inductive) inductive.push_back(code.key);
    }
    if (lost.empty()) return;
    std::string hint =
        "keep the codes in the file, move their codings with --reassign OLD=NEW, or remove "
        "their codings with --force";
    if (!inductive.empty()) {
      hint += "; " + join(inductive) + (inductive.size() == 1 ? " was" : " were") +
              " added while coding: export the current codebook with `casebook codebook "
              "export` and copy them into the file first";
    }
    throw_conflict("the new codebook drops codes that still have codings: " + join(lost), hint);
  }

  const Plan& plan_;
  const Codebook& book_;
  std::vector<Disposal> disposals_;
};

// ---- writing ----

std::int64_t insert_code(Store& store, const Code& code, std::int64_t parent_id, int position,
                         const std::string& coder, const std::string& now) {
  SQLite::Statement q(store.db(),
                      "INSERT INTO codes(key, parent_id, position, name, colour, definition, "
                      "inclusion, exclusion, memo, origin, created_at, created_by) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, code.key);
  bind_optional_id(q, 2, parent_id);
  q.bind(3, position);
  q.bind(4, code.name);
  store::bind_text_or_null(q, 5, code.colour);
  q.bind(6, code.definition);
  q.bind(7, code.inclusion);
  q.bind(8, code.exclusion);
  q.bind(9, code.memo);
  q.bind(10, origin_column(code.origin));
  q.bind(11, now);
  q.bind(12, coder);
  q.exec();
  return store.db().getLastInsertRowid();
}

// Writes a code's examples, queries and dimensions (after the old ones were
// deleted), with the statements prepared once for all codes.
class DetailWriter {
 public:
  explicit DetailWriter(Store& store)
      : examples_(store.db(),
                  "INSERT INTO code_examples(code_id, kind, position, text) VALUES (?, ?, ?, ?)"),
        queries_(store.db(), "INSERT INTO code_queries(code_id, position, query) VALUES (?, ?, ?)"),
        dimensions_(store.db(),
                    "INSERT INTO code_dimensions(code_id, dimension, required, position) "
                    "VALUES (?, ?, ?, ?)") {}

  void write(std::int64_t id, const Code& code) {
    write_examples(id, "typical", code.typical_examples);
    write_examples(id, "atypical", code.atypical_examples);
    for (std::size_t i = 0; i < code.queries.size(); ++i) {
      queries_.reset();
      queries_.bind(1, id);
      queries_.bind(2, static_cast<int>(i));
      queries_.bind(3, code.queries[i]);
      queries_.exec();
    }
    for (std::size_t i = 0; i < code.dimensions.size(); ++i) {
      dimensions_.reset();
      dimensions_.bind(1, id);
      dimensions_.bind(2, code.dimensions[i].dimension);
      dimensions_.bind(3, code.dimensions[i].required ? 1 : 0);
      dimensions_.bind(4, static_cast<int>(i));
      dimensions_.exec();
    }
  }

 private:
  void write_examples(std::int64_t id, const char* kind, const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      examples_.reset();
      examples_.bind(1, id);
      examples_.bind(2, kind);
      examples_.bind(3, static_cast<int>(i));
      examples_.bind(4, texts[i]);
      examples_.exec();
    }
  }

  SQLite::Statement examples_, queries_, dimensions_;
};

nlohmann::json pairs_json(const std::vector<std::pair<std::string, std::string>>& pairs,
                          const char* first, const char* second) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [a, b] : pairs) out.push_back({{first, a}, {second, b}});
  return out;
}

nlohmann::json counted(const nlohmann::json& list) {
  return {{"count", list.size()}, {"codes", list}};
}

// Carries out a plan inside the caller's transaction.
class Loader {
 public:
  Loader(Store& store, const Codebook& book, Plan& plan, const std::string& coder, int version)
      : store_(store),
        book_(book),
        plan_(plan),
        coder_(coder),
        version_(version),
        now_(store::utc_now()) {}

  void run(const std::vector<Disposal>& disposals) {
    write_codes();
    place_codes();
    retire_removed();
    dispose_codings(disposals);
    write_aliases();
    replace_codebook_text();
  }

  void record_version(const std::string& document, const std::string& file_name) {
    SQLite::Statement q(store_.db(),
                        "INSERT INTO codebook_versions(version, name, description, loaded_at, "
                        "loaded_by, file_name, sha256, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, version_);
    q.bind(2, book_.name);
    q.bind(3, book_.description);
    q.bind(4, now_);
    q.bind(5, coder_);
    q.bind(6, file_name);
    q.bind(7, sha256_hex(document));
    q.bind(8, document);
    q.exec();
  }

  nlohmann::json audit_detail(int before, const std::string& file_name) const {
    const LoadReport& r = plan_.report;
    return {{"file", file_name},
            {"before", before},
            {"after", version_},
            {"added", counted(r.added)},
            {"updated", counted(r.updated)},
            {"renamed", counted(pairs_json(r.renamed, "from", "to"))},
            {"moved", counted(pairs_json(r.moved, "code", "parent"))},
            {"retired", counted(r.retired)},
            {"reactivated", counted(r.reactivated)},
            {"reassigned", {{"count", r.codings_reassigned}, {"codes", reassigned_}}},
            {"removed_codings", {{"count", r.codings_removed}, {"codes", removed_}}},
            {"dropped_dimensions", r.dropped_dimensions}};
  }

 private:
  void write_codes() {
    SQLite::Statement update(store_.db(),
                             "UPDATE codes SET key = ?, name = ?, colour = ?, definition = ?, "
                             "inclusion = ?, exclusion = ?, memo = ?, origin = ?, "
                             "retired_at = NULL WHERE id = ?");
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      const Code& c = book_.codes[i];
      std::int64_t id = 0;
      if (plan_.match[i]) {
        id = plan_.old[*plan_.match[i]].id;
        update.reset();
        update.bind(1, c.key);
        update.bind(2, c.name);
        store::bind_text_or_null(update, 3, c.colour);
        update.bind(4, c.definition);
        update.bind(5, c.inclusion);
        update.bind(6, c.exclusion);
        update.bind(7, c.memo);
        update.bind(8, origin_column(c.origin));
        update.bind(9, id);
        update.exec();
      } else {
        // Placed under its parent below, once every code has an id.
        id = insert_code(store_, c, 0, plan_.positions[i], coder_, now_);
      }
      ids_.push_back(id);
      id_by_key_[text::ascii_lower(c.key)] = id;
    }
  }

  void place_codes() {
    SQLite::Statement place(store_.db(),
                            "UPDATE codes SET parent_id = ?, position = ? WHERE id = ?");
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      const Code& c = book_.codes[i];
      place.reset();
      bind_optional_id(place, 1, c.parent.empty() ? 0 : code_id(c.parent, "code " + c.key));
      place.bind(2, plan_.positions[i]);
      place.bind(3, ids_[i]);
      place.exec();
    }
  }

  void retire_removed() {
    SQLite::Statement retire(store_.db(), "UPDATE codes SET retired_at = ? WHERE id = ?");
    for (std::size_t i : plan_.removed) {
      retire.reset();
      retire.bind(1, now_);
      retire.bind(2, plan_.old[i].id);
      retire.exec();
    }
  }

  void dispose_codings(const std::vector<Disposal>& disposals) {
    SQLite::Statement move(
        store_.db(), "UPDATE codings SET code_id = ? WHERE code_id = ? AND removed_at IS NULL");
    SQLite::Statement remove(
        store_.db(),
        "UPDATE codings SET removed_at = ?, removed_by = ?, removed_reason = ? "
        "WHERE code_id = ? AND removed_at IS NULL");
    LoadReport& r = plan_.report;
    for (const Disposal& d : disposals) {
      const StoredCode& code = plan_.old[d.old];
      if (d.target) {
        move.reset();
        move.bind(1, ids_[*d.target]);
        move.bind(2, code.id);
        const int n = move.exec();
        r.codings_reassigned += n;
        reassigned_.push_back(
            {{"from", code.code.key}, {"to", book_.codes[*d.target].key}, {"codings", n}});
      } else if (d.codings > 0) {  // only reached with --force
        remove.reset();
        remove.bind(1, now_);
        remove.bind(2, coder_);
        remove.bind(3, "code " + code.code.key + " removed from the codebook in version " +
                           std::to_string(version_));
        remove.bind(4, code.id);
        const int n = remove.exec();
        r.codings_removed += n;
        removed_.push_back({{"code", code.code.key}, {"codings", n}});
      }
    }
  }

  void write_aliases() {
    SQLite::Statement insert(store_.db(),
                             "INSERT OR IGNORE INTO code_aliases(alias, code_id) VALUES (?, ?)");
    for (std::size_t i = 0; i < book_.codes.size(); ++i) {
      for (const std::string& alias : plan_.aliases[i]) {
        insert.reset();
        insert.bind(1, alias);
        insert.bind(2, ids_[i]);
        insert.exec();
      }
    }
    // A key now in use names its code, never an earlier key of another.
    store_.db().exec(
        "DELETE FROM code_aliases WHERE EXISTS "
        "(SELECT 1 FROM codes c WHERE c.key = code_aliases.alias COLLATE NOCASE)");
  }

  // Dimensions, propositions, groups and the codes' examples, queries and
  // dimensions are text of the codebook file: the new file replaces them.
  void replace_codebook_text() {
    for (const char* sql : {"DELETE FROM proposition_links", "DELETE FROM propositions",
                            "DELETE FROM exclusive_groups", "DELETE FROM code_examples",
                            "DELETE FROM code_queries", "DELETE FROM code_dimensions",
                            "DELETE FROM dimension_values", "DELETE FROM dimensions"}) {
      store_.db().exec(sql);
    }
    write_dimensions();
    DetailWriter details(store_);
    for (std::size_t i = 0; i < book_.codes.size(); ++i) details.write(ids_[i], book_.codes[i]);
    write_propositions();
    write_groups();
  }

  void write_dimensions() {
    SQLite::Statement dim(store_.db(),
                          "INSERT INTO dimensions(name, level, description, min_value, max_value, "
                          "position) VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement value(store_.db(),
                            "INSERT INTO dimension_values(dimension, value, position, description) "
                            "VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < book_.dimensions.size(); ++i) {
      const Dimension& d = book_.dimensions[i];
      dim.reset();
      dim.bind(1, d.name);
      dim.bind(2, level_column(d.level));
      dim.bind(3, d.description);
      bind_optional_double(dim, 4, d.min);
      bind_optional_double(dim, 5, d.max);
      dim.bind(6, static_cast<int>(i));
      dim.exec();
      for (std::size_t v = 0; v < d.values.size(); ++v) {
        value.reset();
        value.bind(1, d.name);
        value.bind(2, d.values[v].value);
        value.bind(3, static_cast<int>(v));
        value.bind(4, d.values[v].description);
        value.exec();
      }
    }
  }

  void write_propositions() {
    SQLite::Statement prop(store_.db(),
                           "INSERT INTO propositions(key, parent, text, position) "
                           "VALUES (?, ?, ?, ?)");
    SQLite::Statement link(store_.db(),
                           "INSERT INTO proposition_links(proposition, code_id, dimension, value, "
                           "bearing, note) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < book_.propositions.size(); ++i) {
      const Proposition& p = book_.propositions[i];
      prop.reset();
      prop.bind(1, p.key);
      store::bind_text_or_null(prop, 2, p.parent);
      prop.bind(3, p.text);
      prop.bind(4, static_cast<int>(i));
      prop.exec();
      for (const PropositionLink& l : p.links) {
        link.reset();
        link.bind(1, p.key);
        link.bind(2, code_id(l.code, "proposition " + p.key));
        store::bind_text_or_null(link, 3, l.dimension);
        store::bind_text_or_null(link, 4, l.value);
        link.bind(5, bearing_column(l.bearing));
        link.bind(6, l.note);
        link.exec();
      }
    }
  }

  void write_groups() {
    SQLite::Statement insert(
        store_.db(), "INSERT INTO exclusive_groups(name, code_id, position) VALUES (?, ?, ?)");
    int position = 0;
    for (const ExclusiveGroup& g : book_.exclusive_groups) {
      for (const std::string& key : g.codes) {
        insert.reset();
        insert.bind(1, g.name);
        insert.bind(2, code_id(key, "exclusive group " + g.name));
        insert.bind(3, position++);
        insert.exec();
      }
    }
  }

  // The id of a code of the new codebook; `where` names what refers to it.
  std::int64_t code_id(const std::string& key, const std::string& where) const {
    auto it = id_by_key_.find(text::ascii_lower(key));
    if (it == id_by_key_.end()) {
      throw_data(where + " refers to the code '" + key + "', which is not in the codebook",
                 "add the code or correct the key");
    }
    return it->second;
  }

  Store& store_;
  const Codebook& book_;
  Plan& plan_;
  const std::string& coder_;
  const int version_;
  const std::string now_;
  std::vector<std::int64_t> ids_;                  // per new code
  std::map<std::string, std::int64_t> id_by_key_;  // folded key -> id
  nlohmann::json reassigned_ = nlohmann::json::array();
  nlohmann::json removed_ = nlohmann::json::array();
};

// Active codings that carry a value of `dimension`.
bool dimension_in_use(Store& store, const std::string& dimension) {
  SQLite::Statement q(store.db(),
                      "SELECT EXISTS (SELECT 1 FROM coding_dimensions cd "
                      "JOIN codings g ON g.id = cd.coding_id "
                      "WHERE cd.dimension = ? COLLATE NOCASE AND g.removed_at IS NULL)");
  q.bind(1, dimension);
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

// ---- looking codes up ----

std::optional<std::int64_t> id_for_key(Store& store, const std::string& key) {
  // A current key wins over an earlier key of another code.
  SQLite::Statement q(store.db(),
                      "SELECT id, 0 FROM codes WHERE key = ?1 "
                      "UNION ALL SELECT code_id, 1 FROM code_aliases WHERE alias = ?1 "
                      "ORDER BY 2 LIMIT 1");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

// Up to three active keys close to `key`: by edit distance to the whole key
// or its last segment (coders often type only that), or sharing its start.
std::vector<std::string> nearest_keys(Store& store, const std::string& key) {
  const std::string wanted = text::ascii_lower(key);
  const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  SQLite::Statement q(store.db(), "SELECT key FROM codes WHERE retired_at IS NULL");
  std::vector<std::pair<std::size_t, std::string>> scored;
  while (q.executeStep()) {
    const std::string candidate = q.getColumn(0).getString();
    const std::string f = text::ascii_lower(candidate);
    std::size_t d =
        std::min(text::edit_distance(wanted, f), text::edit_distance(wanted, last_segment(f)));
    if (!wanted.empty() && f.rfind(wanted, 0) == 0) d = std::min<std::size_t>(d, 1);
    if (d <= limit && f != wanted) scored.emplace_back(d, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

std::string did_you_mean(const std::vector<std::string>& keys) {
  if (keys.empty()) return "check the key against the codebook";
  return "did you mean " + join(keys, ", ") + "?";
}

// ---- inductive codes ----

void check_key_syntax(const std::string& key) {
  bool bad =
      key.empty() || key.front() == '.' || key.back() == '.' || key.find("..") != std::string::npos;
  for (unsigned char c : key) bad = bad || c <= ' ' || c == 0x7f;
  if (bad) {
    throw_usage("'" + key + "' is not a code key",
                "a key is dotted words without spaces, such as parent.new_code");
  }
}

// The parent an inductive code goes under: an active code with that exact key.
StoredCode require_parent(Store& store, const std::string& parent_key, const std::string& key) {
  const auto found = find_code(store, parent_key);
  if (!found) {
    throw_not_found("cannot add '" + key + "': there is no code '" + parent_key + "'",
                    did_you_mean(nearest_keys(store, parent_key)));
  }
  if (!same_key(found->code.key, parent_key)) {
    throw_not_found("cannot add '" + key + "': '" + parent_key + "' is an earlier key of '" +
                        found->code.key + "'",
                    "use " + found->code.key + "." + last_segment(key));
  }
  if (found->retired) {
    throw_not_found(
        "cannot add '" + key + "': its parent '" + parent_key + "' was retired from the codebook",
        "choose an active parent, or add the parent back to the codebook file");
  }
  return {found->id, 0, 0, false, found->code};
}

void refuse_existing_key(Store& store, const std::string& key) {
  const auto found = find_code(store, key);
  if (!found) return;
  if (!same_key(found->code.key, key)) {
    throw_conflict("'" + key + "' is an earlier key of the code '" + found->code.key + "'",
                   "code with '" + found->code.key + "', or choose another key");
  }
  if (found->retired) {
    throw_conflict("the code '" + found->code.key + "' exists but was retired from the codebook",
                   "add it back to the codebook file and load it, or choose another key");
  }
  throw_conflict("the code '" + found->code.key + "' already exists",
                 "code with it, or choose another key");
}

void require_dimensions(Store& store, const Code& code) {
  SQLite::Statement q(store.db(), "SELECT 1 FROM dimensions WHERE name = ?");
  for (const CodeDimension& d : code.dimensions) {
    q.reset();
    q.bind(1, d.dimension);
    if (!q.executeStep()) {
      throw_not_found("code '" + code.key + "' takes the dimension '" + d.dimension +
                          "', which the codebook does not define",
                      "define the dimension in the codebook file first");
    }
  }
}

int next_position(Store& store, std::int64_t parent_id) {
  SQLite::Statement q(store.db(),
                      "SELECT coalesce(max(position) + 1, 0) FROM codes WHERE parent_id IS ?");
  bind_optional_id(q, 1, parent_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

nlohmann::json code_json(const Code& c) {
  nlohmann::json dims = nlohmann::json::array();
  for (const CodeDimension& d : c.dimensions) {
    dims.push_back({{"dimension", d.dimension}, {"required", d.required}});
  }
  return {{"key", c.key},
          {"parent", c.parent},
          {"name", c.name},
          {"colour", c.colour},
          {"definition", c.definition},
          {"inclusion", c.inclusion},
          {"exclusion", c.exclusion},
          {"memo", c.memo},
          {"origin", origin_column(c.origin)},
          {"typical_examples", c.typical_examples},
          {"atypical_examples", c.atypical_examples},
          {"queries", c.queries},
          {"dimensions", dims}};
}

LoadReport load_in_transaction(store::Store& store, const Codebook& codebook,
                               const std::string& document, const std::string& file_name,
                               const std::string& coder, const LoadOptions& options) {
  // Planned inside the transaction, so nothing can change between the
  // comparison and the writes; a dry run or a refusal simply rolls back.
  // Inside a caller's transaction (a command, an undo) it is a savepoint.
  store::NestedTransaction tx(store);
  const int before = current_version(store);
  Plan plan = Planner(store, codebook).run(before);
  plan.report.version = before;
  if (plan.report.unchanged) return plan.report;

  const std::vector<Disposal> disposals = DisposalPlanner(store, plan, codebook).run(options);
  for (const std::string& d : plan.dimensions_dropped) {
    if (dimension_in_use(store, d)) plan.report.dropped_dimensions.push_back(d);
  }
  const int after = before + 1;
  Loader loader(store, codebook, plan, coder, after);
  // A dry run writes too, and rolls back: the report then counts exactly the
  // codings the real load would move or remove, and constraint errors show.
  loader.run(disposals);
  if (options.dry_run) return plan.report;

  loader.record_version(document, file_name);
  store::append_audit(store, coder, "codebook.load", "codebook v" + std::to_string(after),
                      loader.audit_detail(before, file_name));
  tx.commit();
  plan.report.version = after;
  return plan.report;
}

std::int64_t add_inductive(store::Store& store, const Code& code, const std::string& coder) {
  // Coding a span with a new code should be one change, so join the caller's
  // transaction when there is one.
  store::NestedTransaction tx(store);

  check_key_syntax(code.key);
  Code c = code;
  c.origin = Origin::Inductive;
  c.formerly.clear();  // a new code has no earlier keys
  std::int64_t parent_id = 0;
  const auto dot = c.key.rfind('.');
  const std::string parent_key = dot == std::string::npos ? "" : c.key.substr(0, dot);
  if (!c.parent.empty() && !same_key(c.parent, parent_key)) {
    throw_usage("the key '" + c.key + "' does not lie under the parent '" + c.parent + "'",
                "write the key as " + c.parent + "." + last_segment(c.key));
  }
  if (!parent_key.empty()) {
    const StoredCode parent = require_parent(store, parent_key, c.key);
    parent_id = parent.id;
    c.parent = parent.code.key;
    c.key = parent.code.key + "." + last_segment(c.key);  // the parent's spelling
  }
  refuse_existing_key(store, c.key);
  if (c.name.empty()) c.name = last_segment(c.key);
  require_dimensions(store, c);

  const std::int64_t id =
      insert_code(store, c, parent_id, next_position(store, parent_id), coder, store::utc_now());
  DetailWriter(store).write(id, c);
  nlohmann::json detail = code_json(c);
  detail["id"] = id;  // what an undo removes
  store::append_audit(store, coder, "codebook.add", "code " + c.key, detail);
  tx.commit();
  return id;
}

}  // namespace

// ---- the API ----

LoadReport load_codebook(store::Store& store, const Codebook& codebook, const std::string& document,
                         const std::string& file_name, const std::string& coder,
                         const LoadOptions& options) {
  try {
    return load_in_transaction(store, codebook, document, file_name, coder, options);
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "loading the codebook " + file_name);
  }
}

Codebook read_codebook(store::Store& store) {
  Codebook book;
  std::tie(book.name, book.description) = read_name_and_description(store);
  book.dimensions = read_dimensions(store);
  book.codes = active_codes_in_order(load_codes(store));
  book.propositions = read_propositions(store);
  book.exclusive_groups = read_groups(store);
  return book;
}

int current_version(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT coalesce(max(version), 0) FROM codebook_versions");
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::optional<CodeRecord> find_code(store::Store& store, const std::string& key) {
  const auto id = id_for_key(store, key);
  if (!id) return std::nullopt;
  auto codes = load_codes(store, *id);
  if (codes.empty()) return std::nullopt;
  StoredCode& s = codes.front();
  return CodeRecord{s.id, std::move(s.code), s.retired};
}

CodeRecord require_code(store::Store& store, const std::string& key) {
  auto found = find_code(store, key);
  if (!found) {
    throw_not_found("there is no code '" + key + "' in the codebook",
                    did_you_mean(nearest_keys(store, key)));
  }
  if (found->retired) {
    const auto near = nearest_keys(store, key);
    throw_not_found(
        "the code '" + found->code.key + "' was retired from the codebook (its codings are kept)",
        "add it back to the codebook file and load it to code with it again" +
            (near.empty() ? std::string() : "; or " + did_you_mean(near)));
  }
  return std::move(*found);
}

std::vector<std::int64_t> code_and_descendants(store::Store& store, std::int64_t code_id) {
  // UNION (not UNION ALL) stops at a code already seen, so even a corrupt
  // parent cycle cannot loop.
  SQLite::Statement q(store.db(),
                      "WITH RECURSIVE tree(id) AS ("
                      "  SELECT id FROM codes WHERE id = ?"
                      "  UNION SELECT c.id FROM codes c JOIN tree t ON c.parent_id = t.id)"
                      "SELECT id FROM tree");
  q.bind(1, code_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::int64_t add_inductive_code(store::Store& store, const Code& code, const std::string& coder) {
  try {
    return add_inductive(store, code, coder);
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "adding the code " + code.key);
  }
}

std::map<std::string, CodeUsage> code_usage(store::Store& store,
                                            const std::optional<std::string>& coder) {
  SQLite::Statement q(store.db(),
                      "SELECT c.key, count(*), count(DISTINCT g.source_id) FROM codings g "
                      "JOIN codes c ON c.id = g.code_id "
                      "WHERE g.removed_at IS NULL AND g.review_status <> 'rejected' AND (?1 IS "
                      "NULL OR g.coder = ?1) "
                      "GROUP BY c.id");
  if (coder) {
    q.bind(1, *coder);
  } else {
    q.bind(1);
  }
  std::map<std::string, CodeUsage> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getString()] = {q.getColumn(1).getInt(), q.getColumn(2).getInt()};
  }
  return out;
}

}  // namespace casebook::codebook

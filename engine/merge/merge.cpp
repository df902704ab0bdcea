#include "engine/merge/merge.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/snapshot.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/project/project.hpp"
#include "engine/store/audit.hpp"

namespace casebook::merge {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string text_or_empty(const SQLite::Column& c) {
  return c.isNull() ? "" : c.getString();
}

std::string last_segment(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// ---- sources: matched by content, never by label (labels are per project) ----

struct SourceRow {
  std::int64_t id = 0;
  std::string label, original_sha256, text_sha256;
};

std::vector<SourceRow> read_sources(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT s.id, s.label, s.original_sha256, t.text FROM sources s "
                      "LEFT JOIN source_texts t ON t.source_id = s.id ORDER BY s.id");
  std::vector<SourceRow> out;
  while (q.executeStep()) {
    SourceRow r{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                ""};
    if (!q.getColumn(3).isNull()) r.text_sha256 = sha256_hex(q.getColumn(3).getString());
    out.push_back(std::move(r));
  }
  return out;
}

struct SourceMatch {
  std::int64_t our_id = 0;
  std::string our_label;
  std::string problem;  // why their codings cannot come over; empty when matched
};

// The same original file is the strongest evidence of the same source; the
// same canonical text (an original re-saved, re-encoded) is enough too. The
// same original with a different text means a different import (another
// casebook version, another importer): spans would not line up.
std::map<std::int64_t, SourceMatch> match_sources(SQLite::Database& ours, SQLite::Database& theirs,
                                                  MergePlan& plan) {
  const auto our_rows = read_sources(ours);
  std::map<std::string, const SourceRow*> by_original, by_text, by_label;
  for (const auto& r : our_rows) {
    by_original.emplace(r.original_sha256, &r);
    if (!r.text_sha256.empty()) by_text.emplace(r.text_sha256, &r);
    by_label.emplace(lower(r.label), &r);
  }
  std::map<std::int64_t, SourceMatch> out;
  for (const auto& t : read_sources(theirs)) {
    SourceMatch m;
    const SourceRow* same_text = by_text.count(t.text_sha256) ? by_text.at(t.text_sha256) : nullptr;
    const SourceRow* same_file =
        by_original.count(t.original_sha256) ? by_original.at(t.original_sha256) : nullptr;
    if (t.text_sha256.empty()) {
      m.problem = "has no text in " + plan.other_dir;
    } else if (same_text != nullptr) {
      m.our_id = same_text->id;
      m.our_label = same_text->label;
    } else if (same_file != nullptr) {
      m.problem = "its text differs from " + same_file->label +
                  " here (same original file, imported differently): spans would not line up";
    } else if (by_label.count(lower(t.label))) {
      m.problem = "not in this project (" + t.label +
                  " here has another text); import it first, then merge again";
    } else {
      m.problem = "not in this project; import it first, then merge again";
    }
    if (m.problem.empty()) {
      ++plan.sources_matched;
    } else {
      plan.sources.push_back({"source " + t.label, m.problem});
    }
    out.emplace(t.id, std::move(m));
  }
  return out;
}

// ---- codes: by stable key (and earlier keys), then by name path ----

struct CodeRow {
  std::int64_t id = 0, parent_id = 0;
  std::string key, name, definition;
  bool retired = false;
  std::vector<std::string> aliases;
  std::string name_path;  // "Ex-post > Slow approvals", lower case
};

std::map<std::int64_t, CodeRow> read_codes(SQLite::Database& db) {
  std::map<std::int64_t, CodeRow> codes;
  SQLite::Statement q(db,
                      "SELECT id, coalesce(parent_id, 0), key, name, definition, retired_at IS NOT "
                      "NULL FROM codes ORDER BY id");
  while (q.executeStep()) {
    CodeRow c;
    c.id = q.getColumn(0).getInt64();
    c.parent_id = q.getColumn(1).getInt64();
    c.key = q.getColumn(2).getString();
    c.name = q.getColumn(3).getString();
    c.definition = q.getColumn(4).getString();
    c.retired = q.getColumn(5).getInt() != 0;
    codes.emplace(c.id, std::move(c));
  }
  SQLite::Statement a(db, "SELECT alias, code_id FROM code_aliases");
  while (a.executeStep()) {
    auto it = codes.find(a.getColumn(1).getInt64());
    if (it != codes.end()) it->second.aliases.push_back(a.getColumn(0).getString());
  }
  for (auto& [id, c] : codes) {
    std::string path = lower(c.name);
    std::set<std::int64_t> seen{id};  // a corrupt parent loop must not hang the merge
    for (auto p = c.parent_id; p != 0 && codes.count(p) && seen.insert(p).second;
         p = codes.at(p).parent_id) {
      path = lower(codes.at(p).name) + " > " + path;
    }
    c.name_path = path;
  }
  return codes;
}

class CodeMatcher {
 public:
  CodeMatcher(SQLite::Database& ours, SQLite::Database& theirs, MergePlan& plan, bool add_codes)
      : ours_(read_codes(ours)), theirs_(read_codes(theirs)), plan_(plan), add_codes_(add_codes) {
    for (const auto& [id, c] : ours_) {
      by_key_.emplace(lower(c.key), id);
      for (const auto& a : c.aliases) by_key_.emplace(lower(a), id);
      by_path_.emplace(c.name_path, id);
    }
  }

  // Our code for their code id: {id, key}; id 0 with a key when the code is
  // to be added; nullopt (and `why`) when their codings cannot come over.
  std::optional<std::pair<std::int64_t, std::string>> resolve(std::int64_t their_id,
                                                              std::string& why) {
    if (auto done = resolved_.find(their_id); done != resolved_.end()) {
      why = done->second.second;
      return done->second.first;
    }
    auto result = resolve_uncached(their_id, why);
    resolved_[their_id] = {result, why};
    return result;
  }

 private:
  std::optional<std::pair<std::int64_t, std::string>> resolve_uncached(std::int64_t their_id,
                                                                       std::string& why) {
    const auto it = theirs_.find(their_id);
    if (it == theirs_.end()) {
      why = "its code (id " + std::to_string(their_id) + ") is missing in " + plan_.other_dir;
      return std::nullopt;
    }
    const CodeRow& t = it->second;
    if (const auto* ours = find_ours(t)) {
      if (ours->retired) {
        why = "code " + ours->key + " is retired in this project";
        return std::nullopt;
      }
      return std::make_pair(ours->id, ours->key);
    }
    if (!add_codes_) {
      why = "code " + t.key + " (" + t.name +
            ") is not in this codebook; load it, or give --add-codes";
      return std::nullopt;
    }
    return plan_addition(t, why);
  }

  const CodeRow* find_ours(const CodeRow& t) const {
    std::vector<std::string> keys{t.key};
    keys.insert(keys.end(), t.aliases.begin(), t.aliases.end());
    for (const auto& k : keys) {
      if (auto f = by_key_.find(lower(k)); f != by_key_.end()) return &ours_.at(f->second);
    }
    if (auto f = by_path_.find(t.name_path); f != by_path_.end()) return &ours_.at(f->second);
    return nullptr;
  }

  // An inductive code under the code their parent matches (added first if
  // it is new too), keeping their last key segment.
  std::optional<std::pair<std::int64_t, std::string>> plan_addition(const CodeRow& t,
                                                                    std::string& why) {
    std::string parent_key;
    if (t.parent_id != 0) {
      std::string parent_why;
      const auto parent = resolve(t.parent_id, parent_why);
      if (!parent) {
        why = "code " + t.key + " cannot be added: its parent cannot (" + parent_why + ")";
        return std::nullopt;
      }
      parent_key = parent->second;
    }
    const std::string key = parent_key.empty() ? t.key : parent_key + "." + last_segment(t.key);
    if (by_key_.count(lower(key))) {
      why = "code " + t.key + " would be added as " + key + ", which is another code here";
      return std::nullopt;
    }
    plan_.codes_to_add.push_back({key, parent_key, t.name, t.definition});
    return std::make_pair(std::int64_t{0}, key);
  }

  std::map<std::int64_t, CodeRow> ours_, theirs_;
  MergePlan& plan_;
  bool add_codes_;
  std::map<std::string, std::int64_t> by_key_, by_path_;
  std::map<std::int64_t,
           std::pair<std::optional<std::pair<std::int64_t, std::string>>, std::string>>
      resolved_;
};

// ---- codings ----

using Dims = std::vector<std::pair<std::string, std::string>>;

std::map<std::int64_t, Dims> read_dims(SQLite::Database& db) {
  std::map<std::int64_t, Dims> out;
  SQLite::Statement q(db,
                      "SELECT coding_id, dimension, value FROM coding_dimensions "
                      "ORDER BY coding_id, lower(dimension)");
  while (q.executeStep()) {
    // Names as stored (written back as they are), compared ignoring case.
    out[q.getColumn(0).getInt64()].emplace_back(q.getColumn(1).getString(),
                                                q.getColumn(2).getString());
  }
  return out;
}

// Dimension names ignore ASCII case, as everywhere in the codebook; values
// are compared as stored (the codebook's spelling).
bool same_dims(const Dims& a, const Dims& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return lower(x.first) == lower(y.first) && x.second == y.second;
  });
}

std::map<std::int64_t, std::vector<Memo>> read_memos(SQLite::Database& db) {
  std::map<std::int64_t, std::vector<Memo>> out;
  SQLite::Statement q(
      db,
      "SELECT target_id, text, coder, created_at, removed_at, removed_by FROM memos "
      "WHERE target_kind = 'coding' ORDER BY id");
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()].push_back(
        {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
         text_or_empty(q.getColumn(4)), text_or_empty(q.getColumn(5))});
  }
  return out;
}

struct CodingRow {
  std::int64_t id = 0, source_id = 0, start_cp = 0, end_cp = 0, code_id = 0;
  std::string coder, unit, quote, created_at;
  CodingState state;
  std::optional<std::int64_t> recoded_from;
};

std::vector<CodingRow> read_codings(SQLite::Database& db) {
  const auto dims = read_dims(db);
  SQLite::Statement q(
      db,
      "SELECT id, source_id, start_cp, end_cp, code_id, coder, unit, quote, "
      "created_at, review_status, reviewed_by, reviewed_at, review_reason, "
      "removed_at, removed_by, removed_reason, recoded_from FROM codings ORDER BY id");
  std::vector<CodingRow> out;
  while (q.executeStep()) {
    CodingRow r;
    r.id = q.getColumn(0).getInt64();
    r.source_id = q.getColumn(1).getInt64();
    r.start_cp = q.getColumn(2).getInt64();
    r.end_cp = q.getColumn(3).getInt64();
    r.code_id = q.getColumn(4).getInt64();
    r.coder = q.getColumn(5).getString();
    r.unit = q.getColumn(6).getString();
    r.quote = q.getColumn(7).getString();
    r.created_at = q.getColumn(8).getString();
    r.state.review_status = q.getColumn(9).getString();
    r.state.reviewed_by = text_or_empty(q.getColumn(10));
    r.state.reviewed_at = text_or_empty(q.getColumn(11));
    r.state.review_reason = text_or_empty(q.getColumn(12));
    r.state.removed_at = text_or_empty(q.getColumn(13));
    r.state.removed_by = text_or_empty(q.getColumn(14));
    r.state.removed_reason = text_or_empty(q.getColumn(15));
    if (!q.getColumn(16).isNull()) r.recoded_from = q.getColumn(16).getInt64();
    if (auto d = dims.find(r.id); d != dims.end()) r.state.dims = d->second;
    out.push_back(std::move(r));
  }
  return out;
}

std::string describe_review(const CodingState& s) {
  if (s.review_status == "unreviewed") return "unreviewed";
  std::string out = s.review_status + " by " + s.reviewed_by;
  if (!s.review_reason.empty()) out += " (" + s.review_reason + ")";
  return out;
}

std::string describe_removal(const CodingState& s) {
  return s.removed() ? "removed by " + s.removed_by : "active";
}

std::string describe_dims(const Dims& dims) {
  if (dims.empty()) return "none";
  std::string out;
  for (const auto& [name, value] : dims) out += (out.empty() ? "" : ", ") + name + "=" + value;
  return out;
}

// An aspect (review, removal, dimensions) on which the two sides differ, and
// which side left the untouched state (unreviewed, active, no values).
struct AspectDiff {
  Difference difference;
  bool ours_changed = false, theirs_changed = false;
};

void add_if_different(std::vector<AspectDiff>& out, const std::string& aspect, bool equal,
                      bool ours_untouched, bool theirs_untouched, std::string ours,
                      std::string theirs) {
  if (equal) return;
  out.push_back({{aspect, std::move(ours), std::move(theirs)}, !ours_untouched, !theirs_untouched});
}

// Without a common ancestor, a side that left the untouched state is the side
// that changed the coding. Only they changed it: ours takes their state.
// Only we did: ours stays. Both did, differently (ours accepted, theirs
// removed): a conflict over every aspect that differs.
Pairing compare(const CodingRow& ours, const TheirCoding& theirs,
                const std::vector<Memo>& our_memos) {
  Pairing p;
  p.our_id = ours.id;
  p.theirs = theirs;
  const CodingState& a = ours.state;
  const CodingState& b = theirs.state;
  std::vector<AspectDiff> diffs;
  add_if_different(diffs, "review", a.review_status == b.review_status,
                   a.review_status == "unreviewed", b.review_status == "unreviewed",
                   describe_review(a), describe_review(b));
  add_if_different(diffs, "removal", a.removed() == b.removed(), !a.removed(), !b.removed(),
                   describe_removal(a), describe_removal(b));
  add_if_different(diffs, "dimensions", same_dims(a.dims, b.dims), a.dims.empty(), b.dims.empty(),
                   describe_dims(a.dims), describe_dims(b.dims));
  const bool ours_changed =
      std::any_of(diffs.begin(), diffs.end(), [](const AspectDiff& d) { return d.ours_changed; });
  const bool theirs_changed =
      std::any_of(diffs.begin(), diffs.end(), [](const AspectDiff& d) { return d.theirs_changed; });
  for (auto& d : diffs) {
    if (ours_changed && theirs_changed) {
      p.conflicts.push_back(std::move(d.difference));
    } else if (theirs_changed) {
      p.take.push_back(std::move(d.difference));
    }
  }
  for (const auto& m : theirs.memos) {
    const bool have = std::any_of(our_memos.begin(), our_memos.end(), [&](const Memo& o) {
      return o.text == m.text && o.coder == m.coder;
    });
    if (!have) p.new_memos.push_back(m);
  }
  return p;
}

bool changes_nothing(const Pairing& p) {
  return p.take.empty() && p.conflicts.empty() && p.new_memos.empty();
}

using CodingKey = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::string>;

// Their coding onto our source and code; nullopt with the reason otherwise.
std::optional<TheirCoding> map_coding(const CodingRow& r,
                                      const std::map<std::int64_t, SourceMatch>& sources,
                                      CodeMatcher& codes, std::string& why) {
  const auto s = sources.find(r.source_id);
  if (s == sources.end() || !s->second.problem.empty()) {
    why = s == sources.end() ? "its source is missing" : "its source is " + s->second.problem;
    return std::nullopt;
  }
  const auto code = codes.resolve(r.code_id, why);
  if (!code) return std::nullopt;
  TheirCoding t;
  t.their_id = r.id;
  t.source_id = s->second.our_id;
  t.source_label = s->second.our_label;
  t.start_cp = r.start_cp;
  t.end_cp = r.end_cp;
  t.code_id = code->first;
  t.code_key = code->second;
  t.coder = r.coder;
  t.unit = r.unit;
  t.quote = r.quote;
  t.created_at = r.created_at;
  t.state = r.state;
  t.their_recoded_from = r.recoded_from;
  return t;
}

std::string coding_label(const CodingRow& r, const std::string& coder) {
  return "coding " + std::to_string(r.id) + " by " + coder;
}

// ---- writing ----

void update_review(store::Store& store, std::int64_t id, const CodingState& s) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET review_status = ?, reviewed_by = ?, reviewed_at = ?, "
                      "review_reason = ? WHERE id = ?");
  q.bind(1, s.review_status);
  store::bind_text_or_null(q, 2, s.reviewed_by);
  store::bind_text_or_null(q, 3, s.reviewed_at);
  store::bind_text_or_null(q, 4, s.review_reason);
  q.bind(5, id);
  q.exec();
}

void update_removal(store::Store& store, std::int64_t id, const CodingState& s) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET removed_at = ?, removed_by = ?, removed_reason = ? "
                      "WHERE id = ?");
  store::bind_text_or_null(q, 1, s.removed_at);
  store::bind_text_or_null(q, 2, s.removed_by);
  store::bind_text_or_null(q, 3, s.removed_reason);
  q.bind(4, id);
  q.exec();
}

void write_dims(store::Store& store, std::int64_t id, const Dims& dims) {
  SQLite::Statement del(store.db(), "DELETE FROM coding_dimensions WHERE coding_id = ?");
  del.bind(1, id);
  del.exec();
  SQLite::Statement ins(
      store.db(), "INSERT INTO coding_dimensions(coding_id, dimension, value) VALUES (?, ?, ?)");
  for (const auto& [name, value] : dims) {
    ins.bind(1, id);
    ins.bind(2, name);
    ins.bind(3, value);
    ins.exec();
    ins.reset();
  }
}

void write_memos(store::Store& store, std::int64_t id, const std::vector<Memo>& memos) {
  SQLite::Statement q(store.db(),
                      "INSERT INTO memos(target_kind, target_id, text, coder, created_at, "
                      "removed_at, removed_by) VALUES ('coding', ?, ?, ?, ?, ?, ?)");
  for (const auto& m : memos) {
    q.bind(1, id);
    q.bind(2, m.text);
    q.bind(3, m.coder);
    q.bind(4, m.created_at);
    store::bind_text_or_null(q, 5, m.removed_at);
    store::bind_text_or_null(q, 6, m.removed_by);
    q.exec();
    q.reset();
  }
}

void write_aspect(store::Store& store, std::int64_t id, const std::string& aspect,
                  const CodingState& theirs) {
  if (aspect == "review") update_review(store, id, theirs);
  if (aspect == "removal") update_removal(store, id, theirs);
  if (aspect == "dimensions") write_dims(store, id, theirs.dims);
}

// Inserts their coding as it is (creation time, review and removal kept:
// it is the coder's record, not a new act in this project).
std::int64_t insert_coding(store::Store& store, const TheirCoding& t, std::int64_t code_id,
                           std::optional<std::int64_t> recoded_from) {
  SQLite::Statement q(
      store.db(),
      "INSERT INTO codings(source_id, start_cp, end_cp, code_id, coder, unit, quote, "
      "created_at, review_status, reviewed_by, reviewed_at, review_reason, "
      "removed_at, removed_by, removed_reason, recoded_from) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, t.source_id);
  q.bind(2, t.start_cp);
  q.bind(3, t.end_cp);
  q.bind(4, code_id);
  q.bind(5, t.coder);
  q.bind(6, t.unit);
  q.bind(7, t.quote);
  q.bind(8, t.created_at);
  q.bind(9, t.state.review_status);
  store::bind_text_or_null(q, 10, t.state.reviewed_by);
  store::bind_text_or_null(q, 11, t.state.reviewed_at);
  store::bind_text_or_null(q, 12, t.state.review_reason);
  store::bind_text_or_null(q, 13, t.state.removed_at);
  store::bind_text_or_null(q, 14, t.state.removed_by);
  store::bind_text_or_null(q, 15, t.state.removed_reason);
  if (recoded_from) {
    q.bind(16, *recoded_from);
  } else {
    q.bind(16);
  }
  q.exec();
  const std::int64_t id = store.db().getLastInsertRowid();
  write_dims(store, id, t.state.dims);
  write_memos(store, id, t.memos);
  return id;
}

std::map<std::string, std::int64_t> add_codes(store::Store& store, const MergePlan& plan,
                                              const std::string& coder) {
  std::map<std::string, std::int64_t> ids;  // key -> new id
  for (const auto& c : plan.codes_to_add) {
    codebook::Code code;
    code.key = c.key;
    code.parent = c.parent;
    code.name = c.name;
    code.definition = c.definition;
    ids[lower(c.key)] = codebook::add_inductive_code(store, code, coder);
  }
  return ids;
}

}  // namespace

// ---- the other project ----

OtherProject::OtherProject(const std::filesystem::path& dir, int expected_schema)
    // Absolute, so the audit entry still says which copy it was when read
    // from elsewhere.
    : dir_(std::filesystem::weakly_canonical(std::filesystem::absolute(dir))) {
  const auto file = dir_ / project::kDataDirName / "store.sqlite";
  if (!std::filesystem::exists(file)) {
    throw_not_found(dir.string() + " is not a casebook project (no " + file.string() + ")",
                    "give the directory of the other copy of the project");
  }
  try {
    db_ = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READONLY);
    const int version = db_->execAndGet("PRAGMA user_version").getInt();
    if (version != expected_schema) {
      throw_conflict(file.string() + " has store schema version " + std::to_string(version) +
                         ", this project " + std::to_string(expected_schema),
                     "open it once with this casebook (e.g. 'casebook -C " + dir.string() +
                         " check') so it is migrated, then merge again");
    }
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "opening " + file.string() + " read-only");
  }
}

const char* to_string(Resolution r) {
  switch (r) {
    case Resolution::KeepOurs:
      return "keep-ours";
    case Resolution::TakeTheirs:
      return "take-theirs";
    case Resolution::KeepBoth:
      return "keep-both";
    case Resolution::Unresolved:
      break;
  }
  return "unresolved";
}

Resolution parse_resolution(const std::string& name) {
  for (auto r : {Resolution::KeepOurs, Resolution::TakeTheirs, Resolution::KeepBoth}) {
    if (name == to_string(r)) return r;
  }
  throw_usage("unknown conflict rule '" + name + "'",
              "use keep-ours, take-theirs, keep-both or ask");
}

std::size_t MergePlan::conflict_count() const {
  return static_cast<std::size_t>(std::count_if(
      pairings.begin(), pairings.end(), [](const Pairing& p) { return !p.conflicts.empty(); }));
}

std::size_t MergePlan::unresolved_count() const {
  return static_cast<std::size_t>(
      std::count_if(pairings.begin(), pairings.end(), [](const Pairing& p) {
        return !p.conflicts.empty() && p.resolution == Resolution::Unresolved;
      }));
}

void MergePlan::resolve_all(Resolution rule) {
  for (auto& p : pairings) {
    if (!p.conflicts.empty() && p.resolution == Resolution::Unresolved) p.resolution = rule;
  }
}

MergePlan plan_merge(store::Store& ours, OtherProject& theirs, const MergeOptions& options) {
  MergePlan plan;
  plan.other_dir = options.other_name.empty() ? theirs.dir().string() : options.other_name;
  try {
    const auto sources = match_sources(ours.db(), theirs.db(), plan);
    CodeMatcher codes(ours.db(), theirs.db(), plan, options.add_codes);
    // Ours, by identity; several of ours may share one (keep-both leaves two).
    std::map<CodingKey, std::vector<CodingRow>> our_codings;
    for (auto& r : read_codings(ours.db())) {
      our_codings[{r.source_id, r.start_cp, r.end_cp, r.code_id, r.coder}].push_back(std::move(r));
    }
    const auto our_memos = read_memos(ours.db());
    const auto their_memos = read_memos(theirs.db());
    const std::set<std::string> coders(options.coders.begin(), options.coders.end());
    const auto their_rows = read_codings(theirs.db());
    for (const auto& c : coders) {
      if (std::none_of(their_rows.begin(), their_rows.end(),
                       [&](const CodingRow& r) { return r.coder == c; })) {
        plan.coders_missing.push_back(c);
      }
    }
    for (const auto& r : their_rows) {
      if (!coders.empty() && !coders.count(r.coder)) {
        ++plan.other_coders;  // not asked for: counted, not listed
        continue;
      }
      ++plan.their_codings;
      std::string why;
      auto mapped = map_coding(r, sources, codes, why);
      if (!mapped) {
        plan.skipped.push_back({coding_label(r, r.coder), why});
        continue;
      }
      if (auto m = their_memos.find(r.id); m != their_memos.end()) mapped->memos = m->second;
      const auto found = our_codings.find(
          {mapped->source_id, mapped->start_cp, mapped->end_cp, mapped->code_id, mapped->coder});
      if (mapped->code_id == 0 || found == our_codings.end()) {
        plan.additions.push_back(std::move(*mapped));
        continue;
      }
      // Prefer one of ours in exactly their state: then nothing is to do.
      std::optional<Pairing> first;
      bool same = false;
      for (const auto& o : found->second) {
        const auto m = our_memos.find(o.id);
        Pairing p = compare(o, *mapped, m == our_memos.end() ? std::vector<Memo>{} : m->second);
        if (changes_nothing(p)) {
          plan.known[r.id] = o.id;
          same = true;
          break;
        }
        if (!first) first = std::move(p);
      }
      if (same) {
        ++plan.identical;
      } else {
        plan.known[r.id] = first->our_id;
        plan.pairings.push_back(std::move(*first));
      }
    }
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "reading " + plan.other_dir + " for the merge");
  }
  return plan;
}

MergeResult apply_merge(store::Store& ours, const MergePlan& plan, const std::string& coder) {
  if (const auto n = plan.unresolved_count(); n > 0) {
    throw_conflict(std::to_string(n) + " conflict(s) are not resolved; nothing was merged",
                   "give --on-conflict keep-ours, take-theirs or keep-both");
  }
  MergeResult result;
  // Merging again must leave the project exactly as it was: no empty entry.
  if (plan.additions.empty() && plan.pairings.empty() && plan.codes_to_add.empty()) return result;
  nlohmann::json added = nlohmann::json::array(), updated = nlohmann::json::array();
  try {
    const auto new_codes = add_codes(ours, plan, coder);
    result.codes_added = new_codes.size();
    std::map<std::int64_t, std::int64_t> ids = plan.known;  // theirs -> ours
    auto our_recoded_from = [&](const TheirCoding& t) -> std::optional<std::int64_t> {
      if (!t.their_recoded_from) return std::nullopt;
      const auto it = ids.find(*t.their_recoded_from);
      if (it == ids.end()) return std::nullopt;  // the original was not merged
      return it->second;
    };
    for (const auto& t : plan.additions) {
      const std::int64_t code_id = t.code_id != 0 ? t.code_id : new_codes.at(lower(t.code_key));
      const std::int64_t id = insert_coding(ours, t, code_id, our_recoded_from(t));
      ids[t.their_id] = id;
      // The state written, so that undo can tell whether anyone changed it since.
      added.push_back(
          {{"id", id}, {"from", t.their_id}, {"state", coding::coding_state(ours, id)}});
      result.memos_added += t.memos.size();
      ++result.codings_added;
    }
    for (const auto& p : plan.pairings) {
      const nlohmann::json before = coding::coding_state(ours, p.our_id);
      for (const auto& d : p.take) write_aspect(ours, p.our_id, d.aspect, p.theirs.state);
      if (p.resolution == Resolution::TakeTheirs) {
        for (const auto& d : p.conflicts) write_aspect(ours, p.our_id, d.aspect, p.theirs.state);
      }
      write_memos(ours, p.our_id, p.new_memos);
      result.memos_added += p.new_memos.size();
      if (!p.take.empty() || p.resolution == Resolution::TakeTheirs) ++result.codings_updated;
      nlohmann::json u = {{"id", p.our_id},
                          {"from", p.theirs.their_id},
                          {"before", before},
                          {"after", coding::coding_state(ours, p.our_id)}};
      if (!p.conflicts.empty()) u["resolution"] = to_string(p.resolution);
      if (p.resolution == Resolution::KeepBoth) {
        const std::int64_t id =
            insert_coding(ours, p.theirs, p.theirs.code_id, our_recoded_from(p.theirs));
        u["kept_both_as"] = id;
        u["kept_both_state"] = coding::coding_state(ours, id);
        ++result.codings_added;
      }
      updated.push_back(std::move(u));
    }
    nlohmann::json detail = {{"other", plan.other_dir},
                             {"codes_added", result.codes_added},
                             {"codings_added", result.codings_added},
                             {"codings_updated", result.codings_updated},
                             {"memos_added", result.memos_added},
                             {"identical", plan.identical},
                             {"skipped", plan.skipped.size()},
                             {"conflicts", plan.conflict_count()},
                             {"added", added},
                             {"updated", updated}};
    result.audit_id = store::append_audit(ours, coder, "project.merge", plan.other_dir, detail);
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "merging " + plan.other_dir);
  }
  return result;
}

}  // namespace casebook::merge

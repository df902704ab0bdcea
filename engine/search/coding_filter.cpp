#include "engine/search/coding_filter.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/spelling.hpp"

namespace casebook::search {
namespace {

// ---- names ----------------------------------------------------------------------

// The coders whose codings count: the filter's, or in blind mode only the
// searching coder (naming anyone else is refused rather than silently empty).
std::vector<std::string> visible_coders(const CodingFilter& filter,
                                        const std::optional<std::string>& visible_coder) {
  if (!visible_coder) return filter.coders;
  for (const std::string& coder : filter.coders) {
    if (!text::ascii_iequals(coder, *visible_coder)) {
      throw_usage("search query: coder:" + coder +
                      " asks for another coder's codings, but blind mode shows only your own (" +
                      *visible_coder + ")",
                  "leave coder: out: code: filters already count only your codings");
    }
  }
  return {*visible_coder};
}

// ---- code keys ------------------------------------------------------------------

// Up to five keys (current or former) that look like `typed`: a typo away, or
// containing it ("standardisation" for "expost.standardisation").
std::vector<std::string> close_keys(store::Store& store, const std::string& typed) {
  constexpr std::size_t kShown = 5;
  const std::string want = text::ascii_lower(typed);
  const std::size_t allowed = std::max<std::size_t>(2, want.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  SQLite::Statement keys(store.db(), "SELECT key FROM codes UNION SELECT alias FROM code_aliases");
  while (keys.executeStep()) {
    std::string key = keys.getColumn(0).getString();
    const std::string folded = text::ascii_lower(key);
    std::size_t distance = text::edit_distance(want, folded);
    if (want.size() >= 3 && folded.find(want) != std::string::npos) distance = 0;
    if (distance <= allowed) scored.emplace_back(distance, std::move(key));
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < kShown; ++i) out.push_back(scored[i].second);
  return out;
}

// The code with `key` as its key or a former key (both columns are NOCASE).
std::int64_t require_code_id(store::Store& store, const std::string& key) {
  SQLite::Statement q(store.db(),
                      "SELECT id FROM codes WHERE key = ?1 "
                      "UNION ALL SELECT code_id FROM code_aliases WHERE alias = ?1 LIMIT 1");
  q.bind(1, key);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  std::vector<std::string> near = close_keys(store, key);
  std::string hint;
  for (const std::string& k : near) hint += (hint.empty() ? "did you mean " : ", ") + k;
  hint +=
      (hint.empty() ? "see" : "? See") + std::string(" the codes with 'casebook codebook show'");
  throw_data(
      "search query: no code \"" + key + "\" (" + std::string(index::kCodeField) + ":" + key + ")",
      hint);
}

// ---- codings and passages -------------------------------------------------------------

struct Range {
  std::int64_t source_id = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
};

std::string placeholders(std::size_t first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += (i == 0 ? "?" : ", ?") + std::to_string(first + i);
  }
  return out;
}

// Active codings of any of `code_ids` (with their sub-codes; none: any code)
// by any of `coders` (none: anyone), ordered by source and start. UNION in
// the recursive part also stops a parent_id cycle from looping.
std::vector<Range> active_codings(store::Store& store, const std::vector<std::int64_t>& code_ids,
                                  const std::vector<std::string>& coders) {
  std::string sql;
  if (!code_ids.empty()) {
    sql = "WITH RECURSIVE tree(id) AS (SELECT id FROM codes WHERE id IN (" +
          placeholders(1, code_ids.size()) +
          ") UNION SELECT c.id FROM codes c JOIN tree t ON c.parent_id = t.id) ";
  }
  sql +=
      "SELECT source_id, start_cp, end_cp FROM codings WHERE removed_at IS NULL "
      "AND review_status <> 'rejected'";
  if (!code_ids.empty()) sql += " AND code_id IN (SELECT id FROM tree)";
  if (!coders.empty()) {
    sql +=
        " AND coder COLLATE NOCASE IN (" + placeholders(code_ids.size() + 1, coders.size()) + ")";
  }
  sql += " ORDER BY source_id, start_cp";
  SQLite::Statement q(store.db(), sql);
  int n = 0;
  for (std::int64_t id : code_ids) q.bind(++n, id);
  for (const std::string& coder : coders) q.bind(++n, coder);
  std::vector<Range> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  }
  return out;
}

struct PassageSpan {
  std::int64_t id = 0;
  std::int64_t start = 0;
  std::int64_t end = 0;
};

std::vector<PassageSpan> passage_spans(SQLite::Statement& q, std::int64_t source_id) {
  q.reset();
  q.bind(1, source_id);
  std::vector<PassageSpan> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  }
  return out;
}

// Adds the passages `coding` overlaps. Passages of a source do not overlap,
// so ordered by start they are ordered by end too and the first candidate is
// found by binary search: no scan from the start of the source per coding.
void add_overlapping(const std::vector<PassageSpan>& passages, const Range& coding,
                     std::vector<std::int64_t>& out) {
  auto it =
      std::upper_bound(passages.begin(), passages.end(), coding.start,
                       [](std::int64_t start, const PassageSpan& p) { return start < p.end; });
  for (; it != passages.end() && it->start < coding.end; ++it) {
    if (it->end > coding.start) out.push_back(it->id);
  }
}

std::vector<std::int64_t> overlapped_passages(store::Store& store,
                                              const std::vector<Range>& codings) {
  SQLite::Statement spans(store.db(),
                          "SELECT id, start_cp, end_cp FROM passages WHERE source_id = ?1 "
                          "ORDER BY start_cp");
  std::vector<std::int64_t> ids;
  std::vector<PassageSpan> passages;
  std::int64_t loaded = -1;
  for (const Range& coding : codings) {  // grouped by source
    if (coding.source_id != loaded) {
      passages = passage_spans(spans, coding.source_id);
      loaded = coding.source_id;
    }
    add_overlapping(passages, coding, ids);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// ---- the Xapian side --------------------------------------------------------------

// The documents of a fixed, sorted set of docids, weightless. Clones share
// the set, so Xapian may clone it freely.
class DocidSetSource : public Xapian::PostingSource {
 public:
  explicit DocidSetSource(std::shared_ptr<const std::vector<Xapian::docid>> docids)
      : docids_(std::move(docids)) {}

  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }

  void init(const Xapian::Database&) override {
    started_ = false;
    pos_ = 0;
  }
  // Xapian calls next() once to reach the first entry.
  void next(double) override {
    if (started_) ++pos_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    pos_ = static_cast<std::size_t>(
        std::lower_bound(docids_->begin() + static_cast<std::ptrdiff_t>(pos_), docids_->end(),
                         did) -
        docids_->begin());
  }
  bool at_end() const override { return started_ && pos_ >= docids_->size(); }
  Xapian::docid get_docid() const override { return (*docids_)[pos_]; }

  PostingSource* clone() const override { return new DocidSetSource(docids_); }
  std::string get_description() const override {
    return "DocidSetSource(" + std::to_string(docids_->size()) + " passages)";
  }

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }

  std::shared_ptr<const std::vector<Xapian::docid>> docids_;
  bool started_ = false;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::int64_t> coded_passage_ids(store::Store& store, const CodingFilter& filter,
                                            const std::optional<std::string>& visible_coder) {
  const std::vector<std::string> coders = visible_coders(filter, visible_coder);
  try {
    std::vector<std::int64_t> code_ids;
    for (const std::string& key : filter.codes) code_ids.push_back(require_code_id(store, key));
    std::sort(code_ids.begin(), code_ids.end());
    code_ids.erase(std::unique(code_ids.begin(), code_ids.end()), code_ids.end());
    return overlapped_passages(store, active_codings(store, code_ids, coders));
  } catch (const SQLite::Exception& e) {
    store::rethrow_sqlite(e, "reading codings for a search");
  }
}

namespace {

// The passages' id terms ORed, weightless: what a remote server can run.
Xapian::Query passage_term_query(const std::vector<std::int64_t>& passage_ids) {
  std::vector<std::string> terms;
  terms.reserve(passage_ids.size());
  for (std::int64_t id : passage_ids) terms.push_back(index::passage_id_term(id));
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

}  // namespace

Xapian::Query passage_set_query(const Xapian::Database& db,
                                const std::vector<std::int64_t>& passage_ids, IndexLayout layout) {
  if (layout == IndexLayout::Sharded) return passage_term_query(passage_ids);
  auto docids = std::make_shared<std::vector<Xapian::docid>>();
  docids->reserve(passage_ids.size());
  for (std::int64_t id : passage_ids) {
    const std::string term = index::passage_id_term(id);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it != db.postlist_end(term)) docids->push_back(*it);
  }
  if (docids->empty()) return Xapian::Query();
  std::sort(docids->begin(), docids->end());
  auto* source = new DocidSetSource(std::move(docids));
  return Xapian::Query(source->release());
}

CodingResolver store_coding_resolver(store::Store& store, const Xapian::Database& db,
                                     std::optional<std::string> visible_coder, IndexLayout layout) {
  return
      [&store, db, visible_coder = std::move(visible_coder), layout](const CodingFilter& filter) {
        return passage_set_query(db, coded_passage_ids(store, filter, visible_coder), layout);
      };
}

}  // namespace casebook::search

#include "engine/store/sources.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/source_types.hpp"

namespace casebook::store {
namespace {

constexpr const char* kSourceColumns =
    "s.id, s.label, s.type, s.title, coalesce(s.date, ''), coalesce(s.council, ''), s.format, "
    "s.encoding, s.original_sha256, s.original_name, s.origin_path, s.version, s.imported_at, "
    "s.imported_by, t.code_points, "
    "(SELECT count(*) FROM passages p WHERE p.source_id = s.id), s.origin_part, "
    "coalesce(v.url, ''), coalesce(v.retrieved_at, ''), coalesce(v.http_status, 0), "
    "coalesce(v.content_type, ''), coalesce(v.note, '') "
    "FROM sources s JOIN source_texts t ON t.source_id = s.id "
    "LEFT JOIN source_provenance v ON v.source_id = s.id ";

constexpr const char* kPassageColumns =
    "id, n, start_cp, end_cp, kind, coalesce(speaker, ''), coalesce(page, 0), "
    "coalesce(start_ms, -1), coalesce(end_ms, -1), coalesce(heading_path, '') ";

// Binds type, title, date, council, format, encoding, original_sha256,
// original_name and origin_path (in that order) from `first`; returns the
// next parameter index. Insert and update list these columns alike.
int bind_content_columns(SQLite::Statement& st, int first, const SourceContent& content) {
  int i = first;
  st.bind(i++, content.type);
  st.bind(i++, content.title);
  bind_text_or_null(st, i++, content.date);
  bind_text_or_null(st, i++, content.council);
  st.bind(i++, content.format);
  st.bind(i++, content.encoding);
  st.bind(i++, content.original_sha256);
  st.bind(i++, content.original_name);
  st.bind(i++, content.origin_path);
  st.bind(i++, content.origin_part);
  return i;
}

// Reads the passage columns of kPassageColumns starting at column `first`.
PassageRecord read_passage(SQLite::Statement& q, int first) {
  PassageRecord p;
  p.id = q.getColumn(first).getInt64();
  p.n = q.getColumn(first + 1).getInt();
  p.span = {static_cast<std::size_t>(q.getColumn(first + 2).getInt64()),
            static_cast<std::size_t>(q.getColumn(first + 3).getInt64())};
  p.kind = q.getColumn(first + 4).getString();
  p.speaker = q.getColumn(first + 5).getString();
  p.page = q.getColumn(first + 6).getInt();
  p.start_ms = q.getColumn(first + 7).getInt64();
  p.end_ms = q.getColumn(first + 8).getInt64();
  p.heading_path = q.getColumn(first + 9).getString();
  return p;
}

void bind_int_or_null(SQLite::Statement& st, int index, std::int64_t value, std::int64_t none) {
  if (value == none) {
    st.bind(index);
  } else {
    st.bind(index, value);
  }
}

std::vector<std::string> load_case_labels(Store& store, std::int64_t source_id) {
  CachedStatement q = store.cached(
      "SELECT c.label FROM source_cases sc JOIN cases c ON c.id = sc.case_id "
      "WHERE sc.source_id = ? ORDER BY c.label");
  q->bind(1, source_id);
  std::vector<std::string> out;
  while (q->executeStep()) out.push_back(q->getColumn(0).getString());
  return out;
}

std::map<std::string, std::string> load_attributes(Store& store, std::int64_t source_id) {
  CachedStatement q =
      store.cached("SELECT name, value FROM source_attributes WHERE source_id = ? ORDER BY name");
  q->bind(1, source_id);
  std::map<std::string, std::string> out;
  while (q->executeStep()) out[q->getColumn(0).getString()] = q->getColumn(1).getString();
  return out;
}

SourceInfo read_source_row(Store& store, SQLite::Statement& q) {
  SourceInfo info;
  info.id = q.getColumn(0).getInt64();
  info.label = q.getColumn(1).getString();
  info.type = q.getColumn(2).getString();
  info.title = q.getColumn(3).getString();
  info.date = q.getColumn(4).getString();
  info.council = q.getColumn(5).getString();
  info.format = q.getColumn(6).getString();
  info.encoding = q.getColumn(7).getString();
  info.original_sha256 = q.getColumn(8).getString();
  info.original_name = q.getColumn(9).getString();
  info.origin_path = q.getColumn(10).getString();
  info.version = q.getColumn(11).getInt();
  info.imported_at = q.getColumn(12).getString();
  info.imported_by = q.getColumn(13).getString();
  info.code_points = q.getColumn(14).getInt64();
  info.passage_count = q.getColumn(15).getInt64();
  info.origin_part = q.getColumn(16).getString();
  info.provenance.url = q.getColumn(17).getString();
  info.provenance.retrieved_at = q.getColumn(18).getString();
  info.provenance.http_status = q.getColumn(19).getInt();
  info.provenance.content_type = q.getColumn(20).getString();
  info.provenance.note = q.getColumn(21).getString();
  info.cases = load_case_labels(store, info.id);
  info.attributes = load_attributes(store, info.id);
  return info;
}

std::optional<SourceInfo> find_one(Store& store, const std::string& where,
                                   const std::function<void(SQLite::Statement&)>& bind) {
  CachedStatement q = store.cached(std::string("SELECT ") + kSourceColumns + where);
  bind(*q);
  if (!q->executeStep()) return std::nullopt;
  return read_source_row(store, *q);
}

// Takes the next number for a label prefix and advances the counter.
std::string next_label(Store& store, const std::string& prefix) {
  SQLite::Statement get(store.db(), "SELECT next FROM label_counters WHERE prefix = ?");
  get.bind(1, prefix);
  std::int64_t next = get.executeStep() ? get.getColumn(0).getInt64() : 1;
  // Skip numbers taken by labels given explicitly on import.
  SQLite::Statement taken(store.db(), "SELECT 1 FROM sources WHERE label = ?");
  for (;; ++next) {
    taken.bind(1, prefix + "-" + std::to_string(next));
    bool used = taken.executeStep();
    taken.reset();
    if (!used) break;
  }
  SQLite::Statement set(store.db(),
                        "INSERT INTO label_counters(prefix, next) VALUES (?, ?) "
                        "ON CONFLICT(prefix) DO UPDATE SET next = excluded.next");
  set.bind(1, prefix);
  set.bind(2, next + 1);
  set.exec();
  return prefix + "-" + std::to_string(next);
}

std::int64_t case_id_for(Store& store, const std::string& label) {
  SQLite::Statement q(store.db(), "SELECT id FROM cases WHERE label = ?");
  q.bind(1, label);
  if (!q.executeStep()) {
    throw_not_found("no case '" + label + "' in this project",
                    "import the case sheet first ('casebook cases import SHEET.csv') or "
                    "check the spelling with 'casebook cases list'");
  }
  return q.getColumn(0).getInt64();
}

void write_text_and_segmentation(Store& store, std::int64_t source_id,
                                 const SourceContent& content) {
  SQLite::Statement text(store.db(),
                         "INSERT INTO source_texts(source_id, text, code_points) VALUES (?, ?, ?)");
  text.bind(1, source_id);
  text.bind(2, content.text);
  text.bind(3, content.code_points);
  text.exec();

  SQLite::Statement passage(store.db(),
                            "INSERT INTO passages(source_id, n, start_cp, end_cp, kind, speaker, "
                            "page, start_ms, end_ms, heading_path) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int n = 0;
  for (const PassageRecord& p : content.passages) {
    passage.bind(1, source_id);
    passage.bind(2, ++n);
    passage.bind(3, static_cast<std::int64_t>(p.span.start));
    passage.bind(4, static_cast<std::int64_t>(p.span.end));
    passage.bind(5, p.kind);
    bind_text_or_null(passage, 6, p.speaker);
    bind_int_or_null(passage, 7, p.page > 0 ? p.page : 0, 0);
    bind_int_or_null(passage, 8, p.start_ms < 0 ? -1 : p.start_ms, -1);
    bind_int_or_null(passage, 9, p.end_ms < 0 ? -1 : p.end_ms, -1);
    bind_text_or_null(passage, 10, p.heading_path);
    passage.exec();
    passage.reset();
  }

  SQLite::Statement sentence(
      store.db(), "INSERT INTO sentences(source_id, n, start_cp, end_cp) VALUES (?, ?, ?, ?)");
  n = 0;
  for (const text::Span& s : content.sentences) {
    sentence.bind(1, source_id);
    sentence.bind(2, ++n);
    sentence.bind(3, static_cast<std::int64_t>(s.start));
    sentence.bind(4, static_cast<std::int64_t>(s.end));
    sentence.exec();
    sentence.reset();
  }
}

void write_provenance(Store& store, std::int64_t source_id, const Provenance& provenance) {
  if (provenance.empty()) return;
  SQLite::Statement insert(store.db(),
                           "INSERT INTO source_provenance(source_id, url, retrieved_at, "
                           "http_status, content_type, note) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, source_id);
  bind_text_or_null(insert, 2, provenance.url);
  bind_text_or_null(insert, 3, provenance.retrieved_at);
  bind_int_or_null(insert, 4, provenance.http_status, 0);
  bind_text_or_null(insert, 5, provenance.content_type);
  bind_text_or_null(insert, 6, provenance.note);
  insert.exec();
}

void write_cases_and_attributes(Store& store, std::int64_t source_id,
                                const SourceContent& content) {
  SQLite::Statement link(store.db(),
                         "INSERT OR IGNORE INTO source_cases(source_id, case_id) VALUES (?, ?)");
  for (const std::string& label : content.cases) {
    link.bind(1, source_id);
    link.bind(2, case_id_for(store, label));
    link.exec();
    link.reset();
  }
  SQLite::Statement attr(store.db(),
                         "INSERT INTO source_attributes(source_id, name, value) VALUES (?, ?, ?)");
  for (const auto& [name, value] : content.attributes) {
    attr.bind(1, source_id);
    attr.bind(2, name);
    attr.bind(3, value);
    attr.exec();
    attr.reset();
  }
}

void delete_content(Store& store, std::int64_t source_id) {
  for (const char* sql :
       {"DELETE FROM sentences WHERE source_id = ?", "DELETE FROM passages WHERE source_id = ?",
        "DELETE FROM source_texts WHERE source_id = ?",
        "DELETE FROM source_cases WHERE source_id = ?",
        "DELETE FROM source_attributes WHERE source_id = ?",
        "DELETE FROM source_provenance WHERE source_id = ?"}) {
    SQLite::Statement del(store.db(), sql);
    del.bind(1, source_id);
    del.exec();
  }
}

nlohmann::json audit_detail(const SourceContent& content) {
  return {{"type", content.type},
          {"file", content.origin_path},
          {"sha256", content.original_sha256},
          {"format", content.format},
          {"encoding", content.encoding},
          {"passages", content.passages.size()},
          {"code_points", content.code_points},
          {"cases", content.cases},
          {"part", content.origin_part},
          {"url", content.provenance.url}};
}

}  // namespace

std::tuple<std::string, long long, std::string> label_sort_key(const std::string& label) {
  auto dash = label.rfind('-');
  if (dash != std::string::npos && dash + 1 < label.size()) {
    std::string digits = label.substr(dash + 1);
    if (digits.size() < 18 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return {label.substr(0, dash), std::stoll(digits), ""};
    }
  }
  return {label, -1, label};
}

void record_object(Store& store, const std::string& sha256, std::int64_t size) {
  SQLite::Statement insert(
      store.db(), "INSERT OR IGNORE INTO objects(sha256, size, stored_at) VALUES (?, ?, ?)");
  insert.bind(1, sha256);
  insert.bind(2, size);
  insert.bind(3, utc_now());
  insert.exec();
}

SourceInfo insert_source(Store& store, const SourceContent& content, const std::string& coder) {
  std::string label = content.label;
  if (label.empty()) {
    label = next_label(store, source_type(content.type).label_prefix);
  } else if (find_source(store, label)) {
    throw_conflict("source label '" + label + "' is already used in this project",
                   "choose another --label, or leave it out to have one assigned");
  }
  SQLite::Statement insert(
      store.db(),
      "INSERT INTO sources(label, type, title, date, council, format, "
      "encoding, original_sha256, original_name, origin_path, origin_part, "
      "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, label);
  int next = bind_content_columns(insert, 2, content);
  insert.bind(next, utc_now());
  insert.bind(next + 1, coder);
  insert.exec();
  std::int64_t id = store.db().getLastInsertRowid();

  write_text_and_segmentation(store, id, content);
  write_cases_and_attributes(store, id, content);
  write_provenance(store, id, content.provenance);
  enqueue_index(store, id, IndexAction::Index);
  append_audit(store, coder, "source.import", label, audit_detail(content));
  return *find_source_by_id(store, id);
}

SourceInfo replace_source(Store& store, std::int64_t source_id, const SourceContent& content,
                          const std::string& coder) {
  auto before = find_source_by_id(store, source_id);
  if (!before) throw_internal("replace_source: no source with id " + std::to_string(source_id));
  delete_content(store, source_id);
  SQLite::Statement update(
      store.db(),
      "UPDATE sources SET type = ?, title = ?, date = ?, council = ?, "
      "format = ?, encoding = ?, original_sha256 = ?, original_name = ?, "
      "origin_path = ?, origin_part = ?, version = version + 1, imported_at = ?, "
      "imported_by = ? WHERE id = ?");
  int next = bind_content_columns(update, 1, content);
  update.bind(next, utc_now());
  update.bind(next + 1, coder);
  update.bind(next + 2, source_id);
  update.exec();
  write_text_and_segmentation(store, source_id, content);
  write_cases_and_attributes(store, source_id, content);
  write_provenance(store, source_id, content.provenance);
  enqueue_index(store, source_id, IndexAction::Index);
  nlohmann::json detail = audit_detail(content);
  detail["previous_sha256"] = before->original_sha256;
  detail["version"] = before->version + 1;
  append_audit(store, coder, "source.replace", before->label, detail);
  return *find_source_by_id(store, source_id);
}

std::optional<SourceInfo> find_source(Store& store, const std::string& label) {
  return find_one(store, "WHERE s.label = ?", [&](SQLite::Statement& q) { q.bind(1, label); });
}

std::optional<SourceInfo> find_source_by_id(Store& store, std::int64_t id) {
  return find_one(store, "WHERE s.id = ?", [&](SQLite::Statement& q) { q.bind(1, id); });
}

std::optional<SourceInfo> find_source_by_original(Store& store, const std::string& sha256) {
  return find_one(store, "WHERE s.original_sha256 = ? ORDER BY s.id LIMIT 1",
                  [&](SQLite::Statement& q) { q.bind(1, sha256); });
}

std::optional<SourceInfo> find_source_by_origin(Store& store, const std::string& origin_path,
                                                const std::string& origin_part) {
  return find_one(store, "WHERE s.origin_path = ? AND s.origin_part = ? ORDER BY s.id LIMIT 1",
                  [&](SQLite::Statement& q) {
                    q.bind(1, origin_path);
                    q.bind(2, origin_part);
                  });
}

std::optional<SourceInfo> find_source_by_url(Store& store, const std::string& url) {
  return find_one(store,
                  "WHERE v.url = ?1 OR s.id = (SELECT source_id FROM source_urls WHERE url = ?1) "
                  "ORDER BY s.id LIMIT 1",
                  [&](SQLite::Statement& q) { q.bind(1, url); });
}

void record_source_url(Store& store, std::int64_t source_id, const std::string& url) {
  SQLite::Statement insert(store.db(),
                           "INSERT OR IGNORE INTO source_urls(url, source_id, seen_at) "
                           "VALUES (?, ?, ?)");
  insert.bind(1, url);
  insert.bind(2, source_id);
  insert.bind(3, utc_now());
  insert.exec();
}

SourceInfo require_source(Store& store, const std::string& label) {
  auto found = find_source(store, label);
  if (!found) {
    throw_not_found("no source labelled '" + label + "' in this project",
                    "list the sources with 'casebook sources'");
  }
  return *found;
}

std::vector<SourceInfo> list_sources(Store& store) {
  SQLite::Statement q(store.db(), std::string("SELECT ") + kSourceColumns);
  std::vector<SourceInfo> out;
  while (q.executeStep()) out.push_back(read_source_row(store, q));
  std::sort(out.begin(), out.end(), [](const SourceInfo& a, const SourceInfo& b) {
    return label_sort_key(a.label) < label_sort_key(b.label);
  });
  return out;
}

std::string load_text(Store& store, std::int64_t source_id) {
  CachedStatement q = store.cached("SELECT text FROM source_texts WHERE source_id = ?");
  q->bind(1, source_id);
  if (!q->executeStep()) return {};
  return q->getColumn(0).getString();
}

std::vector<PassageRecord> load_passages(Store& store, std::int64_t source_id) {
  CachedStatement q = store.cached(std::string("SELECT ") + kPassageColumns +
                                   "FROM passages WHERE source_id = ? ORDER BY n");
  q->bind(1, source_id);
  std::vector<PassageRecord> out;
  while (q->executeStep()) out.push_back(read_passage(*q, 0));
  return out;
}

std::vector<text::Span> load_sentences(Store& store, std::int64_t source_id) {
  CachedStatement q =
      store.cached("SELECT start_cp, end_cp FROM sentences WHERE source_id = ? ORDER BY n");
  q->bind(1, source_id);
  std::vector<text::Span> out;
  while (q->executeStep()) {
    out.push_back({static_cast<std::size_t>(q->getColumn(0).getInt64()),
                   static_cast<std::size_t>(q->getColumn(1).getInt64())});
  }
  return out;
}

std::optional<PassageRef> find_passage(Store& store, std::int64_t passage_id) {
  CachedStatement q = store.cached(std::string("SELECT source_id, ") + kPassageColumns +
                                   "FROM passages WHERE id = ?");
  q->bind(1, passage_id);
  if (!q->executeStep()) return std::nullopt;
  PassageRef ref;
  ref.source_id = q->getColumn(0).getInt64();
  ref.passage = read_passage(*q, 1);
  return ref;
}

std::string passage_text(Store& store, std::int64_t passage_id) {
  // SQLite's substr() counts characters (code points) for TEXT, 1-based.
  CachedStatement q = store.cached(
      "SELECT substr(t.text, p.start_cp + 1, p.end_cp - p.start_cp) "
      "FROM passages p JOIN source_texts t ON t.source_id = p.source_id "
      "WHERE p.id = ?");
  q->bind(1, passage_id);
  if (!q->executeStep()) return {};
  return q->getColumn(0).getString();
}

std::int64_t count_sources(Store& store) {
  return store.db().execAndGet("SELECT count(*) FROM sources").getInt64();
}

std::int64_t count_passages(Store& store) {
  return store.db().execAndGet("SELECT count(*) FROM passages").getInt64();
}

}  // namespace casebook::store

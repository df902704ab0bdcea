#include "engine/store/audit.hpp"

namespace casebook::store {

std::int64_t append_audit(Store& store, const std::string& coder, const std::string& action,
                          const std::string& target, const nlohmann::json& detail,
                          std::optional<std::int64_t> undoes) {
  SQLite::Statement insert(store.db(),
                           "INSERT INTO audit_log(at, coder, action, target, detail, undoes) "
                           "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, utc_now());
  insert.bind(2, coder);
  insert.bind(3, action);
  insert.bind(4, target);
  insert.bind(5, detail.dump());
  if (undoes) {
    insert.bind(6, *undoes);
  } else {
    insert.bind(6);
  }
  insert.exec();
  return store.db().getLastInsertRowid();
}

namespace {

std::optional<std::int64_t> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

// Binds an optional text filter twice: "? IS NULL OR column = ?".
void bind_optional(SQLite::Statement& q, int index, const std::optional<std::string>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

}  // namespace

namespace {

std::vector<AuditEntry> select_audit(Store& store, const AuditFilter& filter,
                                     std::optional<std::int64_t> id) {
  // Every filter is optional: a NULL parameter switches its condition off,
  // so one prepared statement serves all combinations. `since`/`until` compare
  // as text, which orders ISO 8601 UTC stamps correctly.
  SQLite::Statement q(store.db(),
                      "SELECT a.id, a.at, a.coder, a.action, a.target, a.detail, a.undoes, "
                      "       (SELECT MIN(u.id) FROM audit_log u WHERE u.undoes = a.id) "
                      "FROM audit_log a "
                      "WHERE (?7 IS NULL OR a.id = ?7) "
                      "  AND (?1 IS NULL OR a.coder = ?1) "
                      "  AND (?2 IS NULL OR a.action = ?2 OR a.action LIKE ?2 || '.%') "
                      "  AND (?3 IS NULL OR a.target = ?3 COLLATE NOCASE) "
                      "  AND (?4 IS NULL OR a.at >= ?4) "
                      "  AND (?5 IS NULL OR a.at < ?5) "
                      "ORDER BY a.id DESC LIMIT ?6");
  bind_optional(q, 1, filter.coder);
  bind_optional(q, 2, filter.action);
  bind_optional(q, 3, filter.target);
  bind_optional(q, 4, filter.since);
  bind_optional(q, 5, filter.until);
  q.bind(6, filter.limit > 0 ? filter.limit : -1);
  if (id) {
    q.bind(7, *id);
  } else {
    q.bind(7);
  }
  std::vector<AuditEntry> out;
  while (q.executeStep()) {
    AuditEntry e;
    e.id = q.getColumn(0).getInt64();
    e.at = q.getColumn(1).getString();
    e.coder = q.getColumn(2).getString();
    e.action = q.getColumn(3).getString();
    e.target = q.getColumn(4).getString();
    e.detail = q.getColumn(5).getString();
    e.undoes = optional_id(q.getColumn(6));
    e.undone_by = optional_id(q.getColumn(7));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<AuditEntry> query_audit(Store& store, const AuditFilter& filter) {
  return select_audit(store, filter, std::nullopt);
}

std::optional<AuditEntry> find_audit(Store& store, std::int64_t id) {
  auto found = select_audit(store, AuditFilter{}, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<AuditEntry> recent_audit(Store& store, int limit) {
  AuditFilter filter;
  filter.limit = limit;
  return query_audit(store, filter);
}

}  // namespace casebook::store

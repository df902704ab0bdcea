#include "engine/store/audit.hpp"

namespace casebook::store {

void append_audit(Store& store, const std::string& coder, const std::string& action,
                  const std::string& target, const nlohmann::json& detail) {
  SQLite::Statement insert(store.db(),
                           "INSERT INTO audit_log(at, coder, action, target, detail) "
                           "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, utc_now());
  insert.bind(2, coder);
  insert.bind(3, action);
  insert.bind(4, target);
  insert.bind(5, detail.dump());
  insert.exec();
}

std::vector<AuditEntry> recent_audit(Store& store, int limit) {
  SQLite::Statement q(store.db(),
                      "SELECT id, at, coder, action, target, detail FROM audit_log "
                      "ORDER BY id DESC LIMIT ?");
  q.bind(1, limit);
  std::vector<AuditEntry> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString(), q.getColumn(5).getString()});
  }
  return out;
}

}  // namespace casebook::store

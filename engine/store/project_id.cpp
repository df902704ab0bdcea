#include "engine/store/project_id.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/core/random_id.hpp"

namespace casebook::store {
namespace {
constexpr const char* kProjectIdKey = "project_id";
}

std::optional<std::string> project_id(Store& store) {
  SQLite::Statement q(store.db(), "SELECT value FROM project_meta WHERE key = ?");
  q.bind(1, kProjectIdKey);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::string ensure_project_id(Store& store) {
  if (auto existing = project_id(store)) return *existing;
  const std::string id = random_hex_id();
  // OR IGNORE: should another process have made one meanwhile, keep theirs.
  SQLite::Statement insert(store.db(),
                           "INSERT OR IGNORE INTO project_meta(key, value) VALUES (?, ?)");
  insert.bind(1, kProjectIdKey);
  insert.bind(2, id);
  insert.exec();
  return *project_id(store);
}

}  // namespace casebook::store

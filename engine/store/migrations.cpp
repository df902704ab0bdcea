#include "engine/store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/core/error.hpp"

namespace casebook::store {

int latest_schema_version() {
  const auto& all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

int schema_version(SQLite::Database& db) {
  // PRAGMA user_version is part of the database header, so it changes
  // atomically with the migration's transaction.
  return db.execAndGet("PRAGMA user_version").getInt();
}

void refuse_newer_schema(SQLite::Database& db) {
  const int current = schema_version(db);
  if (current > latest_schema_version()) {
    throw_conflict("the project store has schema version " + std::to_string(current) +
                       ", newer than this casebook understands (" +
                       std::to_string(latest_schema_version()) + ")",
                   "upgrade casebook to open this project");
  }
}

void migrate(SQLite::Database& db) {
  refuse_newer_schema(db);
  const int current = schema_version(db);
  for (const Migration& m : embedded_migrations()) {
    if (m.version <= current) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(m.sql);
    // PRAGMA does not take bound parameters; the version is an integer we own.
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

}  // namespace casebook::store

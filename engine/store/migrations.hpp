#pragma once
// Versioned, forward-only schema migrations. The SQL lives in
// schemas/store/NNNN_name.sql and is embedded into the binary at build time
// (cmake/EmbedSchemas.cmake), so any casebook can upgrade an older project.

#include <vector>

namespace SQLite {
class Database;
}

namespace casebook::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// All migrations in version order (generated source).
const std::vector<Migration>& embedded_migrations();

// The newest schema version this build knows.
int latest_schema_version();

// The schema version of an open store (0 for a new, empty database).
int schema_version(SQLite::Database& db);

// Throws Error(Conflict) when the store was written by a newer casebook.
void refuse_newer_schema(SQLite::Database& db);

// Applies every migration newer than the store's version, each in its own
// transaction. Throws Error(Conflict) when the store is newer than this
// build, so an old casebook never writes to a project it does not understand.
void migrate(SQLite::Database& db);

}  // namespace casebook::store

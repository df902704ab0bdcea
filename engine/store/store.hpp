#pragma once
// The project store: one SQLite database in WAL mode with foreign keys on,
// migrated forward on open. It is the source of truth for everything.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace casebook::store {

class KillPoint;

class Store {
 public:
  // Creates a new store file (refuses to overwrite one) at the newest schema.
  static Store create(const std::filesystem::path& file);
  // Opens an existing store and migrates it forward.
  static Store open(const std::filesystem::path& file);

  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  SQLite::Database& db() { return *db_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  Store(std::filesystem::path file, int open_flags);
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<KillPoint> kill_point_;  // tests only: see kill_points.hpp
};

// A write transaction taken at once (BEGIN IMMEDIATE), so a concurrent writer
// is detected up front and not half-way through. Rolls back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& store);
  void commit();

 private:
  SQLite::Transaction tx_;
};

// A unit of work that may run inside a caller's transaction: on its own it
// is a WriteTransaction; inside one it is a savepoint, so a failure or a
// dry run undoes only its own writes and the caller's transaction goes on.
class NestedTransaction {
 public:
  explicit NestedTransaction(Store& store);
  ~NestedTransaction();
  NestedTransaction(const NestedTransaction&) = delete;
  NestedTransaction& operator=(const NestedTransaction&) = delete;
  void commit();

 private:
  Store& store_;
  std::optional<WriteTransaction> own_;
  bool done_ = false;
};

// Binds `value`, or NULL when it is empty (optional text columns).
void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value);

// Current time as ISO 8601 UTC with seconds: 2026-11-23T17:45:00Z.
std::string utc_now();

// Re-throws a SQLite exception as casebook::Error: SQLITE_BUSY/LOCKED become
// ErrorKind::Busy with a "retry" hint; others Internal, naming `context`.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& context);

}  // namespace casebook::store

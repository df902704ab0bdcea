#pragma once
// The project store: one SQLite database in WAL mode with foreign keys on,
// migrated forward on open. It is the source of truth for everything.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace casebook::store {

class KillPoint;
class Store;

// A prepared statement lent by the store for one use (Store::cached). Its
// destructor resets it and clears its bindings, so it holds no read snapshot
// once the caller is done, and gives it back for the next caller.
class CachedStatement {
 public:
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  SQLite::Statement& operator*() { return *statement_; }
  SQLite::Statement* operator->() { return statement_; }

 private:
  friend class Store;
  // Lends the store's statement; `lent` is its slot's flag, set while lent.
  CachedStatement(SQLite::Statement& statement, bool& lent);
  // A statement of its own, when the store's is already lent out (the same
  // query nested inside itself).
  explicit CachedStatement(std::unique_ptr<SQLite::Statement> own);

  std::unique_ptr<SQLite::Statement> own_;
  SQLite::Statement* statement_ = nullptr;
  bool* lent_ = nullptr;
};

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

  // `sql` prepared once per store and reused: preparing (parsing and
  // planning) was half of a search's time per hit, where the same few
  // lookups run for every hit. For lookups repeated with different bindings;
  // one-off statements are better prepared where they are used.
  CachedStatement cached(const std::string& sql);

 private:
  struct StatementSlot {
    std::unique_ptr<SQLite::Statement> statement;
    bool lent = false;
  };

  Store(std::filesystem::path file, int open_flags);
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<KillPoint> kill_point_;  // tests only: see kill_points.hpp
  // Declared after db_, so the statements are finalised before it closes.
  std::unordered_map<std::string, StatementSlot> statements_;
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

// One read transaction over a run of lookups, when none is open: one lock
// and one consistent snapshot for all of them, instead of a shared lock
// taken and dropped by every statement (a search's hits read the store
// several times each). Inside a caller's transaction it does nothing.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  SQLite::Database* db_ = nullptr;  // set when this object began the transaction
};

// Binds `value`, or NULL when it is empty (optional text columns).
void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value);

// Current time as ISO 8601 UTC with seconds: 2026-11-23T17:45:00Z.
std::string utc_now();

// Re-throws a SQLite exception as casebook::Error: SQLITE_BUSY/LOCKED become
// ErrorKind::Busy with a "retry" hint; others Internal, naming `context`.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& context);

}  // namespace casebook::store

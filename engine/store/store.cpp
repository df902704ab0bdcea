#include "engine/store/store.hpp"

#include <sqlite3.h>

#include <ctime>

#include "engine/core/error.hpp"
#include "engine/store/kill_points.hpp"
#include "engine/store/migrations.hpp"

namespace casebook::store {
namespace {

// Long enough to wait out another coder's short write; short enough that a
// stuck process is reported instead of hanging the terminal.
constexpr int kBusyTimeoutMs = 10000;

void configure_connection(SQLite::Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace

Store::Store(std::filesystem::path file, int open_flags) : file_(std::move(file)) {
  try {
    db_ = std::make_unique<SQLite::Database>(file_.string(), open_flags, kBusyTimeoutMs);
    // Refuse a newer store before any pragma could rewrite its header.
    refuse_newer_schema(*db_);
    configure_connection(*db_);
    migrate(*db_);
    kill_point_ = KillPoint::from_environment(db_->getHandle());
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "opening the project store " + file_.string());
  }
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;

Store& Store::operator=(Store&& other) noexcept {
  if (this != &other) {
    statements_.clear();  // before the connection they belong to closes
    kill_point_.reset();
    file_ = std::move(other.file_);
    db_ = std::move(other.db_);
    kill_point_ = std::move(other.kill_point_);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

CachedStatement Store::cached(const std::string& sql) {
  StatementSlot& slot = statements_[sql];
  if (slot.lent) return CachedStatement(std::make_unique<SQLite::Statement>(*db_, sql));
  if (!slot.statement) slot.statement = std::make_unique<SQLite::Statement>(*db_, sql);
  return CachedStatement(*slot.statement, slot.lent);
}

ReadSnapshot::ReadSnapshot(Store& store) {
  if (sqlite3_get_autocommit(store.db().getHandle()) == 0) return;  // the caller's transaction
  store.db().exec("BEGIN DEFERRED");
  db_ = &store.db();
}

ReadSnapshot::~ReadSnapshot() {
  if (!db_) return;
  // Nothing was written; ending it only releases the snapshot and its lock.
  if (sqlite3_get_autocommit(db_->getHandle()) == 0) {
    (void)sqlite3_exec(db_->getHandle(), "COMMIT", nullptr, nullptr, nullptr);
  }
}

CachedStatement::CachedStatement(SQLite::Statement& statement, bool& lent)
    : statement_(&statement), lent_(&lent) {
  lent = true;
}

CachedStatement::CachedStatement(std::unique_ptr<SQLite::Statement> own)
    : own_(std::move(own)), statement_(own_.get()) {}

CachedStatement::~CachedStatement() {
  if (!lent_) return;  // its own statement is finalised with it
  // Errors here only repeat the last step's, which the caller has seen.
  (void)statement_->tryReset();
  try {
    statement_->clearBindings();
  } catch (const SQLite::Exception&) {
  }
  *lent_ = false;
}

Store Store::create(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    throw_conflict("a project store already exists at " + file.string());
  }
  return Store(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

Store Store::open(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    throw_not_found("no project store at " + file.string(),
                    "create a project with 'casebook init DIR'");
  }
  return Store(file, SQLite::OPEN_READWRITE);
}

WriteTransaction::WriteTransaction(Store& store)
    : tx_(store.db(), SQLite::TransactionBehavior::IMMEDIATE) {}

void WriteTransaction::commit() {
  tx_.commit();
}

namespace {
// Savepoint names are fixed SQL: nesting is by SQLite's savepoint stack.
constexpr const char* kSavepoint = "casebook_nested";
}  // namespace

NestedTransaction::NestedTransaction(Store& store) : store_(store) {
  if (sqlite3_get_autocommit(store.db().getHandle()) != 0) {
    own_.emplace(store);
  } else {
    store.db().exec(std::string("SAVEPOINT ") + kSavepoint);
  }
}

NestedTransaction::~NestedTransaction() {
  if (done_ || own_) return;  // a WriteTransaction rolls itself back
  try {
    store_.db().exec(std::string("ROLLBACK TO ") + kSavepoint);
    store_.db().exec(std::string("RELEASE ") + kSavepoint);
  } catch (...) {
    // Destructors must not throw; the caller's transaction rolls back anyway.
  }
}

void NestedTransaction::commit() {
  if (own_) {
    own_->commit();
  } else {
    store_.db().exec(std::string("RELEASE ") + kSavepoint);
  }
  done_ = true;
}

void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.bind(index);  // NULL
  } else {
    statement.bind(index, value);
  }
}

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void rethrow_sqlite(const SQLite::Exception& e, const std::string& context) {
  int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    throw Error(ErrorKind::Busy,
                "project busy: another casebook process is writing (" + context + ")",
                "retry in a moment");
  }
  throw Error(ErrorKind::Internal, context + ": SQLite error: " + e.what(),
              "run 'casebook check'; if the store is damaged, restore it from a backup");
}

}  // namespace casebook::store

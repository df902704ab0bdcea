// The store's schema migrations: a new store reaches the newest version, the
// connection runs with foreign keys and WAL, migrating is idempotent, and a
// store from a newer casebook is refused without being written to.

#include "engine/store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/core/sha256.hpp"
#include "engine/store/store.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::store::latest_schema_version;
using casebook::store::migrate;
using casebook::store::schema_version;
using casebook::store::Store;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;

namespace {

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

// SHA-256 of a file, so a failed comparison prints a hash, not a database.
std::string file_hash(const std::filesystem::path& file) {
  return casebook::sha256_hex(read_file(file));
}

int table_count(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_migrations)

BOOST_AUTO_TEST_CASE(embedded_migrations_are_numbered_from_one_in_order) {
  const auto& all = casebook::store::embedded_migrations();
  BOOST_TEST_REQUIRE(!all.empty());
  BOOST_TEST(all.front().version == 1);
  for (std::size_t i = 1; i < all.size(); ++i) {
    BOOST_TEST(all[i].version > all[i - 1].version);
  }
  BOOST_TEST(latest_schema_version() == all.back().version);
  BOOST_TEST(std::string(all.front().name) == "0001_initial");
  BOOST_TEST(contains(all.front().sql, "CREATE TABLE sources"));
}

BOOST_AUTO_TEST_CASE(new_store_reaches_the_latest_schema_version) {
  TempDir dir("mig");
  Store store = Store::create(dir / "store.sqlite");
  BOOST_TEST(schema_version(store.db()) == latest_schema_version());
  BOOST_TEST(user_version(store.db()) == latest_schema_version());
  for (const char* table :
       {"project_meta", "objects", "cases", "case_attribute_defs", "case_attributes",
        "label_counters", "sources", "source_texts", "source_attributes", "source_cases",
        "passages", "sentences", "index_outbox", "audit_log"}) {
    BOOST_TEST(store.db().tableExists(table), "missing table " << table);
  }
}

BOOST_AUTO_TEST_CASE(connection_has_foreign_keys_and_wal) {
  TempDir dir("mig");
  Store store = Store::create(dir / "store.sqlite");
  BOOST_TEST(store.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  BOOST_TEST(store.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
  // Foreign keys are enforced, not only declared: a passage of no source is refused.
  BOOST_CHECK_THROW(store.db().exec("INSERT INTO passages(source_id, n, start_cp, end_cp, kind) "
                                    "VALUES (4242, 1, 0, 1, 'paragraph')"),
                    SQLite::Exception);

  // The settings hold for a reopened store too (foreign_keys is per connection).
  const auto file = store.file();
  { Store moved = std::move(store); }
  Store reopened = Store::open(file);
  BOOST_TEST(reopened.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  BOOST_TEST(reopened.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
}

BOOST_AUTO_TEST_CASE(migrating_an_empty_database_creates_the_schema) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  BOOST_TEST(schema_version(db) == 0);
  migrate(db);
  BOOST_TEST(schema_version(db) == latest_schema_version());
  BOOST_TEST(db.tableExists("sources"));
}

BOOST_AUTO_TEST_CASE(migrate_is_idempotent) {
  TempDir dir("mig");
  Store store = Store::create(dir / "store.sqlite");
  store.db().exec("INSERT INTO project_meta(key, value) VALUES ('marker', 'kept')");
  const int tables = table_count(store.db());

  migrate(store.db());
  migrate(store.db());
  BOOST_TEST(schema_version(store.db()) == latest_schema_version());
  BOOST_TEST(table_count(store.db()) == tables);

  // Opening an up-to-date store migrates nothing and keeps its rows.
  const auto file = store.file();
  { Store closing = std::move(store); }
  Store reopened = Store::open(file);
  BOOST_TEST(schema_version(reopened.db()) == latest_schema_version());
  BOOST_TEST(table_count(reopened.db()) == tables);
  BOOST_TEST(
      reopened.db().execAndGet("SELECT value FROM project_meta WHERE key = 'marker'").getString() ==
      "kept");
}

BOOST_AUTO_TEST_CASE(store_newer_than_this_build_is_refused_and_left_untouched) {
  TempDir dir("mig");
  const auto file = dir / "store.sqlite";
  const int future = latest_schema_version() + 7;
  {
    Store store = Store::create(file);
    store.db().exec("INSERT INTO project_meta(key, value) VALUES ('written-by', 'future')");
    store.db().exec("PRAGMA user_version = " + std::to_string(future));
  }
  const std::string before = file_hash(file);

  auto e = expect_error(ErrorKind::Conflict, [&] { Store::open(file); });
  BOOST_TEST(contains(e.what(), std::to_string(future)));
  BOOST_TEST(contains(e.hint(), "upgrade"));

  BOOST_TEST(file_hash(file) == before, "the refused store file was modified");
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  BOOST_TEST(user_version(raw) == future);
  BOOST_TEST(
      raw.execAndGet("SELECT value FROM project_meta WHERE key = 'written-by'").getString() ==
      "future");
}

BOOST_AUTO_TEST_CASE(migrate_refuses_a_newer_database_directly) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
  expect_error(ErrorKind::Conflict, [&] { migrate(db); });
  BOOST_TEST(!db.tableExists("sources"));
  BOOST_TEST(user_version(db) == latest_schema_version() + 1);
}

BOOST_AUTO_TEST_CASE(create_refuses_an_existing_file_and_open_a_missing_one) {
  TempDir dir("mig");
  const auto file = dir / "store.sqlite";
  { Store created = Store::create(file); }
  expect_error(ErrorKind::Conflict, [&] { Store::create(file); });
  auto e = expect_error(ErrorKind::NotFound, [&] { Store::open(dir / "nothing.sqlite"); });
  BOOST_TEST(contains(e.hint(), "casebook init"));
  BOOST_TEST(!std::filesystem::exists(dir / "nothing.sqlite"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(store_migrations_regressions)

// Regression (fixed): Store's constructor switches the connection to WAL
// (configure_connection) before migrate() checks the version, so a newer
// store in rollback-journal mode has its header rewritten (journal mode DELETE
// -> WAL) by the casebook that then refuses it. migrations.hpp promises "an
// old casebook never writes to a project it does not understand".
BOOST_AUTO_TEST_CASE(refused_newer_store_in_rollback_mode_is_left_untouched) {
  TempDir dir("mig");
  const auto file = dir / "store.sqlite";
  { Store created = Store::create(file); }
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
  }
  const std::string before = file_hash(file);
  expect_error(ErrorKind::Conflict, [&] { Store::open(file); });
  BOOST_TEST(file_hash(file) == before, "the refused store file was modified");
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  BOOST_TEST(raw.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

BOOST_AUTO_TEST_SUITE_END()

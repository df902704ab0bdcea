// The Store wrapper itself: write transactions that roll back unless
// committed, a second writer detected up front as Busy, SQLite errors mapped
// to casebook errors, the audit timestamp format, cached statements and
// read snapshots.

#include "engine/store/store.hpp"

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <string>

#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::store::CachedStatement;
using casebook::store::ReadSnapshot;
using casebook::store::rethrow_sqlite;
using casebook::store::Store;
using casebook::store::utc_now;
using casebook::store::WriteTransaction;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;

namespace {

std::int64_t meta_rows(Store& store) {
  return store.db().execAndGet("SELECT count(*) FROM project_meta").getInt64();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_core)

BOOST_AUTO_TEST_CASE(write_transaction_rolls_back_unless_committed) {
  TempDir dir("store");
  Store store = Store::create(dir / "store.sqlite");
  {
    WriteTransaction tx(store);
    store.db().exec("INSERT INTO project_meta(key, value) VALUES ('a', '1')");
  }
  BOOST_TEST(meta_rows(store) == 0);
  {
    WriteTransaction tx(store);
    store.db().exec("INSERT INTO project_meta(key, value) VALUES ('b', '2')");
    tx.commit();
  }
  BOOST_TEST(meta_rows(store) == 1);
}

BOOST_AUTO_TEST_CASE(a_second_writer_is_busy_up_front) {
  TempDir dir("store");
  Store first = Store::create(dir / "store.sqlite");
  Store second = Store::open(dir / "store.sqlite");
  second.db().setBusyTimeout(0);  // do not wait out the first writer
  WriteTransaction held(first);
  try {
    WriteTransaction blocked(second);
    BOOST_FAIL("BEGIN IMMEDIATE succeeded while another connection was writing");
  } catch (const SQLite::Exception& e) {
    BOOST_TEST((e.getErrorCode() & 0xff) == SQLITE_BUSY);
    auto mapped = expect_error(ErrorKind::Busy, [&] { rethrow_sqlite(e, "importing x.txt"); });
    BOOST_TEST(contains(mapped.what(), "importing x.txt"));
    BOOST_TEST(contains(mapped.hint(), "retry"));
  }
}

BOOST_AUTO_TEST_CASE(sqlite_errors_map_to_casebook_errors) {
  expect_error(ErrorKind::Busy,
               [] { rethrow_sqlite(SQLite::Exception("database is locked", SQLITE_BUSY), "x"); });
  expect_error(ErrorKind::Busy,
               [] { rethrow_sqlite(SQLite::Exception("table is locked", SQLITE_LOCKED), "x"); });
  // Extended codes are reduced to their primary code.
  expect_error(ErrorKind::Busy,
               [] { rethrow_sqlite(SQLite::Exception("snapshot", SQLITE_BUSY_SNAPSHOT), "x"); });
  auto e = expect_error(ErrorKind::Internal, [] {
    rethrow_sqlite(SQLite::Exception("malformed", SQLITE_CORRUPT), "reading Doc-3");
  });
  BOOST_TEST(contains(e.what(), "reading Doc-3"));
  BOOST_TEST(contains(e.what(), "malformed"));
  BOOST_TEST(contains(e.hint(), "casebook check"));
}

BOOST_AUTO_TEST_CASE(utc_now_is_iso_8601_with_seconds_and_z) {
  const std::string now = utc_now();
  BOOST_TEST_REQUIRE(now.size() == 20u, now);
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u}) {
    BOOST_TEST(std::isdigit(static_cast<unsigned char>(now[i])) != 0, now);
  }
  BOOST_TEST(now[4] == '-');
  BOOST_TEST(now[7] == '-');
  BOOST_TEST(now[10] == 'T');
  BOOST_TEST(now[13] == ':');
  BOOST_TEST(now[16] == ':');
  BOOST_TEST(now[19] == 'Z');
  BOOST_TEST(now.substr(0, 2) == "20");
}

namespace {

constexpr const char* kValueOf = "SELECT value FROM project_meta WHERE key = ?";

void put_meta(Store& store, const std::string& key, const std::string& value) {
  SQLite::Statement insert(store.db(), "INSERT INTO project_meta(key, value) VALUES (?, ?)");
  insert.bind(1, key);
  insert.bind(2, value);
  insert.exec();
}

std::string cached_value(Store& store, const std::string& key) {
  CachedStatement q = store.cached(kValueOf);
  q->bind(1, key);
  return q->executeStep() ? q->getColumn(0).getString() : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(cached_statements_are_reused_reset_and_unbound) {
  TempDir dir("store");
  Store store = Store::create(dir / "store.sqlite");
  put_meta(store, "a", "1");
  put_meta(store, "b", "2");
  const SQLite::Statement* first = nullptr;
  {
    CachedStatement q = store.cached(kValueOf);
    first = &*q;
    q->bind(1, "a");
    BOOST_TEST(q->executeStep());  // left on its row: the handle resets it
  }
  BOOST_TEST(cached_value(store, "b") == "2");
  BOOST_TEST(cached_value(store, "a") == "1");
  CachedStatement again = store.cached(kValueOf);
  BOOST_TEST(&*again == first);  // the same prepared statement
  // Its bindings were cleared: unbound, the key is NULL and matches nothing.
  BOOST_TEST(!again->executeStep());
}

BOOST_AUTO_TEST_CASE(a_cached_statement_used_inside_itself_gets_its_own) {
  TempDir dir("store");
  Store store = Store::create(dir / "store.sqlite");
  put_meta(store, "a", "b");
  put_meta(store, "b", "c");
  CachedStatement outer = store.cached(kValueOf);
  outer->bind(1, "a");
  BOOST_REQUIRE(outer->executeStep());
  const std::string next = outer->getColumn(0).getString();
  BOOST_TEST(cached_value(store, next) == "c");        // nested: a statement of its own
  BOOST_TEST(outer->getColumn(0).getString() == "b");  // the outer one is untouched
  BOOST_TEST(!outer->executeStep());
}

BOOST_AUTO_TEST_CASE(a_read_snapshot_sees_one_state_and_nests_in_transactions) {
  TempDir dir("store");
  Store store = Store::create(dir / "store.sqlite");
  put_meta(store, "a", "1");
  Store other = Store::open(dir / "store.sqlite");
  {
    ReadSnapshot snapshot(store);
    BOOST_TEST(cached_value(store, "a") == "1");
    other.db().exec("UPDATE project_meta SET value = '2' WHERE key = 'a'");
    BOOST_TEST(cached_value(store, "a") == "1");  // the snapshot's state
  }
  BOOST_TEST(cached_value(store, "a") == "2");  // ended: the other's write is seen
  BOOST_TEST(sqlite3_get_autocommit(store.db().getHandle()) != 0);
  {
    WriteTransaction tx(store);
    put_meta(store, "b", "3");
    {
      ReadSnapshot inside(store);  // the caller's transaction goes on
      BOOST_TEST(cached_value(store, "b") == "3");
    }
    BOOST_TEST(sqlite3_get_autocommit(store.db().getHandle()) == 0);
    tx.commit();
  }
  BOOST_TEST(cached_value(other, "b") == "3");
}

BOOST_AUTO_TEST_SUITE_END()

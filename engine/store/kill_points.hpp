#pragma once
// Test instrumentation for the crash-safety test (tests/e2e/test_kill_points.sh):
// with CASEBOOK_KILL_AFTER_WRITES=N in the environment, a process kills
// itself with SIGKILL at its N-th row written to the store (counted by
// SQLite's update hook: inserts, updates and deletes), wherever that falls,
// usually in the middle of a transaction. That is how the test interrupts
// import, code, autocode, merge and codebook load at chosen points instead of
// at whatever moment a timer fires. With CASEBOOK_COUNT_WRITES=FILE, the
// number of rows written through each store connection is appended to FILE
// when it closes, so the test can spread its kill points over the whole
// command. Without either variable nothing is installed and nothing is counted.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>

namespace casebook::store {

class KillPoint {
 public:
  // The kill point the environment asks for on `db`, or nullptr.
  static std::unique_ptr<KillPoint> from_environment(sqlite3* db);
  ~KillPoint();
  KillPoint(const KillPoint&) = delete;
  KillPoint& operator=(const KillPoint&) = delete;

 private:
  KillPoint(sqlite3* db, std::uint64_t after, std::string count_file);
  static void on_write(void* self, int, const char*, const char*, sqlite3_int64);
  sqlite3* db_;
  std::uint64_t after_;     // 0: never kill, only count
  std::string count_file_;  // empty: do not report the count
  std::uint64_t written_ = 0;
};

}  // namespace casebook::store

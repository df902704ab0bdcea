#include "engine/store/kill_points.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string>

namespace casebook::store {

std::unique_ptr<KillPoint> KillPoint::from_environment(sqlite3* db) {
  const char* kill = std::getenv("CASEBOOK_KILL_AFTER_WRITES");
  const char* count = std::getenv("CASEBOOK_COUNT_WRITES");
  unsigned long long after = 0;
  if (kill != nullptr && *kill != '\0') {
    char* end = nullptr;
    after = std::strtoull(kill, &end, 10);
    if (*end != '\0') after = 0;  // not a count: no kill point
  }
  std::string count_file = count != nullptr ? count : "";
  if (after == 0 && count_file.empty()) return nullptr;
  return std::unique_ptr<KillPoint>(new KillPoint(db, after, std::move(count_file)));
}

KillPoint::KillPoint(sqlite3* db, std::uint64_t after, std::string count_file)
    : db_(db), after_(after), count_file_(std::move(count_file)) {
  sqlite3_update_hook(db_, &KillPoint::on_write, this);
}

KillPoint::~KillPoint() {
  sqlite3_update_hook(db_, nullptr, nullptr);
  if (count_file_.empty()) return;
  std::ofstream out(count_file_, std::ios::app);
  out << written_ << '\n';
}

void KillPoint::on_write(void* self, int, const char*, const char*, sqlite3_int64) {
  auto* point = static_cast<KillPoint*>(self);
  if (++point->written_ == point->after_) std::raise(SIGKILL);
}

}  // namespace casebook::store

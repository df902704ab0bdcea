#pragma once
// One writer at a time per project: an advisory flock on .casebook/write.lock,
// released when the holder exits, even when it is killed. SQLite and Xapian
// lock too; this lock keeps store and index writes of one command together.

#include <chrono>
#include <filesystem>
#include <memory>

namespace casebook::project {

// How long a writer waits for another to finish before it gives up with
// "project busy": CASEBOOK_LOCK_WAIT seconds (0 = do not wait; for scripts
// that would rather retry), else 30 s. Error(Usage) naming the variable for
// a value that is not a whole number of seconds up to a day.
std::chrono::milliseconds write_lock_wait();

class WriteLock {
 public:
  // Waits up to `wait` for the lock, then throws Error(Busy) with a retry hint.
  WriteLock(const std::filesystem::path& lock_file, std::chrono::milliseconds wait);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

  // Takes the lock only if it is free now; nullptr otherwise.
  static std::unique_ptr<WriteLock> try_acquire(const std::filesystem::path& lock_file);

 private:
  explicit WriteLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace casebook::project

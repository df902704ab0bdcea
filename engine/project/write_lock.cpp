#include "engine/project/write_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "engine/core/error.hpp"

namespace casebook::project {
namespace {

int open_lock_file(const std::filesystem::path& lock_file) {
  int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw_io("cannot open " + lock_file.string() + ": " + std::strerror(errno),
             "check your permissions on the project directory");
  }
  return fd;
}

}  // namespace

std::chrono::milliseconds write_lock_wait() {
  constexpr long kDefaultSeconds = 30;
  constexpr long kMaxSeconds = 24 * 60 * 60;
  const char* env = std::getenv("CASEBOOK_LOCK_WAIT");
  if (env == nullptr || *env == '\0') return std::chrono::seconds(kDefaultSeconds);
  const std::string text(env);
  const bool digits = text.size() <= 6 && std::all_of(text.begin(), text.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::stol(text) > kMaxSeconds) {
    throw_usage("CASEBOOK_LOCK_WAIT=" + text + " is not a number of seconds from 0 to 86400",
                "set it to how long a command should wait for another writer, or unset it");
  }
  return std::chrono::seconds(std::stol(text));
}

WriteLock::WriteLock(const std::filesystem::path& lock_file, std::chrono::milliseconds wait)
    : fd_(open_lock_file(lock_file)) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int err = errno;
      ::close(fd_);
      throw_io("cannot lock " + lock_file.string() + ": " + std::strerror(err));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      throw Error(ErrorKind::Busy, "project busy: another casebook command is writing to it",
                  "retry when it has finished (a command waits CASEBOOK_LOCK_WAIT seconds for "
                  "another, 30 by default)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

WriteLock::~WriteLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

std::unique_ptr<WriteLock> WriteLock::try_acquire(const std::filesystem::path& lock_file) {
  int fd = open_lock_file(lock_file);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<WriteLock>(new WriteLock(fd));
}

}  // namespace casebook::project

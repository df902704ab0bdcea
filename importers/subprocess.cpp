// Running helper programs under limits; see subprocess.hpp. POSIX/Linux only:
// fork + execvp (posix_spawn cannot set resource limits in the child), a
// CLOEXEC pipe that reports a failed exec, and a pidfd (when the kernel has
// one) so the parent learns of the child's exit without polling on a timer.

#include "importers/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "engine/core/error.hpp"

namespace casebook::importers {
namespace {

using Clock = std::chrono::steady_clock;

// How long one poll() may sleep when the child's exit cannot be watched
// through a pidfd: the worst extra delay before we notice the exit.
constexpr int kFallbackSliceMs = 10;

// ---- file descriptors and the child, owned RAII-style ----------------------

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

[[noreturn]] void throw_os(const std::string& what, int err) {
  throw_io("cannot run a helper program: " + what + " failed: " + std::strerror(err),
           "the system may be out of processes or file descriptors; close some programs and "
           "retry");
}

// Moves `fd` to a number >= 3 (keeping FD_CLOEXEC), so that dup2 onto 0, 1
// and 2 in the child can never clobber another pipe end.
UniqueFd above_stdio(int fd) {
  UniqueFd owned(fd);
  if (fd >= 3) return owned;
  const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (moved < 0) throw_os("fcntl", errno);
  return UniqueFd(moved);
}

struct Pipe {
  UniqueFd read_end;
  UniqueFd write_end;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw_os("pipe", errno);
  Pipe p;
  p.read_end = above_stdio(fds[0]);
  p.write_end = above_stdio(fds[1]);
  return p;
}

// The started child. Until it is reaped, destroying the guard kills its
// whole process group and reaps it, so no exit path leaves a zombie or a
// runaway helper behind.
class ChildGuard {
 public:
  explicit ChildGuard(pid_t pid) : pid_(pid) {}
  ~ChildGuard() {
    if (reaped_) return;
    kill_group();
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ChildGuard(const ChildGuard&) = delete;
  ChildGuard& operator=(const ChildGuard&) = delete;

  pid_t pid() const { return pid_; }
  bool reaped() const { return reaped_; }
  int status() const { return status_; }

  // Kills the child and anything it started (they share its process group).
  void kill_group() const {
    if (::kill(-pid_, SIGKILL) != 0) ::kill(pid_, SIGKILL);
  }

  // Reaps the child if it has exited; never blocks.
  bool try_reap() {
    if (reaped_) return true;
    int status = 0;
    pid_t r;
    do {
      r = ::waitpid(pid_, &status, WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == pid_ || (r < 0 && errno == ECHILD)) {
      reaped_ = true;
      status_ = status;
    }
    return reaped_;
  }

  void reap_blocking() {
    if (reaped_) return;
    int status = 0;
    pid_t r;
    do {
      r = ::waitpid(pid_, &status, 0);
    } while (r < 0 && errno == EINTR);
    reaped_ = true;
    status_ = r == pid_ ? status : 0;
  }

 private:
  pid_t pid_;
  bool reaped_ = false;
  int status_ = 0;
};

// ---- in the child (between fork and exec: async-signal-safe calls only) ----

void set_limit(int resource, rlim_t value) {
  struct rlimit rl;
  rl.rlim_cur = value;
  rl.rlim_max = value;
  ::setrlimit(resource, &rl);
}

void close_fds_except(int keep) {
  // close_range is one syscall; the loop is for kernels older than 5.9.
  if (::syscall(SYS_close_range, 3u, static_cast<unsigned>(keep - 1), 0u) == 0 &&
      ::syscall(SYS_close_range, static_cast<unsigned>(keep + 1), ~0u, 0u) == 0) {
    return;
  }
  const long max_fd = std::min<long>(::sysconf(_SC_OPEN_MAX), 65536);
  for (int fd = 3; fd < max_fd; ++fd) {
    if (fd != keep) ::close(fd);
  }
}

[[noreturn]] void exec_in_child(char* const* argv, int out_fd, int err_fd, int exec_error_fd,
                                const SubprocessLimits& limits) {
  ::setpgid(0, 0);  // own group, so a timeout can kill grandchildren too
  const int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) {
    const int err = errno;
    (void)!::write(exec_error_fd, &err, sizeof err);
    ::_exit(127);
  }
  if (limits.cpu_seconds > 0) set_limit(RLIMIT_CPU, limits.cpu_seconds);
  if (limits.address_space_bytes > 0) set_limit(RLIMIT_AS, limits.address_space_bytes);
  set_limit(RLIMIT_CORE, 0);  // a crash on hostile input must not litter core files
  ::signal(SIGPIPE, SIG_DFL);
  close_fds_except(exec_error_fd);
  ::execvp(argv[0], argv);
  const int err = errno;
  (void)!::write(exec_error_fd, &err, sizeof err);
  ::_exit(127);
}

// ---- in the parent ---------------------------------------------------------

// Blocks until the child has exec'd (the CLOEXEC pipe closes: returns 0) or
// failed to (returns the errno it wrote).
int read_exec_errno(const UniqueFd& exec_error_read) {
  int err = 0;
  ssize_t n;
  do {
    n = ::read(exec_error_read.get(), &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof err) ? err : 0;
}

UniqueFd open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
  return UniqueFd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#else
  (void)pid;
  return UniqueFd();
#endif
}

// One output pipe being drained into a string.
struct Stream {
  UniqueFd fd;
  std::string* sink;
  std::size_t keep_bytes;  // bytes beyond this are dropped
  bool is_stdout;
};

enum class ReadOutcome { More, Eof, CapExceeded };

ReadOutcome read_some(Stream& s) {
  std::array<char, 65536> buf;
  const ssize_t n = ::read(s.fd.get(), buf.data(), buf.size());
  if (n < 0) return (errno == EINTR || errno == EAGAIN) ? ReadOutcome::More : ReadOutcome::Eof;
  if (n == 0) return ReadOutcome::Eof;
  const std::size_t room = s.keep_bytes - std::min(s.keep_bytes, s.sink->size());
  s.sink->append(buf.data(), std::min(room, static_cast<std::size_t>(n)));
  if (s.is_stdout && static_cast<std::size_t>(n) > room) return ReadOutcome::CapExceeded;
  return ReadOutcome::More;
}

bool mentions_memory_failure(const std::string& err) {
  std::string lower(err);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* phrase : {"out of memory", "bad_alloc", "cannot allocate memory", "memoryerror",
                             "memory exhausted"}) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

void describe_status(SubprocessResult& r, int status, bool we_killed,
                     const SubprocessLimits& limits) {
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.term_signal = WTERMSIG(status);
  const int sig = r.term_signal.value_or(0);
  r.cpu_limit_hit = limits.cpu_seconds > 0 && (sig == SIGXCPU || (sig == SIGKILL && !we_killed));
  const bool crashed = sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS;
  r.memory_limit_hit = limits.address_space_bytes > 0 && !r.timed_out && !r.output_cap_hit &&
                       r.exit_code != 0 && (crashed || mentions_memory_failure(r.err));
}

// Drains both pipes until they close and the child has exited, enforcing
// the wall-clock and output limits. Returns true when it killed the child.
bool supervise(ChildGuard& child, std::vector<Stream>& streams, const SubprocessLimits& limits,
               SubprocessResult& r) {
  const auto deadline = Clock::now() + limits.wall_time;
  const UniqueFd pidfd = open_pidfd(child.pid());
  bool killed = false;
  bool stragglers_killed = false;
  while (true) {
    const bool pipes_open =
        std::any_of(streams.begin(), streams.end(), [](const Stream& s) { return s.fd.valid(); });
    if (child.try_reap() && !pipes_open) return killed;
    if (child.reaped() && !stragglers_killed) {
      // The child is gone but something it started still holds a pipe:
      // those processes are in its group; end them so the pipes close.
      child.kill_group();
      stragglers_killed = true;
    }
    const auto remaining =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (remaining <= 0 && !killed) {
      r.timed_out = true;
      child.kill_group();
      killed = true;
    }

    std::vector<pollfd> fds;
    std::vector<Stream*> owners;
    for (Stream& s : streams) {
      if (!s.fd.valid()) continue;
      fds.push_back({s.fd.get(), POLLIN, 0});
      owners.push_back(&s);
    }
    int timeout_ms =
        killed ? kFallbackSliceMs : static_cast<int>(std::max<long long>(remaining, 0));
    if (pidfd.valid() && !child.reaped()) {
      fds.push_back({pidfd.get(), POLLIN, 0});
    } else if (!child.reaped()) {
      timeout_ms = std::min(timeout_ms, kFallbackSliceMs);
    }
    if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) {
      throw_os("poll", errno);
    }
    for (std::size_t i = 0; i < owners.size(); ++i) {
      if (fds[i].revents == 0) continue;
      const ReadOutcome outcome = read_some(*owners[i]);
      if (outcome == ReadOutcome::Eof) owners[i]->fd.reset();
      if (outcome == ReadOutcome::CapExceeded && !killed) {
        r.output_cap_hit = true;
        child.kill_group();
        killed = true;
      }
    }
    if (killed) {
      // Nothing more is wanted from a killed child: stop reading, reap it.
      for (Stream& s : streams) s.fd.reset();
      child.reap_blocking();
      return true;
    }
  }
}

}  // namespace

SubprocessResult run_subprocess(const std::vector<std::string>& argv,
                                const SubprocessLimits& limits) {
  if (argv.empty()) throw_internal("run_subprocess: no program given");
  // Everything the child needs is prepared before fork: it may not allocate.
  std::vector<char*> c_argv;
  for (const std::string& arg : argv) c_argv.push_back(const_cast<char*>(arg.c_str()));
  c_argv.push_back(nullptr);

  Pipe out = make_pipe(), err = make_pipe(), exec_error = make_pipe();
  const pid_t pid = ::fork();
  if (pid < 0) throw_os("fork", errno);
  if (pid == 0) {
    exec_in_child(c_argv.data(), out.write_end.get(), err.write_end.get(),
                  exec_error.write_end.get(), limits);
  }
  ChildGuard child(pid);
  ::setpgid(pid, pid);  // also from here, so the group exists before any kill
  out.write_end.reset();
  err.write_end.reset();
  exec_error.write_end.reset();

  SubprocessResult r;
  if (const int exec_errno = read_exec_errno(exec_error.read_end)) {
    child.reap_blocking();
    r.exec_failed = true;
    r.exec_errno = exec_errno;
    return r;
  }

  std::vector<Stream> streams;
  streams.push_back({std::move(out.read_end), &r.out, limits.stdout_cap_bytes, true});
  streams.push_back({std::move(err.read_end), &r.err, limits.stderr_keep_bytes, false});
  const bool killed = supervise(child, streams, limits, r);
  describe_status(r, child.status(), killed, limits);
  return r;
}

}  // namespace casebook::importers

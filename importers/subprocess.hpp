#pragma once
// Private to importers/: running a helper program (pdftotext, later others)
// on untrusted input without letting it hang, exhaust memory or flood us.
//
// The program is started with execvp (never through a shell), in its own
// process group, with stdin from /dev/null and every other inherited file
// descriptor closed. Both output pipes are drained with poll(), so a child
// that fills stderr while we wait on stdout cannot deadlock. The wall-clock
// limit kills the whole process group with SIGKILL; CPU and address-space
// limits are set in the child with setrlimit. The child is always reaped.
//
//   SubprocessLimits limits;
//   limits.wall_time = std::chrono::seconds(60);
//   SubprocessResult r = run_subprocess({"pdftotext", "-v"}, limits);
//   if (r.exec_failed) ...  // not installed: tell the user what to install

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casebook::importers {

struct SubprocessLimits {
  std::chrono::milliseconds wall_time{60'000};
  std::uint64_t cpu_seconds = 0;          // RLIMIT_CPU; 0 = no limit
  std::uint64_t address_space_bytes = 0;  // RLIMIT_AS; 0 = no limit
  // Beyond this many bytes on stdout the child is killed and the result
  // says output_cap_hit; stdout keeps the bytes read up to the cap.
  std::size_t stdout_cap_bytes = 64u << 20;
  // Diagnostics are kept up to this size; the rest is read and dropped
  // (noisy warnings are not a reason to kill the child).
  std::size_t stderr_keep_bytes = 64u << 10;
};

struct SubprocessResult {
  // The program could not be started (not installed, not executable): no
  // other field but exec_errno is meaningful.
  bool exec_failed = false;
  int exec_errno = 0;

  std::optional<int> exit_code;    // set when the program exited by itself
  std::optional<int> term_signal;  // set when a signal ended it

  bool timed_out = false;       // we killed it at the wall-clock limit
  bool output_cap_hit = false;  // we killed it for writing too much
  bool cpu_limit_hit = false;   // the kernel stopped it at RLIMIT_CPU
  // It died in a way that points at the address-space limit: an "out of
  // memory" style message, or a crash while a memory limit was in force.
  bool memory_limit_hit = false;

  std::string out;  // stdout (up to the cap)
  std::string err;  // stderr (up to stderr_keep_bytes)

  // Exited by itself with status 0 and no limit was hit.
  bool succeeded() const { return !exec_failed && exit_code == 0 && !timed_out && !output_cap_hit; }
};

// Runs argv[0] (looked up on PATH) with arguments argv[1..]. Throws
// casebook::Error(Io) only when the operating system refuses to create the
// pipes or the process; everything the program does is in the result.
SubprocessResult run_subprocess(const std::vector<std::string>& argv,
                                const SubprocessLimits& limits);

}  // namespace casebook::importers

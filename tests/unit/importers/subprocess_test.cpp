// run_subprocess: exit codes, signals, the wall-clock, memory and output
// limits, a missing program, and both pipes drained without deadlock.

#include "importers/subprocess.hpp"

#include <signal.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <chrono>
#include <string>
#include <vector>

#include "test_support.hpp"

using casebook::importers::run_subprocess;
using casebook::importers::SubprocessLimits;
using casebook::importers::SubprocessResult;

namespace {

SubprocessLimits short_limits() {
  SubprocessLimits limits;
  limits.wall_time = std::chrono::seconds(20);
  return limits;
}

SubprocessResult run_shell(const std::string& script, const SubprocessLimits& limits) {
  return run_subprocess({"sh", "-c", script}, limits);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(subprocess)

BOOST_AUTO_TEST_CASE(captures_stdout_and_stderr_separately) {
  const SubprocessResult r = run_shell("printf 'out\\n'; printf 'err\\n' >&2", short_limits());
  BOOST_TEST(r.succeeded());
  BOOST_TEST(r.out == "out\n");
  BOOST_TEST(r.err == "err\n");
  BOOST_TEST(r.exit_code.value_or(-1) == 0);
  BOOST_TEST(!r.term_signal.has_value());
}

BOOST_AUTO_TEST_CASE(arguments_are_not_interpreted_by_a_shell) {
  const SubprocessResult r = run_subprocess({"printf", "%s|", "a b", "$HOME", "*"}, short_limits());
  BOOST_TEST(r.succeeded());
  BOOST_TEST(r.out == "a b|$HOME|*|");
}

BOOST_AUTO_TEST_CASE(reports_the_exit_code) {
  const SubprocessResult r = run_shell("echo failing >&2; exit 3", short_limits());
  BOOST_TEST(!r.succeeded());
  BOOST_TEST(r.exit_code.value_or(-1) == 3);
  BOOST_TEST(r.err == "failing\n");
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(!r.memory_limit_hit);
}

BOOST_AUTO_TEST_CASE(reports_a_terminating_signal) {
  const SubprocessResult r = run_shell("kill -TERM $$", short_limits());
  BOOST_TEST(!r.succeeded());
  BOOST_TEST(!r.exit_code.has_value());
  BOOST_TEST(r.term_signal.value_or(0) == SIGTERM);
}

BOOST_AUTO_TEST_CASE(stdin_is_empty) {
  const SubprocessResult r = run_subprocess({"wc", "-c"}, short_limits());
  BOOST_TEST(r.succeeded());
  BOOST_TEST(r.out.find('0') != std::string::npos);
}

BOOST_AUTO_TEST_CASE(inherited_descriptors_are_closed) {
  // Only 0, 1 and 2 (and the descriptor ls itself opens) may be listed.
  const SubprocessResult r = run_subprocess({"ls", "/proc/self/fd"}, short_limits());
  BOOST_TEST(r.succeeded());
  BOOST_TEST(r.out == "0\n1\n2\n3\n");
}

BOOST_AUTO_TEST_CASE(a_missing_program_is_an_exec_failure) {
  const SubprocessResult r = run_subprocess({"casebook-no-such-program-for-tests"}, short_limits());
  BOOST_TEST(r.exec_failed);
  BOOST_TEST(r.exec_errno == ENOENT);
  BOOST_TEST(!r.succeeded());
}

BOOST_AUTO_TEST_CASE(the_wall_clock_limit_kills_the_program) {
  SubprocessLimits limits;
  limits.wall_time = std::chrono::seconds(1);
  const SubprocessResult r = run_subprocess({"sleep", "30"}, limits);
  BOOST_TEST(r.timed_out);
  BOOST_TEST(!r.succeeded());
  BOOST_TEST(r.term_signal.value_or(0) == SIGKILL);
}

BOOST_AUTO_TEST_CASE(the_timeout_kills_grandchildren_holding_the_pipes) {
  // The shell waits on a background sleep that shares its output pipes: both
  // must die, or reading the pipes would never end.
  SubprocessLimits limits;
  limits.wall_time = std::chrono::seconds(1);
  const SubprocessResult r = run_shell("sleep 30 & wait", limits);
  BOOST_TEST(r.timed_out);
}

BOOST_AUTO_TEST_CASE(a_background_process_left_behind_does_not_hold_us) {
  // The shell exits at once; its background child keeps stdout open.
  SubprocessLimits limits;
  limits.wall_time = std::chrono::seconds(20);
  const SubprocessResult r = run_shell("sleep 30 & echo started", limits);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.exit_code.value_or(-1) == 0);
  BOOST_TEST(r.out == "started\n");
}

BOOST_AUTO_TEST_CASE(the_memory_limit_stops_a_greedy_program) {
  SubprocessLimits limits = short_limits();
  limits.address_space_bytes = 256u << 20;
  // mawk/gawk double a string until allocation fails.
  const SubprocessResult r =
      run_subprocess({"awk", "BEGIN { s = \"x\"; while (1) s = s s }"}, limits);
  BOOST_TEST(!r.succeeded());
  BOOST_TEST(r.memory_limit_hit, "exit " << r.exit_code.value_or(-1) << " signal "
                                         << r.term_signal.value_or(0) << " stderr: " << r.err);
  BOOST_TEST(!r.timed_out);
}

BOOST_AUTO_TEST_CASE(the_cpu_limit_stops_a_busy_program) {
  SubprocessLimits limits = short_limits();
  limits.cpu_seconds = 1;
  const SubprocessResult r = run_subprocess({"awk", "BEGIN { while (1) n++ }"}, limits);
  BOOST_TEST(r.cpu_limit_hit, "signal " << r.term_signal.value_or(0));
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(!r.succeeded());
}

BOOST_AUTO_TEST_CASE(the_output_cap_kills_a_flooding_program) {
  SubprocessLimits limits = short_limits();
  limits.stdout_cap_bytes = 100000;
  const SubprocessResult r = run_subprocess({"yes"}, limits);
  BOOST_TEST(r.output_cap_hit);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(!r.succeeded());
  BOOST_TEST(r.out.size() == 100000u);
  BOOST_TEST(r.out.substr(0, 4) == "y\ny\n");
}

BOOST_AUTO_TEST_CASE(large_output_on_both_pipes_does_not_deadlock) {
  // 8 MB on each pipe, stderr first: far beyond a pipe buffer, so reading
  // only stdout would block the child on stderr forever.
  SubprocessLimits limits = short_limits();
  limits.stderr_keep_bytes = 16u << 20;
  const SubprocessResult r = run_shell(
      "head -c 8000000 /dev/zero >&2; head -c 8000000 /dev/zero; head -c 5 /dev/zero >&2", limits);
  BOOST_TEST(r.succeeded());
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.out.size() == 8000000u);
  BOOST_TEST(r.err.size() == 8000005u);
}

BOOST_AUTO_TEST_CASE(excess_diagnostics_are_dropped_not_fatal) {
  SubprocessLimits limits = short_limits();
  limits.stderr_keep_bytes = 10;
  const SubprocessResult r = run_shell("head -c 1000000 /dev/zero >&2; echo done", limits);
  BOOST_TEST(r.succeeded());
  BOOST_TEST(r.err.size() == 10u);
  BOOST_TEST(r.out == "done\n");
}

BOOST_AUTO_TEST_SUITE_END()

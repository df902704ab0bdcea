// Crash-safe file helpers, the content-addressed object store and the
// project's single-writer lock.

#include "engine/project/files.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "engine/core/sha256.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/write_lock.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::sha256_hex;
using casebook::project::ObjectStore;
using casebook::project::read_input_file;
using casebook::project::read_small_file;
using casebook::project::write_file_atomically;
using casebook::project::WriteLock;
using casebook::testing::contains;
using casebook::testing::count_files;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(project_files)

BOOST_AUTO_TEST_CASE(write_file_atomically_creates_and_replaces_content) {
  TempDir dir("files");
  const fs::path file = dir / "index.current";
  write_file_atomically(file, "a much longer first content\n");
  BOOST_TEST(read_file(file) == "a much longer first content\n");
  write_file_atomically(file, "short\n");
  BOOST_TEST(read_file(file) == "short\n");  // no tail of the old content
  write_file_atomically(file, "");
  BOOST_TEST(fs::file_size(file) == 0u);
  const std::string binary("\0\xFF\n\r\0", 5);
  write_file_atomically(file, binary);
  BOOST_TEST(read_file(file) == binary);
  // No temporary files are left beside it.
  BOOST_TEST(count_files(dir.path()) == 1u);
}

BOOST_AUTO_TEST_CASE(write_file_atomically_into_a_missing_directory_is_an_io_error) {
  TempDir dir("files");
  auto e = expect_error(ErrorKind::Io,
                        [&] { write_file_atomically(dir / "missing" / "file.txt", "x"); });
  BOOST_TEST(contains(e.what(), "missing"));
  BOOST_TEST(!fs::exists(dir / "missing"));
}

BOOST_AUTO_TEST_CASE(read_small_file_reads_bytes_or_fails_with_io) {
  TempDir dir("files");
  write_file(dir / "f.bin", std::string("a\0b\r\n", 5));
  BOOST_TEST(read_small_file(dir / "f.bin") == std::string("a\0b\r\n", 5));
  auto e = expect_error(ErrorKind::Io, [&] { read_small_file(dir / "nope.txt"); });
  BOOST_TEST(contains(e.what(), "nope.txt"));
}

BOOST_AUTO_TEST_CASE(read_input_file_refuses_what_cannot_be_imported) {
  TempDir dir("files");
  write_file(dir / "ten.txt", "0123456789");
  BOOST_TEST(read_input_file(dir / "ten.txt", 10) == "0123456789");
  auto big = expect_error(ErrorKind::Data, [&] { read_input_file(dir / "ten.txt", 9); });
  BOOST_TEST(contains(big.what(), "ten.txt"));
  BOOST_TEST(contains(big.what(), "limit"));
  BOOST_TEST(contains(big.hint(), "--max-size"));
  auto missing = expect_error(ErrorKind::Data, [&] { read_input_file(dir / "gone.txt", 100); });
  BOOST_TEST(contains(missing.what(), "gone.txt"));
  fs::create_directories(dir / "sub");
  auto directory = expect_error(ErrorKind::Data, [&] { read_input_file(dir / "sub", 100); });
  BOOST_TEST(contains(directory.what(), "not a regular file"));
  write_file(dir / "empty.txt", "");
  BOOST_TEST(read_input_file(dir / "empty.txt", 100).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(project_objects)

BOOST_AUTO_TEST_CASE(put_stores_bytes_under_their_sha256) {
  TempDir dir("objects");
  const ObjectStore objects(dir / "objects");
  const std::string bytes = "Minutes of the joint committee, 2 March 2014.\n";
  const std::string sha = objects.put(bytes);
  BOOST_TEST(sha == sha256_hex(bytes));
  const fs::path path = objects.path_of(sha);
  BOOST_TEST(path == dir / "objects" / sha.substr(0, 2) / sha.substr(2));
  BOOST_TEST(read_file(path) == bytes);
  BOOST_TEST(objects.contains(sha));
  BOOST_TEST(objects.verify(sha));
  // Idempotent: the same bytes again are the same object, nothing new is written.
  BOOST_TEST(objects.put(bytes) == sha);
  BOOST_TEST(count_files(dir / "objects") == 1u);
  // Other bytes are another object; empty files are objects too.
  const std::string other = objects.put("other");
  BOOST_TEST(other != sha);
  BOOST_TEST(objects.verify(objects.put("")));
  BOOST_TEST(count_files(dir / "objects") == 3u);
}

BOOST_AUTO_TEST_CASE(verify_detects_missing_and_damaged_objects) {
  TempDir dir("objects");
  const ObjectStore objects(dir / "objects");
  const std::string sha = objects.put("original bytes");
  BOOST_TEST(!objects.contains(sha256_hex("never stored")));
  BOOST_TEST(!objects.verify(sha256_hex("never stored")));

  write_file(objects.path_of(sha), "original bytez");  // damaged in place
  BOOST_TEST(objects.contains(sha));
  BOOST_TEST(!objects.verify(sha));
  // put() does not repair: the object exists, so it is left as it is.
  objects.put("original bytes");
  BOOST_TEST(!objects.verify(sha));

  fs::remove(objects.path_of(sha));
  BOOST_TEST(!objects.contains(sha));
  BOOST_TEST(!objects.verify(sha));
  objects.put("original bytes");  // a missing object is written again
  BOOST_TEST(objects.verify(sha));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(project_write_lock)

BOOST_AUTO_TEST_CASE(try_acquire_fails_while_the_lock_is_held) {
  TempDir dir("lock");
  const fs::path lock_file = dir / "write.lock";
  auto first = WriteLock::try_acquire(lock_file);
  BOOST_TEST_REQUIRE((first != nullptr));
  BOOST_TEST(fs::exists(lock_file));
  BOOST_TEST((WriteLock::try_acquire(lock_file) == nullptr));
  BOOST_TEST((WriteLock::try_acquire(lock_file) == nullptr));
  first.reset();
  auto second = WriteLock::try_acquire(lock_file);
  BOOST_TEST((second != nullptr));
}

BOOST_AUTO_TEST_CASE(waiting_for_a_held_lock_times_out_as_busy) {
  TempDir dir("lock");
  const fs::path lock_file = dir / "write.lock";
  auto held = WriteLock::try_acquire(lock_file);
  BOOST_TEST_REQUIRE((held != nullptr));
  const auto start = std::chrono::steady_clock::now();
  auto e = expect_error(ErrorKind::Busy,
                        [&] { WriteLock waiting(lock_file, std::chrono::milliseconds(200)); });
  BOOST_TEST((std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(200)));
  BOOST_TEST(contains(e.hint(), "retry"));
  held.reset();
  WriteLock taken(lock_file, std::chrono::milliseconds(0));
  BOOST_TEST((WriteLock::try_acquire(lock_file) == nullptr));
}

namespace {
// Sets an environment variable for one test and restores it afterwards.
class EnvGuard {
 public:
  EnvGuard(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) saved_ = old;
    ::setenv(name, value, 1);
  }
  ~EnvGuard() {
    if (saved_) {
      ::setenv(name_, saved_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;

 private:
  const char* name_;
  std::optional<std::string> saved_;
};
}  // namespace

BOOST_AUTO_TEST_CASE(the_wait_comes_from_casebook_lock_wait_or_is_thirty_seconds) {
  using std::chrono::seconds;
  {
    EnvGuard unset("CASEBOOK_LOCK_WAIT", "");
    BOOST_TEST((casebook::project::write_lock_wait() == seconds(30)));
  }
  for (const auto& [text, expected] : {std::pair{"0", 0}, {"5", 5}, {"86400", 86400}}) {
    EnvGuard set("CASEBOOK_LOCK_WAIT", text);
    BOOST_TEST((casebook::project::write_lock_wait() == seconds(expected)), text);
  }
  for (const char* bad : {"-1", "1.5", "ten", "86401", "99999999999", " 5"}) {
    EnvGuard set("CASEBOOK_LOCK_WAIT", bad);
    expect_error(
        ErrorKind::Usage, [] { casebook::project::write_lock_wait(); },
        std::string("CASEBOOK_LOCK_WAIT=") + bad);
  }
}

BOOST_AUTO_TEST_CASE(a_waited_for_lock_is_released_by_its_destructor) {
  TempDir dir("lock");
  const fs::path lock_file = dir / "write.lock";
  { WriteLock lock(lock_file, std::chrono::milliseconds(100)); }
  BOOST_TEST((WriteLock::try_acquire(lock_file) != nullptr));
}

BOOST_AUTO_TEST_CASE(a_lock_file_that_cannot_be_created_is_an_io_error) {
  TempDir dir("lock");
  expect_error(ErrorKind::Io, [&] { WriteLock::try_acquire(dir / "missing" / "write.lock"); });
  expect_error(ErrorKind::Io, [&] {
    WriteLock lock(dir / "missing" / "write.lock", std::chrono::milliseconds(0));
  });
}

BOOST_AUTO_TEST_SUITE_END()

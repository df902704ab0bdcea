#pragma once
// Helpers shared by the unit tests: a unique temporary directory under /tmp
// removed with its contents when the test ends, a guard that restores the
// working directory, whole-file read/write, and expect_error() to check the
// kind of a casebook::Error.

#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include "engine/core/error.hpp"

namespace casebook::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& tag = "test") {
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("casebook-" + tag + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed for " + pattern + ": " + std::strerror(errno));
    }
    // Canonical, so it compares equal to the paths the engine canonicalises.
    path_ = std::filesystem::canonical(pattern);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& relative) const {
    return path_ / relative;
  }

 private:
  std::filesystem::path path_;
};

// Changes the working directory for the lifetime of the guard.
class CurrentPathGuard {
 public:
  explicit CurrentPathGuard(const std::filesystem::path& dir)
      : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~CurrentPathGuard() {
    std::error_code ec;
    std::filesystem::current_path(saved_, ec);
  }
  CurrentPathGuard(const CurrentPathGuard&) = delete;
  CurrentPathGuard& operator=(const CurrentPathGuard&) = delete;

 private:
  std::filesystem::path saved_;
};

// Writes `content` to `path` (creating parent directories), replacing it.
inline void write_file(const std::filesystem::path& path, std::string_view content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Regular files below `dir`, recursively.
inline std::size_t count_files(const std::filesystem::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) ++n;
  }
  return n;
}

inline const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
      return "Usage";
    case ErrorKind::Data:
      return "Data";
    case ErrorKind::NotFound:
      return "NotFound";
    case ErrorKind::Conflict:
      return "Conflict";
    case ErrorKind::Busy:
      return "Busy";
    case ErrorKind::Io:
      return "Io";
    case ErrorKind::Internal:
      return "Internal";
  }
  return "?";
}

// Runs `f`, which must throw casebook::Error of `kind`; returns the error so
// the caller can check its message and hint.
template <class F>
Error expect_error(ErrorKind kind, F&& f) {
  try {
    f();
  } catch (const Error& e) {
    BOOST_TEST(std::string(kind_name(e.kind())) == kind_name(kind), "error: " << e.what());
    return e;
  }
  BOOST_FAIL("expected casebook::Error(" << kind_name(kind) << "), but nothing was thrown");
  throw std::logic_error("unreachable");
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The error of `kind`, with `needle` in its message or hint.
template <class F>
void expect_error(ErrorKind kind, F&& f, const std::string& needle) {
  const Error e = expect_error(kind, std::forward<F>(f));
  const std::string said = std::string(e.what()) + " | " + e.hint();
  BOOST_TEST(contains(said, needle), "'" << said << "' should mention '" << needle << "'");
}

}  // namespace casebook::testing

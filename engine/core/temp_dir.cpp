#include "engine/core/temp_dir.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>

#include "engine/core/error.hpp"

namespace casebook {
namespace {

// mkdtemp on `pattern` (ending XXXXXX); the directory it made.
std::filesystem::path make_directory(std::string pattern, const std::string& what,
                                     const std::string& hint) {
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw_io("cannot create a temporary directory " + what + " (" + pattern +
                 "): " + std::strerror(errno),
             hint);
  }
  return pattern;
}

}  // namespace

TempDirectory TempDirectory::in_system_temp(const std::string& tag, const std::string& purpose) {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  return TempDirectory(make_directory((base / ("casebook-" + tag + "-XXXXXX")).string(),
                                      "for " + purpose,
                                      "free some space or set TMPDIR to a writable directory"));
}

TempDirectory TempDirectory::beside(const std::filesystem::path& path, const std::string& tag) {
  return TempDirectory(make_directory(path.string() + tag + "-XXXXXX", "next to " + path.string(),
                                      "Check that the parent directory exists and is writable."));
}

TempDirectory::TempDirectory(TempDirectory&& other) noexcept : path_(std::move(other.path_)) {
  other.path_.clear();
}

TempDirectory::~TempDirectory() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace casebook

#pragma once
// A private directory (mode 0700, made by mkdtemp) that is removed with
// everything in it when the object goes, unless release() was called: a
// failed or interrupted run leaves no half-written files behind.

#include <filesystem>
#include <string>

namespace casebook {

class TempDirectory {
 public:
  // Under the system temporary directory ($TMPDIR, else /tmp), named
  // casebook-<tag>-XXXXXX. `purpose` completes the error message
  // ("cannot create a temporary directory for <purpose>").
  static TempDirectory in_system_temp(const std::string& tag, const std::string& purpose);
  // Beside `path`, named <path><tag>-XXXXXX, so a later rename onto `path`
  // stays on one file system.
  static TempDirectory beside(const std::filesystem::path& path, const std::string& tag);

  ~TempDirectory();
  TempDirectory(TempDirectory&& other) noexcept;
  TempDirectory& operator=(TempDirectory&&) = delete;
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Keeps the directory: the caller has moved or renamed it into place.
  void release() { path_.clear(); }

 private:
  explicit TempDirectory(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace casebook

#pragma once
// Content-addressed copies of imported originals: objects/ab/cdef... named by
// the SHA-256 of their bytes, written atomically, never modified.

#include <filesystem>
#include <string>
#include <string_view>

namespace casebook::project {

class ObjectStore {
 public:
  explicit ObjectStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores `bytes` (no-op if already present) and returns their SHA-256.
  std::string put(std::string_view bytes) const;
  // The same, for a caller that has already hashed the bytes.
  void put(std::string_view bytes, const std::string& sha256) const;
  std::filesystem::path path_of(const std::string& sha256) const;
  bool contains(const std::string& sha256) const;
  // Re-hashes the stored file: false when missing or damaged.
  bool verify(const std::string& sha256) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace casebook::project

#include "engine/project/objects.hpp"

#include "engine/core/sha256.hpp"
#include "engine/project/files.hpp"

namespace casebook::project {
namespace fs = std::filesystem;

fs::path ObjectStore::path_of(const std::string& sha256) const {
  return dir_ / sha256.substr(0, 2) / sha256.substr(2);
}

bool ObjectStore::contains(const std::string& sha256) const {
  std::error_code ec;
  return fs::exists(path_of(sha256), ec);
}

std::string ObjectStore::put(std::string_view bytes) const {
  std::string sha = sha256_hex(bytes);
  put(bytes, sha);
  return sha;
}

void ObjectStore::put(std::string_view bytes, const std::string& sha256) const {
  if (contains(sha256)) return;
  fs::path path = path_of(sha256);
  fs::create_directories(path.parent_path());
  write_file_atomically(path, bytes);
}

bool ObjectStore::verify(const std::string& sha256) const {
  if (!contains(sha256)) return false;
  return sha256_hex(read_small_file(path_of(sha256))) == sha256;
}

}  // namespace casebook::project

#include "engine/project/project.hpp"

#include <fstream>

#include "engine/core/error.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/files.hpp"

namespace casebook::project {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStoreFile = "store.sqlite";
constexpr const char* kIndexPointer = "index.current";
constexpr const char* kFirstIndexDir = "index-1";

}  // namespace

Project::Project(fs::path root, store::Store store)
    : root_(std::move(root)), store_(std::move(store)) {}

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(start), ec);
  if (ec) dir = fs::absolute(start);
  for (;;) {
    if (fs::exists(dir / kDataDirName / kStoreFile, ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

// A project holds interview transcripts and real names: its data are the
// user's alone (0700 directories; files inside cannot be reached by others).
void make_private(const fs::path& path) {
  std::error_code ec;
  fs::permissions(path, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) throw_io("cannot make " + path.string() + " private: " + ec.message());
}

}  // namespace

void Project::add_empty_index(const fs::path& data_dir) {
  {
    index::IndexWriter writer(data_dir / kFirstIndexDir);
    writer.commit();
  }
  write_file_atomically(data_dir / kIndexPointer, std::string(kFirstIndexDir) + "\n");
}

fs::path Project::store_file() const {
  return data_dir() / kStoreFile;
}

fs::path Project::store_file_in(const fs::path& data_dir) {
  return data_dir / kStoreFile;
}

Project Project::init(const fs::path& dir) {
  std::error_code ec;
  const bool created_root = !fs::exists(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) {
    throw_io("cannot create the project directory " + dir.string() + ": " + ec.message(),
             "check the path and your permissions");
  }
  fs::path root = fs::canonical(dir);
  fs::path data = root / kDataDirName;
  if (fs::exists(data / kStoreFile)) {
    throw_conflict(root.string() + " already holds a casebook project",
                   "use it as it is, or choose another directory");
  }
  // Build the project in a temporary directory and rename it into place, so
  // an interrupted init leaves no half-made project behind.
  fs::path staging = root / ".casebook.init-tmp";
  fs::remove_all(staging, ec);
  fs::create_directories(staging / "objects");
  make_private(staging);
  if (created_root) make_private(root);
  { store::Store created = store::Store::create(staging / kStoreFile); }
  fs::permissions(staging / kStoreFile, fs::perms::owner_read | fs::perms::owner_write,
                  fs::perm_options::replace, ec);
  add_empty_index(staging);
  fs::rename(staging, data, ec);
  if (ec) {
    fs::remove_all(staging);
    throw_io("cannot create " + data.string() + ": " + ec.message());
  }
  return Project(root, store::Store::open(data / kStoreFile));
}

Project Project::open(const std::optional<fs::path>& dir) {
  if (dir) {
    if (!fs::exists(*dir / kDataDirName / kStoreFile)) {
      throw_not_found("no casebook project in " + dir->string(),
                      "create one with 'casebook init " + dir->string() + "'");
    }
    fs::path root = fs::canonical(*dir);
    return Project(root, store::Store::open(root / kDataDirName / kStoreFile));
  }
  auto root = find_project_root(fs::current_path());
  if (!root) {
    throw_not_found("not inside a casebook project (no .casebook directory here or above)",
                    "pass --project DIR, or create one with 'casebook init DIR'");
  }
  return Project(*root, store::Store::open(*root / kDataDirName / kStoreFile));
}

fs::path Project::index_dir() const {
  std::string name = read_small_file(data_dir() / kIndexPointer);
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
  if (name.empty() || name.find('/') != std::string::npos || name.rfind("index-", 0) != 0) {
    throw_internal(data_dir().string() + "/" + kIndexPointer + " is damaged",
                   "run 'casebook reindex' to rebuild the index");
  }
  return data_dir() / name;
}

void Project::set_index_dir(const std::string& dir_name) {
  write_file_atomically(data_dir() / kIndexPointer, dir_name + "\n");
}

}  // namespace casebook::project

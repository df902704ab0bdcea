#pragma once
// A casebook project on disk:
//
//   DIR/.casebook/store.sqlite     the store (source of truth)
//   DIR/.casebook/objects/ab/...   content-addressed originals (SHA-256)
//   DIR/.casebook/index-N/         the Xapian index (a rebuildable cache)
//   DIR/.casebook/index.current    names the live index directory
//   DIR/.casebook/write.lock       held by the process that is writing
//
// Commands find the project from --project DIR or by walking up from the
// working directory, as git does. `init` makes .casebook/ (and DIR, when it
// creates it) private to the user: mode 0700, the store 0600.

#include <filesystem>
#include <memory>
#include <optional>

#include "engine/store/store.hpp"

namespace casebook::index {
struct OpenedShards;
}

namespace casebook::project {

inline constexpr const char* kDataDirName = ".casebook";

class Project {
 public:
  // Creates a new project in `dir` (created if missing). Refuses a directory
  // that already holds a project.
  static Project init(const std::filesystem::path& dir);

  // Opens the project at `dir`, or, without one, the nearest enclosing
  // project of the working directory. Error(NotFound) with a hint otherwise.
  static Project open(const std::optional<std::filesystem::path>& dir);

  // Gives a data directory that holds a store and objects but no index (a
  // backup being restored) an empty index and its pointer, so that it opens
  // as a project; rebuild_index then fills it.
  static void add_empty_index(const std::filesystem::path& data_dir);
  static std::filesystem::path store_file_in(const std::filesystem::path& data_dir);

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path store_file() const;
  std::filesystem::path data_dir() const { return root_ / kDataDirName; }
  std::filesystem::path objects_dir() const { return data_dir() / "objects"; }
  std::filesystem::path lock_file() const { return data_dir() / "write.lock"; }
  // The live index directory named by index.current.
  std::filesystem::path index_dir() const;
  // Points index.current at `dir_name` atomically (write, fsync, rename).
  void set_index_dir(const std::string& dir_name);

  store::Store& store() { return store_; }

  // Shards that searches of this project read instead of its own index (set
  // by use_shards in shards.hpp); null for the project's own index.
  const index::OpenedShards* search_shards() const { return search_shards_.get(); }
  void set_search_shards(std::shared_ptr<const index::OpenedShards> shards) {
    search_shards_ = std::move(shards);
  }

 private:
  Project(std::filesystem::path root, store::Store store);
  std::filesystem::path root_;
  store::Store store_;
  std::shared_ptr<const index::OpenedShards> search_shards_;
};

// Walks up from `start` to the directory holding `.casebook/store.sqlite`.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

}  // namespace casebook::project

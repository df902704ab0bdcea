#include "engine/project/shards.hpp"

#include <chrono>
#include <memory>

#include "engine/core/error.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/project_id.hpp"

namespace casebook::project {

ShardSummary shard_project_index(Project& project, int count,
                                 const std::filesystem::path& out_dir) {
  WriteLock lock(project.lock_file(), write_lock_wait());
  {
    IndexSync sync(project);
    sync.apply_pending();
    sync.finish();
  }
  ShardSummary summary;
  const index::ShardOrigin origin{store::ensure_project_id(project.store()),
                                  store::index_generation(project.store())};
  summary.generation = origin.generation;
  summary.documents = index::split_index(project.index_dir(), out_dir, count, origin);
  summary.stub = out_dir / "shards.stub";
  return summary;
}

std::vector<std::string> use_shards(Project& project,
                                    const std::vector<index::ShardAddress>& shards,
                                    const index::OpenShardsOptions& options) {
  auto opened = std::make_shared<index::OpenedShards>(index::open_shards(shards, options));
  const std::int64_t generation = store::index_generation(project.store());
  if (opened->stamp.project_id != store::project_id(project.store()).value_or("")) {
    throw_data("the shards were not made from this project",
               "make shards of this project with 'casebook shard N --out DIR'");
  }
  if (opened->stamp.generation > generation) {
    // Only a project restored from an older backup is behind its own shards.
    throw_data("the shards hold changes this project does not have (was it restored from a "
                   "backup made before them?)",
               "make the shards again with 'casebook shard N --out DIR'");
  }
  std::vector<std::string> notes = opened->missing;
  if (opened->stamp.generation < generation) {
    notes.push_back("the shards were made before the latest " +
                    std::to_string(generation - opened->stamp.generation) +
                    " change(s) to the project's sources or cases, so their results may be out "
                    "of date; make them again with 'casebook shard'");
  }
  project.set_search_shards(std::move(opened));
  return notes;
}

}  // namespace casebook::project

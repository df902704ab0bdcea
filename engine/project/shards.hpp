#pragma once
// A project's index split into shards (`casebook shard`), and searches that
// read shards instead of the project's own index (`--shard`, `--shards`).
// The store stays on the coder's machine: shards only find passages, whose
// text, sources and codings come from the store as always.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/index/shards.hpp"
#include "engine/project/project.hpp"

namespace casebook::project {

struct ShardSummary {
  std::filesystem::path stub;               // DIR/shards.stub
  std::vector<Xapian::doccount> documents;  // per shard
};

// Brings the index up to date with the store, then splits it into `count`
// shards in `out_dir` (see index::ShardSetWriter), under the write lock so no
// import changes the index meanwhile.
ShardSummary shard_project_index(Project& project, int count, const std::filesystem::path& out_dir);

// Opens `shards` and makes every later search of `project` in this process
// (search, auto-coding, code --query, audit) read them. Returns notes for the
// user: shards missing under allow_partial, and shards made before later
// changes to the project (imports, replacements, case outcomes), whose
// results may be out of date. Shards made after the project's last change
// cannot be its own: Error(Data).
std::vector<std::string> use_shards(Project& project,
                                    const std::vector<index::ShardAddress>& shards,
                                    const index::OpenShardsOptions& options);

}  // namespace casebook::project

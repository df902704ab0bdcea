#include "engine/project/shards.hpp"

#include <memory>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/project_id.hpp"
#include "engine/store/sources.hpp"

namespace casebook::project {

namespace {

// Writes every passage of the store into `writer` under the docid the live
// index gives it. Building documents from the store (as a rebuild does) is
// several times faster than copying them out of the index, which reads each
// term's positions back one B-tree lookup at a time.
void write_passages(Project& project, index::ShardSetWriter& writer) {
  const Xapian::Database live = index::open_index_for_reading(project.index_dir());
  index::DocumentBuilder builder;
  for (const store::SourceInfo& source : store::list_sources(project.store())) {
    for_each_passage_doc(project.store(), source.id, [&](const index::PassageDoc& passage) {
      const std::string id_term = index::passage_id_term(passage.passage_id);
      Xapian::PostingIterator it = live.postlist_begin(id_term);
      if (it == live.postlist_end(id_term)) {
        throw_data("passage " + std::to_string(passage.passage_id) + " of " + source.label +
                       " is missing from the index",
                   "run 'casebook check', then 'casebook reindex', and shard again");
      }
      writer.add(*it, builder.build(passage), passage.text.size());
    });
  }
}

}  // namespace

ShardSummary shard_project_index(Project& project, int count,
                                 const std::filesystem::path& out_dir) {
  WriteLock lock(project.lock_file(), write_lock_wait());
  {
    IndexSync sync(project);
    sync.apply_pending();
    sync.finish();
  }
  const index::ShardOrigin origin{store::ensure_project_id(project.store()),
                                  store::index_generation(project.store())};
  index::ShardSetWriter writer(out_dir, count, origin);
  writer.set_flush_bytes(index_flush_bytes());
  write_passages(project, writer);
  ShardSummary summary;
  summary.documents = writer.finish();
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
    throw_data(
        "the shards hold changes this project does not have (was it restored from a "
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

#pragma once
// Brings the Xapian index up to date with the store (the write protocol).
//
// 1. A command changes the store and, in the same SQLite transaction, queues
//    the affected sources in index_outbox.
// 2. IndexSync replays the outbox into the index, commits the index, then
//    deletes the replayed outbox rows.
// A process killed anywhere leaves either queued work (replayed by the next
// command) or already-indexed work queued again (replay is idempotent: a
// source's passages are deleted and re-added by id). The store is never
// behind the index for longer than one command.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "engine/index/writer.hpp"
#include "engine/project/project.hpp"
#include "engine/store/outbox.hpp"

namespace casebook::project {

// Text between index commits: CASEBOOK_INDEX_FLUSH_MB megabytes, else 2 MB.
std::size_t index_flush_bytes();

// Builds the index documents of one source from the store and hands them to
// `sink` (the text they view lives only during the call).
void for_each_passage_doc(store::Store& store, std::int64_t source_id,
                          const std::function<void(const index::PassageDoc&)>& sink);

class IndexSync {
 public:
  // Opens the live index for writing. The caller holds the project's WriteLock.
  explicit IndexSync(Project& project);

  // Indexes everything queued and not yet applied; commits whenever the
  // uncommitted text passes the flush size. Returns sources applied.
  std::size_t apply_pending();
  // Commits the index and clears the applied outbox rows.
  void finish();

  // Text volume between index commits (default: CASEBOOK_INDEX_FLUSH_MB or 2 MB).
  void set_flush_bytes(std::size_t bytes) { flush_bytes_ = bytes; }

 private:
  void apply(const store::OutboxEntry& entry);
  void commit();

  Project& project_;
  index::IndexWriter writer_;
  std::vector<std::int64_t> applied_;  // outbox ids indexed but not yet committed
  std::int64_t last_seen_ = 0;
  std::size_t flush_bytes_;
};

// Replays pending index work if no other process is writing; returns the
// number of sources replayed (0 when nothing was pending or the lock was busy).
std::size_t reconcile_index_if_idle(Project& project);

struct RebuildProgress {
  std::int64_t sources_done = 0;
  std::int64_t sources_total = 0;
};

// Rebuilds the index from the store into a fresh directory and switches to
// it atomically; the old index stays live until the switch. The caller holds
// the WriteLock. Returns the number of passages indexed.
std::int64_t rebuild_index(Project& project,
                           const std::function<void(const RebuildProgress&)>& progress = {});

}  // namespace casebook::project

#pragma once
// The index outbox: index work committed with the store change that caused it
// and removed only once the Xapian index has committed it.

#include <cstdint>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::store {

enum class IndexAction { Index, Remove };

struct OutboxEntry {
  std::int64_t id;
  std::int64_t source_id;
  IndexAction action;
};

void enqueue_index(Store& store, std::int64_t source_id, IndexAction action);
// Queued entries with id > `after_id`, oldest first.
std::vector<OutboxEntry> pending_index_work(Store& store, std::int64_t after_id = 0);
std::int64_t count_pending_index_work(Store& store);
// Deletes the entries with ids in `done` (after the index committed them).
void mark_index_work_done(Store& store, const std::vector<std::int64_t>& done);
// How many index changes the store has ever queued (outbox ids are never
// reused): a stamp that grows with every change the index must follow.
std::int64_t index_generation(Store& store);

}  // namespace casebook::store

#include "engine/store/outbox.hpp"

namespace casebook::store {

void enqueue_index(Store& store, std::int64_t source_id, IndexAction action) {
  SQLite::Statement insert(store.db(), "INSERT INTO index_outbox(source_id, action) VALUES (?, ?)");
  insert.bind(1, source_id);
  insert.bind(2, action == IndexAction::Index ? "index" : "remove");
  insert.exec();
}

std::vector<OutboxEntry> pending_index_work(Store& store, std::int64_t after_id) {
  SQLite::Statement q(store.db(),
                      "SELECT id, source_id, action FROM index_outbox WHERE id > ? ORDER BY id");
  q.bind(1, after_id);
  std::vector<OutboxEntry> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
         q.getColumn(2).getString() == "index" ? IndexAction::Index : IndexAction::Remove});
  }
  return out;
}

std::int64_t count_pending_index_work(Store& store) {
  return store.db().execAndGet("SELECT count(*) FROM index_outbox").getInt64();
}

std::int64_t index_generation(Store& store) {
  return store.db()
      .execAndGet(
          "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'index_outbox'), 0)")
      .getInt64();
}

void mark_index_work_done(Store& store, const std::vector<std::int64_t>& done) {
  SQLite::Statement del(store.db(), "DELETE FROM index_outbox WHERE id = ?");
  for (std::int64_t id : done) {
    del.bind(1, id);
    del.exec();
    del.reset();
  }
}

}  // namespace casebook::store

#include "engine/coding/snapshot.hpp"

#include <set>

#include "engine/core/error.hpp"

namespace casebook::coding {
namespace {

nlohmann::json text_or_null(const SQLite::Column& c) {
  return c.isNull() ? nlohmann::json(nullptr) : nlohmann::json(c.getString());
}

void bind_json_text(SQLite::Statement& q, int index, const nlohmann::json& value) {
  if (value.is_null()) {
    q.bind(index);
  } else {
    q.bind(index, value.get<std::string>());
  }
}

}  // namespace

nlohmann::json coding_state(store::Store& store, std::int64_t coding_id) {
  SQLite::Statement q(store.db(),
                      "SELECT review_status, reviewed_by, reviewed_at, review_reason, removed_at, "
                      "removed_by, removed_reason FROM codings WHERE id = ?");
  q.bind(1, coding_id);
  if (!q.executeStep()) throw_not_found("coding " + std::to_string(coding_id) + " does not exist");
  nlohmann::json state;
  state["review"] = {q.getColumn(0).getString(), text_or_null(q.getColumn(1)),
                     text_or_null(q.getColumn(2)), text_or_null(q.getColumn(3))};
  state["removal"] = {text_or_null(q.getColumn(4)), text_or_null(q.getColumn(5)),
                      text_or_null(q.getColumn(6))};
  state["dims"] = nlohmann::json::object();
  SQLite::Statement dims(store.db(),
                         "SELECT dimension, value FROM coding_dimensions WHERE coding_id = ?");
  dims.bind(1, coding_id);
  while (dims.executeStep())
    state["dims"][dims.getColumn(0).getString()] = dims.getColumn(1).getString();
  state["memos"] = nlohmann::json::array();
  SQLite::Statement memos(store.db(),
                          "SELECT id FROM memos WHERE target_kind = 'coding' AND target_id = ? "
                          "AND removed_at IS NULL ORDER BY id");
  memos.bind(1, coding_id);
  while (memos.executeStep()) state["memos"].push_back(memos.getColumn(0).getInt64());
  return state;
}

void restore_coding_state(store::Store& store, std::int64_t coding_id,
                          const nlohmann::json& state) {
  const auto& review = state.at("review");
  const auto& removal = state.at("removal");
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET review_status = ?, reviewed_by = ?, reviewed_at = ?, "
                      "review_reason = ?, removed_at = ?, removed_by = ?, removed_reason = ? "
                      "WHERE id = ?");
  q.bind(1, review.at(0).get<std::string>());
  bind_json_text(q, 2, review.at(1));
  bind_json_text(q, 3, review.at(2));
  bind_json_text(q, 4, review.at(3));
  bind_json_text(q, 5, removal.at(0));
  bind_json_text(q, 6, removal.at(1));
  bind_json_text(q, 7, removal.at(2));
  q.bind(8, coding_id);
  q.exec();
  SQLite::Statement del(store.db(), "DELETE FROM coding_dimensions WHERE coding_id = ?");
  del.bind(1, coding_id);
  del.exec();
  SQLite::Statement ins(
      store.db(), "INSERT INTO coding_dimensions(coding_id, dimension, value) VALUES (?, ?, ?)");
  for (const auto& [name, value] : state.at("dims").items()) {
    ins.bind(1, coding_id);
    ins.bind(2, name);
    ins.bind(3, value.get<std::string>());
    ins.exec();
    ins.reset();
  }
  const std::set<std::int64_t> keep = state.at("memos").get<std::set<std::int64_t>>();
  // Held in a local: a range-for over coding_state(...).at(...) would walk a
  // destroyed temporary (found by AddressSanitizer).
  const nlohmann::json now = coding_state(store, coding_id);
  for (const std::int64_t memo : now.at("memos")) {
    if (keep.count(memo)) continue;
    SQLite::Statement drop(store.db(), "DELETE FROM memos WHERE id = ?");
    drop.bind(1, memo);
    drop.exec();
  }
}

void delete_codings(store::Store& store, const std::vector<std::int64_t>& ids) {
  SQLite::Statement memos(store.db(),
                          "DELETE FROM memos WHERE target_kind = 'coding' AND target_id = ?");
  SQLite::Statement dims(store.db(), "DELETE FROM coding_dimensions WHERE coding_id = ?");
  SQLite::Statement coding(store.db(), "DELETE FROM codings WHERE id = ?");
  for (const std::int64_t id : ids) {
    for (SQLite::Statement* q : {&memos, &dims, &coding}) {
      q->bind(1, id);
      q->exec();
      q->reset();
    }
  }
}

}  // namespace casebook::coding

#pragma once
// A coding's mutable state (review, removal, dimension values, memos) as
// JSON, so that a change made in bulk (a merge) can record what it found and
// what it wrote, and undo can check that nothing changed since and put the
// earlier state back.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::coding {

// {"review": [status, by, at, reason], "removal": [at, by, reason],
//  "dims": {name: value}, "memos": [active memo ids]}; Error(NotFound) when
// the coding does not exist.
nlohmann::json coding_state(store::Store& store, std::int64_t coding_id);

// Writes `state`'s review, removal and dimension values back, and deletes
// the coding's memos that `state` does not list (memos added since).
void restore_coding_state(store::Store& store, std::int64_t coding_id, const nlohmann::json& state);

// Deletes codings outright, with their dimension values and memos: only for
// undoing a change that created them (a merge), after checking that nothing
// else refers to them.
void delete_codings(store::Store& store, const std::vector<std::int64_t>& ids);

}  // namespace casebook::coding

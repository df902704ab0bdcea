#pragma once
// The project's identity: a random id made the first time something needs to
// tell this project from another (shards record it, so a search refuses
// shards made from a different project).

#include <optional>
#include <string>

#include "engine/store/store.hpp"

namespace casebook::store {

// The id, or nothing if none has been made yet.
std::optional<std::string> project_id(Store& store);

// The id, made and stored now if there is none. Writes: call it under the
// project's write lock.
std::string ensure_project_id(Store& store);

}  // namespace casebook::store

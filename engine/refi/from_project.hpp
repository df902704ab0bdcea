#pragma once
// A casebook project's store as a REFI-QDA model (model.hpp): users, the
// code hierarchy, sources with their canonical text and every active coding
// (rejected ones included, marked), cases with typed variables, memos as
// notes, and what REFI has no element for in "casebook:" blocks and Sets.
// docs/refi-qda.md documents the mapping. Read-only; nothing here uses the
// clock, so an unchanged store always gives the same model.

#include <string>

#include "engine/refi/model.hpp"
#include "engine/store/store.hpp"

namespace casebook::refi {

// `project_name` names the REFI project (casebook uses the project folder's name).
Project project_from_store(store::Store& store, const std::string& project_name);

}  // namespace casebook::refi

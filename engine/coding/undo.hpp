#pragma once
// Undo: reverses a coder's most recent change that has not been undone yet,
// by writing the reverse change and a new audit entry (action "undo") that
// names the entry it reverses. Nothing is deleted from the log, and running
// undo again reverses the change before, like an editor's undo stack.
//
// Undoable: code.add, code.remove, memo.add, memo.remove, suggestion.accept,
// suggestion.reject, suggestion.skip, suggestion.autocode (pending
// suggestions of that run are withdrawn), codebook.add, codebook.load (the
// previous version is loaded again, under the same rules as any load),
// review.accept, review.reject, review.recode (the earlier review states
// return; a recode's replacement coding is removed) and blind.set. Other changes (imports, cases,
// speakers) are refused with what to do instead.

#include <cstdint>
#include <string>

#include "engine/store/store.hpp"

namespace casebook::coding {

struct UndoResult {
  std::int64_t undone_id = 0;  // the audit entry reversed
  std::string action;          // its action, e.g. code.add
  std::string target;
  std::string summary;        // what was reversed, in words
  std::int64_t audit_id = 0;  // the new "undo" entry
};

// Runs in the caller's transaction. Error(NotFound) when `coder` has nothing
// left to undo; Error(Conflict) when the change can no longer be reversed
// (e.g. a later change depends on it).
UndoResult undo_last(store::Store& store, const std::string& coder);

}  // namespace casebook::coding

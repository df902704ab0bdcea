#pragma once
// Memos: notes a coder attaches to a code, a source, a case, a coding or the
// project. Adding and removing are audited (memo.add, memo.remove); removed
// memos stay in the store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/coding/viewer.hpp"
#include "engine/store/store.hpp"

namespace casebook::coding {

enum class MemoKind { Project, Code, Source, Case, Coding };
MemoKind parse_memo_kind(const std::string& name);  // project|code|source|case|coding
const char* to_string(MemoKind kind);

struct MemoTarget {
  MemoKind kind = MemoKind::Project;
  std::int64_t id = 0;  // 0 for the project
  std::string label;    // what users call it: a code key, source label, case id, coding id
};

// Checks that the target exists (and, in blind mode, that a coding is the
// viewer's own) and returns it with its id.
MemoTarget resolve_memo_target(store::Store& store, MemoKind kind, const std::string& ref,
                               const Viewer& viewer);

struct MemoView {
  std::int64_t id = 0;
  MemoTarget target;
  std::string text, coder, created_at;
};

// Stores a memo row without an audit entry, for operations that audit the
// memo as part of their own entry (a coding given with --memo).
std::int64_t insert_memo(store::Store& store, MemoKind kind, std::int64_t target_id,
                         const std::string& text, const std::string& coder);
std::int64_t add_memo(store::Store& store, const MemoTarget& target, const std::string& text,
                      const std::string& coder);
// Removes a memo; only its author may (others' memos are "not found" in blind mode).
void remove_memo(store::Store& store, std::int64_t memo_id, const Viewer& viewer);
// Restores or hides a memo without an audit entry (for undo).
void set_memo_removed(store::Store& store, std::int64_t memo_id, bool removed,
                      const std::string& coder);

// Active memos, optionally of one target; in blind mode memos on codings
// are shown only for the viewer's own codings.
std::vector<MemoView> list_memos(store::Store& store, const std::optional<MemoTarget>& target,
                                 const Viewer& viewer);

}  // namespace casebook::coding

#pragma once
// The codebook in the store: loading a new version without losing codings,
// reading the current one back, inductive codes added while coding, and
// looking codes up by key (or an earlier key).
//
// Loading compares the new codebook with the one in the store by key:
//   - a code with the same key (or whose `formerly` names an old key) is the
//     same code: its name, parent (a move), definition ... are updated and its
//     codings stay with it;
//   - a new key is a new code;
//   - an old code missing from the new file is retired. If it has codings the
//     load is refused, unless LoadOptions::reassign moves them to another code
//     or LoadOptions::force removes them (uncoded with the reason recorded).
// All of it happens in one transaction with one audit entry, or not at all.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/codebook/codebook.hpp"
#include "engine/store/store.hpp"

namespace casebook::codebook {

struct LoadOptions {
  // old key -> key in the new codebook: codings of a removed code move there.
  std::vector<std::pair<std::string, std::string>> reassign;
  bool force = false;    // allow retiring codes that have codings (their codings are removed)
  bool dry_run = false;  // report what would change, write nothing
};

struct LoadReport {
  int version = 0;                   // the codebook version now current (unchanged on dry run)
  bool unchanged = false;            // the file matches the current codebook exactly
  std::vector<std::string> added;    // keys
  std::vector<std::string> updated;  // keys whose text or settings changed
  std::vector<std::pair<std::string, std::string>> renamed;  // old key -> new key
  std::vector<std::pair<std::string, std::string>> moved;    // key -> new parent key ("" = top)
  std::vector<std::string> retired;                          // keys no longer in the codebook
  std::vector<std::string> reactivated;                      // retired keys back in the codebook
  // Dimensions no longer in the codebook that active codings still carry
  // values for: the values stay in coding_dimensions as history.
  std::vector<std::string> dropped_dimensions;
  int codings_reassigned = 0;
  int codings_removed = 0;
};

// Loads `codebook` (already validated) as the next version. `document` is the
// file as read, kept in codebook_versions. Throws Error(Conflict) when a
// removed code still has codings and neither reassign nor force covers it.
LoadReport load_codebook(store::Store& store, const Codebook& codebook, const std::string& document,
                         const std::string& file_name, const std::string& coder,
                         const LoadOptions& options);

// The current codebook (retired codes left out), in file order.
Codebook read_codebook(store::Store& store);

// The newest codebook version number, 0 when none was ever loaded.
int current_version(store::Store& store);

struct CodeRecord {
  std::int64_t id = 0;
  Code code;
  bool retired = false;
};

// The code with `key`, or with `key` as an earlier key; nullopt if none.
std::optional<CodeRecord> find_code(store::Store& store, const std::string& key);

// Like find_code, but throws Error(NotFound) naming the key, with the closest
// keys as a hint, for an unknown or retired code.
CodeRecord require_code(store::Store& store, const std::string& key);

// The ids of the code and all its descendants (for code:KEY searches and
// counts that include sub-codes).
std::vector<std::int64_t> code_and_descendants(store::Store& store, std::int64_t code_id);

// Adds an inductive code while coding: `code.key` is PARENT.NEW or a top-level
// key; its parent (the key minus its last segment) must exist. Audited as
// codebook.add. Joins the caller's transaction when one is open (so coding a
// span with a new code is one change), else writes in its own. Returns the
// new code's id.
std::int64_t add_inductive_code(store::Store& store, const Code& code, const std::string& coder);

// Active (not removed) codings per code key, counting only `coder`'s when
// given (blind mode). Sub-codes are counted separately.
struct CodeUsage {
  int codings = 0;
  int sources = 0;
};
std::map<std::string, CodeUsage> code_usage(store::Store& store,
                                            const std::optional<std::string>& coder);

}  // namespace casebook::codebook

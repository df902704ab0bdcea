#pragma once
// Merging another copy of a project (`casebook merge OTHER`): coders work on
// separate copies on different machines, and their codings come together
// here without losing any.
//
// Two steps, so that a dry run and the real merge can never disagree:
//   1. plan_merge reads both stores and decides, for every coding of the other
//      project, whether it is added, already here, an update of ours, a
//      conflict, or skipped (and why). It writes nothing.
//   2. apply_merge writes a plan (after conflicts are resolved) in the
//      caller's transaction, with one audit entry `project.merge`.
//
// Matching: sources by content (the original's SHA-256, then the canonical
// text's), codes by stable key (and earlier keys), then by name path; a
// coding is "the same" when source, span, code and coder are equal.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::merge {

// The other project's store, opened read-only: Store::open would migrate it,
// and a merge must never change the project it reads from.
class OtherProject {
 public:
  // `dir` is the other project's directory (holding .casebook/). Throws
  // NotFound if there is no store, Conflict if its schema version differs
  // from `expected_schema` (with a hint to open it once with this casebook).
  OtherProject(const std::filesystem::path& dir, int expected_schema);
  SQLite::Database& db() { return *db_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<SQLite::Database> db_;
};

// A coding's state besides its identity (source, span, code, coder).
struct CodingState {
  std::string review_status = "unreviewed";
  std::string reviewed_by, reviewed_at, review_reason;
  std::string removed_at, removed_by, removed_reason;     // removed_at empty = active
  std::vector<std::pair<std::string, std::string>> dims;  // sorted by dimension
  bool removed() const { return !removed_at.empty(); }
};

struct Memo {
  std::string text, coder, created_at, removed_at, removed_by;
};

// One coding of the other project, mapped onto this project.
struct TheirCoding {
  std::int64_t their_id = 0;
  std::int64_t source_id = 0;  // ours
  std::string source_label;    // ours
  std::int64_t start_cp = 0, end_cp = 0;
  std::int64_t code_id = 0;  // ours; 0 while the code is still to be added
  std::string code_key;      // ours (or the key to add)
  std::string coder, unit, quote, created_at;
  CodingState state;
  std::vector<Memo> memos;
  std::optional<std::int64_t> their_recoded_from;
};

enum class Resolution { Unresolved, KeepOurs, TakeTheirs, KeepBoth };
const char* to_string(Resolution r);
// "keep-ours", "take-theirs" or "keep-both"; Error(Usage) otherwise.
Resolution parse_resolution(const std::string& name);

// An aspect of a coding (review, removal, dimensions) one side changed.
struct Difference {
  std::string aspect;  // "review", "removal", "dimensions"
  std::string ours, theirs;
};

// The same coding on both sides, in different states. `take` lists what to
// copy from theirs because only they changed the coding; `conflicts` every
// differing aspect when both changed it.
struct Pairing {
  std::int64_t our_id = 0;
  TheirCoding theirs;
  std::vector<Difference> take;
  std::vector<Difference> conflicts;
  std::vector<Memo> new_memos;  // their memos on it that ours lacks
  Resolution resolution = Resolution::Unresolved;
};

struct Skipped {
  std::string what;    // "source Doc-3", "coding 17", "code expost.new"
  std::string reason;  // why it was not merged
};

struct CodeToAdd {
  std::string key, parent, name, definition;
};

struct MergeOptions {
  std::vector<std::string> coders;  // only these coders' codings (empty = all)
  bool add_codes = false;           // add codes this project lacks as inductive codes
  // How messages and the audit entry name the other project (default: its
  // directory); a REFI-QDA file merged through a scratch project gives the file.
  std::string other_name;
};

struct MergePlan {
  std::string other_dir;
  std::size_t their_codings = 0;            // codings considered (after --coders)
  std::size_t other_coders = 0;             // codings left out by MergeOptions::coders
  std::vector<std::string> coders_missing;  // asked for, but no codings there (a typo?)
  std::size_t sources_matched = 0;
  std::vector<Skipped> sources;  // their sources not matched, and why
  std::vector<CodeToAdd> codes_to_add;
  std::vector<TheirCoding> additions;  // codings new to this project, in their id order
  std::vector<Pairing> pairings;       // codings both have whose state differs
  std::size_t identical = 0;           // codings both have in the same state
  std::vector<Skipped> skipped;        // codings not merged, and why
  // Their coding id -> ours, for codings both have (so a reviewer's recode
  // added now can point at the coding it replaced).
  std::map<std::int64_t, std::int64_t> known;

  std::size_t conflict_count() const;
  std::size_t unresolved_count() const;
  // Every unresolved conflict gets `rule`.
  void resolve_all(Resolution rule);
};

// Reads both projects and decides everything; writes nothing.
MergePlan plan_merge(store::Store& ours, OtherProject& theirs, const MergeOptions& options);

struct MergeResult {
  std::size_t codes_added = 0;
  std::size_t codings_added = 0;
  std::size_t codings_updated = 0;
  std::size_t memos_added = 0;
  std::int64_t audit_id = 0;
};

// Writes `plan` in the caller's transaction and records one `project.merge`
// audit entry (plus codebook.add for each code added). A plan with nothing
// to do writes nothing, not even the entry (audit_id stays 0). Throws
// Conflict, before writing, if a conflict is unresolved.
MergeResult apply_merge(store::Store& ours, const MergePlan& plan, const std::string& coder);

}  // namespace casebook::merge

#pragma once
// `casebook backup DEST` and `casebook restore BACKUP`: a consistent
// snapshot of a project while coders keep working, and bringing it back.
//
// A backup is a directory laid out like a project without its index:
//   DEST/casebook-backup.txt       what this is, when and from where
//   DEST/.casebook/store.sqlite    the store, copied by SQLite's online backup
//   DEST/.casebook/objects/...     the originals the copied store refers to
// The store is copied in one step of the online backup API, inside one read
// transaction: in WAL mode writers carry on meanwhile, and the copy is the
// store as it was at one moment. Originals are immutable and written before
// the transaction that refers to them, so every one the copy needs exists.
// The index is a cache and is rebuilt on restore.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "engine/project/project.hpp"

namespace casebook::project {

struct BackupReport {
  std::filesystem::path dir;
  std::int64_t sources = 0;
  std::int64_t codings = 0;
  std::int64_t originals = 0;
  std::uintmax_t bytes = 0;  // store and originals
};

// Writes the snapshot to `dest`, which must not exist. It is made beside
// `dest` and renamed into place, so an interrupted backup leaves nothing
// that looks like a backup. Private to the user (0700).
BackupReport backup_project(Project& project, const std::filesystem::path& dest);

struct RestoreReport {
  std::filesystem::path project;
  std::int64_t sources = 0;
  std::int64_t codings = 0;
  std::int64_t passages_indexed = 0;
  // With replace: where the project's earlier data were moved (nothing is deleted).
  std::optional<std::filesystem::path> kept_previous;
};

// Restores `backup` into `target`: a directory without a project (created
// if missing), or, with `replace`, an existing project whose .casebook is
// first moved aside to .casebook.before-restore-<UTC time>. Every original
// is verified against its SHA-256 and the store's integrity checked before
// anything is moved into place; the index is rebuilt from the store.
RestoreReport restore_project(const std::filesystem::path& backup,
                              const std::filesystem::path& target, bool replace);

}  // namespace casebook::project

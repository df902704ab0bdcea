#include "engine/project/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/temp_dir.hpp"
#include "engine/project/files.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/store.hpp"

namespace casebook::project {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMarker = "casebook-backup.txt";

std::int64_t count_rows(SQLite::Database& db, const char* sql) {
  return db.execAndGet(sql).getInt64();
}

std::vector<std::string> referenced_originals(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db, "SELECT sha256 FROM objects ORDER BY sha256");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

void copy_or_throw(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (!ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) throw_io("cannot copy " + from.string() + " to " + to.string() + ": " + ec.message());
}

// The store at one moment: one step of the online backup API copies every
// page inside a single read transaction of the source.
void snapshot_store(Project& project, const fs::path& dest_file) {
  try {
    SQLite::Database dest(dest_file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(dest, project.store().db());
    backup.executeStep(-1);
  } catch (const SQLite::Exception& e) {
    throw_io("cannot copy the store of " + project.root().string() + " to " + dest_file.string() +
                 ": " + e.what(),
             "check the free space at the destination, then retry");
  }
}

void rename_into_place(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw_io("cannot move " + from.string() + " to " + to.string() + ": " + ec.message());
}

// Backups and restored projects are as private as a project (see Project::init).
void make_private(const fs::path& path, fs::perms perms = fs::perms::owner_all) {
  std::error_code ec;
  fs::permissions(path, perms, fs::perm_options::replace, ec);
  if (ec) throw_io("cannot make " + path.string() + " private: " + ec.message());
}

constexpr fs::perms kPrivateFile = fs::perms::owner_read | fs::perms::owner_write;

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : out;
}

// The backup's store, checked: a backup that is damaged is refused before
// anything of the target is touched.
void check_backup_store(const fs::path& backup, const fs::path& store_file) {
  if (!fs::exists(store_file)) {
    throw_not_found(backup.string() + " is not a casebook backup (no .casebook/store.sqlite)",
                    "give the directory 'casebook backup' wrote");
  }
  try {
    SQLite::Database db(store_file.string(), SQLite::OPEN_READONLY);
    const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok") {
      throw_data(backup.string() + ": the backed-up store is damaged (" + integrity + ")",
                 "restore an older backup");
    }
  } catch (const SQLite::Exception& e) {
    throw_data(backup.string() + ": cannot read the backed-up store: " + e.what(),
               "restore an older backup");
  }
}

void copy_verified_originals(const fs::path& backup, const fs::path& from_data,
                             const fs::path& to_data) {
  SQLite::Database db(Project::store_file_in(from_data).string(), SQLite::OPEN_READONLY);
  const ObjectStore source(from_data / "objects");
  const ObjectStore target(to_data / "objects");
  for (const std::string& sha : referenced_originals(db)) {
    if (!source.verify(sha)) {
      throw_data(backup.string() + ": original " + sha + " is missing or damaged in the backup",
                 "restore an older backup");
    }
    copy_or_throw(source.path_of(sha), target.path_of(sha));
  }
}

// Where a replaced project's data go: beside it, named by the time.
fs::path aside_name(const fs::path& data_dir) {
  std::string stamp = store::utc_now();
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  return data_dir.parent_path() / (data_dir.filename().string() + ".before-restore-" + stamp);
}

}  // namespace

BackupReport backup_project(Project& project, const fs::path& dest_arg) {
  const fs::path dest = absolute_normal(dest_arg);
  if (fs::exists(dest)) {
    throw_conflict(
        dest.string() + " already exists; a backup is written to a new directory",
        "give a new name, e.g. with the date: casebook backup ../study-backup-2026-12-03");
  }
  if (dest.string().rfind(project.root().string() + "/", 0) == 0) {
    throw_usage("cannot write a backup inside the project it backs up (" + dest.string() + ")",
                "give a directory outside " + project.root().string());
  }
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  TempDirectory staging = TempDirectory::beside(dest, ".tmp");
  const fs::path data = staging.path() / kDataDirName;
  fs::create_directories(data / "objects", ec);
  if (ec) throw_io("cannot create " + data.string() + ": " + ec.message());
  make_private(data);

  const fs::path store_copy = Project::store_file_in(data);
  snapshot_store(project, store_copy);
  make_private(store_copy, kPrivateFile);
  BackupReport report;
  SQLite::Database copy(store_copy.string(), SQLite::OPEN_READONLY);
  const ObjectStore originals(project.objects_dir());
  const ObjectStore copies(data / "objects");
  for (const std::string& sha : referenced_originals(copy)) {
    copy_or_throw(originals.path_of(sha), copies.path_of(sha));
    report.bytes += fs::file_size(copies.path_of(sha), ec);
    ++report.originals;
  }
  report.bytes += fs::file_size(store_copy, ec);
  report.sources = count_rows(copy, "SELECT count(*) FROM sources");
  report.codings = count_rows(copy, "SELECT count(*) FROM codings");
  write_file_atomically(
      staging.path() / kMarker,
      "A casebook backup of " + project.root().string() + ", made " + store::utc_now() + ": " +
          std::to_string(report.sources) + " sources, " + std::to_string(report.codings) +
          " codings.\nRestore it with: casebook restore " + dest.string() + " --to DIR\n");
  rename_into_place(staging.path(), dest);
  staging.release();
  report.dir = dest;
  return report;
}

RestoreReport restore_project(const fs::path& backup_arg, const fs::path& target_arg,
                              bool replace) {
  const fs::path backup = absolute_normal(backup_arg);
  const fs::path target = absolute_normal(target_arg);
  const fs::path backup_data = backup / kDataDirName;
  check_backup_store(backup, Project::store_file_in(backup_data));
  const fs::path data = target / kDataDirName;
  const bool has_project = fs::exists(Project::store_file_in(data));
  if (has_project && !replace) {
    throw_conflict(target.string() + " already holds a casebook project",
                   "restore into a new directory, or give --replace to move the current data "
                   "aside (nothing is deleted)");
  }
  std::error_code ec;
  const bool created_target = !fs::exists(target, ec);
  fs::create_directories(target, ec);
  if (ec) throw_io("cannot create " + target.string() + ": " + ec.message());
  if (created_target) make_private(target);

  // Everything is prepared in a private directory beside the data directory
  // and moved into place at the end.
  TempDirectory staging = TempDirectory::beside(data, ".restore");
  copy_or_throw(Project::store_file_in(backup_data), Project::store_file_in(staging.path()));
  make_private(Project::store_file_in(staging.path()), kPrivateFile);
  copy_verified_originals(backup, backup_data, staging.path());
  Project::add_empty_index(staging.path());

  RestoreReport report;
  report.project = target;
  std::optional<WriteLock> lock;
  if (has_project) {
    lock.emplace(data / "write.lock", write_lock_wait());
    report.kept_previous = aside_name(data);
    rename_into_place(data, *report.kept_previous);
  }
  rename_into_place(staging.path(), data);
  staging.release();
  lock.reset();
  Project restored = Project::open(target);
  {
    WriteLock restored_lock(restored.lock_file(), write_lock_wait());
    report.passages_indexed = rebuild_index(restored);
  }
  report.sources = count_rows(restored.store().db(), "SELECT count(*) FROM sources");
  report.codings = count_rows(restored.store().db(), "SELECT count(*) FROM codings");
  return report;
}

}  // namespace casebook::project

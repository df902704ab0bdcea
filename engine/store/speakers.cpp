#include "engine/store/speakers.hpp"

#include <map>

#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/outbox.hpp"

namespace casebook::store {
namespace {

constexpr const char* kRoles[] = {"unknown", "informant", "interviewer", "other"};

bool is_role(const std::string& role) {
  for (const char* r : kRoles) {
    if (role == r) return true;
  }
  return false;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

// The speaker's name as written in the passages (the first spelling, when
// several differ only in case), or NotFound.
std::string existing_name(Store& store, const std::string& name) {
  SQLite::Statement q(store.db(),
                      "SELECT speaker FROM passages WHERE speaker = ? COLLATE NOCASE "
                      "ORDER BY id LIMIT 1");
  q.bind(1, name);
  if (!q.executeStep()) {
    throw_not_found("no transcript turn has the speaker '" + name + "'",
                    "list the speakers with 'casebook speakers'");
  }
  return q.getColumn(0).getString();
}

// Sources with turns of `name` (any case) not already spelt `except`.
std::vector<std::int64_t> sources_with_speaker(Store& store, const std::string& name,
                                               std::optional<std::int64_t> source_id,
                                               const std::string& except = {}) {
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT source_id FROM passages WHERE speaker = ?1 COLLATE NOCASE "
                      "AND speaker <> ?3 AND (?2 IS NULL OR source_id = ?2) ORDER BY source_id");
  q.bind(1, name);
  if (source_id) {
    q.bind(2, *source_id);
  } else {
    q.bind(2);
  }
  q.bind(3, except);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void upsert_mapping(Store& store, const std::string& name, const std::string& informant,
                    const std::string& role) {
  SQLite::Statement q(store.db(),
                      "INSERT INTO speakers(name, informant, role, updated_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT(name) DO UPDATE SET informant = excluded.informant, "
                      "role = excluded.role, updated_at = excluded.updated_at");
  q.bind(1, name);
  bind_text_or_null(q, 2, informant);
  q.bind(3, role);
  q.bind(4, utc_now());
  q.exec();
}

// Moves the mapping of `from` to `to` unless `to` has one of its own.
void carry_mapping(Store& store, const std::string& from, const std::string& to) {
  SQLite::Statement q(store.db(),
                      "UPDATE OR IGNORE speakers SET name = ?, updated_at = ? "
                      "WHERE name = ? COLLATE NOCASE");
  q.bind(1, to);
  q.bind(2, utc_now());
  q.bind(3, from);
  q.exec();
}

}  // namespace

std::vector<SpeakerInfo> list_speakers(Store& store, std::optional<std::int64_t> source_id) {
  SQLite::Statement q(store.db(),
                      "SELECT p.speaker, coalesce(sp.informant, ''), coalesce(sp.role, 'unknown'), "
                      "count(*), group_concat(DISTINCT s.label) "
                      "FROM passages p JOIN sources s ON s.id = p.source_id "
                      "LEFT JOIN speakers sp ON sp.name = p.speaker COLLATE NOCASE "
                      "WHERE p.speaker IS NOT NULL AND p.speaker <> '' "
                      "AND (?1 IS NULL OR p.source_id = ?1) "
                      "GROUP BY p.speaker ORDER BY p.speaker COLLATE NOCASE, p.speaker");
  if (source_id) {
    q.bind(1, *source_id);
  } else {
    q.bind(1);
  }
  std::vector<SpeakerInfo> out;
  while (q.executeStep()) {
    SpeakerInfo info;
    info.name = q.getColumn(0).getString();
    info.informant = q.getColumn(1).getString();
    info.role = q.getColumn(2).getString();
    info.turns = q.getColumn(3).getInt64();
    const std::string labels = q.getColumn(4).getString();
    std::size_t start = 0;
    while (start <= labels.size() && !labels.empty()) {
      const std::size_t comma = labels.find(',', start);
      info.sources.push_back(labels.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    out.push_back(std::move(info));
  }
  return out;
}

RenameResult rename_speaker(Store& store, const std::string& from, const std::string& to_raw,
                            std::optional<std::int64_t> source_id, const std::string& coder) {
  const std::string to = trimmed(to_raw);
  if (to.empty()) {
    throw_usage("the new speaker name is empty", "give the name to use, e.g. \"Jane Smith\"");
  }
  const std::string old_name = existing_name(store, from);
  if (sources_with_speaker(store, old_name, source_id).empty()) {
    throw_not_found("'" + old_name + "' does not speak in that source",
                    "list its speakers with 'casebook speakers --source LABEL'");
  }
  // Every spelling of `from` (any case) becomes `to`; turns already spelt
  // exactly `to` are left alone, so "rename interviewer Interviewer" merges
  // INTERVIEWER into Interviewer.
  SQLite::Statement update(store.db(),
                           "UPDATE passages SET speaker = ?1 WHERE speaker = ?2 COLLATE NOCASE "
                           "AND speaker <> ?1 AND (?3 IS NULL OR source_id = ?3)");
  update.bind(1, to);
  update.bind(2, old_name);
  if (source_id) {
    update.bind(3, *source_id);
  } else {
    update.bind(3);
  }
  const auto sources = sources_with_speaker(store, old_name, source_id, to);
  RenameResult result;
  result.passages = update.exec();
  if (result.passages == 0) {
    throw_usage("every turn of '" + old_name + "' is already spelt '" + to + "'",
                "give a different new name");
  }
  result.sources = static_cast<std::int64_t>(sources.size());
  if (!source_id) carry_mapping(store, old_name, to);
  for (std::int64_t id : sources) enqueue_index(store, id, IndexAction::Index);
  append_audit(store, coder, "speaker.rename", old_name,
               {{"to", to}, {"passages", result.passages}, {"sources", sources}});
  return result;
}

void map_speaker(Store& store, const std::string& name, const std::string& informant,
                 const std::string& role, const std::string& coder) {
  if (!is_role(role)) {
    throw_usage("unknown speaker role '" + role + "'",
                "use one of: unknown, informant, interviewer, other");
  }
  const std::string speaker = existing_name(store, name);
  upsert_mapping(store, speaker, trimmed(informant), role);
  append_audit(store, coder, "speaker.map", speaker,
               {{"informant", trimmed(informant)}, {"role", role}});
}

}  // namespace casebook::store

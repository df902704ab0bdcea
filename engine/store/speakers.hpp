#pragma once
// Speakers of transcript turns. Transcripts spell one person several ways
// ("Interviewer", "INT", "Jane", "Jane Smith"), so coders rename speakers to
// one name, and map each to the informant label used when citing ("Int-7")
// or mark them as the interviewer (whose turns are usually not evidence).
// Callers own the transaction, as elsewhere in the store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::store {

struct SpeakerInfo {
  std::string name;       // as in passages.speaker
  std::string informant;  // informant label for citing, empty when unmapped
  std::string role;       // unknown, informant, interviewer, other
  std::int64_t turns = 0;
  std::vector<std::string> sources;  // labels of the sources they speak in
};

// Every speaker of a passage (in `source_id` only when given), by name.
std::vector<SpeakerInfo> list_speakers(Store& store,
                                       std::optional<std::int64_t> source_id = std::nullopt);

struct RenameResult {
  std::int64_t passages = 0;  // turns renamed
  std::int64_t sources = 0;   // sources re-queued for indexing
};

// Renames speaker `from` (matched ignoring case) to `to` in every turn, or
// in the turns of `source_id` only; merges into `to` when it already exists.
// Queues the changed sources for re-indexing (the speaker: filter) and
// writes the audit entry. Throws Error(NotFound) when no turn has `from`,
// Error(Usage) for an empty or unchanged name.
RenameResult rename_speaker(Store& store, const std::string& from, const std::string& to,
                            std::optional<std::int64_t> source_id, const std::string& coder);

// Records what `name` stands for: an informant label and/or a role
// (unknown, informant, interviewer, other). Throws Error(NotFound) when no
// turn has that speaker and Error(Usage) for an unknown role.
void map_speaker(Store& store, const std::string& name, const std::string& informant,
                 const std::string& role, const std::string& coder);

}  // namespace casebook::store

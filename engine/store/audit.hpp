#pragma once
// The audit log: every write records who did what to which object, with the
// state before and after in `detail`. Entries are only ever appended; an
// undo is a new entry that names the one it reverses (`undoes`).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::store {

// Appends an entry and returns its id.
std::int64_t append_audit(Store& store, const std::string& coder, const std::string& action,
                          const std::string& target,
                          const nlohmann::json& detail = nlohmann::json::object(),
                          std::optional<std::int64_t> undoes = std::nullopt);

struct AuditEntry {
  std::int64_t id = 0;
  std::string at, coder, action, target, detail;
  std::optional<std::int64_t> undoes;     // the entry this one reverses
  std::optional<std::int64_t> undone_by;  // the entry that reversed this one
};

struct AuditFilter {
  std::optional<std::string> coder;   // exactly this coder
  std::optional<std::string> action;  // "code.add", or a family: "code" matches code.*
  std::optional<std::string> target;  // exactly this target (a source label, code key, ...)
  std::optional<std::string> since;   // ISO 8601 (UTC), inclusive; a date means its midnight
  std::optional<std::string> until;   // ISO 8601 (UTC), exclusive
  int limit = 50;                     // newest first; 0 = no limit
};

// Entries matching `filter`, newest first.
std::vector<AuditEntry> query_audit(Store& store, const AuditFilter& filter);
std::vector<AuditEntry> recent_audit(Store& store, int limit);
std::optional<AuditEntry> find_audit(Store& store, std::int64_t id);

}  // namespace casebook::store

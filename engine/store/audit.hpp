#pragma once
// The audit log: every write records who did what to which object.

#include <nlohmann/json.hpp>
#include <string>

#include "engine/store/store.hpp"

namespace casebook::store {

void append_audit(Store& store, const std::string& coder, const std::string& action,
                  const std::string& target,
                  const nlohmann::json& detail = nlohmann::json::object());

struct AuditEntry {
  std::int64_t id;
  std::string at, coder, action, target, detail;
};
std::vector<AuditEntry> recent_audit(Store& store, int limit);

}  // namespace casebook::store

#include "engine/coding/viewer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"

namespace casebook::coding {
namespace {

constexpr const char* kBlindKey = "blind_mode";

nlohmann::json to_json(const BlindSettings& settings) {
  return {{"on", settings.on}, {"supervisors", settings.supervisors}};
}

}  // namespace

BlindSettings blind_settings(store::Store& store) {
  SQLite::Statement q(store.db(), "SELECT value FROM project_meta WHERE key = ?");
  q.bind(1, kBlindKey);
  BlindSettings settings;
  if (!q.executeStep()) return settings;
  // Written only by set_blind, so a parse failure means a damaged store.
  const auto value = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  if (value.is_discarded() || !value.is_object()) return settings;
  settings.on = value.value("on", false);
  settings.supervisors = value.value("supervisors", std::vector<std::string>{});
  return settings;
}

void set_blind(store::Store& store, const BlindSettings& settings, const std::string& coder) {
  const BlindSettings before = blind_settings(store);
  // Otherwise a coder could switch blind mode off to look at the others' work.
  const auto& sup = before.supervisors;
  if (before.on && !sup.empty() && std::find(sup.begin(), sup.end(), coder) == sup.end()) {
    throw_conflict(
        "blind mode is on, and only its supervisors may change it", "ask one of them: " + [&] {
          std::string names;
          for (const auto& n : sup) names += (names.empty() ? "" : ", ") + n;
          return names;
        }());
  }
  SQLite::Statement upsert(store.db(),
                           "INSERT INTO project_meta(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, kBlindKey);
  upsert.bind(2, to_json(settings).dump());
  upsert.exec();
  store::append_audit(store, coder, "blind.set", "project",
                      {{"before", to_json(before)}, {"after", to_json(settings)}});
}

Viewer viewer_for(store::Store& store, const std::string& coder) {
  const BlindSettings settings = blind_settings(store);
  const auto& sup = settings.supervisors;
  const bool supervisor = std::find(sup.begin(), sup.end(), coder) != sup.end();
  return Viewer{coder, settings.on && !supervisor};
}

void require_sees_all(const Viewer& viewer, const std::string& what) {
  if (!viewer.blind) return;
  throw_conflict("blind mode is on: " + what +
                     " reads every coder's work, which only supervisors "
                     "may see",
                 "ask a supervisor, or switch blind mode off when coding is finished "
                 "(casebook blind off)");
}

}  // namespace casebook::coding

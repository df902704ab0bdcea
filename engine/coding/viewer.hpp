#pragma once
// Blind mode for double-coding. While it is on, a coder sees only their own
// codings, suggestions, memos on codings and log entries, so that agreement
// measured later compares independent work. Supervisors named when blind
// mode is switched on still see everyone's work. The setting lives in the
// store (project_meta) and every change to it is audited.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::coding {

struct BlindSettings {
  bool on = false;
  std::vector<std::string> supervisors;
};

BlindSettings blind_settings(store::Store& store);

// Switches blind mode on (with the supervisors who may still see all work)
// or off. Audited as blind.set with the settings before and after. Runs in
// the caller's transaction. While blind mode is on with supervisors, only
// they may change it (Error(Conflict) otherwise).
void set_blind(store::Store& store, const BlindSettings& settings, const std::string& coder);

// Whose work `coder` may see.
struct Viewer {
  std::string coder;
  bool blind = false;  // blind mode is on and `coder` is not a supervisor
  // The only coder whose work is visible, or nullopt when all work is.
  std::optional<std::string> only() const {
    return blind ? std::optional<std::string>(coder) : std::nullopt;
  }
  bool may_see(const std::string& other_coder) const { return !blind || other_coder == coder; }
};

Viewer viewer_for(store::Store& store, const std::string& coder);

// For work that compares coders (agreement, disagreements): Error(Conflict)
// naming `what` when the viewer may not see everyone's codings.
void require_sees_all(const Viewer& viewer, const std::string& what);

}  // namespace casebook::coding

#pragma once
// The consistency checks a supervisor runs over a whole project (casebook
// audit): codes never used or used by one coder only, exclusive codes on
// overlapping spans, required dimension values missing, codings that a
// passage matching an exclusion query overlaps, drift in a coder's use of a
// code over time, and codings whose quote or span no longer fits the text.
// docs/audit.part.md describes each check, its options and defaults.
//
// The checks only read the store. They look at active codings (not removed)
// and leave rejected ones out, as analysis does, unless include_rejected.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/coding/viewer.hpp"
#include "engine/project/project.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::consistency {

enum class Severity { Problem, Warning, Note };
const char* to_string(Severity severity);  // "problem", "warning", "note"

struct Finding {
  std::string check;  // the check's name: usage, exclusive, required, exclusion, drift, integrity
  std::string kind;   // what exactly: unused-code, one-coder, same-coder-overlap, ...
  Severity severity = Severity::Warning;
  std::vector<std::string> codes;     // code keys involved
  std::vector<std::int64_t> codings;  // coding ids involved
  std::vector<std::string> coders;
  std::string source;              // source label, empty when not about a span
  std::optional<text::Span> span;  // in that source, code points
  // Numbers behind the finding (drift: shares before and after), by name.
  std::vector<std::pair<std::string, double>> measures;
  std::string explanation;  // one line: what is wrong, and what to do
};

struct CheckResult {
  std::string check;
  std::string title;    // one line saying what the check looks for
  std::string skipped;  // why it did not run (empty when it ran)
  std::vector<Finding> findings;
};

struct ConsistencyReport {
  std::size_t codings = 0;          // codings looked at
  std::vector<std::string> coders;  // their coders, sorted
  std::vector<CheckResult> checks;  // in the order of check_names()
};

// An exclusion criterion as a query: codings of `code` (or a sub-code) on a
// passage matching `query` should not be there.
struct Exclusion {
  std::string code;
  std::string query;
};

struct ConsistencyOptions {
  std::vector<std::string> checks;  // names from check_names(); empty = all
  std::vector<Exclusion> exclusions;
  bool include_rejected = false;  // also look at codings a reviewer rejected
  // Drift: a coder's share of codings using a code, first half against second
  // half of their codings in time order, flagged when it moves by at least
  // this much (0.2 = 20 percentage points) ...
  double drift_threshold = 0.2;
  // ... for coders with at least this many codings (fewer make shares noise).
  std::size_t drift_min_codings = 20;
};

// The checks, in the order they run and are reported.
const std::vector<std::string>& check_names();

// Parses "CODE=QUERY" (the --exclusion option). Error(Usage) when malformed.
Exclusion parse_exclusion(const std::string& arg);

// Runs the chosen checks. Error(Usage) for an unknown check name, a bad
// threshold, or the exclusion check asked for by name without any
// exclusion; Error(NotFound) for an unknown code in an exclusion;
// Error(Data) for a malformed exclusion query.
ConsistencyReport run_consistency_checks(project::Project& project,
                                         const ConsistencyOptions& options);

// The audit sees every coder's work, so in blind mode only a supervisor may
// run it: Error(Usage) naming the coder when `viewer` is blind.
void require_full_view(const coding::Viewer& viewer);

}  // namespace casebook::consistency

#include "engine/consistency/consistency.hpp"

#include <algorithm>
#include <cmath>

#include "engine/codebook/store_sync.hpp"
#include "engine/consistency/snapshot.hpp"
#include "engine/core/error.hpp"

namespace casebook::consistency {
namespace {

struct CheckInfo {
  const char* name;
  const char* title;
};

// One row per check, in report order; check_names() and the titles come from here.
constexpr CheckInfo kChecks[] = {
    {"usage", "codes never used, and codes used by one coder only"},
    {"exclusive", "codes of one exclusive group on overlapping spans"},
    {"required", "codings missing a value for a required dimension"},
    {"exclusion", "codings on passages matching an exclusion query (--exclusion CODE=QUERY)"},
    {"drift",
     "changes in a coder's use of a code, first half against second half of their codings"},
    {"integrity", "codings whose quote or span no longer fits the source text"},
};

std::string all_names() {
  std::string out;
  for (const auto& c : kChecks) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

bool wanted(const ConsistencyOptions& options, const std::string& name) {
  return options.checks.empty() ||
         std::find(options.checks.begin(), options.checks.end(), name) != options.checks.end();
}

void validate(project::Project& project, const ConsistencyOptions& options) {
  for (const auto& name : options.checks) {
    const auto& names = check_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw_usage("--check " + name + ": there is no such check", "the checks: " + all_names());
    }
  }
  if (!(options.drift_threshold > 0 && options.drift_threshold <= 1)) {
    throw_usage("--drift-threshold must be above 0 and at most 1 (a share: 0.2 = 20 points)",
                "e.g. --drift-threshold 0.25");
  }
  const bool named =
      std::find(options.checks.begin(), options.checks.end(), "exclusion") != options.checks.end();
  if (named && options.exclusions.empty()) {
    throw_usage("--check exclusion needs at least one --exclusion CODE=QUERY",
                "e.g. --exclusion expost.veto='queue OR queuing'");
  }
  // Unknown codes fail before any check runs, not half-way through the report.
  for (const auto& e : options.exclusions) codebook::require_code(project.store(), e.code);
}

std::vector<Finding> run_check(project::Project& project, const detail::Snapshot& snapshot,
                               const std::string& name, const ConsistencyOptions& options) {
  store::Store& store = project.store();
  if (name == "usage") return detail::check_usage(snapshot);
  if (name == "exclusive") return detail::check_exclusive(store, snapshot);
  if (name == "required") return detail::check_required(store, snapshot);
  if (name == "exclusion") return detail::check_exclusion(project, snapshot, options.exclusions);
  if (name == "drift") {
    return detail::check_drift(snapshot, options.drift_threshold, options.drift_min_codings);
  }
  return detail::check_integrity(store, snapshot);
}

// Why a check that was asked for cannot say anything, or empty.
std::string skip_reason(const std::string& name, const ConsistencyOptions& options) {
  if (name == "exclusion" && options.exclusions.empty()) {
    return "no --exclusion CODE=QUERY given";
  }
  return {};
}

}  // namespace

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::Problem:
      return "problem";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "?";
}

const std::vector<std::string>& check_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& c : kChecks) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

Exclusion parse_exclusion(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw_usage("--exclusion '" + arg + "' is not CODE=QUERY",
                "e.g. --exclusion expost.veto='queue OR queuing'");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

ConsistencyReport run_consistency_checks(project::Project& project,
                                         const ConsistencyOptions& options) {
  validate(project, options);
  const detail::Snapshot snapshot =
      detail::load_snapshot(project.store(), options.include_rejected);
  ConsistencyReport report;
  report.codings = snapshot.codings.size();
  report.coders = snapshot.coders;
  for (const auto& info : kChecks) {
    if (!wanted(options, info.name)) continue;
    CheckResult result;
    result.check = info.name;
    result.title = info.title;
    result.skipped = skip_reason(info.name, options);
    if (result.skipped.empty()) result.findings = run_check(project, snapshot, info.name, options);
    report.checks.push_back(std::move(result));
  }
  return report;
}

void require_full_view(const coding::Viewer& viewer) {
  if (!viewer.blind) return;
  throw_usage("blind mode is on and " + viewer.coder +
                  " is not one of its supervisors: the audit reads every coder's work",
              "run it as a supervisor (--coder NAME before the command); 'casebook blind' "
              "names them");
}

}  // namespace casebook::consistency

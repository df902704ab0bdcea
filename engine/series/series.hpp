#pragma once
// Case-level quantitative series (administrative cost per claimant,
// processing days, staff numbers) kept with the cases, so qualitative
// claims ("costs fell after the merger of teams") can be checked against
// numbers: imported from CSV, listed, and summarised per group of cases as
// the change from before the partnership to its active years.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::series {

struct Point {
  std::string case_label;
  std::string council;  // "" = the case as a whole (a real name otherwise)
  std::string period;   // ISO: yyyy, yyyy-mm or yyyy-mm-dd
  std::string metric;
  double value = 0;
};

struct ImportResult {
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  std::vector<std::string> metrics;  // metrics seen, in first-seen order
};

// Reads a CSV with a header naming `case`, `metric`, `value`, one of
// `year`, `date` or `period`, and optionally `council`. Every row is checked
// (known case, ISO period, finite number) before anything is written; errors
// name `what`, the row and the column. Audited as series.import.
ImportResult import_series(store::Store& store, std::string_view csv, std::string_view what,
                           const std::string& coder);

// Points, by metric, case, council and period; only `metric` when given
// (Error(NotFound) when no point has it).
std::vector<Point> list_series(store::Store& store, const std::string& metric = {});

// A period or date as a decimal year: "2012" -> 2012.5 (mid-year), "2012-04"
// -> the middle of April, "2012-04-01" -> that day. nullopt if not ISO.
std::optional<double> decimal_year(std::string_view period);

// A case's active years, from the case attributes that hold its start and
// end (years or dates); no end = still active.
struct ActiveYears {
  std::optional<double> from, to;
  bool contains(double at) const;
};

// The active years of a case from its attributes `start_attribute` and
// `end_attribute` (names compared ignoring ASCII case; an empty name tries
// start, start_year, start_date, started, from and end, end_year, end_date,
// ended, to). A bare year as a start means its beginning, as an end its
// close; dates are exact.
ActiveYears active_years(const std::map<std::string, std::string>& attributes,
                         const std::string& start_attribute, const std::string& end_attribute);

struct GroupSummary {
  std::string group;
  std::string metric;
  std::size_t cases = 0;  // cases in the group with values of the metric
  std::size_t values = 0;
  double median = 0;                    // of all values
  std::size_t cases_with_change = 0;    // cases with values both before and during
  std::optional<double> median_change;  // median over those cases of during/before - 1
};

// Per group (in `groups` order) and metric (alphabetical). `active` gives
// each case's active years; values of councils and of the case as a whole
// are pooled per case (means per period).
std::vector<GroupSummary> summarise(const std::vector<Point>& points,
                                    const std::map<std::string, std::string>& group_of_case,
                                    const std::vector<std::string>& groups,
                                    const std::map<std::string, ActiveYears>& active);

}  // namespace casebook::series

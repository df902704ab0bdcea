#pragma once
// The report's charts as inline SVG strings: a heatmap of codes by case, the
// cases' life cycles on a timeline, and small multiples of each quantitative
// series. Each chart is a complete <svg xmlns=...> element (it can also be
// saved as an .svg file) with a viewBox and width="100%", a <title> and
// <desc>, and a <title> on every mark for tooltips and screen readers. When
// there is nothing to draw a chart returns a short <p class="no-data"> note
// instead. Output depends only on the input: no clock, no locale. The
// heatmap and the timeline define ids starting "heatmap-" and "timeline-":
// show each at most once per page.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/report/model.hpp"

namespace casebook::report {

// One colour per outcome, assigned in a fixed order, so an outcome has the
// same colour in every chart and legend. Colour-blind-safe palette (Okabe &
// Ito); outcomes beyond it cycle.
class OutcomeColours {
 public:
  explicit OutcomeColours(const std::vector<std::string>& outcomes);

  // The outcome's colour ("#rrggbb"); grey for one not given to the constructor.
  std::string of(const std::string& outcome) const;
  // The outcomes in order, each with its colour.
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

// The outcomes of a model in the order they first appear: heatmap groups,
// then the timeline, then the series.
std::vector<std::string> outcomes_in_order(const ReportModel& model);

// <svg class="chart heatmap">: one <rect class="cell"> per code and case
// (rows × cases, missing values shown hatched), cases grouped by outcome
// with a label over each group and a gap between groups, and a colour scale.
std::string heatmap_chart(const Heatmap& heatmap, const OutcomeColours& colours);

// <svg class="chart timeline">: one <g class="case"> per case holding its
// <rect class="bar"> from start to end (fading into an arrow when the case
// is still running, fading in when its start is unknown), coloured by
// outcome, a marker and label per event, and a year axis. Cases appear in
// the given order; consecutive cases with the same outcome form a group
// with a heading.
std::string timeline_chart(const std::vector<CaseLife>& cases, const OutcomeColours& colours);

// The metrics of the series, in the order they first appear.
std::vector<std::string> series_metrics(const std::vector<Series>& series);

// <svg class="chart series">: for the series of `metric`, one <g class="panel">
// per series in the given order, all on the same scales: the active years
// shaded, a line per council (or one line when the points carry none), axes
// with ticks and values. It defines no ids, so a page can show several.
std::string series_chart(const std::vector<Series>& series, const std::string& metric,
                         const OutcomeColours& colours);

}  // namespace casebook::report

// The SVG charts: well-formed standalone XML with the expected marks, and
// sensible output for empty, single-year, NaN and long-label inputs.

#include "engine/report/charts.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "report_support.hpp"

using namespace casebook::report;
using casebook::report::testing::count;
using casebook::report::testing::count_svg;
using casebook::report::testing::xml_errors;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

const OutcomeColours kColours({"lasting", "ended"});

void check_standalone_svg(const std::string& svg, const std::string& kind) {
  BOOST_TEST(xml_errors(svg) == "");
  BOOST_TEST(
      svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + kind + "\"", 0) == 0u);
  BOOST_TEST(svg.find("viewBox=\"0 0 ") != std::string::npos);
  BOOST_TEST(svg.find("width=\"100%\"") != std::string::npos);
  BOOST_TEST(svg.find("<title>") != std::string::npos);
  // No number printed from a NaN or an infinity.
  static const std::regex not_a_number("[^A-Za-z](-?nan|-?inf)[^A-Za-z]");
  BOOST_TEST(!std::regex_search(svg, not_a_number));
}

Heatmap three_by_five() {
  Heatmap h;
  h.title = "Codes by case";
  h.value_label = "codings per source";
  h.row_labels = {"Governance", "Trust", "Money"};
  h.groups = {{"lasting", {"A", "B"}}, {"ended", {"C", "D", "E"}}};
  h.values = {{0, 1, 2, 3, 4}, {1.5, 0, 0, 2, 1}, {0, 0, 0, 0, 7}};
  return h;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_charts)

BOOST_AUTO_TEST_CASE(heatmap_has_a_cell_per_code_and_case) {
  const std::string svg = heatmap_chart(three_by_five(), kColours);
  check_standalone_svg(svg, "heatmap");
  BOOST_TEST(count_svg(svg, "rect", "cell") == 15);
  BOOST_TEST(count_svg(svg, "text", "group-label") == 2);
  BOOST_TEST(count_svg(svg, "line", "separator") == 1);
  BOOST_TEST(svg.find("Trust \xC2\xB7 A (lasting): 1.5 codings per source") != std::string::npos);
  BOOST_TEST(svg.find("-scale") != std::string::npos);  // the colour scale's gradient
}

BOOST_AUTO_TEST_CASE(heatmap_shows_missing_values_and_ragged_rows) {
  Heatmap h = three_by_five();
  h.values = {{NaN, 1, 2, 3, 4}, {1}};  // a NaN, a short row and a missing row
  const std::string svg = heatmap_chart(h, kColours);
  check_standalone_svg(svg, "heatmap");
  BOOST_TEST(count_svg(svg, "rect", "cell") == 15);
  BOOST_TEST(count_svg(svg, "rect", "missing") == 1 + 4 + 5);
  BOOST_TEST(svg.find(">no value<") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(heatmap_of_all_zeros_has_a_finite_scale) {
  Heatmap h = three_by_five();
  h.values.assign(3, std::vector<double>(5, 0.0));
  check_standalone_svg(heatmap_chart(h, kColours), "heatmap");
}

BOOST_AUTO_TEST_CASE(empty_charts_say_so) {
  BOOST_TEST(heatmap_chart(Heatmap{}, kColours).rfind("<p class=\"no-data\">", 0) == 0u);
  Heatmap no_rows = three_by_five();
  no_rows.row_labels.clear();
  BOOST_TEST(heatmap_chart(no_rows, kColours).find("<svg") == std::string::npos);
  BOOST_TEST(timeline_chart({}, kColours).rfind("<p class=\"no-data\">", 0) == 0u);
  BOOST_TEST(
      timeline_chart({{"A", "lasting", std::nullopt, std::nullopt, {}}}, kColours).find("<svg") ==
      std::string::npos);
  BOOST_TEST(series_chart({}, "Spending", kColours).rfind("<p class=\"no-data\">", 0) == 0u);
  BOOST_TEST(
      series_chart({{"A", "lasting", "Spending", {{NaN, 1, ""}}, std::nullopt, std::nullopt}},
                   "Spending", kColours)
          .find("<svg") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(timeline_has_a_bar_per_case) {
  const std::vector<CaseLife> cases = {
      {"A",
       "lasting",
       2008.5,
       std::nullopt,
       {{2010, "lead authority"}, {2010.2, "joint committee"}}},
      {"B", "lasting", 2009, 2019, {}},
      {"C", "ended", std::nullopt, 2012, {{2011, "review"}}},
      {"D", "ended", std::nullopt, std::nullopt, {}},
  };
  const std::string svg = timeline_chart(cases, kColours);
  check_standalone_svg(svg, "timeline");
  BOOST_TEST(count_svg(svg, "rect", "bar") == 4);
  BOOST_TEST(count_svg(svg, "g", "case") == 4);
  BOOST_TEST(count_svg(svg, "path", "event") == 3);
  BOOST_TEST(count_svg(svg, "path", "open-end") == 1);  // only A is still running
  BOOST_TEST(count_svg(svg, "rect", "undated") == 1);
  BOOST_TEST(count_svg(svg, "text", "group-label") == 2);
  BOOST_TEST(svg.find("A \xE2\x80\x94 lasting: Jul 2008 \xE2\x80\x93 still running") !=
             std::string::npos);
  BOOST_TEST(svg.find("lead authority") != std::string::npos);
  BOOST_TEST(svg.find(">2015<") != std::string::npos);  // a year tick
}

BOOST_AUTO_TEST_CASE(timeline_of_a_single_year) {
  const std::string svg = timeline_chart({{"A", "lasting", 2010, 2010, {}}}, kColours);
  check_standalone_svg(svg, "timeline");
  BOOST_TEST(count_svg(svg, "rect", "bar") == 1);
  BOOST_TEST(svg.find(">2010<") != std::string::npos);
  BOOST_TEST(svg.find(">2011<") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_labels_are_cut_with_the_full_text_as_tooltip) {
  const std::string long_label = "A case with a name far longer than any column could show";
  const std::string svg = timeline_chart({{long_label, "lasting", 2001, 2004, {}}}, kColours);
  check_standalone_svg(svg, "timeline");
  BOOST_TEST(svg.find("\xE2\x80\xA6<title>" + long_label + "</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(series_has_a_panel_per_case_and_a_line_per_council) {
  const std::vector<Series> series = {
      {"A",
       "lasting",
       "Spending",
       {{2008, 10, ""}, {2009, 12, ""}, {2010, 11, ""}},
       2008.5,
       std::nullopt},
      {"B",
       "ended",
       "Spending",
       {{2008, 5, "North"}, {2009, 6, "North"}, {2008, 7, "South"}, {2009, NaN, "South"}},
       2008,
       2009},
      {"A", "lasting", "Staff", {{2008, 100, ""}}, std::nullopt, std::nullopt},
  };
  BOOST_TEST(series_metrics(series) == (std::vector<std::string>{"Spending", "Staff"}),
             boost::test_tools::per_element());
  const std::string svg = series_chart(series, "Spending", kColours);
  check_standalone_svg(svg, "series");
  BOOST_TEST(count_svg(svg, "g", "panel") == 2);
  BOOST_TEST(count_svg(svg, "path", "line") == 3);  // A's own line, North, South
  BOOST_TEST(count_svg(svg, "rect", "active") == 2);
  BOOST_TEST(count_svg(svg, "circle", "point") == 6);  // finite points: the NaN is left out
  BOOST_TEST(svg.find("B \xC2\xB7 North \xC2\xB7 2009: 6") != std::string::npos);
  BOOST_TEST(svg.find(">North<") != std::string::npos);  // the council legend

  const std::string staff = series_chart(series, "Staff", kColours);
  check_standalone_svg(staff, "series");  // a single point: a single year, one value
  BOOST_TEST(count_svg(staff, "g", "panel") == 1);
}

BOOST_AUTO_TEST_CASE(hostile_labels_are_escaped_in_charts) {
  Heatmap h = three_by_five();
  h.row_labels[0] = "<script>alert(1)</script>";
  h.groups[0].label = "a&b";
  const std::string svg = heatmap_chart(h, OutcomeColours({"a&b"}));
  check_standalone_svg(svg, "heatmap");
  BOOST_TEST(svg.find("<script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(outcome_colours_are_stable) {
  const OutcomeColours colours({"lasting", "ended", "lasting", "merged"});
  BOOST_TEST(colours.entries().size() == 3u);
  BOOST_TEST(colours.of("lasting") == colours.entries()[0].second);
  BOOST_TEST(colours.of("ended") != colours.of("lasting"));
  BOOST_TEST(colours.of("unknown") == "#8a8a8a");
  BOOST_TEST(
      outcomes_in_order(testing::sample_model()) == (std::vector<std::string>{"lasting", "ended"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(charts_are_deterministic) {
  const ReportModel m = testing::sample_model();
  const OutcomeColours colours(outcomes_in_order(m));
  BOOST_TEST(heatmap_chart(m.heatmap, colours) == heatmap_chart(m.heatmap, colours));
  BOOST_TEST(timeline_chart(m.timeline, colours) == timeline_chart(m.timeline, colours));
  BOOST_TEST(series_chart(m.series, "Spending", colours) ==
             series_chart(m.series, "Spending", colours));
}

BOOST_AUTO_TEST_SUITE_END()

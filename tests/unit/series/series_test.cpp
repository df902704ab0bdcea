// Case-level series: import checks, periods as decimal years, and the
// per-group summary of change during a partnership's active years.

#include "engine/series/series.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "engine/cases/case_sheet.hpp"
#include "engine/store/cases.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
namespace series = casebook::series;
namespace store = casebook::store;

namespace {
struct SeriesFixture {
  TempDir dir;
  store::Store db = store::Store::create(dir / "s.sqlite");
  SeriesFixture() {
    store::WriteTransaction tx(db);
    store::import_cases(db,
                        casebook::cases::parse_case_sheet(
                            "id,outcome\nA,dissolved\nB,dissolved\nC,sustained\n", "cases.csv"),
                        "cases.csv", "sam");
    tx.commit();
  }
  series::ImportResult import(const std::string& csv) {
    store::WriteTransaction tx(db);
    auto r = series::import_series(db, csv, "costs.csv", "sam");
    tx.commit();
    return r;
  }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(series_store, SeriesFixture)

BOOST_AUTO_TEST_CASE(imports_updates_and_lists) {
  auto r = import(
      "case,council,year,metric,value\nA,Aldbury,2010,cost,100\nA,Aldbury,2012,cost,80\n"
      "B,,2011-04,days,\"1,234.5\"\n");
  BOOST_TEST(r.added == 3);
  BOOST_TEST(r.metrics == (std::vector<std::string>{"cost", "days"}));
  r = import("case,year,metric,value,council\nA,2012,cost,75,Aldbury\nA,2010,cost,100,Aldbury\n");
  BOOST_TEST(r.changed == 1);
  BOOST_TEST(r.unchanged == 1);
  const auto days = series::list_series(db, "days");
  BOOST_REQUIRE(days.size() == 1u);
  BOOST_TEST(days[0].value == 1234.5);
  BOOST_TEST(series::list_series(db).size() == 3u);
  expect_error(ErrorKind::NotFound, [&] { series::list_series(db, "speed"); });
}

BOOST_AUTO_TEST_CASE(bad_rows_name_row_and_column_and_write_nothing) {
  expect_error(
      ErrorKind::Data, [&] { import("case,year,metric,value\nA,2010,cost,1\nZ,2011,cost,2\n"); },
      "row 3");
  expect_error(
      ErrorKind::Data, [&] { import("case,year,metric,value\nA,20x0,cost,1\n"); }, "year");
  expect_error(
      ErrorKind::Data, [&] { import("case,year,metric,value\nA,2010,cost,£5\n"); }, "not a number");
  expect_error(
      ErrorKind::Data, [&] { import("case,metric,value\nA,cost,5\n"); }, "header");
  BOOST_TEST(series::list_series(db).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(series_summary)

BOOST_AUTO_TEST_CASE(decimal_years) {
  BOOST_TEST(*series::decimal_year("2012") == 2012.5);
  BOOST_TEST(std::fabs(*series::decimal_year("2012-01-01") - (2012 + 0.5 / 365)) < 1e-9);
  BOOST_TEST(!series::decimal_year("2012-13"));
  BOOST_TEST(!series::decimal_year("2012-02-30"));
  BOOST_TEST(!series::decimal_year("12"));
}

BOOST_AUTO_TEST_CASE(active_years_from_usual_attribute_names) {
  const auto a = series::active_years({{"start_year", "2008"}, {"End_Year", "2015"}}, "", "");
  BOOST_TEST(*a.from == 2008.0);
  BOOST_TEST(*a.to == 2016.0);  // a bare end year runs to its close
  BOOST_TEST(a.contains(2015.5));
  BOOST_TEST(!a.contains(2007.9));
  const auto open = series::active_years({{"began", "2008"}}, "began", "");
  BOOST_TEST(!open.to);
  BOOST_TEST(open.contains(2030));
}

BOOST_AUTO_TEST_CASE(change_during_the_partnership_per_group) {
  // A: 100 before, 80 and 60 during (mean 70): -30%. B: 50 -> 60: +20%.
  // C (sustained): no value before the start: no change.
  const std::vector<series::Point> points{
      {"A", "", "2006", "cost", 100}, {"A", "", "2010", "cost", 80}, {"A", "", "2011", "cost", 60},
      {"B", "", "2007", "cost", 50},  {"B", "", "2012", "cost", 60}, {"C", "", "2012", "cost", 40}};
  std::map<std::string, series::ActiveYears> active{
      {"A", {2008.0, 2016.0}}, {"B", {2008.0, std::nullopt}}, {"C", {2009.0, std::nullopt}}};
  const auto rows =
      series::summarise(points, {{"A", "dissolved"}, {"B", "dissolved"}, {"C", "sustained"}},
                        {"dissolved", "sustained"}, active);
  BOOST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].group == "dissolved");
  BOOST_TEST(rows[0].cases == 2u);
  BOOST_TEST(rows[0].values == 5u);
  BOOST_TEST(rows[0].median == 60.0);
  BOOST_TEST(rows[0].cases_with_change == 2u);
  BOOST_TEST(std::fabs(*rows[0].median_change - (-0.05)) < 1e-9);  // median of -0.3 and +0.2
  BOOST_TEST(!rows[1].median_change);
}

BOOST_AUTO_TEST_SUITE_END()

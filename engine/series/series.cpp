#include "engine/series/series.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/cases/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::series {
namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<double> parse_value(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string cleaned;
  for (char c : text) {
    if (c != ',' && c != '_') cleaned.push_back(c);  // "1,234.5" as spreadsheets write it
  }
  char* end = nullptr;
  const double v = std::strtod(cleaned.c_str(), &end);
  if (end == cleaned.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct Columns {
  int case_col = -1, council = -1, period = -1, metric = -1, value = -1;
};

Columns find_columns(const cases::csv::Record& header, std::string_view what,
                     std::vector<std::string>& names) {
  Columns c;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string n = text::ascii_lower(trimmed(header.fields[i].value));
    names.push_back(n);
    const int col = static_cast<int>(i);
    if (n == "case") c.case_col = col;
    if (n == "council") c.council = col;
    if (n == "year" || n == "date" || n == "period") c.period = col;
    if (n == "metric") c.metric = col;
    if (n == "value") c.value = col;
  }
  if (c.case_col < 0 || c.period < 0 || c.metric < 0 || c.value < 0) {
    throw_data(
        std::string(what) + ": the header needs columns case, year (or date), metric and value",
        "write a first row such as: case,council,year,metric,value");
  }
  return c;
}

std::int64_t case_id(store::Store& store, const std::string& label) {
  SQLite::Statement q(store.db(), "SELECT id FROM cases WHERE label = ?");
  q.bind(1, label);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

}  // namespace

std::optional<double> decimal_year(std::string_view p) {
  static constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
  if (p.size() == 4 && all_digits(p)) return std::stoi(std::string(p)) + 0.5;
  if (p.size() >= 7 && all_digits(p.substr(0, 4)) && p[4] == '-' && all_digits(p.substr(5, 2))) {
    const int year = std::stoi(std::string(p.substr(0, 4)));
    const int month = std::stoi(std::string(p.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    if (p.size() == 7) return year + (kDaysBefore[month - 1] + kDaysBefore[month]) / 2.0 / 365.0;
    if (p.size() == 10 && p[7] == '-' && all_digits(p.substr(8, 2))) {
      const int day = std::stoi(std::string(p.substr(8, 2)));
      if (day < 1 || day > kDaysBefore[month] - kDaysBefore[month - 1] + (month == 2 ? 1 : 0))
        return std::nullopt;
      return year + (kDaysBefore[month - 1] + day - 0.5) / 365.0;
    }
  }
  return std::nullopt;
}

bool ActiveYears::contains(double at) const {
  return from && at >= *from && (!to || at <= *to);
}

namespace {
// Attribute names case sheets use for a partnership's start and end, tried
// in this order when the caller names none.
const std::vector<std::string>& usual_names(bool is_end) {
  static const std::vector<std::string> starts{"start", "start_year", "start_date", "started",
                                               "from"};
  static const std::vector<std::string> ends{"end", "end_year", "end_date", "ended", "to"};
  return is_end ? ends : starts;
}

std::optional<double> year_bound(const std::map<std::string, std::string>& attributes,
                                 const std::string& attribute, bool is_end) {
  if (attribute.empty()) {
    for (const std::string& name : usual_names(is_end)) {
      if (auto found = year_bound(attributes, name, is_end)) return found;
    }
    return std::nullopt;
  }
  for (const auto& [name, value] : attributes) {
    if (!text::ascii_iequals(name, attribute)) continue;
    if (value.size() == 4 && all_digits(value)) return std::stoi(value) + (is_end ? 1.0 : 0.0);
    return decimal_year(value);
  }
  return std::nullopt;
}
}  // namespace

ActiveYears active_years(const std::map<std::string, std::string>& attributes,
                         const std::string& start_attribute, const std::string& end_attribute) {
  return {year_bound(attributes, start_attribute, false),
          year_bound(attributes, end_attribute, true)};
}

ImportResult import_series(store::Store& store, std::string_view csv, std::string_view what,
                           const std::string& coder) {
  cases::csv::Reader reader(csv, cases::csv::sniff_separator(csv), what);
  cases::csv::Record header;
  if (!reader.next(header)) {
    throw_data(std::string(what) + " is empty", "write a header: case,council,year,metric,value");
  }
  std::vector<std::string> names;
  const Columns cols = find_columns(header, what, names);
  reader.name_columns(names);

  struct Row {
    std::int64_t case_id;
    Point point;
  };
  std::vector<Row> rows;
  cases::csv::Record r;
  while (reader.next(r)) {
    auto cell = [&](int col) {
      return col >= 0 && static_cast<std::size_t>(col) < r.fields.size()
                 ? trimmed(r.fields[static_cast<std::size_t>(col)].value)
                 : std::string();
    };
    auto fail = [&](int col, const std::string& problem, const std::string& hint) {
      throw_data(std::string(what) + ", " + reader.where(r.line, static_cast<std::size_t>(col)) +
                     ": " + problem,
                 hint);
    };
    Point p{cell(cols.case_col), cell(cols.council), cell(cols.period), cell(cols.metric), 0};
    const std::int64_t id = case_id(store, p.case_label);
    if (id == 0) {
      fail(cols.case_col, "no case '" + p.case_label + "'",
           "import the case sheet first (casebook cases import), or correct the label");
    }
    if (!decimal_year(p.period)) {
      fail(cols.period, "'" + p.period + "' is not a year or ISO date",
           "write 2012, 2012-04 or 2012-04-01");
    }
    if (p.metric.empty()) fail(cols.metric, "the metric is empty", "name what is measured");
    const auto value = parse_value(cell(cols.value));
    if (!value) {
      fail(cols.value, "'" + cell(cols.value) + "' is not a number",
           "write a plain number such as 1234.5 (leave out units and currency signs)");
    }
    p.value = *value;
    rows.push_back({id, std::move(p)});
  }

  ImportResult result;
  const std::string now = store::utc_now();
  SQLite::Statement before(store.db(),
                           "SELECT value FROM case_series WHERE case_id = ? AND metric = ? AND "
                           "council = ? AND period = ?");
  SQLite::Statement write(store.db(),
                          "INSERT INTO case_series (case_id, council, period, metric, value, "
                          "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT(case_id, metric, council, period) DO UPDATE SET "
                          "value = excluded.value, imported_at = excluded.imported_at, "
                          "imported_by = excluded.imported_by");
  for (const Row& row : rows) {
    const Point& p = row.point;
    if (std::find(result.metrics.begin(), result.metrics.end(), p.metric) == result.metrics.end())
      result.metrics.push_back(p.metric);
    before.reset();
    before.bind(1, row.case_id);
    before.bind(2, p.metric);
    before.bind(3, p.council);
    before.bind(4, p.period);
    if (before.executeStep()) {
      if (before.getColumn(0).getDouble() == p.value) {
        ++result.unchanged;
        continue;
      }
      ++result.changed;
    } else {
      ++result.added;
    }
    write.reset();
    write.bind(1, row.case_id);
    write.bind(2, p.council);
    write.bind(3, p.period);
    write.bind(4, p.metric);
    write.bind(5, p.value);
    write.bind(6, now);
    write.bind(7, coder);
    write.exec();
  }
  store::append_audit(store, coder, "series.import", std::string(what),
                      {{"added", result.added},
                       {"changed", result.changed},
                       {"unchanged", result.unchanged},
                       {"metrics", result.metrics}});
  return result;
}

std::vector<Point> list_series(store::Store& store, const std::string& metric) {
  SQLite::Statement q(store.db(),
                      "SELECT c.label, s.council, s.period, s.metric, s.value FROM case_series s "
                      "JOIN cases c ON c.id = s.case_id WHERE (? = '' OR s.metric = ?) "
                      "ORDER BY s.metric COLLATE NOCASE, c.label, s.council, s.period");
  q.bind(1, metric);
  q.bind(2, metric);
  std::vector<Point> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getDouble()});
  }
  if (out.empty() && !metric.empty()) {
    throw_not_found("no series has the metric '" + metric + "'",
                    "see the metrics with casebook series list");
  }
  return out;
}

std::vector<GroupSummary> summarise(const std::vector<Point>& points,
                                    const std::map<std::string, std::string>& group_of_case,
                                    const std::vector<std::string>& groups,
                                    const std::map<std::string, ActiveYears>& active) {
  std::set<std::string> metrics;
  for (const Point& p : points) metrics.insert(p.metric);
  std::vector<GroupSummary> out;
  for (const std::string& group : groups) {
    for (const std::string& metric : metrics) {
      GroupSummary s;
      s.group = group;
      s.metric = metric;
      std::vector<double> all;
      std::vector<double> changes;
      std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> by_case;
      std::set<std::string> cases;
      for (const Point& p : points) {
        const auto g = group_of_case.find(p.case_label);
        if (p.metric != metric || g == group_of_case.end() || g->second != group) continue;
        cases.insert(p.case_label);
        all.push_back(p.value);
        const auto a = active.find(p.case_label);
        const double at = *decimal_year(p.period);
        if (a == active.end() || !a->second.from) continue;
        if (at < *a->second.from) {
          by_case[p.case_label].first.push_back(p.value);
        } else if (a->second.contains(at)) {
          by_case[p.case_label].second.push_back(p.value);
        }
      }
      if (all.empty()) continue;
      s.cases = cases.size();
      s.values = all.size();
      s.median = median_of(all);
      for (const auto& [label, before_during] : by_case) {
        const auto& [before, during] = before_during;
        if (before.empty() || during.empty() || mean_of(before) == 0) continue;
        changes.push_back(mean_of(during) / mean_of(before) - 1.0);
      }
      s.cases_with_change = changes.size();
      if (!changes.empty()) s.median_change = median_of(changes);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace casebook::series

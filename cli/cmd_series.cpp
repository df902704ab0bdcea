// casebook series import|list|summary: case-level quantitative series
// (cost per claimant, processing days) beside the qualitative evidence.

#include <cstdio>
#include <iostream>

#include "cli/context.hpp"
#include "engine/evidence/evidence.hpp"
#include "engine/project/files.hpp"
#include "engine/publish/report_model.hpp"
#include "engine/series/series.hpp"

namespace casebook::cli {
namespace {

std::string number(double v, const char* format = "%.2f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

int import_file(Context& ctx, const std::string& file) {
  const std::string bytes = project::read_input_file(file, std::uintmax_t{64} << 20);
  series::ImportResult r;
  ctx.write([&](project::Project& p) {
    r = series::import_series(p.store(), bytes, file, ctx.coder_identity());
  });
  std::cout << file << ": " << r.added << " values added, " << r.changed << " changed, "
            << r.unchanged << " unchanged\n  metrics:";
  for (const std::string& m : r.metrics) std::cout << " " << m;
  std::cout << "\n";
  return 0;
}

int list(Context& ctx, const std::string& metric, bool json) {
  project::Project project = ctx.open_project();
  const auto points = series::list_series(project.store(), metric);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : points) {
      out.push_back({{"case", p.case_label},
                     {"council", p.council},
                     {"period", p.period},
                     {"metric", p.metric},
                     {"value", p.value}});
    }
    print_json(out);
    return 0;
  }
  if (points.empty()) {
    std::cout << "No series yet. Import one with 'casebook series import FILE.csv' "
                 "(columns case, council, year, metric, value).\n";
    return 0;
  }
  Table table({"metric", "case", "council", "period", "value"});
  for (const auto& p : points)
    table.add({p.metric, p.case_label, p.council, p.period, number(p.value, "%g")});
  table.print(std::cout);
  return 0;
}

int summary(Context& ctx, const std::string& by, const publish::ReportOptions& years, bool json) {
  project::Project project = ctx.open_project();
  evidence::EvidenceOptions none;
  none.include_unreviewed = true;
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), none);
  const evidence::Grouping g = evidence::group_cases(e, by);
  std::map<std::string, series::ActiveYears> active;
  for (const evidence::CaseRecord& c : e.cases)
    active[c.label] =
        series::active_years(c.attributes, years.start_attribute, years.end_attribute);
  const auto rows =
      series::summarise(series::list_series(project.store()), g.group_of_case, g.groups, active);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : rows) {
      out.push_back({{by, s.group},
                     {"metric", s.metric},
                     {"cases", s.cases},
                     {"values", s.values},
                     {"median", s.median},
                     {"cases_with_change", s.cases_with_change},
                     {"median_change", s.median_change ? nlohmann::json(*s.median_change)
                                                       : nlohmann::json(nullptr)}});
    }
    print_json(out);
    return 0;
  }
  if (rows.empty()) {
    std::cout << "No series yet. Import one with 'casebook series import FILE.csv'.\n";
    return 0;
  }
  Table table({by, "metric", "cases", "values", "median", "change in active years"});
  for (const auto& s : rows) {
    const std::string change = s.median_change
                                   ? number(*s.median_change * 100, "%+.1f%%") + " (median of " +
                                         std::to_string(s.cases_with_change) + " cases)"
                                   : "n/a";
    table.add({s.group, s.metric, std::to_string(s.cases), std::to_string(s.values),
               number(s.median), change});
  }
  table.print(std::cout);
  std::cout << "\nChange: per case, the mean during the partnership's active years (from the "
               "case's start and end attributes) over the mean before it, minus one.\n";
  return 0;
}

}  // namespace

void register_series(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "series", "case-level quantitative series to set beside the evidence (costs, speed)");
  cmd->require_subcommand(1);
  cmd->footer(examples(
      {"casebook series import costs.csv   (columns case,council,year,metric,value)",
       "casebook series list --metric cost_per_claim", "casebook series summary --by outcome"}));

  auto file = std::make_shared<std::string>();
  auto* import_cmd = cmd->add_subcommand("import", "add or update values from a CSV file");
  import_cmd
      ->add_option("FILE", *file, "CSV: case, council (optional), year or date, metric, value")
      ->required();
  import_cmd->callback(
      [&ctx, file] { ctx.run = [&ctx, file] { return import_file(ctx, *file); }; });

  auto metric = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* list_cmd = cmd->add_subcommand("list", "list the values");
  list_cmd->add_option("--metric", *metric, "only this metric");
  list_cmd->add_flag("--json", *json, "print JSON");
  list_cmd->callback([&ctx, metric, json] {
    ctx.run = [&ctx, metric, json] { return list(ctx, *metric, *json); };
  });

  auto by = std::make_shared<std::string>("outcome");
  auto years = std::make_shared<publish::ReportOptions>();
  auto sjson = std::make_shared<bool>(false);
  auto* sum_cmd = cmd->add_subcommand(
      "summary", "per group of cases: values, median, and the change during the partnership");
  sum_cmd->add_option("--by", *by, "outcome, sub-outcome, case or a case attribute")
      ->capture_default_str();
  sum_cmd->add_option(
      "--start-attribute", years->start_attribute,
      "case attribute with the partnership's start (default: start, start_year, ...)");
  sum_cmd->add_option(
      "--end-attribute", years->end_attribute,
      "case attribute with its end (default: end, end_year, ...; none: still active)");
  sum_cmd->add_flag("--json", *sjson, "print JSON");
  sum_cmd->callback([&ctx, by, years, sjson] {
    ctx.run = [&ctx, by, years, sjson] { return summary(ctx, *by, *years, *sjson); };
  });
}

}  // namespace casebook::cli

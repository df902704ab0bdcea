// casebook audit: the consistency checks a supervisor runs over a whole
// project (engine/consistency, docs/audit.part.md). It is a report: the exit
// status is 0 whatever it finds; only bad arguments are errors.

#include <iostream>

#include "cli/context.hpp"
#include "engine/consistency/consistency.hpp"

namespace casebook::cli {
namespace {

struct AuditArgs {
  std::vector<std::string> checks;
  std::vector<std::string> exclusions;
  bool include_rejected = false;
  double drift_threshold = 0.2;
  std::size_t drift_min_codings = 20;
  bool json = false;
};

consistency::ConsistencyOptions options_of(const AuditArgs& a) {
  consistency::ConsistencyOptions o;
  o.checks = a.checks;
  for (const auto& e : a.exclusions) o.exclusions.push_back(consistency::parse_exclusion(e));
  o.include_rejected = a.include_rejected;
  o.drift_threshold = a.drift_threshold;
  o.drift_min_codings = a.drift_min_codings;
  return o;
}

struct Counts {
  std::size_t problems = 0, warnings = 0, notes = 0;
  void add(consistency::Severity s) {
    if (s == consistency::Severity::Problem) ++problems;
    if (s == consistency::Severity::Warning) ++warnings;
    if (s == consistency::Severity::Note) ++notes;
  }
  std::string text() const {
    return std::to_string(problems) + " problem(s), " + std::to_string(warnings) + " warning(s), " +
           std::to_string(notes) + " note(s)";
  }
};

nlohmann::json finding_json(const consistency::Finding& f) {
  nlohmann::json measures = nlohmann::json::object();
  for (const auto& [name, value] : f.measures) measures[name] = value;
  nlohmann::json j = {{"check", f.check},
                      {"kind", f.kind},
                      {"severity", consistency::to_string(f.severity)},
                      {"codes", f.codes},
                      {"codings", f.codings},
                      {"coders", f.coders},
                      {"source", nullptr},
                      {"start", nullptr},
                      {"end", nullptr},
                      {"measures", measures},
                      {"explanation", f.explanation}};
  if (!f.source.empty()) j["source"] = f.source;
  if (f.span) {
    j["start"] = f.span->start;
    j["end"] = f.span->end;
  }
  return j;
}

void print_json_report(const consistency::ConsistencyReport& report) {
  nlohmann::json checks = nlohmann::json::array();
  Counts total;
  for (const auto& c : report.checks) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : c.findings) {
      findings.push_back(finding_json(f));
      total.add(f.severity);
    }
    checks.push_back({{"check", c.check},
                      {"title", c.title},
                      {"skipped", c.skipped.empty() ? nlohmann::json() : nlohmann::json(c.skipped)},
                      {"findings", findings}});
  }
  print_json({{"codings", report.codings},
              {"coders", report.coders},
              {"checks", checks},
              {"problems", total.problems},
              {"warnings", total.warnings},
              {"notes", total.notes}});
}

void print_check(const consistency::CheckResult& c, Counts& total) {
  std::cout << "\n== " << c.check << ": " << c.title << "\n";
  if (!c.skipped.empty()) {
    std::cout << "  not run: " << c.skipped << "\n";
    return;
  }
  Counts counts;
  for (const auto& f : c.findings) {
    counts.add(f.severity);
    total.add(f.severity);
  }
  std::cout << "  " << c.findings.size() << " finding(s): " << counts.text() << "\n";
  for (const auto& f : c.findings) {
    std::cout << "  " << consistency::to_string(f.severity) << ": " << f.explanation << "\n";
  }
}

void print_text_report(const consistency::ConsistencyReport& report) {
  std::cout << "Audit of " << report.codings << " coding(s) by " << report.coders.size()
            << " coder(s)\n";
  Counts total;
  for (const auto& c : report.checks) print_check(c, total);
  std::cout << "\nTotal: " << total.text() << "\n";
}

int run_audit(Context& ctx, const AuditArgs& a) {
  const auto options = options_of(a);
  project::Project project = ctx.open_project();
  consistency::require_full_view(ctx.viewer(project));
  const auto report = consistency::run_consistency_checks(project, options);
  if (a.json) {
    print_json_report(report);
  } else {
    print_text_report(report);
  }
  return 0;
}

}  // namespace

void register_audit(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AuditArgs>();
  auto* cmd = app.add_subcommand(
      "audit", "consistency checks over the whole project, for supervisors (a report: exit 0)");
  std::string names;
  for (const auto& n : consistency::check_names()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--check", args->checks, "run only these checks (repeatable): " + names)
      ->allow_extra_args(false);
  cmd->add_option("--exclusion", args->exclusions,
                  "CODE=QUERY: codings of CODE (or a sub-code) on passages matching QUERY are "
                  "reported (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--include-rejected", args->include_rejected,
                "also check codings a reviewer rejected");
  cmd->add_option("--drift-threshold", args->drift_threshold,
                  "drift: report a change in a code's share of a coder's codings of at least "
                  "this much (default 0.2 = 20 points)");
  cmd->add_option("--drift-min-codings", args->drift_min_codings,
                  "drift: only coders with at least this many codings (default 20)");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(
      examples({"casebook --coder sam audit", "casebook audit --check usage --check integrity",
                "casebook audit --exclusion \"expost.veto=queue OR queuing\"",
                "casebook audit --check drift --drift-threshold 0.3 --json"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run_audit(ctx, *args); }; });
}

}  // namespace casebook::cli

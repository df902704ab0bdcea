// casebook report --out DIR: a self-contained static site of the analysis
// (triangulation with drill-down, coded sources, codebook, agreement,
// heatmap, timeline, series), pseudonymised, for supervisors and co-authors.

#include <iostream>

#include "cli/context.hpp"
#include "cli/evidence_args.hpp"
#include "engine/publish/report_model.hpp"
#include "engine/report/site.hpp"

namespace casebook::cli {
namespace {

struct ReportArgs {
  std::string out;
  std::string title;
  bool no_pseudonyms = false;
  evidence::EvidenceOptions evidence;
  evidence::TriangulationOptions triangulation;
  publish::ReportOptions report;
};

int run(Context& ctx, ReportArgs a) {
  project::Project project = ctx.open_project();
  a.triangulation.by = grouping_of(a.triangulation.by);
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  const evidence::Triangulation t = evidence::triangulate(e, a.triangulation);
  if (const std::string note = left_out_note(e); !note.empty()) std::cerr << note << "\n";
  const std::string title = a.title.empty() ? project.root().filename().string() : a.title;
  report::ReportModel model = publish::report_model(project.store(), e, t, a.report, title);
  if (!a.no_pseudonyms) {
    publish::pseudonymise_report(model, pseudonyms::Pseudonymiser::for_project(project.store()));
  }
  const auto files = report::write_site(model, a.out);
  std::cout << "wrote " << a.out << "/index.html and " << files.size() - 1 << " more files ("
            << model.sources.size() << " coded sources"
            << (a.no_pseudonyms ? ", REAL NAMES: --no-pseudonyms" : ", pseudonymised") << ")\n";
  return 0;
}

}  // namespace

void register_report(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReportArgs>();
  auto* cmd = app.add_subcommand(
      "report", "write an HTML report: triangulation, coded sources, codebook, agreement, charts");
  cmd->add_option("--out,-o", args->out, "directory to write (replaces an earlier report there)")
      ->required();
  cmd->add_option("--title", args->title,
                  "the report's title (default: the project's folder name)");
  cmd->add_flag("--no-pseudonyms", args->no_pseudonyms,
                "show real names (for the research team only)");
  add_triangulation_options(cmd, args->triangulation);
  add_evidence_options(cmd, args->evidence);
  cmd->add_option("--start-attribute", args->report.start_attribute,
                  "case attribute with the partnership's start (default: start, start_year, ...)");
  cmd->add_option("--end-attribute", args->report.end_attribute,
                  "case attribute with its end (default: end, end_year, ...)");
  cmd->add_option("--events-attribute", args->report.events_attribute,
                  "case attribute with governance changes: \"2008: joint committee; 2013: lead "
                  "authority\"")
      ->capture_default_str();
  cmd->footer(
      "\nThe site needs no network: open DIR/index.html in any browser, or copy the folder.\n" +
      examples({"casebook report --out report", "casebook report --out report --by governance"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run(ctx, *args); }; });
}

}  // namespace casebook::cli

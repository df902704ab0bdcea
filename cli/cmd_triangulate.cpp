// casebook triangulate: propositions by outcome group (or any case
// attribute, or case by case), with the counts behind each verdict.

#include <iostream>

#include "cli/context.hpp"
#include "cli/evidence_args.hpp"
#include "engine/evidence/triangulation.hpp"

namespace casebook::cli {
namespace {

struct TriangulateArgs {
  evidence::EvidenceOptions evidence;
  evidence::TriangulationOptions triangulation;
  bool json = false;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

nlohmann::json cell_json(const evidence::EvidenceSet& e, const std::string& group,
                         const evidence::TriangulationCell& c) {
  auto ids = [&](const std::vector<std::size_t>& indexes) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i : indexes) out.push_back(e.codings[i].id);
    return out;
  };
  return {{"group", group},
          {"cases_with_evidence", c.cases_with_evidence},
          {"cases_in_group", c.cases_in_group},
          {"codings", c.codings()},
          {"supporting", ids(c.supporting)},
          {"contradicting", ids(c.contradicting)},
          {"sources", c.sources},
          {"informants", c.informants.size()},
          {"councils", c.councils.size()},
          {"source_classes", c.source_classes},
          {"source_types", c.source_types},
          {"verdict", evidence::to_string(c.verdict)},
          {"reason", c.reason}};
}

int run(Context& ctx, TriangulateArgs a) {
  project::Project project = ctx.open_project();
  a.triangulation.by = grouping_of(a.triangulation.by);
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  const evidence::Triangulation t = evidence::triangulate(e, a.triangulation);
  if (const std::string note = left_out_note(e); !note.empty()) std::cerr << note << "\n";
  if (a.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : t.rows) {
      nlohmann::json cells = nlohmann::json::array();
      for (std::size_t g = 0; g < row.cells.size(); ++g)
        cells.push_back(cell_json(e, t.grouping.groups[g], row.cells[g]));
      rows.push_back({{"proposition", row.proposition}, {"text", row.text}, {"cells", cells}});
    }
    print_json({{"by", t.grouping.by},
                {"groups", t.grouping.groups},
                {"codings", e.codings.size()},
                {"unreviewed_left_out", e.left_out_unreviewed},
                {"rows", rows}});
    return 0;
  }
  for (const auto& row : t.rows) {
    std::cout << row.proposition << "  " << one_line(row.text, 90) << "\n";
    Table table({t.grouping.by, "cases", "for", "against", "sources", "informants", "councils",
                 "types", "verdict", "reason"});
    for (std::size_t g = 0; g < row.cells.size(); ++g) {
      const evidence::TriangulationCell& c = row.cells[g];
      table.add(
          {t.grouping.groups[g],
           std::to_string(c.cases_with_evidence.size()) + "/" + std::to_string(c.cases_in_group),
           std::to_string(c.supporting.size()), std::to_string(c.contradicting.size()),
           std::to_string(c.sources.size()), std::to_string(c.informants.size()),
           std::to_string(c.councils.size()), joined(c.source_types),
           evidence::to_string(c.verdict), c.reason});
    }
    table.print(std::cout);
    std::cout << "\n";
  }
  std::cout << e.codings.size() << " reviewed codings";
  if (e.merged_duplicates > 0)
    std::cout << " (" << e.merged_duplicates << " double-coded duplicates counted once)";
  std::cout << ". Quotes behind a verdict: casebook matrix codes " << t.grouping.by
            << " --cell CODE,GROUP; tables for a paper: casebook export evidence.\n";
  return 0;
}

}  // namespace

void register_triangulate(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<TriangulateArgs>();
  auto* cmd = app.add_subcommand("triangulate",
                                 "weigh reviewed evidence: propositions by outcome group (or "
                                 "attribute, or case) with verdicts");
  add_triangulation_options(cmd, args->triangulation);
  add_evidence_options(cmd, args->evidence);
  cmd->add_flag("--json", args->json, "print JSON (coding ids behind each cell)");
  cmd->footer(
      "\nVerdicts: corroborated (enough sources of several types, or informants of several\n"
      "councils), single-source, single-type, contested (counter-evidence), absent. Which\n"
      "codes bear on which proposition comes from the codebook's <evidence> links. See\n"
      "docs/triangulation.md.\n" +
      examples({"casebook triangulate", "casebook triangulate --by case --codes expost",
                "casebook triangulate --by governance --min-sources 3 --json"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run(ctx, *args); }; });
}

}  // namespace casebook::cli

// casebook matrix ROWS COLUMNS: matrix queries (codes by cases, by outcome
// or another case attribute, by source type or coder; codes by codes for
// co-occurrence), with drill-down to the quotes behind a cell.

#include <iostream>

#include "cli/context.hpp"
#include "cli/evidence_args.hpp"
#include "engine/evidence/matrix.hpp"
#include "engine/evidence/quotes.hpp"
#include "engine/publish/publish.hpp"

namespace casebook::cli {
namespace {

struct MatrixArgs {
  evidence::EvidenceOptions evidence;
  evidence::MatrixSpec spec;
  std::string count = "codings";
  bool no_sub_codes = false;
  std::string cell;
  bool json = false;
};

int drill_down(const evidence::EvidenceSet& e, const evidence::MatrixResult& m,
               const std::string& cell, bool json) {
  const auto [r, c] = evidence::find_cell(m, cell);
  const auto& members = m.members[r][c];
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i : members) {
      const auto& x = e.codings[i];
      out.push_back({{"coding", x.id},
                     {"source", x.source_label},
                     {"start", x.span.start},
                     {"end", x.span.end},
                     {"code", x.code},
                     {"coder", x.coder},
                     {"citation", x.citation},
                     {"text", x.quote}});
    }
    print_json(out);
    return 0;
  }
  std::cout << m.rows[r] << " x " << m.columns[c] << ": " << members.size() << " codings\n\n";
  for (std::size_t i : members) {
    const auto& x = e.codings[i];
    std::cout << x.source_label << " " << x.span.start << ":" << x.span.end << "  " << x.code
              << "  (coding " << x.id << ", " << x.coder << ")\n  \u201C"
              << evidence::quote_text(x, 0) << "\u201D (" << x.citation << ")\n\n";
  }
  return 0;
}

int run(Context& ctx, MatrixArgs a) {
  project::Project project = ctx.open_project();
  a.spec.count = evidence::parse_matrix_count(a.count);
  a.spec.include_sub_codes = !a.no_sub_codes;
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  const evidence::MatrixResult m = evidence::build_matrix(e, a.spec);
  if (const std::string note = left_out_note(e); !note.empty()) std::cerr << note << "\n";
  if (!a.cell.empty()) return drill_down(e, m, a.cell, a.json);
  if (a.json) {
    print_json({{"rows", m.rows},
                {"row_names", m.row_names},
                {"columns", m.columns},
                {"count", evidence::to_string(a.spec.count)},
                {"per_source", a.spec.per_source},
                {"column_sources", m.column_sources},
                {"values", m.values}});
    return 0;
  }
  std::vector<std::string> header{m.row_axis};
  header.insert(header.end(), m.columns.begin(), m.columns.end());
  Table table(header);
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    std::vector<std::string> row{m.rows[r]};
    for (double v : m.values[r]) row.push_back(publish::format_count(v));
    table.add(row);
  }
  if (a.spec.per_source) {
    std::vector<std::string> row{"(sources)"};
    for (std::size_t n : m.column_sources) row.push_back(std::to_string(n));
    table.add(row);
  }
  table.print(std::cout);
  std::cout << "\n"
            << evidence::to_string(a.spec.count)
            << (a.spec.per_source ? " per source of the column's cases" : "")
            << ". Quotes behind a cell: --cell ROW,COLUMN\n";
  return 0;
}

}  // namespace

void register_matrix(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MatrixArgs>();
  auto* cmd = app.add_subcommand(
      "matrix", "matrix query: codes by cases, outcome, attribute, type or coder; codes by codes");
  cmd->add_option("ROWS", args->spec.rows, "codes, cases, outcome, type, class, coder or attribute")
      ->required();
  cmd->add_option("COLUMNS", args->spec.columns, "as ROWS; codes by codes is co-occurrence")
      ->required();
  cmd->add_option("--count", args->count, "what a cell counts: codings, sources or cases")
      ->capture_default_str();
  cmd->add_flag("--per-source", args->spec.per_source,
                "divide by the number of sources of the column's cases (compare groups fairly)");
  cmd->add_flag("--no-sub-codes", args->no_sub_codes,
                "count a coding for its own code only, not for its parent codes");
  cmd->add_option("--cell", args->cell, "print the quotes behind one cell: ROW,COLUMN");
  add_evidence_options(cmd, args->evidence);
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(examples({"casebook matrix codes cases", "casebook matrix codes outcome --per-source",
                        "casebook matrix codes codes --count sources",
                        "casebook matrix codes outcome --cell expost.standardisation,dissolved"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run(ctx, *args); }; });
}

}  // namespace casebook::cli

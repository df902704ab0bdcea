// casebook export evidence|codings|matrix|codebook|cases: tables for papers
// in Markdown, LaTeX, CSV, XLSX, DOCX or HTML, pseudonymised and checked for
// leaks before anything is written.

#include <iostream>
#include <memory>

#include "cli/cmd_export_refi.hpp"
#include "cli/context.hpp"
#include "cli/evidence_args.hpp"
#include "engine/core/error.hpp"
#include "engine/export/writers.hpp"
#include "engine/project/files.hpp"
#include "engine/publish/publish.hpp"

namespace casebook::cli {
namespace {

struct OutputArgs {
  std::string format;
  std::string out;
  bool no_pseudonyms = false;
  bool fragment = false;
  bool landscape = false;
};

struct ExportArgs {
  OutputArgs output;
  evidence::EvidenceOptions evidence;
  evidence::TriangulationOptions triangulation;
  publish::EvidenceTableOptions table;
  evidence::MatrixSpec matrix;
  std::string count = "codings";
};

const exporting::Format& format_of(const OutputArgs& o) {
  if (!o.format.empty()) return exporting::format_named(o.format);
  if (!o.out.empty()) return exporting::format_for_path(o.out);
  throw_usage("say which format to write",
              "add --format md|latex|csv|xlsx|docx|html, or --out "
              "FILE with one of those extensions");
}

// Renders `document` and writes it to --out (atomically) or standard output.
int emit(Context& ctx, project::Project& project, exporting::Document document, const OutputArgs& o,
         const std::string& what, bool wide) {
  (void)ctx;
  const exporting::Format& format = format_of(o);
  if (o.out.empty() && format.binary) {
    throw_usage(format.name + " is a binary format and needs a file",
                "add --out FILE" + format.extension);
  }
  std::unique_ptr<pseudonyms::Pseudonymiser> map;
  if (!o.no_pseudonyms) {
    map = std::make_unique<pseudonyms::Pseudonymiser>(
        pseudonyms::Pseudonymiser::for_project(project.store()));
  }
  exporting::WriteOptions options;
  options.standalone = !o.fragment;
  options.landscape = o.landscape || wide;
  const std::string target = o.out.empty() ? what : o.out;
  const std::string bytes =
      publish::render(std::move(document), format, options, map.get(), target);
  if (o.out.empty()) {
    std::cout << bytes;
    return 0;
  }
  project::write_file_atomically(o.out, bytes);
  std::cerr << "wrote " << o.out << " (" << format.name << ", " << bytes.size() << " bytes"
            << (map ? ", pseudonymised" : ", REAL NAMES: --no-pseudonyms") << ")\n";
  return 0;
}

bool is_data_format(const OutputArgs& o) {
  const std::string name = format_of(o).name;
  return name == "csv" || name == "xlsx";
}

int export_evidence(Context& ctx, ExportArgs a) {
  project::Project project = ctx.open_project();
  a.triangulation.by = grouping_of(a.triangulation.by);
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  const evidence::Triangulation t = evidence::triangulate(e, a.triangulation);
  if (const std::string note = left_out_note(e); !note.empty()) std::cerr << note << "\n";
  a.table.data_layout = is_data_format(a.output);
  return emit(ctx, project, publish::evidence_document(e, t, a.table), a.output,
              "the evidence table", false);
}

int export_codings(Context& ctx, const ExportArgs& a) {
  project::Project project = ctx.open_project();
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  if (const std::string note = left_out_note(e); !note.empty()) std::cerr << note << "\n";
  return emit(ctx, project, publish::codings_document(e), a.output, "the codings table", true);
}

int export_matrix(Context& ctx, ExportArgs a) {
  project::Project project = ctx.open_project();
  a.matrix.count = evidence::parse_matrix_count(a.count);
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  const evidence::MatrixResult m = evidence::build_matrix(e, a.matrix);
  return emit(ctx, project, publish::matrix_document(e, m, a.matrix), a.output, "the matrix",
              m.columns.size() > 8);
}

int export_codebook(Context& ctx, const ExportArgs& a) {
  project::Project project = ctx.open_project();
  evidence::EvidenceOptions none;
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), none);
  if (e.codebook.codes.empty()) {
    throw_not_found("the project has no codebook yet", "load one with casebook codebook load FILE");
  }
  return emit(ctx, project, publish::codebook_document(e.codebook), a.output, "the codebook",
              false);
}

int export_cases(Context& ctx, const ExportArgs& a) {
  project::Project project = ctx.open_project();
  const evidence::EvidenceSet e = evidence::load_evidence(project.store(), a.evidence);
  return emit(ctx, project, publish::cases_document(e), a.output, "the case table", false);
}

void add_output_options(CLI::App* cmd, OutputArgs& o) {
  std::string names;
  for (const exporting::Format& f : exporting::formats())
    names += (names.empty() ? "" : "|") + f.name;
  cmd->add_option("--format,-f", o.format, names + " (default: from --out's extension)");
  cmd->add_option("--out,-o", o.out, "file to write (default: standard output, text formats only)");
  cmd->add_flag("--no-pseudonyms", o.no_pseudonyms,
                "write real names (for the research team only: never for publication)");
  cmd->add_flag("--fragment", o.fragment, "LaTeX: only the tables, to \\input into a paper");
  cmd->add_flag("--landscape", o.landscape, "LaTeX, DOCX: landscape pages");
}

template <class F>
void on_run(CLI::App* cmd, Context& ctx, std::shared_ptr<ExportArgs> args, F f) {
  cmd->callback([&ctx, args, f] { ctx.run = [&ctx, args, f] { return f(ctx, *args); }; });
}

}  // namespace

void register_export(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "export",
      "tables for papers (evidence, codings, matrix, codebook, cases; pseudonymised) and REFI-QDA");
  cmd->require_subcommand(1);
  register_export_refi(cmd, ctx);
  cmd->footer(
      "\nThe tables replace real names with the project's pseudonyms (casebook pseudonyms) and\n"
      "refuse to write if a real name would survive. qdpx and qdc carry the project as it is,\n"
      "real names included, to another QDA program of the team. Same project, same bytes.\n" +
      examples({"casebook export evidence --format latex --out evidence.tex",
                "casebook export evidence --out evidence.docx --quotes 3 --max-words 30",
                "casebook export codings --out codings.xlsx",
                "casebook export matrix codes outcome --per-source --format md",
                "casebook export codebook --out appendix.docx"}));

  auto ev = std::make_shared<ExportArgs>();
  auto* evidence_cmd = cmd->add_subcommand(
      "evidence", "per proposition and group: counts, verdict and exemplar quotes");
  add_output_options(evidence_cmd, ev->output);
  add_triangulation_options(evidence_cmd, ev->triangulation);
  add_evidence_options(evidence_cmd, ev->evidence);
  evidence_cmd->add_option("--quotes", ev->table.quotes, "exemplar quotes per cell")
      ->capture_default_str();
  evidence_cmd->add_option("--max-words", ev->table.max_words, "words per quote (0: whole)")
      ->capture_default_str();
  evidence_cmd->footer(
      "\nExemplars: accepted before unreviewed, quotes that fit --max-words first, then the\n"
      "longest; picked in turn from interviews, documents and press, each from a source not\n"
      "yet quoted. One quote of counter-evidence where there is some. docs/triangulation.md\n");
  on_run(evidence_cmd, ctx, ev, export_evidence);

  auto co = std::make_shared<ExportArgs>();
  auto* codings_cmd = cmd->add_subcommand("codings", "one row per reviewed coding, every detail");
  add_output_options(codings_cmd, co->output);
  add_evidence_options(codings_cmd, co->evidence);
  on_run(codings_cmd, ctx, co, export_codings);

  auto mx = std::make_shared<ExportArgs>();
  auto* matrix_cmd = cmd->add_subcommand("matrix", "a matrix query (see casebook matrix)");
  matrix_cmd
      ->add_option("ROWS", mx->matrix.rows,
                   "codes, cases, outcome, type, class, coder or attribute")
      ->required();
  matrix_cmd->add_option("COLUMNS", mx->matrix.columns, "as ROWS")->required();
  matrix_cmd->add_option("--count", mx->count, "codings, sources or cases")->capture_default_str();
  matrix_cmd->add_flag("--per-source", mx->matrix.per_source,
                       "divide by the number of sources of the column's cases");
  add_output_options(matrix_cmd, mx->output);
  add_evidence_options(matrix_cmd, mx->evidence);
  on_run(matrix_cmd, ctx, mx, export_matrix);

  auto cb = std::make_shared<ExportArgs>();
  auto* codebook_cmd =
      cmd->add_subcommand("codebook", "a codebook appendix: definitions, criteria, examples");
  add_output_options(codebook_cmd, cb->output);
  on_run(codebook_cmd, ctx, cb, export_codebook);

  auto ca = std::make_shared<ExportArgs>();
  auto* cases_cmd = cmd->add_subcommand("cases", "the cases with outcome and attributes");
  add_output_options(cases_cmd, ca->output);
  on_run(cases_cmd, ctx, ca, export_cases);
}

}  // namespace casebook::cli

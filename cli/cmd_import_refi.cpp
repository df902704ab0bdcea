// casebook import FILE.qdpx / casebook codebook import FILE.qdc: REFI-QDA import.

#include "cli/cmd_import_refi.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "engine/core/error.hpp"
#include "engine/refi/reader.hpp"
#include "engine/refi/to_project.hpp"

namespace casebook::cli {
namespace {

nlohmann::json report_json(const refi::ImportReport& r) {
  return {{"file", r.file},
          {"users", r.users},
          {"codes_matched", r.codes_matched},
          {"codes_created", r.codes_created},
          {"codebook_loaded", r.codebook_loaded},
          {"inductive_codes", r.inductive_codes},
          {"sources", r.sources},
          {"source_labels", r.source_labels},
          {"selections", r.selections},
          {"codings", r.codings},
          {"cases", r.cases},
          {"memos", r.memos},
          {"readings", r.readings},
          {"notes", r.notes},
          {"skipped", r.skipped}};
}

void print_lines(const char* heading, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  std::cout << heading << '\n';
  for (const std::string& line : lines) std::cout << "  " << line << '\n';
}

void print_report(const refi::ImportReport& r, bool codebook_only) {
  std::cout << "imported " << r.file << '\n';
  std::cout << "  codes: " << r.codes_created << " new, " << r.codes_matched
            << " already in the project";
  if (r.codebook_loaded) std::cout << " (loaded as the project's codebook)";
  std::cout << '\n';
  if (!codebook_only) {
    std::cout << "  users: " << r.users << ", sources: " << r.sources << " new ("
              << r.source_labels.size() << " in the file), selections: " << r.selections
              << ", codings: " << r.codings << ", cases: " << r.cases << ", memos: " << r.memos
              << '\n';
  }
  print_lines("added as inductive codes to the existing codebook:", r.inductive_codes);
  print_lines("positions:", r.readings);
  print_lines("notes:", r.notes);
  if (r.skipped.empty()) {
    std::cout << "nothing was skipped\n";
  } else {
    std::cout << "not carried (" << r.skipped.size() << "):\n";
    for (const std::string& line : r.skipped) std::cout << "  - " << line << '\n';
  }
}

}  // namespace

std::optional<int> import_refi_if_qdpx(Context& ctx, const std::vector<std::string>& paths,
                                       bool json, const std::vector<std::string>& source_options) {
  const bool any = std::any_of(paths.begin(), paths.end(),
                               [](const std::string& p) { return refi::is_refi_project_path(p); });
  if (!any) return std::nullopt;
  if (paths.size() != 1) {
    throw_usage("a REFI-QDA project is imported on its own",
                "run 'casebook import FILE.qdpx' once per project file");
  }
  if (!source_options.empty()) {
    std::string list;
    for (const std::string& o : source_options) list += (list.empty() ? "" : ", ") + o;
    throw_usage(list + " cannot be used when importing a REFI-QDA project (" + paths.front() +
                    "): its sources, cases and attributes come from the file",
                "import it without them; case attributes and outcomes can then be set with "
                "'casebook cases import SHEET.csv'");
  }
  const refi::ReadProject read = refi::read_refi_file(paths.front());
  project::Project project = ctx.open_project();
  const refi::ImportReport report = refi::import_project(project, read, ctx.coder_identity());
  if (json) {
    print_json(report_json(report));
  } else {
    print_report(report, false);
  }
  return 0;
}

int import_refi_codebook(Context& ctx, const std::string& file, bool json) {
  const std::filesystem::path path(file);
  refi::ReadProject read = refi::read_refi_file(path);
  project::Project project = ctx.open_project();
  const refi::ImportReport report = refi::import_codebook(project, read, ctx.coder_identity());
  if (json) {
    print_json(report_json(report));
  } else {
    print_report(report, true);
  }
  return 0;
}

}  // namespace casebook::cli

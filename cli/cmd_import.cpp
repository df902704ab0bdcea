// casebook import PATH...: import files or directories into the project.

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/cmd_import_refi.hpp"
#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/import_files.hpp"
#include "engine/ingest/manifest.hpp"
#include "importers/importer.hpp"

namespace casebook::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> paths;
  std::vector<std::string> cases;
  std::vector<std::string> attributes;
  std::string type;
  std::string label, date, council, encoding, format, manifest;
  bool replace = false;
  bool transcript = false;
  bool no_transcript = false;
  bool json = false;
  std::uintmax_t max_size_mb = 512;
};

std::map<std::string, std::string> parse_attributes(const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const std::string& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw_usage("--attr '" + item + "' is not NAME=VALUE",
                  "for example --attr author=\"J Smith\"");
    }
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

// The options that describe one source, which a REFI-QDA project (whose
// sources, cases and metadata come from the file) cannot take.
std::vector<std::string> source_options_given(const ImportArgs& a) {
  std::vector<std::string> given;
  if (!a.cases.empty()) given.push_back("--case");
  if (!a.attributes.empty()) given.push_back("--attr");
  if (!a.type.empty()) given.push_back("--type");
  if (!a.label.empty()) given.push_back("--label");
  if (!a.date.empty()) given.push_back("--date");
  if (!a.council.empty()) given.push_back("--council");
  if (!a.encoding.empty()) given.push_back("--encoding");
  if (!a.format.empty()) given.push_back("--format");
  if (!a.manifest.empty()) given.push_back("--manifest");
  if (a.replace) given.push_back("--replace");
  if (a.transcript) given.push_back("--transcript");
  if (a.no_transcript) given.push_back("--no-transcript");
  return given;
}

std::string status_word(ingest::FileStatus s) {
  switch (s) {
    case ingest::FileStatus::Imported:
      return "imported";
    case ingest::FileStatus::Replaced:
      return "replaced";
    case ingest::FileStatus::Unchanged:
      return "unchanged";
    case ingest::FileStatus::Failed:
      return "failed";
  }
  return "?";
}

// One line per file when not on a terminal; a redrawn bar when on one.
void show_progress(const ingest::FileOutcome& outcome, std::size_t done, std::size_t total) {
  if (stderr_is_terminal()) {
    constexpr int kWidth = 30;
    int filled = static_cast<int>(kWidth * done / std::max<std::size_t>(total, 1));
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
              << done << "/" << total << " " << outcome.path.filename().string() << "\033[K"
              << std::flush;
    if (done == total) std::cerr << "\r\033[K" << std::flush;
  }
  if (outcome.status == ingest::FileStatus::Failed) {
    if (stderr_is_terminal()) std::cerr << "\r\033[K";
    std::cerr << "casebook: error: " << outcome.error << '\n';
    if (!outcome.hint.empty()) std::cerr << "  hint: " << outcome.hint << '\n';
  }
}

nlohmann::json outcome_json(const ingest::FileOutcome& f) {
  nlohmann::json j = {{"file", f.path.string()},  {"status", status_word(f.status)},
                      {"label", f.label},         {"format", f.format},
                      {"encoding", f.encoding},   {"passages", f.passages},
                      {"sentences", f.sentences}, {"bytes", f.bytes},
                      {"notes", f.notes}};
  if (f.status == ingest::FileStatus::Failed) {
    j["error"] = f.error;
    j["hint"] = f.hint;
  }
  return j;
}

void print_summary(const ingest::ImportSummary& summary, double seconds) {
  for (const auto& f : summary.files) {
    if (f.status == ingest::FileStatus::Failed) {
      // Listed again here (the error was shown as it happened) so the summary
      // of a long batch names every file that needs attention.
      std::cout << std::left << std::setw(10) << "failed" << std::setw(9) << "-" << f.error << '\n';
      continue;
    }
    std::cout << std::left << std::setw(10) << status_word(f.status) << std::setw(9) << f.label
              << f.path.string();
    if (f.status != ingest::FileStatus::Unchanged) {
      std::cout << "  (" << f.format << ", " << f.encoding << ", " << f.passages << " passages)";
    }
    std::cout << '\n';
    for (const auto& note : f.notes) std::cout << "          note: " << note << '\n';
  }
  std::ostringstream rate;
  double mb = static_cast<double>(summary.bytes_imported()) / (1 << 20);
  rate << std::fixed << std::setprecision(1) << mb << " MB in " << seconds << " s";
  std::cout << summary.count(ingest::FileStatus::Imported) << " imported, "
            << summary.count(ingest::FileStatus::Replaced) << " replaced, "
            << summary.count(ingest::FileStatus::Unchanged) << " unchanged, "
            << summary.count(ingest::FileStatus::Failed) << " failed; "
            << summary.passages_imported() << " passages, " << rate.str() << '\n';
}

std::string formats_help() {
  std::string out = "formats: ";
  for (const auto& entry : importers::format_table()) {
    out += std::string(entry.format) + " (";
    for (std::size_t i = 0; i < entry.extensions.size(); ++i) {
      out += (i ? ", ." : ".") + std::string(entry.extensions[i]);
    }
    out += ") ";
  }
  return out;
}

// The files named on the command line, then those of the manifest.
std::vector<ingest::SourceRequest> import_requests(const ImportArgs& args) {
  if (args.paths.empty() && args.manifest.empty()) {
    throw_usage("nothing to import", "name files or directories, or pass --manifest FILE.csv");
  }
  std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
  std::vector<ingest::SourceRequest> requests;
  for (const auto& file : ingest::expand_import_paths(paths)) {
    ingest::SourceRequest request;
    request.path = file;
    requests.push_back(std::move(request));
  }
  if (!args.manifest.empty()) {
    auto listed = ingest::read_manifest(args.manifest);
    requests.insert(requests.end(), std::make_move_iterator(listed.begin()),
                    std::make_move_iterator(listed.end()));
  }
  return requests;
}

}  // namespace

void register_import(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "import files or directories as sources");
  cmd->add_option("PATH", args->paths, "files or directories (walked recursively)");
  cmd->add_option("--manifest", args->manifest,
                  "CSV listing files with their metadata: path,label,type,cases,council,date,"
                  "title,url,retrieved,provenance,... (other columns become attributes)");
  cmd->add_option("--case", args->cases, "case(s) the sources belong to (repeat or A,B)")
      ->delimiter(',')
      ->allow_extra_args(false);  // "--case A file.txt": the file is not a case
  cmd->add_option("--type", args->type,
                  "source type: interview, focus-group, minutes, agenda, report, options-paper, "
                  "business-case, press, ... (default: interview for a recognised transcript, "
                  "else document)");
  cmd->add_option("--label", args->label,
                  "label to cite the source by, e.g. Doc-3 (one file only)");
  cmd->add_option("--date", args->date, "date of the source: yyyy, yyyy-mm or yyyy-mm-dd");
  cmd->add_option("--council", args->council, "council or organisation the source comes from");
  cmd->add_option("--attr", args->attributes, "free attribute NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--encoding", args->encoding,
                  "character encoding of text files, overriding detection (e.g. windows-1252)");
  cmd->add_option("--format", args->format, "format, overriding detection; " + formats_help());
  auto* transcript = cmd->add_flag("--transcript", args->transcript,
                                   "read text, DOCX and ODT files as transcripts (speaker turns) "
                                   "even if not recognised as such");
  cmd->add_flag("--no-transcript", args->no_transcript,
                "never read text, DOCX or ODT files as transcripts")
      ->excludes(transcript);
  cmd->add_flag("--replace", args->replace,
                "import a changed version of an already imported file (keeps its label)");
  cmd->add_option("--max-size", args->max_size_mb, "largest file to accept, in MB (default 512)");
  cmd->add_flag("--json", args->json, "print the result as JSON");
  cmd->footer(
      examples({"casebook import --type minutes --case A --date 2012-05-14 minutes/2012-05-14.txt",
                "casebook import --type interview --case B,C --label Int-7 interviews/int7.md",
                "casebook import --case D papers/          (a whole directory)",
                "casebook import --encoding windows-1252 old-report.txt",
                "casebook import --manifest collection/manifest.csv",
                "casebook import --type interview --transcript interviews/int7.txt"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      // A REFI-QDA project (.qdpx) is a whole project, not a source.
      if (auto status =
              import_refi_if_qdpx(ctx, args->paths, args->json, source_options_given(*args))) {
        return *status;
      }
      ingest::ImportOptions options;
      options.coder = ctx.coder_identity();
      options.cases = args->cases;
      options.type = args->type;
      options.label = args->label;
      options.date = args->date;
      options.council = args->council;
      options.attributes = parse_attributes(args->attributes);
      if (!args->encoding.empty()) options.encoding = args->encoding;
      if (!args->format.empty()) options.format = args->format;
      options.replace = args->replace;
      options.max_file_bytes = args->max_size_mb << 20;
      if (args->transcript) options.transcript = true;
      if (args->no_transcript) options.transcript = false;

      auto requests = import_requests(*args);
      project::Project project = ctx.open_project();
      auto started = std::chrono::steady_clock::now();
      auto summary = ingest::import_requests(project, requests, options, show_progress);
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (args->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : summary.files) out.push_back(outcome_json(f));
        print_json(out);
      } else {
        print_summary(summary, seconds);
      }
      return summary.count(ingest::FileStatus::Failed) > 0 ? 1 : 0;
    };
  });
}

}  // namespace casebook::cli

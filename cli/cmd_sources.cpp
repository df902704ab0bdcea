// casebook sources: list the sources with their metadata.

#include <algorithm>
#include <iostream>

#include "cli/context.hpp"
#include "engine/store/sources.hpp"

namespace casebook::cli {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

nlohmann::json source_json(const store::SourceInfo& s) {
  return {{"label", s.label},
          {"type", s.type},
          {"title", s.title},
          {"date", s.date},
          {"council", s.council},
          {"cases", s.cases},
          {"attributes", s.attributes},
          {"format", s.format},
          {"encoding", s.encoding},
          {"passages", s.passage_count},
          {"code_points", s.code_points},
          {"original_name", s.original_name},
          {"original_sha256", s.original_sha256},
          {"origin_path", s.origin_path},
          {"version", s.version},
          {"imported_at", s.imported_at},
          {"imported_by", s.imported_by},
          {"part", s.origin_part},
          {"provenance",
           {{"url", s.provenance.url},
            {"retrieved_at", s.provenance.retrieved_at},
            {"http_status", s.provenance.http_status},
            {"content_type", s.provenance.content_type},
            {"note", s.provenance.note}}}};
}

// Where the source came from, in one cell: its URL, else the researcher's
// note, else the file it was imported from.
std::string origin_cell(const store::SourceInfo& s) {
  if (!s.provenance.url.empty()) return s.provenance.url;
  if (!s.provenance.note.empty()) return s.provenance.note;
  return s.original_name + (s.origin_part.empty() ? "" : " (" + s.origin_part + ")");
}

bool keep(const store::SourceInfo& s, const std::string& type, const std::string& case_label) {
  if (!type.empty() && s.type != type) return false;
  if (!case_label.empty() &&
      std::find(s.cases.begin(), s.cases.end(), case_label) == s.cases.end()) {
    return false;
  }
  return true;
}

}  // namespace

void register_sources(CLI::App& app, Context& ctx) {
  struct Args {
    bool json = false, csv = false;
    std::string type, case_label;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sources", "list the sources in the project");
  cmd->add_option("--type", args->type, "only sources of this type");
  cmd->add_option("--case", args->case_label, "only sources of this case");
  auto* json = cmd->add_flag("--json", args->json, "print JSON");
  cmd->add_flag("--csv", args->csv, "print CSV")->excludes(json);
  cmd->footer(examples({"casebook sources", "casebook sources --type interview --case B",
                        "casebook sources --csv > sources.csv"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      project::Project project = ctx.open_project();
      std::vector<store::SourceInfo> sources;
      for (auto& s : store::list_sources(project.store())) {
        if (keep(s, args->type, args->case_label)) sources.push_back(std::move(s));
      }
      if (args->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : sources) out.push_back(source_json(s));
        print_json(out);
        return 0;
      }
      const std::vector<std::string> header = {"label",    "type",   "date",  "council", "cases",
                                               "passages", "format", "title", "origin"};
      auto row = [](const store::SourceInfo& s) {
        return std::vector<std::string>{s.label,
                                        s.type,
                                        s.date,
                                        s.council,
                                        join(s.cases, ","),
                                        std::to_string(s.passage_count),
                                        s.format,
                                        s.title,
                                        origin_cell(s)};
      };
      if (args->csv) {
        write_csv_row(std::cout, header);
        for (const auto& s : sources) write_csv_row(std::cout, row(s));
        return 0;
      }
      if (sources.empty()) {
        std::cout << "No sources yet. Import some with 'casebook import FILES...'.\n";
        return 0;
      }
      Table table(header);
      for (const auto& s : sources) table.add(row(s));
      table.print(std::cout);
      return 0;
    };
  });
}

}  // namespace casebook::cli

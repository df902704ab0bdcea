// casebook export qdpx FILE | qdc FILE: REFI-QDA exports for other QDA
// programs (ATLAS.ti, MAXQDA, NVivo, QualCoder ...). Unlike the tables of
// `casebook export`, these carry the whole project with real names: they
// are for moving work between programs, not for publication.

#include "cli/cmd_export_refi.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

#include "engine/project/files.hpp"
#include "engine/refi/from_project.hpp"
#include "engine/refi/writer.hpp"

namespace casebook::cli {
namespace {

// The REFI project is named after the project's folder.
std::string project_name(const project::Project& project) {
  std::filesystem::path root = project.root();
  if (root.filename().empty()) root = root.parent_path();  // "DIR/" names DIR
  const std::string name = root.filename().string();
  return name.empty() ? std::string("casebook project") : name;
}

nlohmann::json counts_json(const refi::Counts& c) {
  return {{"users", c.users},           {"codes", c.codes}, {"sources", c.sources},
          {"selections", c.selections}, {"cases", c.cases}, {"variables", c.variables},
          {"notes", c.notes},           {"sets", c.sets}};
}

void print_summary(const std::string& file, const std::string& format, std::size_t bytes,
                   const refi::Counts& c, bool json) {
  if (json) {
    nlohmann::json out = counts_json(c);
    out["file"] = file;
    out["format"] = format;
    out["bytes"] = bytes;
    print_json(out);
    return;
  }
  std::cout << "wrote " << file << " (" << format << ", " << bytes << " bytes)\n";
  Table table({"what", "count"});
  const nlohmann::json counts = counts_json(c);  // items() refers to it: keep it alive
  for (const auto& [what, n] : counts.items()) {
    table.add({what, std::to_string(n.get<std::size_t>())});
  }
  table.print(std::cout);
}

int export_qdpx(Context& ctx, const std::string& file, bool json) {
  project::Project project = ctx.open_project();
  const refi::Project model = refi::project_from_store(project.store(), project_name(project));
  const std::string bytes = refi::qdpx_package(model);
  project::write_file_atomically(file, bytes);
  print_summary(file, "REFI-QDA project", bytes.size(), refi::count(model), json);
  return 0;
}

int export_qdc(Context& ctx, const std::string& file, bool json) {
  project::Project project = ctx.open_project();
  refi::Project model = refi::project_from_store(project.store(), project_name(project));
  const std::string bytes = refi::codebook_xml(model);
  project::write_file_atomically(file, bytes);
  // A codebook holds only codes and sets: report just those.
  refi::Counts counts;
  counts.codes = refi::count(model).codes;
  for (const refi::Set& set : model.sets) counts.sets += set.in_codebook ? 1 : 0;
  print_summary(file, "REFI-QDA codebook", bytes.size(), counts, json);
  return 0;
}

}  // namespace

void register_export_refi(CLI::App* export_cmd, Context& ctx) {
  auto qdpx_file = std::make_shared<std::string>();
  auto qdpx_json = std::make_shared<bool>(false);
  auto* qdpx = export_cmd->add_subcommand(
      "qdpx", "the whole project as a REFI-QDA project (.qdpx) for other QDA programs");
  qdpx->add_option("FILE", *qdpx_file, "the .qdpx file to write")->required();
  qdpx->add_flag("--json", *qdpx_json, "print what was written as JSON");
  qdpx->footer(
      "\nWrites users, the code hierarchy, every source's text, every active coding (rejected\n"
      "ones marked in their description), cases with their attributes, and memos. Real names\n"
      "are kept: this is for moving a project, not for publishing. See docs/refi-qda.md.\n" +
      examples({"casebook export qdpx study.qdpx"}));
  qdpx->callback([&ctx, qdpx_file, qdpx_json] {
    ctx.run = [&ctx, qdpx_file, qdpx_json] { return export_qdpx(ctx, *qdpx_file, *qdpx_json); };
  });

  auto qdc_file = std::make_shared<std::string>();
  auto qdc_json = std::make_shared<bool>(false);
  auto* qdc = export_cmd->add_subcommand("qdc", "the codebook as a REFI-QDA codebook (.qdc)");
  qdc->add_option("FILE", *qdc_file, "the .qdc file to write")->required();
  qdc->add_flag("--json", *qdc_json, "print what was written as JSON");
  qdc->footer(examples({"casebook export qdc codebook.qdc"}));
  qdc->callback([&ctx, qdc_file, qdc_json] {
    ctx.run = [&ctx, qdc_file, qdc_json] { return export_qdc(ctx, *qdc_file, *qdc_json); };
  });
}

}  // namespace casebook::cli

// casebook cases import|list|show: the cases of the study and their attributes.

#include <chrono>
#include <iostream>

#include "cli/context.hpp"
#include "engine/cases/case_sheet.hpp"
#include "engine/core/error.hpp"
#include "engine/project/files.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/cases.hpp"

namespace casebook::cli {
namespace {

nlohmann::json case_json(const store::CaseInfo& c) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [name, attr] : c.attributes) {
    attributes[name] = {{"type", attr.type}, {"value", attr.value}};
  }
  return {{"id", c.label},
          {"outcome", c.outcome},
          {"sub_outcome", c.sub_outcome},
          {"sources", c.source_count},
          {"attributes", attributes}};
}

int import_sheet(Context& ctx, const std::string& file) {
  // Parse and validate the whole sheet before touching the project.
  const std::string bytes = project::read_input_file(file, std::uintmax_t{64} << 20);
  cases::CaseSheet sheet = cases::parse_case_sheet(bytes, file);
  project::Project project = ctx.open_project();
  project::WriteLock lock(project.lock_file(), project::write_lock_wait());
  store::WriteTransaction tx(project.store());
  auto result = store::import_cases(project.store(), sheet, file, ctx.coder_identity());
  tx.commit();
  if (result.sources_to_reindex > 0) {
    project::IndexSync sync(project);
    sync.apply_pending();
    sync.finish();
  }
  std::cout << file << ": " << result.added << " cases added, " << result.updated << " updated, "
            << result.unchanged << " unchanged\n";
  for (const auto& column : sheet.columns) {
    std::cout << "  attribute " << column.name << ": " << cases::type_name(column.type)
              << (column.declared ? "" : " (inferred)") << '\n';
  }
  return 0;
}

int list(Context& ctx, bool json) {
  project::Project project = ctx.open_project();
  auto all = store::list_cases(project.store());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : all) out.push_back(case_json(c));
    print_json(out);
    return 0;
  }
  if (all.empty()) {
    std::cout << "No cases yet. Import a case sheet with 'casebook cases import SHEET.csv'.\n";
    return 0;
  }
  Table table({"id", "outcome", "sub-outcome", "sources", "attributes"});
  for (const auto& c : all) {
    std::string attrs;
    for (const auto& [name, attr] : c.attributes) {
      attrs += (attrs.empty() ? "" : "; ") + name + "=" + attr.value;
    }
    table.add({c.label, c.outcome, c.sub_outcome, std::to_string(c.source_count), attrs});
  }
  table.print(std::cout);
  return 0;
}

int show(Context& ctx, const std::string& id, bool json) {
  project::Project project = ctx.open_project();
  auto found = store::find_case(project.store(), id);
  if (!found) {
    throw_not_found("no case '" + id + "' in this project", "list them with 'casebook cases list'");
  }
  if (json) {
    print_json(case_json(*found));
    return 0;
  }
  std::cout << "case " << found->label << "\n  outcome: " << found->outcome;
  if (!found->sub_outcome.empty()) std::cout << " (" << found->sub_outcome << ")";
  std::cout << "\n  sources: " << found->source_count << '\n';
  for (const auto& [name, attr] : found->attributes) {
    std::cout << "  " << name << " (" << attr.type << "): " << attr.value << '\n';
  }
  return 0;
}

}  // namespace

void register_cases(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("cases", "the cases of the study: import a case sheet, list them");
  cmd->require_subcommand(1);
  cmd->footer(examples(
      {"casebook cases import cases.csv", "casebook cases list", "casebook cases show B --json"}));

  auto file = std::make_shared<std::string>();
  auto* import_cmd = cmd->add_subcommand(
      "import", "add or update cases from a CSV case sheet (id, outcome, sub_outcome, attributes)");
  import_cmd->add_option("SHEET", *file, "CSV file, one row per case")->required();
  import_cmd->footer(
      "\nThe header needs an 'id' column; 'outcome' and 'sub_outcome' are optional; every\n"
      "other column is an attribute, typed by a suffix (population:integer, deprivation:decimal,\n"
      "start:date, joint_committee:boolean, name:text) or inferred from its values.\n" +
      examples({"casebook cases import cases.csv"}));
  import_cmd->callback(
      [&ctx, file] { ctx.run = [&ctx, file] { return import_sheet(ctx, *file); }; });

  auto json = std::make_shared<bool>(false);
  auto* list_cmd = cmd->add_subcommand("list", "list cases with outcome and attributes");
  list_cmd->add_flag("--json", *json, "print JSON");
  list_cmd->callback([&ctx, json] { ctx.run = [&ctx, json] { return list(ctx, *json); }; });

  auto id = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  auto* show_cmd = cmd->add_subcommand("show", "show one case");
  show_cmd->add_option("ID", *id, "case id")->required();
  show_cmd->add_flag("--json", *show_json, "print JSON");
  show_cmd->callback([&ctx, id, show_json] {
    ctx.run = [&ctx, id, show_json] { return show(ctx, *id, *show_json); };
  });
}

}  // namespace casebook::cli

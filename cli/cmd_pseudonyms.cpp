// casebook pseudonyms add|import|list|remove: the map of real names to the
// pseudonyms every export writes instead.

#include <algorithm>
#include <iostream>

#include "cli/context.hpp"
#include "engine/project/files.hpp"
#include "engine/pseudonyms/pseudonyms.hpp"

namespace casebook::cli {
namespace {

int add(Context& ctx, const std::string& real, const std::string& pseudonym,
        const std::string& kind) {
  bool changed = false;
  ctx.write([&](project::Project& p) {
    changed = pseudonyms::set_pseudonym(p.store(), {real, pseudonym, kind}, ctx.coder_identity());
  });
  std::cout << (changed ? "set: " : "already set: ") << "\"" << real << "\" -> \"" << pseudonym
            << "\"\n";
  return 0;
}

int import_map(Context& ctx, const std::string& file) {
  const std::string bytes = project::read_input_file(file, std::uintmax_t{16} << 20);
  pseudonyms::ImportResult r;
  ctx.write([&](project::Project& p) {
    r = pseudonyms::import_pseudonyms(p.store(), bytes, file, ctx.coder_identity());
  });
  std::cout << file << ": " << r.added << " added, " << r.changed << " changed, " << r.unchanged
            << " unchanged\n";
  return 0;
}

int list(Context& ctx, bool json) {
  project::Project project = ctx.open_project();
  const auto entries = pseudonyms::list_pseudonyms(project.store());
  const auto map = pseudonyms::Pseudonymiser::for_project(project.store());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : map.entries())
      out.push_back({{"real", e.real_name}, {"pseudonym", e.pseudonym}, {"kind", e.kind}});
    print_json(out);
    return 0;
  }
  if (map.entries().empty()) {
    std::cout << "No pseudonyms yet. Add one with: casebook pseudonyms add \"Borough of X\" "
                 "\"Council 3\" --kind council\n";
  } else {
    Table table({"real name", "pseudonym", "kind", "from"});
    for (const auto& e : map.entries()) {
      const bool own = std::any_of(entries.begin(), entries.end(),
                                   [&](const auto& x) { return x.real_name == e.real_name; });
      table.add({e.real_name, e.pseudonym, e.kind, own ? "map" : "speaker label"});
    }
    table.print(std::cout);
  }
  // What would block an export: councils and informants with no pseudonym.
  if (!map.identities().empty()) {
    std::cout << "\nNo pseudonym yet (an export showing one of these is refused):\n";
    for (const std::string& name : map.identities()) std::cout << "  " << name << "\n";
  }
  return 0;
}

int remove(Context& ctx, const std::string& real) {
  ctx.write([&](project::Project& p) {
    pseudonyms::remove_pseudonym(p.store(), real, ctx.coder_identity());
  });
  std::cout << "removed the pseudonym of \"" << real << "\"\n";
  return 0;
}

}  // namespace

void register_pseudonyms(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "pseudonyms", "the map of real names (councils, people, places) to pseudonyms for exports");
  cmd->require_subcommand(1);
  cmd->footer(
      "\nEvery export and the report replace mapped names (case-insensitively, at word\n"
      "boundaries, across line breaks) and refuse to write when a real name survives: a mapped\n"
      "name, a source's council or an informant's speaker name without a pseudonym. Speakers\n"
      "mapped to informant labels (casebook speakers map) are pseudonymised to their label.\n" +
      examples({"casebook pseudonyms add \"Borough of Aldbury\" \"Council 3\" --kind council",
                "casebook pseudonyms import pseudonyms.csv   (columns real,pseudonym,kind)",
                "casebook pseudonyms list"}));

  auto real = std::make_shared<std::string>();
  auto pseudonym = std::make_shared<std::string>();
  auto kind = std::make_shared<std::string>("other");
  auto* add_cmd = cmd->add_subcommand("add", "map a real name to a pseudonym (or change it)");
  add_cmd->add_option("REAL", *real, "the real name, as it appears in the texts")->required();
  add_cmd->add_option("PSEUDONYM", *pseudonym, "what exports write instead")->required();
  add_cmd->add_option("--kind", *kind, "council, person, place, organisation or other")
      ->capture_default_str();
  add_cmd->callback([&ctx, real, pseudonym, kind] {
    ctx.run = [&ctx, real, pseudonym, kind] { return add(ctx, *real, *pseudonym, *kind); };
  });

  auto file = std::make_shared<std::string>();
  auto* import_cmd = cmd->add_subcommand("import", "add or change pseudonyms from a CSV file");
  import_cmd->add_option("FILE", *file, "CSV with columns real, pseudonym and optionally kind")
      ->required();
  import_cmd->callback([&ctx, file] { ctx.run = [&ctx, file] { return import_map(ctx, *file); }; });

  auto json = std::make_shared<bool>(false);
  auto* list_cmd = cmd->add_subcommand("list", "list the map (with speakers' informant labels)");
  list_cmd->add_flag("--json", *json, "print JSON");
  list_cmd->callback([&ctx, json] { ctx.run = [&ctx, json] { return list(ctx, *json); }; });

  auto gone = std::make_shared<std::string>();
  auto* remove_cmd = cmd->add_subcommand("remove", "remove a real name from the map");
  remove_cmd->add_option("REAL", *gone, "the real name")->required();
  remove_cmd->callback([&ctx, gone] { ctx.run = [&ctx, gone] { return remove(ctx, *gone); }; });
}

}  // namespace casebook::cli

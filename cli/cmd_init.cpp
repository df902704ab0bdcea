// casebook init DIR: create a project.

#include <iostream>

#include "cli/context.hpp"
#include "engine/project/project.hpp"

namespace casebook::cli {

void register_init(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "create a new project in DIR");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir, "directory to hold the project (created if missing)")->required();
  cmd->footer(examples({"casebook init ~/studies/shared-services"}));
  cmd->callback([&ctx, dir] {
    ctx.run = [dir] {
      project::Project project = project::Project::init(*dir);
      std::cout << "Created casebook project in " << project.root().string() << "\n"
                << "Next: 'cd " << *dir << "', then 'casebook cases import SHEET.csv' and "
                << "'casebook import FILES...'\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

// casebook restore BACKUP --to DIR: bring a backup back as a working project
// (engine/project/backup.hpp).

#include <iostream>

#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/project/backup.hpp"

namespace casebook::cli {

void register_restore(CLI::App& app, Context& ctx) {
  struct Args {
    std::string backup, to;
    bool replace = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "restore", "restore a backup as a working project (the index is rebuilt from the store)");
  cmd->add_option("BACKUP", args->backup, "a directory written by 'casebook backup'")->required();
  cmd->add_option("--to", args->to,
                  "the directory to restore into (default: the current project, with --replace)");
  cmd->add_flag("--replace", args->replace,
                "replace an existing project: its data are moved aside, never deleted");
  cmd->footer(examples({"casebook restore ../backups/study-2026-12-03 --to ../study-restored",
                        "casebook -C study restore ../backups/study-2026-12-03 --replace"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      std::filesystem::path target = args->to;
      if (target.empty()) {
        if (!args->replace) {
          throw_usage("say where to restore: --to DIR, or --replace to replace this project",
                      "e.g. casebook restore BACKUP --to ../study-restored");
        }
        target = ctx.open_project().root();
      }
      const project::RestoreReport r =
          project::restore_project(args->backup, target, args->replace);
      std::cout << "Restored " << args->backup << " into " << r.project.string() << ": "
                << r.sources << " sources, " << r.codings << " codings; index rebuilt ("
                << r.passages_indexed << " passages)\n";
      if (r.kept_previous) {
        std::cout << "The project's earlier data are in " << r.kept_previous->string()
                  << " (delete it when you no longer need it)\n";
      }
      std::cout << "Run 'casebook -C " << r.project.string() << " check' to verify it.\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

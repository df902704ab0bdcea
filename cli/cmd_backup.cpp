// casebook backup DEST: a consistent snapshot of the project while coders
// keep working (engine/project/backup.hpp).

#include <iostream>

#include "cli/context.hpp"
#include "engine/project/backup.hpp"

namespace casebook::cli {

void register_backup(CLI::App& app, Context& ctx) {
  auto dest = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "backup", "write a consistent snapshot of the project to a new directory (coders may go on)");
  cmd->add_option("DEST", *dest, "the new directory to write the backup to")->required();
  cmd->footer(examples({"casebook backup ../backups/study-2026-12-03",
                        "casebook restore ../backups/study-2026-12-03 --to ../study-restored"}));
  cmd->callback([&ctx, dest] {
    ctx.run = [&ctx, dest] {
      project::Project project = ctx.open_project();
      const project::BackupReport r = project::backup_project(project, *dest);
      std::cout << "Backed up " << project.root().string() << " to " << r.dir.string() << ": "
                << r.sources << " sources, " << r.codings << " codings, " << r.originals
                << " originals, " << (r.bytes + (1u << 20) - 1) / (1u << 20) << " MB\n"
                << "Restore with: casebook restore " << r.dir.string() << " --to DIR\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

// casebook reindex: rebuild the search index from the store.

#include <chrono>
#include <iostream>

#include "cli/context.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"

namespace casebook::cli {

void register_reindex(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "reindex", "rebuild the search index from the store (the old index stays usable meanwhile)");
  cmd->footer(examples({"casebook reindex"}));
  cmd->callback([&ctx] {
    ctx.run = [&ctx] {
      project::Project project = ctx.open_project();
      project::WriteLock lock(project.lock_file(), project::write_lock_wait());
      auto progress = [](const project::RebuildProgress& p) {
        if (stderr_is_terminal()) {
          std::cerr << "\rindexing source " << p.sources_done << "/" << p.sources_total << "\033[K"
                    << std::flush;
          if (p.sources_done == p.sources_total) std::cerr << "\r\033[K" << std::flush;
        }
      };
      std::int64_t passages = project::rebuild_index(project, progress);
      std::cout << "Rebuilt the index: " << passages << " passages from the store.\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

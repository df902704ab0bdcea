// casebook undo: reverse your most recent change (again for the one before).

#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/undo.hpp"

namespace casebook::cli {

void register_undo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("undo",
                                 "reverse your last change (coding, uncoding, memo, suggestion "
                                 "decision, codebook change); run again for the one before");
  cmd->footer(examples({"casebook --coder alice undo", "casebook log --coder alice"}));
  cmd->callback([&ctx] {
    ctx.run = [&ctx] {
      const std::string coder = ctx.require_coder();
      coding::UndoResult result;
      ctx.write(
          [&](project::Project& project) { result = coding::undo_last(project.store(), coder); });
      std::cout << "Undid " << result.action << " " << result.target << " (log entry "
                << result.undone_id << "): " << result.summary << "\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

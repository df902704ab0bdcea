// casebook uncode ID...: remove codings. They stay in the store, marked
// removed with who and why, and the audit log records it; undo restores them.

#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/codings.hpp"

namespace casebook::cli {

void register_uncode(CLI::App& app, Context& ctx) {
  struct Args {
    std::vector<std::int64_t> ids;
    std::string reason;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("uncode", "remove codings (kept in the store and the log)");
  cmd->add_option("ID", args->ids, "coding id(s), from casebook codings")->required();
  cmd->add_option("--reason", args->reason, "why (recorded in the log)");
  cmd->footer(examples({"casebook uncode 17", "casebook uncode 17 18 --reason \"wrong code\""}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      const std::string coder = ctx.require_coder();
      ctx.write([&](project::Project& project) {
        coding::Viewer viewer = ctx.viewer(project);
        viewer.coder = coder;
        coding::remove_codings(project.store(), args->ids, viewer,
                               args->reason.empty() ? "uncoded" : args->reason);
      });
      std::cout << "Removed " << args->ids.size() << " coding(s); 'casebook undo' restores them\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

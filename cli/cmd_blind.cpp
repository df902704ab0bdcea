// casebook blind on|off: blind mode for double-coding. While on, each coder
// sees only their own codings, suggestions, memos and log entries; the
// supervisors named when switching it on see everything.

#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/viewer.hpp"

namespace casebook::cli {
namespace {

void print_settings(const coding::BlindSettings& s) {
  std::cout << "Blind mode is " << (s.on ? "on" : "off");
  if (s.on) {
    std::cout << (s.supervisors.empty() ? "; no supervisors" : "; supervisors:");
    for (const auto& name : s.supervisors) std::cout << ' ' << name;
  }
  std::cout << "\n";
}

}  // namespace

void register_blind(CLI::App& app, Context& ctx) {
  auto supervisors = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("blind", "blind mode for double-coding: show, or switch on/off");
  auto* on = cmd->add_subcommand("on", "each coder sees only their own work");
  on->add_option("--supervisor", *supervisors, "who still sees everyone's work (repeatable)")
      ->allow_extra_args(false);
  auto* off = cmd->add_subcommand("off", "everyone sees all work again");
  cmd->footer(examples({"casebook blind", "casebook --coder sam blind on --supervisor sam",
                        "casebook --coder sam blind off"}));
  cmd->callback([&ctx, on, off, supervisors] {
    ctx.run = [&ctx, on, off, supervisors] {
      if (!on->parsed() && !off->parsed()) {
        project::Project project = ctx.open_project();
        print_settings(coding::blind_settings(project.store()));
        return 0;
      }
      const std::string coder = ctx.require_coder();
      coding::BlindSettings settings{on->parsed(),
                                     on->parsed() ? *supervisors : std::vector<std::string>{}};
      ctx.write(
          [&](project::Project& project) { coding::set_blind(project.store(), settings, coder); });
      print_settings(settings);
      return 0;
    };
  });
}

}  // namespace casebook::cli

// casebook memo: notes on codes, sources, cases, codings or the project.

#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/memos.hpp"
#include "engine/core/error.hpp"

namespace casebook::cli {
namespace {

struct MemoArgs {
  std::vector<std::string> add;   // KIND [REF] TEXT
  std::vector<std::string> list;  // [KIND [REF]]
  std::int64_t remove_id = 0;
  bool json = false;
};

// KIND REF, or "project" alone.
coding::MemoTarget target_of(project::Project& project, const coding::Viewer& viewer,
                             const std::vector<std::string>& words, std::size_t count) {
  const coding::MemoKind kind = coding::parse_memo_kind(words[0]);
  const bool is_project = kind == coding::MemoKind::Project;
  if (count != (is_project ? 1u : 2u)) {
    throw_usage(is_project ? "a project memo takes no reference"
                           : "say which " + words[0] + " the memo is on",
                "e.g. casebook memo add code expost.veto \"text\", "
                "casebook memo add project \"text\"");
  }
  return coding::resolve_memo_target(project.store(), kind, is_project ? "" : words[1], viewer);
}

int add(Context& ctx, const MemoArgs& args) {
  if (args.add.size() < 2) {
    throw_usage("give what the memo is on and its text",
                "casebook memo add coding 17 \"ambiguous: could be ex-ante\"");
  }
  const std::string coder = ctx.require_coder();
  std::int64_t id = 0;
  ctx.write([&](project::Project& project) {
    coding::Viewer viewer = ctx.viewer(project);
    const auto target = target_of(project, viewer, args.add, args.add.size() - 1);
    id = coding::add_memo(project.store(), target, args.add.back(), coder);
  });
  std::cout << "Added memo " << id << "\n";
  return 0;
}

int list(Context& ctx, const MemoArgs& args) {
  project::Project project = ctx.open_project();
  const coding::Viewer viewer = ctx.viewer(project);
  std::optional<coding::MemoTarget> target;
  if (!args.list.empty()) target = target_of(project, viewer, args.list, args.list.size());
  const auto memos = coding::list_memos(project.store(), target, viewer);
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : memos) {
      out.push_back({{"id", m.id},
                     {"on", coding::to_string(m.target.kind)},
                     {"target", m.target.label},
                     {"text", m.text},
                     {"coder", m.coder},
                     {"created_at", m.created_at}});
    }
    print_json(out);
    return 0;
  }
  if (memos.empty()) {
    std::cout << "No memos.\n";
    return 0;
  }
  for (const auto& m : memos) {
    std::cout << "memo " << m.id << " on " << coding::to_string(m.target.kind)
              << (m.target.kind == coding::MemoKind::Project ? "" : " " + m.target.label) << ", "
              << m.coder << ", " << m.created_at << "\n  " << m.text << "\n";
  }
  return 0;
}

int remove(Context& ctx, const MemoArgs& args) {
  const std::string coder = ctx.require_coder();
  ctx.write([&](project::Project& project) {
    coding::Viewer viewer = ctx.viewer(project);
    viewer.coder = coder;
    coding::remove_memo(project.store(), args.remove_id, viewer);
  });
  std::cout << "Removed memo " << args.remove_id << "; 'casebook undo' restores it\n";
  return 0;
}

}  // namespace

void register_memo(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MemoArgs>();
  auto* cmd = app.add_subcommand("memo", "memos on codes, sources, cases, codings or the project");
  cmd->require_subcommand(1);
  auto* add_cmd = cmd->add_subcommand("add",
                                      "add a memo: KIND REF TEXT (KIND: code, source, "
                                      "case, coding), or: project TEXT");
  add_cmd->add_option("args", args->add, "KIND REF TEXT")->required();
  auto* list_cmd = cmd->add_subcommand("list", "list memos, all or of one KIND REF");
  list_cmd->add_option("args", args->list, "[KIND [REF]]");
  list_cmd->add_flag("--json", args->json, "print JSON");
  auto* remove_cmd = cmd->add_subcommand("remove", "remove one of your memos (kept in the log)");
  remove_cmd->add_option("ID", args->remove_id, "memo id")->required();
  cmd->footer(examples({"casebook memo add code expost.veto \"includes informal vetoes\"",
                        "casebook memo add coding 17 \"could also be ex-ante\"",
                        "casebook memo add project \"round 2 starts\"",
                        "casebook memo list source Int-7"}));
  cmd->callback([&ctx, args, add_cmd, remove_cmd] {
    ctx.run = [&ctx, args, add_cmd, remove_cmd] {
      if (add_cmd->parsed()) return add(ctx, *args);
      if (remove_cmd->parsed()) return remove(ctx, *args);
      return list(ctx, *args);
    };
  });
}

}  // namespace casebook::cli

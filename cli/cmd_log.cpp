// casebook log: the audit log, newest first, filterable. In blind mode a
// coder sees only their own entries.

#include <iostream>

#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"

namespace casebook::cli {
namespace {

struct LogArgs {
  std::string coder, action, target, since, until;
  int limit = 50;
  bool json = false;
};

std::optional<std::string> given(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// A date alone (2026-11-23) means from/until its midnight UTC.
std::optional<std::string> stamp(const std::string& s, const char* option) {
  if (s.empty()) return std::nullopt;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') {
    throw_usage(std::string(option) + " '" + s + "' is not a date",
                "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
  }
  return s.size() == 10 ? s + "T00:00:00Z" : s;
}

int show_log(Context& ctx, const LogArgs& args) {
  project::Project project = ctx.open_project();
  const coding::Viewer viewer = ctx.viewer(project);
  store::AuditFilter filter;
  filter.coder = given(args.coder);
  if (viewer.blind) {
    if (filter.coder && *filter.coder != viewer.coder) {
      throw_usage("blind mode: you see only your own log entries",
                  "a supervisor named in 'casebook blind on --supervisor' sees all");
    }
    filter.coder = viewer.coder;
  }
  filter.action = given(args.action);
  filter.target = given(args.target);
  filter.since = stamp(args.since, "--since");
  filter.until = stamp(args.until, "--until");
  filter.limit = args.limit;
  const auto entries = store::query_audit(project.store(), filter);
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : entries) {
      nlohmann::json j = {
          {"id", e.id},         {"at", e.at},
          {"coder", e.coder},   {"action", e.action},
          {"target", e.target}, {"detail", nlohmann::json::parse(e.detail, nullptr, false)}};
      if (e.undoes) j["undoes"] = *e.undoes;
      if (e.undone_by) j["undone_by"] = *e.undone_by;
      out.push_back(std::move(j));
    }
    print_json(out);
    return 0;
  }
  if (entries.empty()) {
    std::cout << "No log entries match.\n";
    return 0;
  }
  Table table({"id", "at", "coder", "action", "target", "detail"});
  for (const auto& e : entries) {
    std::string detail = one_line(e.detail, 80);
    if (e.undone_by) detail = "(undone by " + std::to_string(*e.undone_by) + ") " + detail;
    table.add({std::to_string(e.id), e.at, e.coder, e.action, e.target, detail});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace

void register_log(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<LogArgs>();
  auto* cmd = app.add_subcommand("log", "the audit log of every change, newest first");
  cmd->add_option("--coder", args->coder, "only this coder's changes");
  cmd->add_option("--action", args->action, "only this action (code.add) or family (code)");
  cmd->add_option("--target", args->target,
                  "only changes to this target (a source label, code key)");
  cmd->add_option("--since", args->since, "from this date or time (UTC)");
  cmd->add_option("--until", args->until, "before this date or time (UTC)");
  cmd->add_option("--limit", args->limit, "at most this many entries (0: all; default 50)");
  cmd->add_flag("--json", args->json, "print JSON with the full detail");
  cmd->footer(examples({"casebook log", "casebook log --coder alice --action code",
                        "casebook log --since 2026-11-01 --json"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return show_log(ctx, *args); }; });
}

}  // namespace casebook::cli

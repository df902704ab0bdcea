// casebook speakers: list the speakers of transcript turns, rename them, and
// map them to informant labels or the interviewer role.

#include <chrono>
#include <iostream>
#include <optional>

#include "cli/context.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/sources.hpp"
#include "engine/store/speakers.hpp"

namespace casebook::cli {
namespace {

struct SpeakersArgs {
  std::string source;
  bool json = false;
  std::string from, to;               // rename
  std::string name, informant, role;  // map
  bool interviewer = false;
};

std::optional<std::int64_t> source_id(project::Project& project, const std::string& label) {
  if (label.empty()) return std::nullopt;
  return store::require_source(project.store(), label).id;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

int list(Context& ctx, const SpeakersArgs& args) {
  project::Project project = ctx.open_project();
  auto speakers = store::list_speakers(project.store(), source_id(project, args.source));
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : speakers) {
      out.push_back({{"name", s.name},
                     {"informant", s.informant},
                     {"role", s.role},
                     {"turns", s.turns},
                     {"sources", s.sources}});
    }
    print_json(out);
    return 0;
  }
  if (speakers.empty()) {
    std::cout << "No speakers yet: transcripts (WebVTT, SRT, or text and DOCX files with "
                 "speaker labels) give their turns speakers.\n";
    return 0;
  }
  Table table({"speaker", "role", "informant", "turns", "sources"});
  for (const auto& s : speakers) {
    table.add({s.name, s.role, s.informant, std::to_string(s.turns), join(s.sources)});
  }
  table.print(std::cout);
  return 0;
}

// Runs `change` in one transaction under the write lock, then brings the
// index up to date (speaker names are indexed for the speaker: filter).
template <typename Change>
void write_change(Context& ctx, Change change) {
  project::Project project = ctx.open_project();
  project::WriteLock lock(project.lock_file(), project::write_lock_wait());
  store::WriteTransaction tx(project.store());
  change(project);
  tx.commit();
  project::IndexSync sync(project);
  sync.apply_pending();
  sync.finish();
}

int rename(Context& ctx, const SpeakersArgs& args) {
  store::RenameResult result;
  write_change(ctx, [&](project::Project& project) {
    result = store::rename_speaker(project.store(), args.from, args.to,
                                   source_id(project, args.source), ctx.coder_identity());
  });
  std::cout << "renamed '" << args.from << "' to '" << args.to << "' in " << result.passages
            << " turn" << (result.passages == 1 ? "" : "s") << " of " << result.sources << " source"
            << (result.sources == 1 ? "" : "s") << '\n';
  return 0;
}

int map(Context& ctx, const SpeakersArgs& args) {
  std::string role = args.role;
  if (args.interviewer) role = "interviewer";
  if (role.empty()) role = args.informant.empty() ? "unknown" : "informant";
  write_change(ctx, [&](project::Project& project) {
    store::map_speaker(project.store(), args.name, args.informant, role, ctx.coder_identity());
  });
  std::cout << "'" << args.name << "': role " << role;
  if (!args.informant.empty()) std::cout << ", cited as " << args.informant;
  std::cout << '\n';
  return 0;
}

}  // namespace

void register_speakers(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SpeakersArgs>();
  auto* cmd = app.add_subcommand("speakers", "list, rename and map transcript speakers");
  cmd->add_option("--source", args->source, "only this source (label)");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(examples({"casebook speakers", "casebook speakers rename INT Interviewer",
                        "casebook speakers rename \"Jane\" \"Jane Smith\" --source Int-3",
                        "casebook speakers map \"Jane Smith\" --informant Int-7",
                        "casebook speakers map Interviewer --interviewer"}));

  auto* rename_cmd = cmd->add_subcommand("rename",
                                         "give a speaker another name (merging "
                                         "into that name if it exists)");
  rename_cmd->add_option("OLD", args->from, "the speaker's name now (any case)")->required();
  rename_cmd->add_option("NEW", args->to, "the new name")->required();
  rename_cmd->add_option("--source", args->source, "only in this source (label)");

  auto* map_cmd =
      cmd->add_subcommand("map", "say who a speaker is: an informant or the interviewer");
  map_cmd->add_option("NAME", args->name, "the speaker")->required();
  auto* informant = map_cmd->add_option("--informant", args->informant,
                                        "informant label to cite them by, e.g. Int-7");
  map_cmd->add_flag("--interviewer", args->interviewer, "the speaker is the interviewer")
      ->excludes(informant);
  map_cmd->add_option("--role", args->role, "role: unknown, informant, interviewer, other");

  cmd->callback([&ctx, args, rename_cmd, map_cmd] {
    ctx.run = [&ctx, args, rename_cmd, map_cmd] {
      if (rename_cmd->parsed()) return rename(ctx, *args);
      if (map_cmd->parsed()) return map(ctx, *args);
      return list(ctx, *args);
    };
  });
}

}  // namespace casebook::cli

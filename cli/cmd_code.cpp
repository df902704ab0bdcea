// casebook code: apply a code to a span of a source (by passage, sentence,
// range or pasted quote), or to every hit of a search, every turn of a
// speaker or every passage under a heading.

#include <iostream>

#include "cli/context.hpp"
#include "cli/shard_args.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/targets.hpp"
#include "engine/core/error.hpp"

namespace casebook::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> positionals;  // [SOURCE] CODE
  std::vector<int> passages, sentences;
  std::string range, match;
  int occurrence = 0;
  std::string query, speaker, heading, unit = "passage";
  std::vector<std::string> dims;
  std::string memo;
  bool dry_run = false, json = false;
  ShardArgs shards;  // for --query
};

// How many spans a dry run or a batch lists before "... and N more".
constexpr std::size_t kPreviewed = 20;

bool corpus_wide(const CodeArgs& a) {
  return !a.query.empty() || !a.speaker.empty() || !a.heading.empty();
}

int selectors(const CodeArgs& a) {
  return (!a.passages.empty()) + (!a.sentences.empty()) + (!a.range.empty()) + (!a.match.empty()) +
         (!a.query.empty()) + (!a.speaker.empty()) + (!a.heading.empty());
}

void check_arguments(const CodeArgs& a) {
  if (selectors(a) != 1) {
    throw_usage(
        "say what to code with exactly one of --passage, --sentence, --range, --match, "
        "--query, --speaker or --heading",
        "e.g. casebook code Int-7 --match \"a real slog\" expost.veto");
  }
  const std::size_t wanted = corpus_wide(a) ? 1 : 2;
  if (a.positionals.size() != wanted) {
    throw_usage(corpus_wide(a) ? "give only the CODE with --query, --speaker or --heading"
                               : "give the SOURCE and the CODE",
                corpus_wide(a) ? "casebook code --query 'queue* NEAR/5 staff' expost.queuing"
                               : "casebook code Int-7 --passage 12 expost.queuing");
  }
  if (a.occurrence != 0 && a.match.empty()) {
    throw_usage("--occurrence goes with --match", "e.g. --match \"the board\" --occurrence 2");
  }
  if (a.unit != "passage" && a.query.empty()) {
    throw_usage("--unit goes with --query",
                "passages and sentences are chosen by --passage/--sentence");
  }
  const bool sharded = !a.shards.shards.empty() || !a.shards.stub.empty() || a.shards.allow_partial;
  if (sharded && a.query.empty()) {
    throw_usage("--shard, --shards and --allow-partial go with --query",
                "the other selectors read the store, not the index");
  }
}

std::vector<coding::Target> resolve(Context& ctx, project::Project& project, const CodeArgs& a) {
  store::Store& store = project.store();
  if (!a.query.empty()) {
    return coding::query_targets(project, a.query, coding::parse_unit(a.unit),
                                 ctx.viewer(project).only());
  }
  if (!a.speaker.empty()) return coding::speaker_targets(store, a.speaker);
  if (!a.heading.empty()) return coding::heading_targets(store, a.heading);
  const coding::SourceText source = coding::load_source_text(store, a.positionals[0]);
  std::vector<coding::Target> out;
  for (int n : a.passages) out.push_back(coding::passage_target(store, source, n));
  for (int n : a.sentences) out.push_back(coding::sentence_target(store, source, n));
  if (!a.range.empty()) out.push_back(coding::range_target(source, a.range));
  if (!a.match.empty()) {
    out.push_back(coding::match_target(
        source, a.match, a.occurrence ? std::optional<int>(a.occurrence) : std::nullopt));
  }
  return out;
}

std::string span_text(const text::Span& s) {
  return std::to_string(s.start) + ":" + std::to_string(s.end);
}

void print_targets(store::Store& store, const std::vector<coding::Target>& targets) {
  Table table({"source", "span", "text"});
  for (std::size_t i = 0; i < targets.size() && i < kPreviewed; ++i) {
    const auto& t = targets[i];
    SQLite::Statement q(store.db(),
                        "SELECT substr(text, ?, ?) FROM source_texts WHERE source_id = ?");
    q.bind(1, static_cast<std::int64_t>(t.span.start + 1));
    q.bind(2, static_cast<std::int64_t>(t.span.length()));
    q.bind(3, t.source_id);
    table.add({t.source_label, span_text(t.span),
               q.executeStep() ? one_line(q.getColumn(0).getString(), 70) : ""});
  }
  table.print(std::cout);
  if (targets.size() > kPreviewed) {
    std::cout << "... and " << targets.size() - kPreviewed << " more\n";
  }
}

int run_code(Context& ctx, const CodeArgs& args) {
  check_arguments(args);
  const std::string coder = ctx.require_coder();
  coding::CodeSpec spec;
  spec.code = args.positionals.back();
  for (const auto& d : args.dims) spec.dims.push_back(coding::parse_dimension_arg(d));
  spec.memo = args.memo;

  std::vector<coding::Target> targets;
  coding::AddResult result;
  ctx.write([&](project::Project& project) {
    use_shard_args(project, args.shards);
    targets = resolve(ctx, project, args);
    if (args.dry_run) {
      // Checks the code and dimension values too, so a dry run finds every error.
      coding::check_dimensions(project.store(), spec.code, spec.dims);
      return;
    }
    result = coding::add_codings(project.store(), targets, spec, coder);
  });
  if (args.json) {
    print_json({{"code", spec.code},
                {"spans", targets.size()},
                {"added", result.added},
                {"already_coded", result.already_coded},
                {"dry_run", args.dry_run}});
    return 0;
  }
  if (args.dry_run || targets.size() > 1) {
    project::Project project = ctx.open_project();
    print_targets(project.store(), targets);
  }
  if (args.dry_run) {
    std::cout << "Would code " << targets.size() << " span(s) with " << spec.code
              << " (dry run: nothing written)\n";
    return 0;
  }
  if (targets.size() == 1 && result.added.size() == 1) {
    const auto& t = targets.front();
    std::cout << "Coded " << t.source_label << " " << span_text(t.span) << " with " << spec.code
              << " (coding " << result.added.front() << ")\n";
  } else {
    std::cout << "Coded " << result.added.size() << " span(s) with " << spec.code << "\n";
  }
  if (result.already_coded > 0) {
    std::cout << result.already_coded << " span(s) you had already coded with " << spec.code
              << " were left as they were\n";
  }
  return 0;
}

}  // namespace

void register_code(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CodeArgs>();
  auto* cmd = app.add_subcommand("code",
                                 "apply a code to a span of a source, or to every hit of "
                                 "a search, speaker or heading");
  cmd->add_option("args", args->positionals,
                  "SOURCE CODE, or just CODE with --query/--speaker/--heading")
      ->required();
  cmd->add_option("--passage", args->passages, "passage number(s) of SOURCE (see casebook show)")
      ->allow_extra_args(false);
  cmd->add_option("--sentence", args->sentences,
                  "sentence number(s) of SOURCE (casebook show --sentences)")
      ->allow_extra_args(false);
  cmd->add_option("--range", args->range, "START:END in code points, half-open");
  cmd->add_option("--match", args->match, "an exact quote from SOURCE (must occur once)");
  cmd->add_option("--occurrence", args->occurrence,
                  "which occurrence of an ambiguous --match (1-based)");
  cmd->add_option("--query", args->query,
                  "code every hit of this search (see casebook search --help)");
  cmd->add_option("--unit", args->unit,
                  "with --query: code the whole passage or only the sentences "
                  "holding a match (passage|sentence)");
  cmd->add_option("--speaker", args->speaker,
                  "code every turn of this speaker or informant (Int-7)");
  cmd->add_option("--heading", args->heading, "code every passage under this heading");
  cmd->add_option("--dim", args->dims, "a dimension value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--memo", args->memo, "a memo on the new coding(s)");
  cmd->add_flag("--dry-run", args->dry_run, "show what would be coded, write nothing");
  add_shard_options(cmd, args->shards);
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(examples({
      "casebook code Int-7 --passage 12 expost.queuing --dim direction=negative",
      "casebook code Doc-3 --match \"signed off by both cabinets\" expost.veto",
      "casebook code Doc-3 --range 120:245 exante.scale --memo \"savings case\"",
      "casebook code --query '\"shared service\" NEAR/5 penalt*' expost.penalties --dry-run",
      "casebook code --speaker Int-7 --dry-run strategy.routinisation",
  }));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run_code(ctx, *args); }; });
}

}  // namespace casebook::cli

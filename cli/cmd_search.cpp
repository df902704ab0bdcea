// casebook search QUERY: ranked passages with keyword-in-context snippets.

#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/context.hpp"
#include "cli/shard_args.hpp"
#include "engine/search/query.hpp"
#include "engine/search/searcher.hpp"

namespace casebook::cli {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  std::size_t limit = 20;
  std::size_t offset = 0;
  bool json = false, csv = false, count = false, exact = false;
  std::size_t context = 60;
  ShardArgs shards;
};

// Matches are shown in reverse video on a terminal, and between [[ ]] in
// files and pipes, where escape codes would be noise.
std::string render_snippet(const search::Snippet& snippet, bool terminal) {
  std::string out = snippet.cut_before ? "…" : "";
  for (const auto& part : snippet.parts) {
    if (!part.match) {
      out += part.text;
    } else if (terminal) {
      out += "\033[7m" + part.text + "\033[0m";
    } else {
      out += "[[" + part.text + "]]";
    }
  }
  if (snippet.cut_after) out += "…";
  return out;
}

nlohmann::json hit_json(const search::SearchHit& hit) {
  nlohmann::json matches = nlohmann::json::array();
  for (const auto& m : hit.matches) {
    // Match offsets are reported in the source text, like the passage's.
    matches.push_back({{"start", hit.span.start + m.start}, {"end", hit.span.start + m.end}});
  }
  return {{"rank", hit.rank},        {"weight", hit.weight},    {"source", hit.source_label},
          {"type", hit.source_type}, {"date", hit.source_date}, {"council", hit.council},
          {"cases", hit.cases},      {"passage", hit.passage},  {"start", hit.span.start},
          {"end", hit.span.end},     {"speaker", hit.speaker},  {"page", hit.page},
          {"text", hit.text},        {"matches", matches}};
}

std::string join_words(const std::vector<std::string>& words) {
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
  return q;
}

int run_search(Context& ctx, const SearchArgs& args) {
  project::Project project = ctx.open_project();
  use_shard_args(project, args.shards);
  search::SearchOptions options;
  options.offset = args.offset;
  options.limit = args.count ? 0 : args.limit;
  options.exact_total = args.count || args.exact;
  // Blind mode: code: and coder: see only the coder's own codings.
  options.visible_coder = ctx.viewer(project).only();
  auto result = search::search(project, join_words(args.words), options);
  for (const auto& warning : result.warnings) {
    std::cerr << "casebook: note: " << warning << '\n';
  }
  if (args.count) {
    std::cout << result.total << '\n';
    return 0;
  }
  if (args.json) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : result.hits) hits.push_back(hit_json(h));
    print_json({{"total", result.total},
                {"total_exact", result.total_is_exact()},
                {"total_lower", result.total_lower},
                {"total_upper", result.total_upper},
                {"hits", hits}});
    return 0;
  }
  if (args.csv) {
    write_csv_row(std::cout, {"rank", "source", "type", "date", "council", "cases", "passage",
                              "start", "end", "speaker", "text"});
    for (const auto& h : result.hits) {
      std::string cases;
      for (const auto& c : h.cases) cases += (cases.empty() ? "" : ";") + c;
      write_csv_row(std::cout,
                    {std::to_string(h.rank), h.source_label, h.source_type, h.source_date,
                     h.council, cases, std::to_string(h.passage), std::to_string(h.span.start),
                     std::to_string(h.span.end), h.speaker, h.text});
    }
    return 0;
  }
  const bool terminal = stdout_is_terminal();
  for (const auto& h : result.hits) {
    std::cout << std::setw(3) << h.rank << "  " << h.source_label << " ¶" << h.passage << "  ["
              << h.span.start << ", " << h.span.end << ")";
    if (!h.speaker.empty()) std::cout << "  " << h.speaker;
    std::cout << "\n     "
              << render_snippet(search::make_snippet(h.text, h.matches, args.context), terminal)
              << "\n";
  }
  std::size_t shown_to = args.offset + result.hits.size();
  if (result.total_is_exact()) {
    std::cout << result.total << " passage(s) match";
  } else {
    std::cout << "about " << result.total << " passages match (between " << result.total_lower
              << " and " << result.total_upper << "; --exact counts them)";
  }
  if (result.total > result.hits.size()) {
    std::cout << "; showing " << (result.hits.empty() ? 0 : args.offset + 1) << "-" << shown_to
              << " (use --limit and --offset for more)";
  }
  std::cout << '\n';
  return 0;
}

}  // namespace

void register_search(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "search the corpus; hits are passages");
  cmd->add_option("QUERY", args->words, "the query (quote it for your shell)")->required();
  cmd->add_option("--limit,-n", args->limit, "show at most N hits (default 20)");
  cmd->add_option("--offset", args->offset, "skip the first N hits");
  cmd->add_option("--context", args->context, "characters of context either side (default 60)");
  auto* json = cmd->add_flag("--json", args->json, "print JSON (offsets in code points)");
  auto* csv = cmd->add_flag("--csv", args->csv, "print CSV");
  cmd->add_flag("--count", args->count, "print only the number of matching passages (exact)");
  cmd->add_flag("--exact", args->exact,
                "count all matches exactly (slower on large corpora; default: estimate)");
  json->excludes(csv);
  add_shard_options(cmd, args->shards);
  cmd->footer(search::query_syntax_help() +
              examples({"casebook search 'veto NEAR/5 approval'",
                        "casebook search '\"shared service\" type:interview case:B'",
                        "casebook search 'standardis* outcome:dissolved date:2010..2015' --csv",
                        "casebook search --count 'penalt* OR subsidy'",
                        "casebook search --shards shards/shards.stub 'veto NEAR/5 approval'"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return run_search(ctx, *args); }; });
}

}  // namespace casebook::cli

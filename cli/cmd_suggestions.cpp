// casebook suggestions: walk through auto-coding suggestions and decide each:
// accept (it becomes your coding), reject, or skip (it comes back later).
// `review` does it interactively, one suggestion after another.

#include <iostream>
#include <set>

#include "cli/coding_display.hpp"
#include "cli/context.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/coding/suggestions.hpp"
#include "engine/coding/targets.hpp"
#include "engine/core/error.hpp"
#include "engine/store/store.hpp"

namespace casebook::cli {
namespace {

struct SuggestionArgs {
  std::string code;
  std::int64_t id = 0;
  bool all = false;           // every undecided suggestion (of --code, --source)
  std::string source, match;  // the one undecided suggestion holding this quote
  std::vector<std::string> dims;
  std::string memo, reason;
  bool json = false;
};

std::optional<std::string> code_filter(const SuggestionArgs& a) {
  return a.code.empty() ? std::nullopt : std::optional<std::string>(a.code);
}

// The text with the query's words marked: reverse video on a terminal,
// [[brackets]] otherwise.
std::string marked(const coding::SuggestionView& s) {
  const bool tty = stdout_is_terminal();
  const text::OffsetMap map(s.text);
  std::string out;
  std::size_t at = 0;
  for (const auto& m : s.matches) {
    if (m.start < at || m.end > map.code_points()) continue;
    out += map.slice({at, m.start});
    out += tty ? "\033[7m" : "[[";
    out += map.slice(m);
    out += tty ? "\033[0m" : "]]";
    at = m.end;
  }
  out += map.slice({at, map.code_points()});
  return out;
}

void print_suggestion(project::Project& project, const coding::SuggestionView& s,
                      const coding::SuggestionCounts& counts) {
  std::cout << "Suggestion " << s.id << " (" << counts.pending << " pending, " << counts.skipped
            << " skipped)" << (s.status == "skipped" ? ", skipped before" : "") << "\n"
            << s.source_label << " " << s.span.start << ":" << s.span.end
            << ", found by: " << s.query << "\n\n"
            << marked(s) << "\n\n";
  print_code_criteria(project.store(), s.code);
}

nlohmann::json suggestion_json(const coding::SuggestionView& s) {
  nlohmann::json matches = nlohmann::json::array();
  for (const auto& m : s.matches) matches.push_back({m.start, m.end});
  return {{"id", s.id},
          {"code", s.code},
          {"source", s.source_label},
          {"start", s.span.start},
          {"end", s.span.end},
          {"text", s.text},
          {"matches", matches},
          {"query", s.query},
          {"weight", s.weight},
          {"status", s.status}};
}

void check_selection(const SuggestionArgs& a) {
  const int ways = (a.id != 0) + a.all + !a.match.empty();
  if (ways > 1) {
    throw_usage("give one of ID, --all or --match",
                "e.g. casebook suggestions accept --source Int-7 --match \"the queue\"");
  }
  if (!a.match.empty() && a.source.empty()) {
    throw_usage("--match needs --source: the quote is looked up in that source",
                "e.g. casebook suggestions reject --source Int-7 --match \"the queue\"");
  }
  if (!a.source.empty() && a.match.empty() && !a.all) {
    throw_usage("--source goes with --match or --all",
                "e.g. casebook suggestions accept --all --source Int-7");
  }
}

std::string describe(const coding::SuggestionView& s) {
  return "suggestion " + std::to_string(s.id) + " (" + s.code + ", " + s.source_label + " " +
         std::to_string(s.span.start) + ":" + std::to_string(s.span.end) + ")";
}

// The suggestion whose span holds the quote --match finds in --source.
std::int64_t id_by_match(project::Project& project, const SuggestionArgs& a,
                         const std::string& owner) {
  const coding::SourceText source = coding::load_source_text(project.store(), a.source);
  coding::UndecidedFilter filter;
  filter.code = code_filter(a);
  filter.source_id = source.id;
  filter.within = coding::match_target(source, a.match).span;
  const auto found = coding::undecided_suggestions(project, owner, filter);
  if (found.empty()) {
    throw_not_found("none of " + owner + "'s undecided suggestions" +
                        (a.code.empty() ? "" : " of " + a.code) + " in " + a.source + " holds \"" +
                        a.match + "\"",
                    "'casebook suggestions next' shows what is left to decide");
  }
  if (found.size() > 1) {
    std::string list;
    for (const auto& s : found) list += "\n  " + describe(s);
    throw_usage(
        std::to_string(found.size()) + " undecided suggestions hold \"" + a.match + "\":" + list,
        "add --code KEY, or decide one by its id");
  }
  return found.front().id;
}

// The suggestions an accept/reject/skip applies to: ID, the one --match
// finds, every undecided one (--all), or else the next one.
std::vector<std::int64_t> chosen_ids(Context& ctx, const SuggestionArgs& a,
                                     const std::string& owner) {
  check_selection(a);
  if (a.id != 0) return {a.id};
  project::Project project = ctx.open_project();
  if (!a.match.empty()) return {id_by_match(project, a, owner)};
  if (a.all) {
    coding::UndecidedFilter filter;
    filter.code = code_filter(a);
    if (!a.source.empty())
      filter.source_id = coding::load_source_text(project.store(), a.source).id;
    std::vector<std::int64_t> ids;
    for (const auto& s : coding::undecided_suggestions(project, owner, filter)) ids.push_back(s.id);
    return ids;
  }
  const auto next = coding::next_suggestion(project, owner, code_filter(a));
  if (!next) throw_not_found("no suggestion is left to decide", "run casebook autocode first");
  return {next->id};
}

coding::CodeSpec extra_spec(const SuggestionArgs& a) {
  coding::CodeSpec spec;
  for (const auto& d : a.dims) spec.dims.push_back(coding::parse_dimension_arg(d));
  spec.memo = a.memo;
  return spec;
}

int show_next(Context& ctx, const SuggestionArgs& a) {
  const std::string owner = ctx.require_coder();
  project::Project project = ctx.open_project();
  const auto next = coding::next_suggestion(project, owner, code_filter(a));
  if (a.json) {
    print_json(next ? suggestion_json(*next) : nlohmann::json(nullptr));
    return 0;
  }
  if (!next) {
    std::cout << "No suggestions left for " << owner << ". Run casebook autocode for new ones.\n";
    return 0;
  }
  print_suggestion(project, *next,
                   coding::count_suggestions(project.store(), owner, code_filter(a)));
  std::cout << "\nDecide: casebook suggestions accept " << next->id
            << " [--dim NAME=VALUE] [--memo TEXT] | reject " << next->id
            << " [--reason TEXT] | skip " << next->id << "\n";
  return 0;
}

void print_decided(const std::string& decision, const std::vector<std::int64_t>& ids,
                   std::size_t codings, std::int64_t first_coding) {
  const char* verb = decision == "accept"   ? "Accepted"
                     : decision == "reject" ? "Rejected"
                                            : "Skipped";
  if (ids.size() == 1) {
    std::cout << verb << " suggestion " << ids.front();
    if (first_coding) std::cout << " as coding " << first_coding;
  } else {
    std::cout << verb << " " << ids.size() << " suggestion(s)";
    if (decision == "accept") std::cout << " as " << codings << " new coding(s)";
  }
  std::cout << "\n";
}

// All of `ids` in one transaction: an error decides none of them, except
// that with --all a suggestion whose code conflicts with an existing coding
// stays pending and the others are decided.
int decide(Context& ctx, const SuggestionArgs& a, const std::string& decision) {
  const std::string owner = ctx.require_coder();
  const std::vector<std::int64_t> ids = chosen_ids(ctx, a, owner);
  if (ids.empty()) {
    std::cout << "No undecided suggestions" << (a.code.empty() ? "" : " of " + a.code)
              << (a.source.empty() ? "" : " in " + a.source) << " for " << owner << ".\n";
    return 0;
  }
  std::int64_t first_coding = 0;
  std::size_t codings = 0;
  std::vector<std::int64_t> decided;
  std::vector<std::string> left;  // --all: suggestions that could not be accepted, and why
  ctx.write([&](project::Project& project) {
    for (const std::int64_t id : ids) {
      if (decision != "accept") {
        if (decision == "reject") coding::reject_suggestion(project.store(), id, owner, a.reason);
        if (decision == "skip") coding::skip_suggestion(project.store(), id, owner);
        decided.push_back(id);
        continue;
      }
      // With --all, one suggestion that conflicts with a coding (codes that
      // exclude each other) stays pending; the others go on.
      store::NestedTransaction one(project.store());
      try {
        const std::int64_t coding_id =
            coding::accept_suggestion(project.store(), id, owner, extra_spec(a));
        one.commit();
        if (coding_id != 0 && first_coding == 0) first_coding = coding_id;
        codings += coding_id != 0;
        decided.push_back(id);
      } catch (const Error& e) {
        if (!a.all || e.kind() != ErrorKind::Conflict) throw;
        left.push_back("suggestion " + std::to_string(id) + ": " + e.what());
      }
    }
  });
  if (!decided.empty()) print_decided(decision, decided, codings, first_coding);
  if (!left.empty()) {
    std::cout << left.size() << " suggestion(s) left pending, to decide one by one:\n";
    for (const std::string& why : left) std::cout << "  " << why << "\n";
  }
  return 0;
}

// The undecided suggestions, one line each (text shortened), or all of
// them as JSON: for scripting decisions and for seeing what is left.
int list(Context& ctx, const SuggestionArgs& a) {
  const std::string owner = ctx.require_coder();
  project::Project project = ctx.open_project();
  coding::UndecidedFilter filter;
  filter.code = code_filter(a);
  if (!a.source.empty()) filter.source_id = coding::load_source_text(project.store(), a.source).id;
  const auto found = coding::undecided_suggestions(project, owner, filter);
  if (a.json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& s : found) all.push_back(suggestion_json(s));
    print_json(all);
    return 0;
  }
  for (const auto& s : found) {
    std::cout << s.id << "  " << s.code << "  " << s.source_label << " " << s.span.start << ":"
              << s.span.end << (s.status == "skipped" ? "  (skipped)" : "") << "  "
              << one_line(s.text, 80) << "\n";
  }
  std::cout << found.size() << " undecided suggestion(s) for " << owner << "\n";
  return 0;
}

int status(Context& ctx, const SuggestionArgs& a) {
  const std::string owner = ctx.require_coder();
  project::Project project = ctx.open_project();
  const auto c = coding::count_suggestions(project.store(), owner, code_filter(a));
  if (a.json) {
    print_json({{"pending", c.pending},
                {"skipped", c.skipped},
                {"accepted", c.accepted},
                {"rejected", c.rejected}});
    return 0;
  }
  std::cout << "Suggestions for " << owner << ": " << c.pending << " pending, " << c.skipped
            << " skipped, " << c.accepted << " accepted, " << c.rejected << " rejected\n";
  return 0;
}

// One decision typed at the prompt; false to stop.
bool apply_answer(Context& ctx, const coding::SuggestionView& s,
                  const std::vector<std::string>& words) {
  const std::string& verb = words[0];
  SuggestionArgs a;
  a.id = s.id;
  if (verb == "a" || verb == "accept") {
    a.dims.assign(words.begin() + 1, words.end());
    decide(ctx, a, "accept");
  } else if (verb == "r" || verb == "reject") {
    for (std::size_t i = 1; i < words.size(); ++i) a.reason += (i > 1 ? " " : "") + words[i];
    decide(ctx, a, "reject");
  } else if (verb == "s" || verb == "skip") {
    decide(ctx, a, "skip");
  } else if (verb == "q" || verb == "quit") {
    return false;
  } else {
    std::cout << "Type a (accept, optionally with NAME=VALUE dimensions), r (reject, optionally "
                 "with a reason), s (skip) or q (quit).\n";
  }
  return true;
}

int review(Context& ctx, const SuggestionArgs& a) {
  const std::string owner = ctx.require_coder();
  std::int64_t last_shown = 0;
  std::set<std::int64_t> skipped_now;
  for (;;) {
    std::optional<coding::SuggestionView> next;
    {
      project::Project project = ctx.open_project();
      next = coding::next_suggestion(project, owner, code_filter(a));
      if (!next) {
        std::cout << "No suggestions left for " << owner << ".\n";
        return 0;
      }
      // Only suggestions skipped in this session are left: a full round.
      if (next->status == "skipped" && skipped_now.count(next->id)) {
        std::cout << "Only skipped suggestions are left.\n";
        return 0;
      }
      if (next->id != last_shown) {
        std::cout << "\n";
        print_suggestion(project, *next,
                         coding::count_suggestions(project.store(), owner, code_filter(a)));
      }
    }
    last_shown = next->id;
    const auto answer =
        read_answer("\n[a]ccept [NAME=VALUE ...] / [r]eject [reason] / [s]kip / [q]uit > ");
    if (!answer) return 0;
    const auto& words = *answer;
    if (words.empty()) continue;
    try {
      if (!apply_answer(ctx, *next, words)) return 0;
      if (words[0] == "s" || words[0] == "skip") skipped_now.insert(next->id);
    } catch (const Error& e) {
      // A wrong dimension value should not end the session: say why, ask again.
      print_answer_error(e);
    }
  }
}

}  // namespace

void register_suggestions(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SuggestionArgs>();
  auto* cmd = app.add_subcommand(
      "suggestions", "decide auto-coding suggestions: list, next, accept, reject, skip, review");
  cmd->add_option("--code", args->code, "only suggestions of this code");
  cmd->add_flag("--json", args->json, "print JSON (status, next)");
  auto* next = cmd->add_subcommand("next", "show the next suggestion in context");
  // Which suggestions a decision applies to (ID, --match, --all; default the next).
  const auto add_selection = [&args](CLI::App* sub) {
    sub->add_option("ID", args->id, "suggestion id (default: the next one)");
    sub->add_flag("--all", args->all,
                  "every undecided suggestion (of --code, in --source), in one transaction");
    sub->add_option("--source", args->source, "with --match or --all: a source label");
    sub->add_option("--match", args->match,
                    "the undecided suggestion in --source whose span holds this quote");
  };
  auto* accept = cmd->add_subcommand("accept", "make a suggestion your coding");
  add_selection(accept);
  accept->add_option("--dim", args->dims, "a dimension value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  accept->add_option("--memo", args->memo, "a memo on the new coding");
  auto* reject = cmd->add_subcommand("reject", "reject a suggestion");
  add_selection(reject);
  reject->add_option("--reason", args->reason, "why (recorded in the log)");
  auto* skip = cmd->add_subcommand("skip", "decide later: shown again after the pending ones");
  add_selection(skip);
  auto* list_cmd = cmd->add_subcommand("list", "list the suggestions still to decide");
  list_cmd->add_option("--source", args->source, "only in this source (label)");
  auto* review_cmd =
      cmd->add_subcommand("review", "go through suggestions one by one, interactively");
  cmd->footer(
      examples({"casebook suggestions", "casebook suggestions next",
                "casebook suggestions accept 12 --dim direction=negative",
                "casebook suggestions reject 13 --reason \"about housing policy, not links\"",
                "casebook suggestions reject --source Int-7 --match \"the queue\" --code "
                "expost.queuing",
                "casebook suggestions accept --all --code exante.scale",
                "casebook suggestions review --code expost"}));
  cmd->callback([&ctx, args, next, list_cmd, accept, reject, skip, review_cmd] {
    ctx.run = [&ctx, args, next, list_cmd, accept, reject, skip, review_cmd] {
      if (list_cmd->parsed()) return list(ctx, *args);
      if (next->parsed()) return show_next(ctx, *args);
      if (accept->parsed()) return decide(ctx, *args, "accept");
      if (reject->parsed()) return decide(ctx, *args, "reject");
      if (skip->parsed()) return decide(ctx, *args, "skip");
      if (review_cmd->parsed()) return review(ctx, *args);
      return status(ctx, *args);
    };
  });
}

}  // namespace casebook::cli

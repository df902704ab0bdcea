// casebook suggestions: walk through auto-coding suggestions and decide each:
// accept (it becomes your coding), reject, or skip (it comes back later).
// `review` does it interactively, one suggestion after another.

#include <iostream>
#include <set>

#include "cli/coding_display.hpp"
#include "cli/context.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/coding/suggestions.hpp"
#include "engine/core/error.hpp"

namespace casebook::cli {
namespace {

struct SuggestionArgs {
  std::string code;
  std::int64_t id = 0;
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

// The suggestion an accept/reject/skip without an id applies to: the next one.
std::int64_t chosen_id(Context& ctx, const SuggestionArgs& a, const std::string& owner) {
  if (a.id != 0) return a.id;
  project::Project project = ctx.open_project();
  const auto next = coding::next_suggestion(project, owner, code_filter(a));
  if (!next) throw_not_found("no suggestion is left to decide", "run casebook autocode first");
  return next->id;
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

int decide(Context& ctx, const SuggestionArgs& a, const std::string& decision) {
  const std::string owner = ctx.require_coder();
  const std::int64_t id = chosen_id(ctx, a, owner);
  std::int64_t coding_id = 0;
  ctx.write([&](project::Project& project) {
    if (decision == "accept")
      coding_id = coding::accept_suggestion(project.store(), id, owner, extra_spec(a));
    if (decision == "reject") coding::reject_suggestion(project.store(), id, owner, a.reason);
    if (decision == "skip") coding::skip_suggestion(project.store(), id, owner);
  });
  if (decision == "accept") {
    std::cout << "Accepted suggestion " << id;
    if (coding_id) std::cout << " as coding " << coding_id;
    std::cout << "\n";
  } else {
    std::cout << (decision == "reject" ? "Rejected" : "Skipped") << " suggestion " << id << "\n";
  }
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
      "suggestions", "decide auto-coding suggestions: next, accept, reject, skip, review");
  cmd->add_option("--code", args->code, "only suggestions of this code");
  cmd->add_flag("--json", args->json, "print JSON (status, next)");
  auto* next = cmd->add_subcommand("next", "show the next suggestion in context");
  auto* accept = cmd->add_subcommand("accept", "make a suggestion your coding");
  accept->add_option("ID", args->id, "suggestion id (default: the next one)");
  accept->add_option("--dim", args->dims, "a dimension value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  accept->add_option("--memo", args->memo, "a memo on the new coding");
  auto* reject = cmd->add_subcommand("reject", "reject a suggestion");
  reject->add_option("ID", args->id, "suggestion id (default: the next one)");
  reject->add_option("--reason", args->reason, "why (recorded in the log)");
  auto* skip = cmd->add_subcommand("skip", "decide later: shown again after the pending ones");
  skip->add_option("ID", args->id, "suggestion id (default: the next one)");
  auto* review_cmd =
      cmd->add_subcommand("review", "go through suggestions one by one, interactively");
  cmd->footer(
      examples({"casebook suggestions", "casebook suggestions next",
                "casebook suggestions accept 12 --dim direction=negative",
                "casebook suggestions reject 13 --reason \"about housing policy, not links\"",
                "casebook suggestions review --code expost"}));
  cmd->callback([&ctx, args, next, accept, reject, skip, review_cmd] {
    ctx.run = [&ctx, args, next, accept, reject, skip, review_cmd] {
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

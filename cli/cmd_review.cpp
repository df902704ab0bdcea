// casebook review: a supervisor goes through codings (by code, coder, case,
// source, review status) and accepts each, rejects it as mis-coded with the
// reason, or recodes it. Without a subcommand it walks through them
// interactively; accept, reject and recode also work one command at a time.

#include <iostream>
#include <set>

#include "cli/coding_display.hpp"
#include "cli/context.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/targets.hpp"
#include "engine/core/error.hpp"

namespace casebook::cli {
namespace {

struct ReviewArgs {
  std::vector<std::string> sources, codes, coders, cases;
  std::string status = "unreviewed";
  std::vector<std::int64_t> ids;
  std::int64_t recode_id = 0;
  std::string code;  // recode: the new code
  std::vector<std::string> dims;
  std::string reason, note;
  bool json = false;
  bool all = false;   // every coding the filters select
  std::string match;  // the coding (in the one --source) overlapping this quote
};

constexpr std::size_t kContext = 300;  // code points shown either side

coding::CodingFilter filter_of(const ReviewArgs& a, const coding::Viewer& viewer) {
  coding::CodingFilter f;
  f.sources = a.sources;
  f.codes = a.codes;
  f.coders = a.coders;
  f.cases = a.cases;
  f.statuses = {a.status};
  f.only_coder = viewer.only();
  return f;
}

coding::Viewer reviewer_of(Context& ctx, project::Project& project) {
  return coding::viewer_for(project.store(), ctx.require_coder());
}

// The first coding to review that was not skipped in this session.
std::optional<coding::CodingView> next_coding(store::Store& store, coding::CodingFilter filter,
                                              const std::set<std::int64_t>& skipped) {
  filter.limit = skipped.size() + 1;
  for (auto& c : coding::list_codings(store, filter)) {
    if (!skipped.count(c.id)) return std::move(c);
  }
  return std::nullopt;
}

void print_coding(store::Store& store, const coding::CodingView& c, std::size_t left) {
  std::cout << "Coding " << c.id << " by " << c.coder << ", " << c.review_status;
  if (c.reviewed_by) std::cout << " by " << *c.reviewed_by;
  std::cout << " (" << left << " to review)\n"
            << c.source_label << " " << c.span.start << ":" << c.span.end << ", code " << c.code;
  for (const auto& [name, value] : c.dims) std::cout << " " << name << "=" << value;
  std::cout << "\n";
  for (const auto& m : c.memos) std::cout << "  memo: " << one_line(m, 200) << "\n";
  const coding::SourceText source = coding::load_source_text(store, c.source_label);
  std::cout << "\n" << marked_in_context(source.text, c.span, kContext) << "\n\n";
  print_code_criteria(store, c.code);
}

std::size_t left_to_review(store::Store& store, const coding::CodingFilter& filter) {
  const auto counts = coding::count_reviews(store, filter);
  const auto status = coding::parse_review_status(filter.statuses.front());
  if (status == coding::ReviewStatus::Accepted) return counts.accepted;
  if (status == coding::ReviewStatus::Rejected) return counts.rejected;
  return counts.unreviewed;
}

coding::CodeSpec recode_spec(const std::string& code, const std::vector<std::string>& dims) {
  coding::CodeSpec spec;
  spec.code = code;
  for (const auto& d : dims) spec.dims.push_back(coding::parse_dimension_arg(d));
  return spec;
}

// The one coding, among those the filters select, that overlaps the quote
// --match finds in the one --source.
std::int64_t id_by_match(store::Store& store, const ReviewArgs& a, const coding::Viewer& viewer) {
  if (a.sources.size() != 1) {
    throw_usage("--match needs exactly one --source: the quote is looked up in that source",
                "e.g. casebook review reject --source Int-7 --coder bob --match \"the queue\" "
                "--reason \"...\"");
  }
  const coding::SourceText source = coding::load_source_text(store, a.sources.front());
  const text::Span span = coding::match_target(source, a.match).span;
  const auto found = coding::codings_overlapping(store, filter_of(a, viewer), span);
  if (found.empty()) {
    throw_not_found("no " + a.status + " coding in " + source.label + " overlaps \"" + a.match +
                        "\" (with the filters given)",
                    "'casebook codings --source " + source.label + "' lists its codings");
  }
  if (found.size() > 1) {
    std::string list;
    for (const auto& c : found) {
      list += "\n  coding " + std::to_string(c.id) + ": " + c.code + " by " + c.coder + ", " +
              std::to_string(c.span.start) + ":" + std::to_string(c.span.end);
    }
    throw_usage(std::to_string(found.size()) + " codings overlap \"" + a.match + "\":" + list,
                "narrow it with --coder or --code, or give the coding id");
  }
  return found.front().id;
}

// The codings accept/reject apply to: IDS, the one --match finds, or
// every coding the filters select (--all; unreviewed unless --status).
std::vector<std::int64_t> chosen_ids(store::Store& store, const ReviewArgs& a,
                                     const coding::Viewer& viewer) {
  const int ways = !a.ids.empty() + a.all + !a.match.empty();
  if (ways != 1) {
    throw_usage("give the coding ids, --match QUOTE (with --source) or --all",
                "e.g. casebook review accept 12 13, or casebook review accept --all --coder bob");
  }
  if (!a.ids.empty()) return a.ids;
  if (!a.match.empty()) return {id_by_match(store, a, viewer)};
  std::vector<std::int64_t> ids;
  for (const auto& c : coding::list_codings(store, filter_of(a, viewer))) ids.push_back(c.id);
  return ids;
}

int accept(Context& ctx, const ReviewArgs& a) {
  std::size_t n = 0;
  ctx.write([&](project::Project& project) {
    const coding::Viewer viewer = reviewer_of(ctx, project);
    const auto ids = chosen_ids(project.store(), a, viewer);
    if (!ids.empty()) coding::accept_codings(project.store(), ids, viewer, a.note);
    n = ids.size();
  });
  std::cout << "Accepted " << n << " coding(s)\n";
  return 0;
}

int reject(Context& ctx, const ReviewArgs& a) {
  std::size_t n = 0;
  ctx.write([&](project::Project& project) {
    const coding::Viewer viewer = reviewer_of(ctx, project);
    const auto ids = chosen_ids(project.store(), a, viewer);
    if (!ids.empty()) coding::reject_codings(project.store(), ids, viewer, a.reason);
    n = ids.size();
  });
  std::cout << "Rejected " << n << " coding(s) as mis-coded\n";
  return 0;
}

int recode(Context& ctx, const ReviewArgs& a) {
  coding::RecodeResult r;
  ctx.write([&](project::Project& project) {
    r = coding::recode_coding(project.store(), a.recode_id, recode_spec(a.code, a.dims),
                              reviewer_of(ctx, project), a.reason);
  });
  std::cout << "Recoded coding " << a.recode_id << " as " << a.code << ": new coding "
            << r.coding_id << " (accepted); coding " << a.recode_id << " is rejected\n";
  return 0;
}

int status(Context& ctx, const ReviewArgs& a) {
  project::Project project = ctx.open_project();
  const auto counts = coding::count_reviews(project.store(), filter_of(a, ctx.viewer(project)));
  if (a.json) {
    print_json({{"unreviewed", counts.unreviewed},
                {"accepted", counts.accepted},
                {"rejected", counts.rejected}});
    return 0;
  }
  std::cout << "Codings: " << counts.unreviewed << " unreviewed, " << counts.accepted
            << " accepted, " << counts.rejected << " rejected\n";
  return 0;
}

int show_next(Context& ctx, const ReviewArgs& a) {
  project::Project project = ctx.open_project();
  const auto filter = filter_of(a, reviewer_of(ctx, project));
  const auto next = next_coding(project.store(), filter, {});
  if (!next) {
    std::cout << "No " << a.status << " codings match.\n";
    return 0;
  }
  print_coding(project.store(), *next, left_to_review(project.store(), filter));
  std::cout << "\nDecide: casebook review accept " << next->id << " | reject " << next->id
            << " --reason TEXT | recode " << next->id << " CODE [--dim NAME=VALUE]\n";
  return 0;
}

// Everything after the verb, as one text.
std::string rest_of(const std::vector<std::string>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// One answer typed at the prompt; false to stop.
bool apply_answer(Context& ctx, std::int64_t id, const std::vector<std::string>& words,
                  std::set<std::int64_t>& skipped) {
  const std::string& verb = words[0];
  ReviewArgs a;
  a.ids = {id};
  a.recode_id = id;
  if (verb == "a" || verb == "accept") {
    a.note = rest_of(words, 1);
    accept(ctx, a);
  } else if (verb == "r" || verb == "reject") {
    a.reason = rest_of(words, 1);
    reject(ctx, a);
  } else if ((verb == "c" || verb == "recode") && words.size() >= 2) {
    a.code = words[1];
    a.dims.assign(words.begin() + 2, words.end());
    recode(ctx, a);
  } else if (verb == "s" || verb == "skip") {
    skipped.insert(id);
  } else if (verb == "q" || verb == "quit") {
    return false;
  } else {
    std::cout << "Type a [note] (accept), r REASON (reject as mis-coded), c CODE [NAME=VALUE ...] "
                 "(recode), s (skip) or q (quit).\n";
  }
  return true;
}

int walk(Context& ctx, const ReviewArgs& a) {
  ctx.require_coder();
  std::set<std::int64_t> skipped;
  std::int64_t last_shown = 0;
  for (;;) {
    std::int64_t id = 0;
    {
      project::Project project = ctx.open_project();
      const auto filter = filter_of(a, reviewer_of(ctx, project));
      const auto next = next_coding(project.store(), filter, skipped);
      if (!next) {
        std::cout << "No " << a.status << " codings left"
                  << (skipped.empty() ? "" : " apart from those skipped") << ".\n";
        return 0;
      }
      id = next->id;
      if (id != last_shown) {
        std::cout << "\n";
        print_coding(project.store(), *next, left_to_review(project.store(), filter));
      }
    }
    last_shown = id;
    const auto answer = read_answer(
        "\n[a]ccept [note] / [r]eject REASON / re[c]ode CODE [NAME=VALUE ...] / [s]kip / [q]uit "
        "> ");
    if (!answer) return 0;
    const auto& words = *answer;
    if (words.empty()) continue;
    try {
      if (!apply_answer(ctx, id, words, skipped)) return 0;
    } catch (const Error& e) {
      // A missing reason or a wrong code should not end the session.
      print_answer_error(e);
    }
  }
}

}  // namespace

void register_review(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand(
      "review", "review codings as a supervisor: accept, reject as mis-coded, or recode");
  cmd->add_option("--source", args->sources, "only in these sources (labels)")
      ->allow_extra_args(false);
  cmd->add_option("--code", args->codes, "only these codes, with their sub-codes")
      ->allow_extra_args(false);
  cmd->add_option("--coder", args->coders, "only by these coders")->allow_extra_args(false);
  cmd->add_option("--case", args->cases, "only in sources of these cases")->allow_extra_args(false);
  cmd->add_option("--status", args->status,
                  "go through codings with this review status: unreviewed (default), accepted "
                  "or rejected");
  cmd->add_flag("--json", args->json, "print JSON (status)");
  auto* status_cmd = cmd->add_subcommand("status", "count codings by review status");
  auto* next = cmd->add_subcommand("next", "show the next coding to review in context");
  auto* accept_cmd = cmd->add_subcommand("accept", "accept codings");
  // Which codings a decision applies to: ids, --match, or --all.
  const auto add_selection = [&args](CLI::App* sub) {
    sub->add_option("--match", args->match,
                    "the coding (in the one --source, after the filters) overlapping this quote");
    sub->add_flag("--all", args->all,
                  "every coding the filters select (--source, --code, --coder, --case, "
                  "--status), in one transaction");
  };
  accept_cmd->add_option("IDS", args->ids, "coding ids");
  add_selection(accept_cmd);
  accept_cmd->add_option("--note", args->note, "a note for the record");
  auto* reject_cmd = cmd->add_subcommand("reject", "reject codings as mis-coded");
  reject_cmd->add_option("IDS", args->ids, "coding ids");
  add_selection(reject_cmd);
  reject_cmd->add_option("--reason", args->reason, "why it is mis-coded (required)")->required();
  auto* recode_cmd =
      cmd->add_subcommand("recode", "reject a coding and code its span as it should be");
  recode_cmd->add_option("ID", args->recode_id, "coding id")->required();
  recode_cmd->add_option("CODE", args->code, "the right code")->required();
  recode_cmd->add_option("--dim", args->dims, "a dimension value, NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  recode_cmd->add_option("--reason", args->reason, "why (default: \"recoded as CODE\")");
  cmd->footer(examples({"casebook review --coder bob", "casebook review status --code expost",
                        "casebook review accept 12 13",
                        "casebook review reject 14 --reason \"about housing policy, not links\"",
                        "casebook review recode 15 expost.veto --dim direction=negative",
                        "casebook review accept --all --coder bob --code expost",
                        "casebook review reject --source Int-7 --coder bob --match \"the queue\" "
                        "--reason \"about staffing, not queuing\""}));
  cmd->callback([&ctx, args, status_cmd, next, accept_cmd, reject_cmd, recode_cmd] {
    ctx.run = [&ctx, args, status_cmd, next, accept_cmd, reject_cmd, recode_cmd] {
      if (status_cmd->parsed()) return status(ctx, *args);
      if (next->parsed()) return show_next(ctx, *args);
      if (accept_cmd->parsed()) return accept(ctx, *args);
      if (reject_cmd->parsed()) return reject(ctx, *args);
      if (recode_cmd->parsed()) return recode(ctx, *args);
      return walk(ctx, *args);
    };
  });
}

}  // namespace casebook::cli

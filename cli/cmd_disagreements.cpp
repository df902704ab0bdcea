// casebook disagreements: where two coders differ, in context, for the
// reconciliation meeting. --resolve goes through them and records the agreed
// version as review decisions: the kept codings accepted, the others
// rejected with the reason, so agreement figures keep the coders' original
// work while analysis uses the agreed version.

#include <iostream>

#include "cli/coding_display.hpp"
#include "cli/context.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/targets.hpp"
#include "engine/core/error.hpp"
#include "engine/intercoder/disagreements.hpp"

namespace casebook::cli {
namespace {

struct DisagreementArgs {
  std::vector<std::string> coders, codes, sources;
  double threshold = 90;
  bool all = false, json = false, resolve = false;
};

constexpr std::size_t kContext = 150;  // code points either side

intercoder::DisagreementScope scope_of(const DisagreementArgs& a) {
  if (a.coders.size() != 2) {
    throw_usage("disagreements compare exactly two coders", "e.g. --coders alice,bob");
  }
  if (!(a.threshold > 0 && a.threshold <= 100)) {
    throw_usage("--threshold must be a percentage in (0, 100]", "e.g. --threshold 90");
  }
  intercoder::DisagreementScope s;
  s.first = a.coders[0];
  s.second = a.coders[1];
  s.codes = a.codes;
  s.sources = a.sources;
  s.threshold = a.threshold / 100.0;
  s.include_resolved = a.all;
  return s;
}

std::string describe(const coding::CodingView& c) {
  std::string out = "coding " + std::to_string(c.id) + " " + c.code + " " +
                    std::to_string(c.span.start) + ":" + std::to_string(c.span.end);
  for (const auto& [name, value] : c.dims) out += " " + name + "=" + value;
  if (c.review_status != "unreviewed") out += " [" + c.review_status + "]";
  return out;
}

void print_side(const std::string& coder, const std::vector<coding::CodingView>& codings) {
  if (codings.empty()) {
    std::cout << "  " << coder << ": (not coded)\n";
    return;
  }
  for (const auto& c : codings) std::cout << "  " << coder << ": " << describe(c) << "\n";
}

void print_disagreement(store::Store& store, std::size_t n, const intercoder::Disagreement& d,
                        const std::vector<std::string>& coders) {
  std::cout << "#" << n << " " << d.source_label << " " << d.span.start << ":" << d.span.end << "  "
            << intercoder::to_string(d.kind) << (d.resolved ? " (resolved)" : "") << "\n";
  print_side(coders[0], d.first);
  print_side(coders[1], d.second);
  const coding::SourceText source = coding::load_source_text(store, d.source_label);
  std::cout << "  " << marked_in_context(source.text, d.span, kContext) << "\n\n";
}

nlohmann::json side_json(const std::vector<coding::CodingView>& codings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : codings) {
    nlohmann::json dims = nlohmann::json::object();
    for (const auto& [name, value] : c.dims) dims[name] = value;
    out.push_back({{"id", c.id},
                   {"code", c.code},
                   {"start", c.span.start},
                   {"end", c.span.end},
                   {"dims", dims},
                   {"review", c.review_status}});
  }
  return out;
}

nlohmann::json disagreement_json(const intercoder::Disagreement& d,
                                 const std::vector<std::string>& coders) {
  return {{"kind", intercoder::to_string(d.kind)},
          {"source", d.source_label},
          {"start", d.span.start},
          {"end", d.span.end},
          {"resolved", d.resolved},
          {coders[0], side_json(d.first)},
          {coders[1], side_json(d.second)}};
}

int list(Context& ctx, const DisagreementArgs& a) {
  project::Project project = ctx.open_project();
  coding::require_sees_all(ctx.viewer(project), "disagreements");
  const auto found = intercoder::find_disagreements(project.store(), scope_of(a));
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : found) out.push_back(disagreement_json(d, a.coders));
    print_json(out);
    return 0;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    print_disagreement(project.store(), i + 1, found[i], a.coders);
  }
  std::cout << found.size() << (a.all ? "" : " unresolved") << " disagreement(s) between "
            << a.coders[0] << " and " << a.coders[1] << "\n";
  return 0;
}

std::vector<std::int64_t> ids_of(const std::vector<coding::CodingView>& codings) {
  std::vector<std::int64_t> out;
  for (const auto& c : codings) out.push_back(c.id);
  return out;
}

// Records the agreed version: `keep` are accepted, `drop` rejected.
void settle(Context& ctx, const std::vector<std::int64_t>& keep,
            const std::vector<std::int64_t>& drop, const std::string& why) {
  ctx.write([&](project::Project& project) {
    const coding::Viewer reviewer = coding::viewer_for(project.store(), ctx.require_coder());
    if (!keep.empty()) coding::accept_codings(project.store(), keep, reviewer, why);
    if (!drop.empty()) coding::reject_codings(project.store(), drop, reviewer, why);
  });
}

// One answer at the prompt; false to stop.
bool apply_answer(Context& ctx, const intercoder::Disagreement& d,
                  const std::vector<std::string>& coders, const std::string& answer) {
  const auto first = ids_of(d.first), second = ids_of(d.second);
  if (answer == "1") {
    settle(ctx, first, second, "reconciliation: " + coders[0] + "'s version agreed");
  } else if (answer == "2") {
    settle(ctx, second, first, "reconciliation: " + coders[1] + "'s version agreed");
  } else if (answer == "b" || answer == "both") {
    auto all = first;
    all.insert(all.end(), second.begin(), second.end());
    settle(ctx, all, {}, "reconciliation: both versions agreed");
  } else if (answer == "n" || answer == "neither") {
    auto all = first;
    all.insert(all.end(), second.begin(), second.end());
    settle(ctx, {}, all, "reconciliation: neither version agreed");
  } else if (answer == "q" || answer == "quit") {
    return false;
  }
  return true;  // s, skip
}

bool is_answer(const std::string& w) {
  for (const char* a : {"1", "2", "b", "both", "n", "neither", "s", "skip", "q", "quit"}) {
    if (w == a) return true;
  }
  return false;
}

int resolve(Context& ctx, const DisagreementArgs& a) {
  ctx.require_coder();
  std::vector<intercoder::Disagreement> found;
  {
    project::Project project = ctx.open_project();
    coding::require_sees_all(ctx.viewer(project), "disagreements");
    auto scope = scope_of(a);
    scope.include_resolved = false;
    found = intercoder::find_disagreements(project.store(), scope);
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    {
      project::Project project = ctx.open_project();
      print_disagreement(project.store(), i + 1, found[i], a.coders);
    }
    for (;;) {
      const auto answer = read_answer("[1] keep " + a.coders[0] + "'s / [2] keep " + a.coders[1] +
                                      "'s / [b]oth / [n]either / [s]kip / [q]uit > ");
      if (!answer) return 0;
      const auto& words = *answer;
      if (words.empty()) continue;
      if (!is_answer(words[0])) {
        std::cout << "Type 1 (keep " << a.coders[0] << "'s version), 2 (keep " << a.coders[1]
                  << "'s), b (both), n (neither), s (skip) or q (quit).\n";
        continue;
      }
      try {
        if (!apply_answer(ctx, found[i], a.coders, words[0])) return 0;
        break;
      } catch (const Error& e) {
        print_answer_error(e);
      }
    }
  }
  std::cout << "No unresolved disagreements left in this list.\n";
  return 0;
}

}  // namespace

void register_disagreements(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<DisagreementArgs>();
  auto* cmd = app.add_subcommand(
      "disagreements", "where two coders differ, in context; --resolve records the agreed version");
  cmd->add_option("--coders", a->coders, "the two coders")->delimiter(',')->required();
  cmd->add_option("--codes", a->codes, "only these codes (each with its sub-codes)")
      ->delimiter(',');
  cmd->add_option("--sources", a->sources, "only these sources")->delimiter(',');
  cmd->add_option("--threshold", a->threshold,
                  "same-code spans overlapping at least this percentage agree (default 90)");
  cmd->add_flag("--all", a->all, "include disagreements already resolved by review");
  cmd->add_flag("--resolve", a->resolve,
                "go through them and record the agreed version (as review decisions)");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->footer(examples({"casebook disagreements --coders alice,bob",
                        "casebook disagreements --coders alice,bob --codes expost --json",
                        "casebook --coder carol disagreements --coders alice,bob --resolve"}));
  cmd->callback(
      [&ctx, a] { ctx.run = [&ctx, a] { return a->resolve ? resolve(ctx, *a) : list(ctx, *a); }; });
}

}  // namespace casebook::cli

// casebook merge OTHER: brings the codings of another copy of the project
// (a coder's copy from another machine) into this one. See docs/merge.md.

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/merge/from_refi.hpp"
#include "engine/merge/merge.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/refi/reader.hpp"
#include "engine/store/migrations.hpp"

namespace casebook::cli {
namespace {

struct MergeArgs {
  std::string other;
  bool dry_run = false;
  bool add_codes = false;
  bool verbose = false;
  std::vector<std::string> coders;
  std::string on_conflict;  // empty: ask on a terminal, else refuse
  std::string report_file;
};

std::string span_of(const merge::TheirCoding& t) {
  return t.source_label + " [" + std::to_string(t.start_cp) + "," + std::to_string(t.end_cp) +
         ") " + t.code_key + " by " + t.coder;
}

void print_conflict(std::ostream& out, const merge::Pairing& p) {
  out << "  conflict: " << span_of(p.theirs) << " (ours: coding " << p.our_id << ", theirs: coding "
      << p.theirs.their_id << ")";
  if (p.resolution != merge::Resolution::Unresolved) out << ": " << to_string(p.resolution);
  out << '\n';
  for (const auto& d : p.conflicts) {
    out << "    " << d.aspect << ": ours " << d.ours << "; theirs " << d.theirs << '\n';
  }
}

// `done` is false for a dry run or a refused merge: the counts are what
// would be written.
void print_counts(std::ostream& out, const merge::MergePlan& plan, bool done,
                  const std::string& preface = "") {
  const char* verb = done ? "" : "would be ";
  out << preface << "Merge from " << plan.other_dir << '\n'
      << "  sources: " << plan.sources_matched << " matched, " << plan.sources.size()
      << " not merged\n"
      << "  codings in the other project: " << plan.their_codings << '\n'
      << "    " << plan.additions.size() << ' ' << verb << "added\n"
      << "    " << plan.identical << " already here\n"
      << "    " << plan.pairings.size() - plan.conflict_count() << ' ' << verb
      << "updated from the other project (review, removal, dimensions or memos only they changed)\n"
      << "    " << plan.conflict_count() << " in conflict\n"
      << "    " << plan.skipped.size() << " skipped\n"
      << "  codes " << verb << "added: " << plan.codes_to_add.size() << '\n';
  if (plan.other_coders > 0) {
    out << "  left out: " << plan.other_coders << " coding(s) by coders not named in --coders\n";
  }
  for (const auto& c : plan.coders_missing) {
    out << "  note: no codings by " << c << " in the other project (coder names as stored)\n";
  }
}

// Every item, for --verbose and --report.
void print_items(std::ostream& out, const merge::MergePlan& plan) {
  for (const auto& s : plan.sources) out << "  not merged: " << s.what << ": " << s.reason << '\n';
  for (const auto& c : plan.codes_to_add) out << "  add code: " << c.key << " (" << c.name << ")\n";
  for (const auto& t : plan.additions) {
    out << "  add: " << span_of(t) << " (their coding " << t.their_id << ", "
        << t.state.review_status << (t.state.removed() ? ", removed" : "") << ")\n";
  }
  for (const auto& p : plan.pairings) {
    if (!p.conflicts.empty()) continue;
    out << "  update: coding " << p.our_id << " " << span_of(p.theirs) << ':';
    for (const auto& d : p.take) out << ' ' << d.aspect << " -> " << d.theirs << ';';
    if (!p.new_memos.empty()) out << ' ' << p.new_memos.size() << " memo(s)";
    out << '\n';
  }
  for (const auto& s : plan.skipped) out << "  skipped: " << s.what << ": " << s.reason << '\n';
}

void print_conflicts(std::ostream& out, const merge::MergePlan& plan) {
  for (const auto& p : plan.pairings) {
    if (!p.conflicts.empty()) print_conflict(out, p);
  }
}

void write_report(const std::string& file, const merge::MergePlan& plan, bool done) {
  std::ofstream out(file);
  if (!out) throw_io("cannot write the merge report " + file);
  print_counts(out, plan, done, done ? "" : "Dry run: nothing written. ");
  print_items(out, plan);
  print_conflicts(out, plan);
  if (!out.flush()) throw_io("cannot write the merge report " + file);
}

// Asks for each conflict; `q` leaves them unresolved (the merge is refused).
void ask(merge::MergePlan& plan) {
  for (auto& p : plan.pairings) {
    if (p.conflicts.empty() || p.resolution != merge::Resolution::Unresolved) continue;
    print_conflict(std::cout, p);
    for (;;) {
      std::cout << "  o keep ours, t take theirs, b keep both, q stop> " << std::flush;
      std::string answer;
      if (!std::getline(std::cin, answer) || answer == "q") return;
      if (answer == "o") p.resolution = merge::Resolution::KeepOurs;
      if (answer == "t") p.resolution = merge::Resolution::TakeTheirs;
      if (answer == "b") p.resolution = merge::Resolution::KeepBoth;
      if (p.resolution != merge::Resolution::Unresolved) break;
      std::cout << "  please answer o, t, b or q\n";
    }
  }
}

merge::MergeOptions options_of(const MergeArgs& a) {
  merge::MergeOptions o;
  o.coders = a.coders;
  o.add_codes = a.add_codes;
  return o;
}

// `other_dir` is the other copy, or the scratch project a REFI-QDA file was
// imported into; the plan names what the user gave.
merge::MergePlan plan_for(project::Project& project, const MergeArgs& a,
                          const std::filesystem::path& other_dir) {
  if (std::filesystem::exists(other_dir) &&
      std::filesystem::equivalent(other_dir, project.root())) {
    throw_usage("cannot merge a project into itself", "give the directory of the other copy");
  }
  merge::OtherProject other(other_dir, store::schema_version(project.store().db()));
  merge::MergeOptions options = options_of(a);
  options.other_name = a.other;
  return merge::plan_merge(project.store(), other, options);
}

// What the REFI-QDA import into the scratch project could not carry, and
// how it read positions: the merge can only bring in what got that far.
void print_refi_import(const refi::ImportReport& r) {
  std::cout << "Read " << r.file << " (REFI-QDA): " << r.source_labels.size() << " source(s), "
            << r.codings << " coding(s) by " << r.users << " user(s)\n";
  for (const std::string& line : r.readings) std::cout << "  positions: " << line << '\n';
  for (const std::string& line : r.notes) std::cout << "  note: " << line << '\n';
  for (const std::string& line : r.skipped) std::cout << "  not carried: " << line << '\n';
}

// Conflicts decided by the rule or by asking; ids of their codings -> decision.
std::map<std::int64_t, merge::Resolution> decide(merge::MergePlan& plan, const MergeArgs& a) {
  if (!a.on_conflict.empty() && a.on_conflict != "ask") {
    plan.resolve_all(merge::parse_resolution(a.on_conflict));
  } else if (plan.unresolved_count() > 0 && (a.on_conflict == "ask" || ::isatty(STDIN_FILENO))) {
    ask(plan);
  }
  std::map<std::int64_t, merge::Resolution> decided;
  for (const auto& p : plan.pairings) decided[p.theirs.their_id] = p.resolution;
  return decided;
}

int run_merge(Context& ctx, const MergeArgs& a) {
  if (!a.on_conflict.empty() && a.on_conflict != "ask") merge::parse_resolution(a.on_conflict);
  project::Project project = ctx.open_project();
  std::optional<merge::RefiScratchProject> refi_copy;
  std::filesystem::path other_dir = a.other;
  if (refi::is_refi_project_path(a.other)) {
    refi_copy.emplace(a.other, ctx.coder_identity());
    print_refi_import(refi_copy->report());
    other_dir = refi_copy->dir();
  }
  merge::MergePlan plan = plan_for(project, a, other_dir);
  if (a.dry_run) {
    if (!a.on_conflict.empty() && a.on_conflict != "ask") {
      plan.resolve_all(merge::parse_resolution(a.on_conflict));
    }
    print_counts(std::cout, plan, false, "Dry run: nothing written. ");
    if (a.verbose) print_items(std::cout, plan);
    print_conflicts(std::cout, plan);
    if (!a.report_file.empty()) write_report(a.report_file, plan, false);
    return 0;
  }
  const std::string coder = ctx.require_coder();  // before asking anything
  const auto decided = decide(plan, a);
  merge::MergeResult result;
  {
    // Plan again under the lock, so what is written is what the store holds
    // now; the decisions carry over by their coding id.
    project::WriteLock lock(project.lock_file(), project::write_lock_wait());
    store::WriteTransaction tx(project.store());
    plan = plan_for(project, a, other_dir);
    for (auto& p : plan.pairings) {
      if (auto d = decided.find(p.theirs.their_id); d != decided.end()) p.resolution = d->second;
    }
    if (plan.unresolved_count() > 0) {
      print_counts(std::cout, plan, false, "Refused: nothing written. ");
      print_conflicts(std::cout, plan);
      throw_conflict(std::to_string(plan.unresolved_count()) +
                         " coding(s) were changed differently on both sides; nothing was merged",
                     "choose with --on-conflict keep-ours, take-theirs or keep-both (or run it "
                     "in a terminal to be asked); --dry-run shows them");
    }
    result = merge::apply_merge(project.store(), plan, coder);
    tx.commit();
  }
  print_counts(std::cout, plan, true);
  if (a.verbose) print_items(std::cout, plan);
  print_conflicts(std::cout, plan);
  if (!a.report_file.empty()) write_report(a.report_file, plan, true);
  if (result.audit_id == 0) {
    std::cout << "Nothing new to merge: the project is unchanged.\n";
    return 0;
  }
  std::cout << "Merged: " << result.codings_added << " coding(s) added, " << result.codings_updated
            << " updated, " << result.memos_added << " memo(s) added, " << result.codes_added
            << " code(s) added (audit entry " << result.audit_id << ")\n";
  return 0;
}

}  // namespace

void register_merge(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<MergeArgs>();
  auto* cmd = app.add_subcommand(
      "merge", "bring the codings of another copy of this project (another coder's) into this one");
  cmd->add_option("OTHER", a->other,
                  "the other project's directory, or a REFI-QDA project file (.qdpx, .qde) "
                  "from another tool")
      ->required();
  cmd->add_flag("--dry-run", a->dry_run, "show what would be merged, write nothing");
  cmd->add_option("--coders", a->coders, "only these coders' codings (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--on-conflict", a->on_conflict,
                  "codings both sides changed differently: keep-ours, take-theirs, keep-both or "
                  "ask (default: ask in a terminal, else refuse)");
  cmd->add_flag(
      "--add-codes", a->add_codes,
      "add codes this codebook lacks as inductive codes (else their codings are skipped)");
  cmd->add_flag("--verbose,-v", a->verbose, "list every coding added, updated or skipped");
  cmd->add_option("--report", a->report_file, "write every item to this file");
  cmd->footer(examples({"casebook merge ../bob-copy --dry-run",
                        "casebook --coder sam merge ../bob-copy --coders bob",
                        "casebook --coder sam merge ../bob-copy --on-conflict take-theirs -v",
                        "casebook --coder sam merge from-nvivo.qdpx --add-codes --dry-run"}));
  cmd->callback([&ctx, a] { ctx.run = [&ctx, a] { return run_merge(ctx, *a); }; });
}

}  // namespace casebook::cli

// casebook codings: list codings with the quoted text, filtered by source,
// code (with sub-codes), coder, case and review status. Codings a reviewer
// rejected are left out unless asked for. In blind mode only your own.

#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/codings.hpp"

namespace casebook::cli {
namespace {

struct CodingsArgs {
  std::vector<std::string> sources, codes, coders, cases, statuses;
  bool removed = false, rejected = false, json = false, csv = false;
  std::size_t limit = 0;
};

std::string dims_text(const coding::CodingView& c) {
  std::string out;
  for (const auto& [name, value] : c.dims) out += (out.empty() ? "" : " ") + name + "=" + value;
  return out;
}

nlohmann::json coding_json(const coding::CodingView& c) {
  nlohmann::json dims = nlohmann::json::object();
  for (const auto& [name, value] : c.dims) dims[name] = value;
  nlohmann::json out = {
      {"id", c.id},        {"source", c.source_label}, {"start", c.span.start},
      {"end", c.span.end}, {"code", c.code},           {"coder", c.coder},
      {"unit", c.unit},    {"quote", c.quote},         {"created_at", c.created_at},
      {"dims", dims},      {"memos", c.memos}};
  out["review"] = {{"status", c.review_status},
                   {"by", c.reviewed_by.value_or("")},
                   {"at", c.reviewed_at.value_or("")},
                   {"reason", c.review_reason.value_or("")}};
  if (c.recoded_from) out["recoded_from"] = *c.recoded_from;
  if (c.removed_at) {
    out["removed"] = {{"at", *c.removed_at},
                      {"by", c.removed_by.value_or("")},
                      {"reason", c.removed_reason.value_or("")}};
  }
  return out;
}

// "accepted by carol", "rejected by carol", or "-" before review.
std::string review_text(const coding::CodingView& c) {
  if (c.review_status == "unreviewed") return "-";
  return c.review_status + (c.reviewed_by ? " by " + *c.reviewed_by : "");
}

std::vector<std::string> coding_row(const coding::CodingView& c, bool full_quote) {
  std::vector<std::string> row = {std::to_string(c.id),
                                  c.source_label,
                                  std::to_string(c.span.start) + ":" + std::to_string(c.span.end),
                                  c.code,
                                  c.coder,
                                  dims_text(c),
                                  review_text(c),
                                  full_quote ? c.quote : one_line(c.quote, 60)};
  if (c.removed_at) row.back() = "(removed) " + row.back();
  return row;
}

int list(Context& ctx, const CodingsArgs& args) {
  project::Project project = ctx.open_project();
  const coding::Viewer viewer = ctx.viewer(project);
  coding::CodingFilter filter;
  filter.sources = args.sources;
  filter.codes = args.codes;
  filter.coders = args.coders;
  filter.cases = args.cases;
  filter.include_removed = args.removed;
  filter.statuses = args.statuses;
  filter.include_rejected = args.rejected;
  filter.only_coder = viewer.only();
  filter.limit = args.limit;
  const auto codings = coding::list_codings(project.store(), filter);
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : codings) out.push_back(coding_json(c));
    print_json(out);
    return 0;
  }
  const std::vector<std::string> header = {"id",    "source", "span",   "code",
                                           "coder", "dims",   "review", "quote"};
  if (args.csv) {
    write_csv_row(std::cout, header);
    for (const auto& c : codings) write_csv_row(std::cout, coding_row(c, true));
    return 0;
  }
  if (codings.empty()) {
    std::cout << "No codings" << (viewer.blind ? " of yours (blind mode)" : "")
              << (filter.sources.empty() && filter.codes.empty() ? "" : " match") << ".\n";
    return 0;
  }
  Table table(header);
  for (const auto& c : codings) table.add(coding_row(c, false));
  table.print(std::cout);
  std::cout << codings.size() << " coding(s)" << (viewer.blind ? ", yours only (blind mode)" : "")
            << "\n";
  return 0;
}

}  // namespace

void register_codings(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CodingsArgs>();
  auto* cmd = app.add_subcommand("codings", "list codings with their quotes");
  cmd->add_option("--source", args->sources, "only in these sources (labels)")
      ->allow_extra_args(false);
  cmd->add_option("--code", args->codes, "only these codes, with their sub-codes")
      ->allow_extra_args(false);
  cmd->add_option("--coder", args->coders, "only by these coders")->allow_extra_args(false);
  cmd->add_option("--case", args->cases, "only in sources of these cases")->allow_extra_args(false);
  cmd->add_flag("--removed", args->removed, "include removed codings");
  cmd->add_flag("--include-rejected", args->rejected,
                "include codings a reviewer rejected as mis-coded");
  cmd->add_option("--status", args->statuses,
                  "only with these review statuses: unreviewed, accepted, rejected")
      ->allow_extra_args(false);
  cmd->add_option("--limit", args->limit, "at most this many");
  auto* json = cmd->add_flag("--json", args->json, "print JSON");
  cmd->add_flag("--csv", args->csv, "print CSV (full quotes)")->excludes(json);
  cmd->footer(examples(
      {"casebook codings --source Int-7", "casebook codings --code expost --case B",
       "casebook codings --coder alice --csv > alice.csv", "casebook codings --status rejected"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return list(ctx, *args); }; });
}

}  // namespace casebook::cli

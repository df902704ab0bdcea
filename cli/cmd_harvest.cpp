// casebook harvest moderngov BASE_URL: fetch committee papers from a council's
// ModernGov site and import them with their metadata and provenance.

#include <iomanip>
#include <iostream>

#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/harvest/http_client.hpp"
#include "engine/harvest/moderngov_harvester.hpp"

namespace casebook::cli {
namespace {

struct HarvestArgs {
  harvest::HarvestOptions options;
  std::vector<std::string> cases;
  std::string council;
  long timeout_seconds = 60;
  std::size_t max_size_mb = 100;
  bool json = false;
};

std::string status_word(harvest::DocumentStatus status) {
  switch (status) {
    case harvest::DocumentStatus::Imported:
      return "imported";
    case harvest::DocumentStatus::Unchanged:
      return "unchanged";
    case harvest::DocumentStatus::Skipped:
      return "skipped";
    case harvest::DocumentStatus::Restricted:
      return "restricted";
    case harvest::DocumentStatus::Planned:
      return "would fetch";
    case harvest::DocumentStatus::Failed:
      return "failed";
  }
  return "?";
}

std::string display_title(const harvest::HarvestDocument& d) {
  return d.document_title.empty() ? d.item_title : d.document_title;
}

void clear_activity_line() {
  if (stderr_is_terminal()) std::cerr << "\r\033[K" << std::flush;
}

// What the harvester is doing right now, on one redrawn line; only on a
// terminal, so logs and pipes get just the results.
void show_activity(const std::string& message) {
  if (!stderr_is_terminal()) return;
  constexpr std::size_t kMax = 100;
  std::string line = message.size() > kMax ? message.substr(0, kMax - 3) + "..." : message;
  std::cerr << "\r" << line << "\033[K" << std::flush;
}

void show_error(const std::string& error, const std::string& hint) {
  clear_activity_line();
  std::cerr << "casebook: error: " << error << '\n';
  if (!hint.empty()) std::cerr << "  hint: " << hint << '\n';
}

// One line per document as soon as it is done, so an interrupted run still
// shows what it finished.
void show_document(const harvest::DocumentOutcome& outcome, bool json) {
  if (outcome.status == harvest::DocumentStatus::Failed) show_error(outcome.error, outcome.hint);
  if (json) return;
  clear_activity_line();
  const harvest::HarvestDocument& d = outcome.document;
  std::cout << std::left << std::setw(12) << status_word(outcome.status) << std::setw(9)
            << (outcome.label.empty() ? "-" : outcome.label) << display_title(d) << "  ("
            << d.committee_title << ", " << d.meeting_date << ")";
  if (outcome.status == harvest::DocumentStatus::Planned) std::cout << "  " << d.url;
  std::cout << std::endl;
}

nlohmann::json document_json(const harvest::DocumentOutcome& o) {
  const harvest::HarvestDocument& d = o.document;
  nlohmann::json j = {{"status", status_word(o.status)},  {"label", o.label},
                      {"committee", d.committee_title},   {"committee_id", d.committee_id},
                      {"meeting_id", d.meeting_id},       {"meeting_date", d.meeting_date},
                      {"item_title", d.item_title},       {"document_title", d.document_title},
                      {"document_type", d.document_type}, {"url", d.url}};
  if (o.http_status != 0) j["http_status"] = o.http_status;
  if (!o.content_type.empty()) j["content_type"] = o.content_type;
  if (!o.format.empty()) j["format"] = o.format;
  if (o.status == harvest::DocumentStatus::Failed) {
    j["error"] = o.error;
    j["hint"] = o.hint;
  }
  return j;
}

nlohmann::json report_json(const harvest::HarvestReport& r, bool dry_run) {
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : r.documents) documents.push_back(document_json(d));
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : r.listing_failures) {
    failures.push_back({{"url", f.url}, {"error", f.error}, {"hint", f.hint}});
  }
  using S = harvest::DocumentStatus;
  return {{"base_url", r.base_url},           {"dry_run", dry_run},
          {"committees", r.committees},       {"meetings", r.meetings},
          {"requests", r.requests},           {"limit_reached", r.limit_reached},
          {"imported", r.count(S::Imported)}, {"unchanged", r.count(S::Unchanged)},
          {"skipped", r.count(S::Skipped)},   {"restricted", r.count(S::Restricted)},
          {"planned", r.count(S::Planned)},   {"failed", r.count(S::Failed)},
          {"listing_failures", failures},     {"documents", documents}};
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void print_summary(const harvest::HarvestReport& r, const harvest::HarvestOptions& options) {
  using S = harvest::DocumentStatus;
  if (options.dry_run) {
    std::cout << r.count(S::Planned) << " would be fetched, " << r.count(S::Skipped)
              << " already harvested";
  } else {
    std::cout << r.count(S::Imported) << " imported, " << r.count(S::Unchanged) << " unchanged, "
              << r.count(S::Skipped) << " skipped (already harvested), " << r.count(S::Failed)
              << " failed";
  }
  if (r.count(S::Restricted) > 0) {
    std::cout << ", " << r.count(S::Restricted) << " restricted by the council (not published)";
  }
  std::cout << "; " << plural(r.meetings, "meeting") << " of "
            << plural(r.committees.size(), "committee") << ", " << plural(r.requests, "request")
            << '\n';
  if (!r.listing_failures.empty()) {
    std::cout << plural(r.listing_failures.size(), "web-service request")
              << " failed; run the same command again to retry them\n";
  }
  if (r.limit_reached) {
    std::cout << "stopped at --limit " << options.limit
              << "; run the same command again to fetch more\n";
  }
}

int run_moderngov(Context& ctx, HarvestArgs& args) {
  harvest::HarvestOptions options = args.options;
  options.import.coder = ctx.coder_identity();
  options.import.cases = args.cases;
  options.import.council = args.council;
  if (args.timeout_seconds <= 0) {
    throw_usage("--timeout must be at least 1 second", "for example --timeout 60");
  }
  if (args.max_size_mb == 0) throw_usage("--max-size must be at least 1 MB", "");

  harvest::HttpOptions http;
  http.timeout_seconds = args.timeout_seconds;
  http.connect_timeout_seconds = std::min<long>(args.timeout_seconds, 15);
  http.stall_seconds = std::min<long>(args.timeout_seconds, 30);
  http.max_body_bytes = args.max_size_mb << 20;
  harvest::HttpClient client(http);

  project::Project project = ctx.open_project();
  harvest::HarvestEvents events;
  const bool json = args.json;
  events.document = [json](const harvest::DocumentOutcome& o) { show_document(o, json); };
  events.listing_failure = [](const harvest::ListingFailure& f) { show_error(f.error, f.hint); };
  events.activity = show_activity;

  harvest::HarvestReport report;
  try {
    report = harvest::harvest_moderngov(project, client, options, events);
  } catch (...) {
    clear_activity_line();
    throw;
  }
  clear_activity_line();
  if (json) {
    print_json(report_json(report, options.dry_run));
  } else {
    print_summary(report, options);
  }
  return report.any_failed() ? 1 : 0;
}

}  // namespace

void register_harvest(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("harvest", "fetch documents from a council's web site");
  cmd->require_subcommand(1);
  auto args = std::make_shared<HarvestArgs>();
  auto* mg = cmd->add_subcommand(
      "moderngov",
      "fetch committee papers (agendas, reports, minutes) from a ModernGov site and import them");
  mg->add_option("BASE_URL", args->options.base_url,
                 "the council's ModernGov site, e.g. https://democracy.example.gov.uk")
      ->required();
  mg->add_option("--committee", args->options.committee,
                 "committee id, or part of its title (any case); default: every committee");
  mg->add_option("--from", args->options.from,
                 "first meeting date, yyyy-mm-dd (default 1990-01-01)");
  mg->add_option("--to", args->options.to, "last meeting date, yyyy-mm-dd (default today)");
  mg->add_option("--match", args->options.match,
                 "only documents whose title or agenda item contains TEXT (any case)");
  mg->add_option("--delay", args->options.delay_seconds,
                 "seconds between requests, to be polite to the server (default 1)");
  mg->add_option("--limit", args->options.limit,
                 "download at most N documents this run (already harvested ones do not count)");
  mg->add_option("--timeout", args->timeout_seconds,
                 "seconds to allow for one request (default 60)");
  mg->add_option("--max-size", args->max_size_mb,
                 "largest document to download, in MB (default 100)");
  mg->add_option("--case", args->cases, "case(s) the harvested sources belong to (repeat or A,B)")
      ->delimiter(',')
      ->allow_extra_args(false);
  mg->add_option("--council", args->council, "council the documents come from");
  mg->add_flag("--dry-run", args->options.dry_run,
               "list what would be downloaded; download and import nothing");
  mg->add_flag("--json", args->json, "print the result as JSON");
  mg->footer(examples(
      {"casebook harvest moderngov https://democracy.example.gov.uk --committee cabinet "
       "--from 2019-01-01 --to 2019-12-31 --dry-run",
       "casebook harvest moderngov https://democracy.example.gov.uk --committee 103 "
       "--match \"shared service\" --case A --council \"Example Borough\"",
       "(run the same command again after an interruption: only what is missing is fetched)"}));
  mg->callback([&ctx, args] { ctx.run = [&ctx, args] { return run_moderngov(ctx, *args); }; });
}

}  // namespace casebook::cli

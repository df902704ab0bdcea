#include "engine/harvest/moderngov_harvester.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <set>

#include "engine/core/error.hpp"
#include "engine/harvest/polite_fetcher.hpp"
#include "engine/harvest/urls.hpp"
#include "engine/store/sources.hpp"
#include "engine/store/store.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/normalize.hpp"
#include "importers/moderngov.hpp"

namespace casebook::harvest {
namespace mg = importers::moderngov;

namespace {

constexpr const char* kEarliestDate = "1990-01-01";  // before any ModernGov site existed
constexpr double kMaxDelaySeconds = 3600;

std::string today_iso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool is_iso_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return !mg::iso_date(s).empty();  // a real day: no 2019-02-30
}

std::string checked_date(const std::string& option, const std::string& value,
                         const std::string& fallback) {
  if (value.empty()) return fallback;
  if (!is_iso_day(value)) {
    throw_usage(option + " '" + value + "' is not a date yyyy-mm-dd",
                "for example " + option + " 2019-04-01");
  }
  return value;
}

bool all_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool contains_folded(const std::string& haystack, const std::string& folded_needle) {
  return text::fold_for_index(haystack).find(folded_needle) != std::string::npos;
}

std::string web_service_url(const std::string& base, const std::string& operation) {
  return base + "/mgWebService.asmx/" + operation;
}

// The body of a web-service answer; Error(Io) for anything but HTTP 200 (the
// XML itself is checked by the parse functions, which recognise HTML pages).
std::string fetch_web_service(Fetcher& fetcher, const std::string& url) {
  HttpResponse response = fetcher.get(url);
  if (response.status != 200) {
    throw_io(url + ": the web service answered HTTP " + std::to_string(response.status),
             "check that BASE_URL is the council's ModernGov site (BASE_URL/mgWebService.asmx "
             "lists the operations in a browser); if the site is down, retry later");
  }
  return std::move(response.body);
}

std::string committee_list_for_hint(const std::vector<mg::Committee>& committees) {
  std::string out;
  std::size_t shown = 0;
  for (const mg::Committee& c : committees) {
    if (shown == 8) {
      out += ", ... (" + std::to_string(committees.size()) + " in all)";
      break;
    }
    out += (shown++ ? ", " : "") + c.title + " (" + c.id + ")";
  }
  return out.empty() ? "the site lists no committees" : "committees: " + out;
}

bool is_fatal_for_the_run(const Error& e) {
  // Problems with the project, not with one document: every further
  // document would fail the same way. (The run's options are checked before
  // the first request, so a Usage error here is about one document.)
  return e.kind() == ErrorKind::Busy || e.kind() == ErrorKind::Internal;
}

// The charset a server names, when casebook knows it; an unknown name is
// left out so the importers detect the encoding themselves.
std::optional<std::string> known_charset(const std::string& content_type) {
  std::string charset = charset_of(content_type);
  if (charset.empty()) return std::nullopt;
  try {
    text::require_known_encoding(charset);
    return charset;
  } catch (const Error&) {
    return std::nullopt;
  }
}

class Harvester {
 public:
  Harvester(project::Project& project, Fetcher& fetcher, const HarvestOptions& options,
            const HarvestEvents& events)
      : project_(project),
        options_(options),
        events_(events),
        base_(normalize_base_url(options.base_url)),
        from_(checked_date("--from", options.from, kEarliestDate)),
        to_(checked_date("--to", options.to, today_iso())),
        match_(text::fold_for_index(options.match)),
        fetcher_(fetcher, checked_delay(options.delay_seconds)) {
    if (from_ > to_) {
      throw_usage("--from " + from_ + " is after --to " + to_, "swap the two dates");
    }
    // The cases every harvested source is linked to must exist before
    // anything is fetched.
    ingest::require_cases_exist(project_, options_.import.cases);
    report_.base_url = base_;
  }

  HarvestReport run() {
    std::vector<mg::Committee> committees = selected_committees();
    for (const mg::Committee& committee : committees) {
      if (stopped_) break;
      report_.committees.push_back(committee.title);
      harvest_committee(committee);
    }
    report_.requests = fetcher_.requests();
    return std::move(report_);
  }

 private:
  static std::chrono::milliseconds checked_delay(double seconds) {
    if (!(seconds >= 0 && seconds <= kMaxDelaySeconds)) {
      throw_usage("--delay " + std::to_string(seconds) + " is not between 0 and 3600 seconds",
                  "the default, 1 second between requests, is polite to a council's server");
    }
    return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
  }

  std::vector<mg::Committee> selected_committees() {
    const std::string url = web_service_url(base_, "GetCommittees");
    activity("asking " + url + " for the committees");
    std::vector<mg::Committee> all = mg::parse_committees(url, fetch_web_service(fetcher_, url));
    if (options_.committee.empty()) return all;

    std::vector<mg::Committee> chosen;
    const bool by_id = all_digits(options_.committee);
    const std::string wanted = text::fold_for_index(options_.committee);
    for (const mg::Committee& c : all) {
      if (by_id ? c.id == options_.committee : contains_folded(c.title, wanted)) {
        chosen.push_back(c);
      }
    }
    if (chosen.empty()) {
      throw_not_found("no committee " + std::string(by_id ? "has the id " : "title contains ") +
                          "'" + options_.committee + "' at " + base_,
                      committee_list_for_hint(all));
    }
    return chosen;
  }

  void harvest_committee(const mg::Committee& committee) {
    const std::string url =
        web_service_url(base_, "GetMeetings") + "?lCommitteeId=" + url_encode(committee.id) +
        "&sFromDate=" + moderngov_date(from_) + "&sToDate=" + moderngov_date(to_);
    activity("asking for the meetings of " + committee.title + " (" + committee.id + ")");
    std::vector<mg::Meeting> meetings;
    if (!listing(url, [&] {
          meetings = mg::parse_meetings(url, fetch_web_service(fetcher_, url), true);
        })) {
      return;
    }
    // The server filters by date too, but not every version does it the same
    // way; keeping only the range asked for is cheap insurance.
    meetings.erase(std::remove_if(meetings.begin(), meetings.end(),
                                  [&](const mg::Meeting& m) {
                                    return !m.date.empty() && (m.date < from_ || m.date > to_);
                                  }),
                   meetings.end());
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const mg::Meeting& a, const mg::Meeting& b) { return a.date < b.date; });
    for (const mg::Meeting& meeting : meetings) {
      if (stopped_) return;
      harvest_meeting(committee, meeting);
    }
  }

  void harvest_meeting(const mg::Committee& committee, const mg::Meeting& listed) {
    const std::string url =
        web_service_url(base_, "GetMeeting") + "?lMeetingId=" + url_encode(listed.id);
    activity("asking for meeting " + listed.id + " of " + committee.title + " on " + listed.date);
    mg::MeetingDetail detail;
    if (!listing(url, [&] { detail = mg::parse_meeting(url, fetch_web_service(fetcher_, url)); })) {
      return;
    }
    ++report_.meetings;
    HarvestDocument base;
    base.committee_id = committee.id;
    base.committee_title = committee.title;
    base.meeting_id = detail.meeting.id.empty() ? listed.id : detail.meeting.id;
    base.meeting_date = detail.meeting.date.empty() ? listed.date : detail.meeting.date;
    for (const mg::Document& d : detail.documents) {
      if (stopped_) return;
      consider(base, "", d);
    }
    for (const mg::AgendaItem& item : detail.items) {
      for (const mg::Document& d : item.documents) {
        if (stopped_) return;
        consider(base, item.title, d);
      }
    }
  }

  // Runs one web-service step; a failure is reported and the harvest goes on.
  template <typename Step>
  bool listing(const std::string& url, Step step) {
    try {
      step();
      return true;
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Usage) throw;
      ListingFailure failure{url, e.what(), e.hint()};
      report_.listing_failures.push_back(failure);
      if (events_.listing_failure) events_.listing_failure(failure);
      return false;
    }
  }

  void consider(HarvestDocument doc, const std::string& item_title, const mg::Document& d) {
    if (d.url.empty()) return;  // a placeholder the council has not published yet
    doc.item_title = item_title;
    doc.document_title = d.title;
    doc.document_type = d.type;
    if (!match_.empty() && !contains_folded(doc.item_title, match_) &&
        !contains_folded(doc.document_title, match_)) {
      return;
    }
    doc.url = resolve_document_url(base_, d.url);
    if (!seen_.insert(doc.url).second) return;  // linked from several items or meetings

    DocumentOutcome outcome;
    outcome.document = doc;
    if (auto existing = store::find_source_by_url(project_.store(), doc.url)) {
      outcome.status = DocumentStatus::Skipped;
      outcome.label = existing->label;
    } else if (d.restricted) {
      outcome.status = DocumentStatus::Restricted;  // the server would refuse it
    } else if (options_.limit > 0 && downloads_ >= options_.limit) {
      report_.limit_reached = true;
      stopped_ = true;
      return;
    } else {
      ++downloads_;
      if (options_.dry_run) {
        outcome.status = DocumentStatus::Planned;
      } else {
        download_and_import(outcome);
      }
    }
    report_.documents.push_back(outcome);
    if (events_.document) events_.document(report_.documents.back());
  }

  void download_and_import(DocumentOutcome& outcome) {
    const HarvestDocument& doc = outcome.document;
    activity("downloading " + doc.url);
    try {
      HttpResponse response = fetcher_.get(doc.url);
      outcome.http_status = response.status;
      outcome.content_type = response.content_type;
      if (response.status != 200) {
        throw_io(doc.url + ": the server answered HTTP " + std::to_string(response.status),
                 "the document may have been withdrawn or be restricted; the rest of the "
                 "harvest goes on, and running it again retries this one");
      }
      if (response.body.empty()) {
        throw_data(doc.url + ": the server sent an empty document",
                   "running the harvest again retries it");
      }
      import(outcome, make_request(doc, std::move(response)));
    } catch (const Error& e) {
      if (is_fatal_for_the_run(e)) throw;
      outcome.status = DocumentStatus::Failed;
      outcome.error = e.what();
      outcome.hint = e.hint();
    }
  }

  ingest::SourceRequest make_request(const HarvestDocument& doc, HttpResponse response) const {
    ingest::SourceRequest request;
    request.path = document_file_name(doc.document_title, response.content_type,
                                      response.final_url.empty() ? doc.url : response.final_url);
    request.title = doc.document_title.empty() ? doc.item_title : doc.document_title;
    request.date = doc.meeting_date;
    request.type = source_type_for(doc.document_type);
    request.attributes = {{"committee", doc.committee_title},
                          {"meeting_date", doc.meeting_date},
                          {"moderngov_meeting_id", doc.meeting_id},
                          {"document_title", doc.document_title}};
    if (!doc.item_title.empty()) request.attributes["item_title"] = doc.item_title;
    request.encoding = known_charset(response.content_type);
    request.provenance.url = doc.url;  // as asked for: the key a later run resumes by
    request.provenance.retrieved_at = store::utc_now();
    request.provenance.http_status = static_cast<int>(response.status);
    request.provenance.content_type = response.content_type;
    request.provenance.note = "harvested from ModernGov at " + base_;
    if (!response.final_url.empty() && response.final_url != doc.url) {
      request.provenance.note += "; redirected to " + response.final_url;
    }
    request.bytes = std::move(response.body);
    return request;
  }

  void import(DocumentOutcome& outcome, const ingest::SourceRequest& request) {
    ingest::ImportSummary summary = ingest::import_requests(project_, {request}, options_.import);
    if (summary.files.empty()) {
      throw_data(outcome.document.url + ": the document holds no source", "");
    }
    const ingest::FileOutcome& file = summary.files.front();
    outcome.label = file.label;
    outcome.format = file.format;
    switch (file.status) {
      case ingest::FileStatus::Imported:
      case ingest::FileStatus::Replaced:
        outcome.status = DocumentStatus::Imported;
        break;
      case ingest::FileStatus::Unchanged:
        outcome.status = DocumentStatus::Unchanged;
        break;
      case ingest::FileStatus::Failed:
        outcome.status = DocumentStatus::Failed;
        outcome.error = file.error;
        outcome.hint = file.hint;
        break;
    }
  }

  void activity(const std::string& message) const {
    if (events_.activity) events_.activity(message);
  }

  project::Project& project_;
  const HarvestOptions& options_;
  const HarvestEvents& events_;
  const std::string base_;
  const std::string from_;
  const std::string to_;
  const std::string match_;
  PoliteFetcher fetcher_;
  HarvestReport report_;
  std::set<std::string> seen_;
  std::size_t downloads_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::size_t HarvestReport::count(DocumentStatus status) const {
  return static_cast<std::size_t>(
      std::count_if(documents.begin(), documents.end(),
                    [status](const DocumentOutcome& d) { return d.status == status; }));
}

bool HarvestReport::any_failed() const {
  return !listing_failures.empty() || count(DocumentStatus::Failed) > 0;
}

std::string source_type_for(const std::string& document_type) {
  if (document_type == "agenda") return "agenda";
  if (document_type == "minutes" || document_type == "decision") return "minutes";
  if (document_type == "report" || document_type == "appendix") return "report";
  return "document";
}

std::string moderngov_date(const std::string& iso_date) {
  if (iso_date.size() != 10) return iso_date;
  return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

HarvestReport harvest_moderngov(project::Project& project, Fetcher& fetcher,
                                const HarvestOptions& options, const HarvestEvents& events) {
  return Harvester(project, fetcher, options, events).run();
}

}  // namespace casebook::harvest

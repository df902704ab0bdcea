#pragma once
// Harvesting committee papers from a council's ModernGov site.
//
// The site's web service (BASE_URL/mgWebService.asmx, plain HTTP GET) says
// which committees exist (GetCommittees), which meetings a committee held
// between two dates (GetMeetings) and which documents each meeting has,
// on its own and under each agenda item (GetMeeting). The harvester walks
// that tree meeting by meeting, keeps the documents the filters select,
// downloads each one and imports it at once with its metadata and
// provenance, so an interrupted run keeps everything it finished.
//
// Resuming: a document whose URL is already a source's provenance is skipped
// without being downloaded; a download identical to a stored original is
// reported unchanged by ingest. Running the same harvest again therefore
// fetches only what is missing.
//
// Failures: when the committee list cannot be had (network, timeout, an HTML
// page instead of XML) the harvest throws before anything is written. A
// meeting list or meeting that fails, or a document that fails to download
// or import, is reported and the harvest goes on.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/harvest/http_client.hpp"
#include "engine/ingest/import_files.hpp"
#include "engine/project/project.hpp"

namespace casebook::harvest {

struct HarvestOptions {
  std::string base_url;          // the ModernGov site, e.g. https://democracy.example.gov.uk
  std::string committee;         // numeric id, or part of the title (any case); empty: all
  std::string from;              // ISO yyyy-mm-dd; empty: 1990-01-01
  std::string to;                // ISO yyyy-mm-dd; empty: today
  std::string match;             // part of the agenda item or document title (any case); empty: all
  double delay_seconds = 1.0;    // between the starts of two requests
  std::size_t limit = 0;         // at most this many downloads; 0: no limit
  bool dry_run = false;          // list what would be fetched; download and write nothing
  ingest::ImportOptions import;  // coder, council, cases for every harvested source
};

// One document as the web service describes it.
struct HarvestDocument {
  std::string committee_id;
  std::string committee_title;
  std::string meeting_id;
  std::string meeting_date;  // ISO
  std::string item_title;    // empty for a document of the meeting itself
  std::string document_title;
  std::string document_type;  // "agenda", "minutes", "report", ... (importers/moderngov.hpp)
  std::string url;            // absolute
};

enum class DocumentStatus {
  Imported,    // downloaded and imported
  Unchanged,   // downloaded, but identical to a stored original
  Skipped,     // its URL is already a source: not downloaded
  Restricted,  // the council withholds it (<isrestricted>): not requested
  Planned,     // --dry-run: would be downloaded
  Failed,
};

struct DocumentOutcome {
  HarvestDocument document;
  DocumentStatus status = DocumentStatus::Failed;
  std::string label;  // the source's label (imported, unchanged, skipped)
  long http_status = 0;
  std::string content_type;
  std::string format;
  std::string error;  // for Failed
  std::string hint;
};

// A web-service request that failed (a committee's meeting list, a meeting).
struct ListingFailure {
  std::string url;
  std::string error;
  std::string hint;
};

struct HarvestReport {
  std::string base_url;                 // normalized
  std::vector<std::string> committees;  // titles of the committees searched
  std::size_t meetings = 0;             // meetings looked at
  std::vector<DocumentOutcome> documents;
  std::vector<ListingFailure> listing_failures;
  bool limit_reached = false;  // stopped by HarvestOptions::limit
  std::size_t requests = 0;    // HTTP requests made

  std::size_t count(DocumentStatus status) const;
  bool any_failed() const;
};

struct HarvestEvents {
  std::function<void(const DocumentOutcome&)> document;        // each document, as it is done
  std::function<void(const ListingFailure&)> listing_failure;  // each failed listing
  std::function<void(const std::string&)> activity;  // "GetMeetings for Cabinet", for progress
};

// Validates the options (Error(Usage) before any request), then harvests.
// `fetcher` does the HTTP; the delay between requests is added here.
HarvestReport harvest_moderngov(project::Project& project, Fetcher& fetcher,
                                const HarvestOptions& options, const HarvestEvents& events = {});

// The source type a ModernGov document type maps to: agenda -> agenda,
// minutes and decision -> minutes, report and appendix -> report, else
// document.
std::string source_type_for(const std::string& document_type);

// "2019-05-14" -> "14/05/2019", the web service's date form.
std::string moderngov_date(const std::string& iso_date);

}  // namespace casebook::harvest

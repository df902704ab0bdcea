// The ModernGov harvester against an in-memory fake of the web service (no
// network): committee and date selection, --match, metadata and provenance
// of imported sources, skipping what is already harvested, a failing
// document that does not stop the rest, and failures that stop the harvest
// before anything is written.

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

#include "engine/harvest/moderngov_harvester.hpp"
#include "engine/store/sources.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
namespace harvest = casebook::harvest;
using harvest::DocumentStatus;

namespace {

const std::string kBase = "https://democracy.fenwick.example";
const std::string kService = kBase + "/mgWebService.asmx/";

class FakeSite : public harvest::Fetcher {
 public:
  std::map<std::string, harvest::HttpResponse> responses;
  std::map<std::string, int> asked;

  void add(const std::string& url, std::string body, std::string type = "text/xml; charset=utf-8",
           long status = 200) {
    harvest::HttpResponse r;
    r.status = status;
    r.url = r.final_url = url;
    r.content_type = std::move(type);
    r.body = std::move(body);
    responses[url] = std::move(r);
  }

  harvest::HttpResponse get(const std::string& url) override {
    ++asked[url];
    auto it = responses.find(url);
    if (it == responses.end()) casebook::throw_io(url + ": Empty reply from server", "retry");
    return it->second;
  }
};

std::string committees_xml() {
  return R"(<?xml version="1.0" encoding="utf-8"?><committees>
    <committee><committeeid>1</committeeid><committeetitle>Cabinet</committeetitle></committee>
    <committee><committeeid>2</committeeid><committeetitle>Joint Waste Committee</committeetitle></committee>
  </committees>)";
}

std::string meetings_xml() {
  return R"(<?xml version="1.0"?><getmeetings><meetings>
    <meeting><meetingid>20</meetingid><meetingdate>03/03/2020</meetingdate></meeting>
    <meeting><meetingid>10</meetingid><meetingdate>01/02/2019</meetingdate></meeting>
  </meetings></getmeetings>)";
}

std::string meeting_xml(const std::string& id, const std::string& date, const std::string& docs) {
  return "<?xml version=\"1.0\"?><meeting><meetingid>" + id + "</meetingid><meetingdate>" + date +
         "</meetingdate><agendaitems><agendaitem><agendaitemtitle>Waste contract"
         "</agendaitemtitle><linkeddocuments>" +
         docs + "</linkeddocuments></agendaitem></agendaitems></meeting>";
}

std::string doc(const std::string& title, const std::string& url) {
  return "<linkeddoc><title>" + title + "</title><url>" + url + "</url></linkeddoc>";
}

struct Fixture {
  TempDir dir{"harvest"};
  casebook::project::Project project = casebook::project::Project::init(dir / "proj");
  FakeSite site;
  harvest::HarvestOptions options;

  Fixture() {
    site.add(kService + "GetCommittees", committees_xml());
    site.add(kService + "GetMeetings?lCommitteeId=2&sFromDate=01/01/2019&sToDate=31/12/2019",
             meetings_xml());
    site.add(kService + "GetMeeting?lMeetingId=10",
             meeting_xml("10", "01/02/2019",
                         doc("Waste contract report", "/documents/s1/Report.txt") +
                             doc("Appendix: depot costs", "mgConvert2PDF.aspx?ID=2")));
    site.add(kBase + "/documents/s1/Report.txt", "The waste contract ends in 2021.\n",
             "text/plain; charset=utf-8");
    site.add(kBase + "/mgConvert2PDF.aspx?ID=2", "Depot costs rose by a tenth.\n", "text/plain");
    options.base_url = kBase + "/";
    options.committee = "waste";
    options.from = "2019-01-01";
    options.to = "2019-12-31";
    options.delay_seconds = 0;
    options.import.coder = "tester";
  }

  harvest::HarvestReport run() { return harvest::harvest_moderngov(project, site, options); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(harvest_moderngov, Fixture)

BOOST_AUTO_TEST_CASE(imports_the_selected_meetings_documents_with_metadata) {
  harvest::HarvestReport report = run();
  BOOST_TEST(report.count(DocumentStatus::Imported) == 2u);
  BOOST_TEST(report.meetings == 1u);  // the 2020 meeting is outside the range
  BOOST_TEST(site.asked.count(kService + "GetMeeting?lMeetingId=20") == 0u);
  BOOST_TEST(!report.any_failed());

  auto source =
      casebook::store::find_source_by_url(project.store(), kBase + "/documents/s1/Report.txt");
  BOOST_REQUIRE(source);
  BOOST_TEST(source->title == "Waste contract report");
  BOOST_TEST(source->date == "2019-02-01");
  BOOST_TEST(source->type == "report");
  BOOST_TEST(source->attributes["committee"] == "Joint Waste Committee");
  BOOST_TEST(source->attributes["meeting_date"] == "2019-02-01");
  BOOST_TEST(source->attributes["item_title"] == "Waste contract");
  BOOST_TEST(source->attributes["document_title"] == "Waste contract report");
  BOOST_TEST(source->attributes["moderngov_meeting_id"] == "10");
  BOOST_TEST(source->provenance.http_status == 200);
  BOOST_TEST(source->provenance.content_type == "text/plain; charset=utf-8");
  BOOST_TEST(source->provenance.note == "harvested from ModernGov at " + kBase);
  BOOST_TEST(!source->provenance.retrieved_at.empty());
}

BOOST_AUTO_TEST_CASE(a_second_run_downloads_nothing) {
  run();
  harvest::HarvestReport again = run();
  BOOST_TEST(again.count(DocumentStatus::Skipped) == 2u);
  BOOST_TEST(again.count(DocumentStatus::Imported) == 0u);
  BOOST_TEST(site.asked[kBase + "/documents/s1/Report.txt"] == 1);
}

BOOST_AUTO_TEST_CASE(match_selects_by_document_or_item_title) {
  options.match = "DEPOT";
  harvest::HarvestReport report = run();
  BOOST_REQUIRE(report.documents.size() == 1u);
  BOOST_TEST(report.documents[0].document.document_title == "Appendix: depot costs");
  options.match = "waste contract";  // the item's title: both papers
  BOOST_TEST(run().documents.size() == 2u);
}

BOOST_AUTO_TEST_CASE(double_escaped_titles_read_as_written) {
  site.add(kService + "GetMeeting?lMeetingId=10",
           meeting_xml("10", "01/02/2019", doc("Fees &amp;amp; Charges", "/f.txt")));
  site.add(kBase + "/f.txt", "Fees.\n", "text/plain");
  options.match = "fees & charges";
  harvest::HarvestReport report = run();
  BOOST_REQUIRE(report.documents.size() == 1u);
  BOOST_TEST(report.documents[0].document.document_title == "Fees & Charges");
}

BOOST_AUTO_TEST_CASE(restricted_papers_are_not_requested) {
  site.add(kService + "GetMeeting?lMeetingId=10",
           meeting_xml("10", "01/02/2019",
                       doc("Public report", "/p.txt") +
                           "<linkeddoc><title>Exempt appendix</title><url>/x.txt</url>"
                           "<isrestricted>True</isrestricted></linkeddoc>"));
  site.add(kBase + "/p.txt", "Public.\n", "text/plain");
  harvest::HarvestReport report = run();
  BOOST_TEST(report.count(DocumentStatus::Imported) == 1u);
  BOOST_TEST(report.count(DocumentStatus::Restricted) == 1u);
  BOOST_TEST(site.asked.count(kBase + "/x.txt") == 0u);
  BOOST_TEST(!report.any_failed());
}

BOOST_AUTO_TEST_CASE(committee_by_id_and_unknown_committee) {
  options.committee = "2";
  BOOST_TEST(run().committees == std::vector<std::string>{"Joint Waste Committee"});
  options.committee = "planning";
  auto e = expect_error(ErrorKind::NotFound, [&] { run(); });
  BOOST_TEST(contains(e.hint(), "Cabinet (1)"));
}

BOOST_AUTO_TEST_CASE(dry_run_and_limit_download_nothing_beyond_them) {
  options.dry_run = true;
  harvest::HarvestReport report = run();
  BOOST_TEST(report.count(DocumentStatus::Planned) == 2u);
  BOOST_TEST(site.asked.count(kBase + "/documents/s1/Report.txt") == 0u);
  BOOST_TEST(casebook::store::count_sources(project.store()) == 0);

  options.dry_run = false;
  options.limit = 1;
  report = run();
  BOOST_TEST(report.count(DocumentStatus::Imported) == 1u);
  BOOST_TEST(report.limit_reached);
}

BOOST_AUTO_TEST_CASE(a_failing_document_is_reported_and_the_rest_go_on) {
  site.responses.erase(kBase + "/documents/s1/Report.txt");
  site.add(kBase + "/mgConvert2PDF.aspx?ID=2", "Depot costs.\n", "text/plain");
  harvest::HarvestReport report = run();
  BOOST_TEST(report.count(DocumentStatus::Failed) == 1u);
  BOOST_TEST(report.count(DocumentStatus::Imported) == 1u);
  BOOST_TEST(report.any_failed());
  BOOST_TEST(contains(report.documents[0].error, "Report.txt"));
}

BOOST_AUTO_TEST_CASE(a_document_answering_404_fails_with_the_status) {
  site.add(kBase + "/documents/s1/Report.txt", "<html>gone</html>", "text/html", 404);
  harvest::HarvestReport report = run();
  BOOST_TEST((report.documents[0].status == DocumentStatus::Failed));
  BOOST_TEST(contains(report.documents[0].error, "HTTP 404"));
}

BOOST_AUTO_TEST_CASE(a_failing_meeting_is_a_listing_failure) {
  site.responses.erase(kService + "GetMeeting?lMeetingId=10");
  harvest::HarvestReport report = run();
  BOOST_TEST(report.listing_failures.size() == 1u);
  BOOST_TEST(report.documents.empty());
  BOOST_TEST(report.any_failed());
}

BOOST_AUTO_TEST_CASE(an_html_page_instead_of_the_committee_list_stops_before_writing) {
  site.add(kService + "GetCommittees", "<!DOCTYPE html><html><body>Error</body></html>",
           "text/html");
  auto e = expect_error(ErrorKind::Data, [&] { run(); });
  BOOST_TEST(contains(e.what(), "GetCommittees"));
  BOOST_TEST(casebook::store::count_sources(project.store()) == 0);
}

BOOST_AUTO_TEST_CASE(web_service_http_errors_are_io_errors) {
  site.add(kService + "GetCommittees", "Server Error", "text/plain", 500);
  auto e = expect_error(ErrorKind::Io, [&] { run(); });
  BOOST_TEST(contains(e.what(), "HTTP 500"));
}

BOOST_AUTO_TEST_CASE(bad_options_are_usage_errors_before_any_request) {
  options.from = "2019-02-30";
  expect_error(ErrorKind::Usage, [&] { run(); });
  options.from = "2020-01-01";
  options.to = "2019-01-01";
  expect_error(ErrorKind::Usage, [&] { run(); });
  options.to = "";
  options.delay_seconds = -1;
  expect_error(ErrorKind::Usage, [&] { run(); });
  options.delay_seconds = 0;
  options.import.cases = {"Z"};
  expect_error(ErrorKind::NotFound, [&] { run(); });
  BOOST_TEST(site.asked.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// The ModernGov importer and parsing API: real mgWebService.asmx responses
// (councillors by ward), the bad answers real servers give (HTML error
// pages, JavaScript redirects, empty lists), and inline meetings/committees.

#include "importers/moderngov.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
namespace mg = casebook::importers::moderngov;
using casebook::Error;
using casebook::ErrorKind;
using casebook::text::OffsetMap;

namespace {

const std::string kDir = std::string(CASEBOOK_TESTDATA) + "/moderngov/mgWebService/";
const std::string kBad = kDir + "bad-responses/";

std::string slurp(const std::string& path) {
  return casebook::testing::read_file(path);
}

ci::ImportedSource import_file(const std::string& path) {
  const ci::InputFile file{path, slurp(path), std::nullopt, std::nullopt};
  ci::ImportedSource out = ci::format_for(file).make()->import(file);
  ci::validate(out, path);
  return out;
}

ci::ImportedSource import_inline(const std::string& xml, const std::string& path = "r.xml") {
  const ci::InputFile file{path, xml, std::nullopt, std::nullopt};
  BOOST_TEST(ci::format_for(file).format == "moderngov");
  ci::ImportedSource out = ci::format_for(file).make()->import(file);
  ci::validate(out, path);
  return out;
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

// The message of the Error(Data) importing `path` throws.
std::string import_error(const std::string& path) {
  try {
    import_file(path);
  } catch (const Error& e) {
    BOOST_TEST(static_cast<int>(e.kind()) == static_cast<int>(ErrorKind::Data));
    BOOST_TEST(!e.hint().empty());
    return e.what();
  }
  BOOST_FAIL("no error importing " + path);
  return {};
}

const char* const kMeeting = R"(<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>17355</meetingid>
  <committeeid>142</committeeid>
  <committeetitle>Council</committeetitle>
  <meetingdate>04/03/2026</meetingdate>
  <meetingtime>7.00 pm</meetingtime>
  <meetinglocation>Assembly Hall, Lambeth Town Hall</meetinglocation>
  <meetingstatus>Confirmed</meetingstatus>
  <linkeddocuments>
    <linkeddoc><attachmentid>1</attachmentid><title>Agenda frontsheet</title>
      <url>http://example.gov.uk/mgConvert2PDF.aspx?ID=1</url></linkeddoc>
  </linkeddocuments>
  <agendaitems>
    <agendaitem>
      <minutesitemnumber> 5</minutesitemnumber>
      <agendaitemtitle>Shared services review</agendaitemtitle>
      <linkeddocuments>
        <linkeddoc><attachmentid>2</attachmentid><title>Budget Report 2026-27 - COUNCIL</title>
          <url>http://example.gov.uk/mgConvert2PDF.aspx?ID=174193</url></linkeddoc>
        <linkeddoc><title>Appendix 01 - MTFS 2026-30</title><url>http://x/3</url></linkeddoc>
      </linkeddocuments>
    </agendaitem>
    <agendaitem>
      <minutesitemnumber>6.</minutesitemnumber>
      <agendaitemtitle>Minutes , 15/07/2025 Council</agendaitemtitle>
      <linkeddocuments>
        <linkeddoc><title>Exempt appendix</title><isrestricted>True</isrestricted></linkeddoc>
      </linkeddocuments>
    </agendaitem>
  </agendaitems>
</meeting>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(moderngov_real_responses)

BOOST_AUTO_TEST_CASE(london_councillors_by_ward_become_wards_and_councillors) {
  const std::string path = kDir + "GetCouncillorsByWard_london.gov.uk.xml";
  const auto wards = mg::parse_councillors_by_ward(path, slurp(path));
  BOOST_TEST_REQUIRE(wards.size() >= 4u);
  BOOST_TEST(wards[0].title == "Bexley and Bromley");
  BOOST_TEST_REQUIRE(wards[0].councillors.size() == 1u);
  BOOST_TEST(wards[0].councillors[0].name == "James Cleverly MP");
  BOOST_TEST(wards[0].councillors[0].party == "Conservative");
  BOOST_TEST(wards[0].councillors[0].id == "119");
  BOOST_TEST(wards[0].councillors[0].district.empty());  // whitespace-only value
  BOOST_TEST(wards[3].title == "Croydon and Sutton");
  BOOST_TEST(wards[3].councillors[0].name == "Steve O'Connell");
}

BOOST_AUTO_TEST_CASE(london_file_is_detected_by_content_and_imported) {
  const std::string path = kDir + "GetCouncillorsByWard_london.gov.uk.xml";
  const ci::InputFile file{"saved-response", slurp(path), std::nullopt, std::nullopt};
  BOOST_TEST(ci::format_for(file).format == "moderngov");

  const ci::ImportedSource s = import_file(path);
  BOOST_TEST(s.format == "moderngov");
  BOOST_TEST(s.metadata.at("moderngov_response") == "GetCouncillorsByWard");
  const auto texts = passage_texts(s);
  BOOST_TEST_REQUIRE(texts.size() >= 4u);
  BOOST_TEST(texts[0] == "Bexley and Bromley");
  BOOST_TEST(s.passages[0].kind == "heading");
  BOOST_TEST(texts[1] == "James Cleverly MP, Conservative");
  BOOST_TEST(s.passages[1].heading_path == "Bexley and Bromley");
  BOOST_TEST(texts[3] == "Navin Shah, Labour");
  BOOST_TEST(s.text.find("Mayor John Biggs, Labour") != std::string::npos);
  BOOST_TEST(s.text.find("missingsmallmug") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(moderngov_bad_responses)

BOOST_AUTO_TEST_CASE(sharepoint_error_page_is_an_html_answer) {
  const std::string path = kBad + "GetCouncillorsByWard_leeds_SHAREPOINT-ERROR-HTML.xml";
  BOOST_TEST(import_error(path) ==
             path +
                 ": the server answered with an HTML page (titled \"Error\") instead of the "
                 "ModernGov web-service XML");
  BOOST_CHECK_THROW(mg::parse_councillors_by_ward(path, slurp(path)), Error);
}

BOOST_AUTO_TEST_CASE(javascript_redirect_is_a_redirect) {
  const std::string path = kBad + "GetCouncillorsByWard_denbighshire_JS-REDIRECT-not-xml.xml";
  BOOST_TEST(import_error(path) ==
             path +
                 ": the server answered with a redirect (a small page of JavaScript or a "
                 "meta refresh) instead of the ModernGov web-service XML");
  try {
    mg::parse_councillors_by_ward(path, slurp(path));
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.hint()).find("https://") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(empty_wards_hold_no_records) {
  const std::string path = kBad + "GetCouncillorsByWard_eastherts_EMPTY.xml";
  BOOST_TEST(import_error(path) == path +
                                       ": the GetCouncillorsByWard response holds no records "
                                       "(no <ward> elements)");
  BOOST_TEST(mg::parse_councillors_by_ward(path, slurp(path), true).empty());
}

BOOST_AUTO_TEST_CASE(other_xml_gets_a_clear_error) {
  const std::string path = "feed.xml";
  const ci::InputFile file{path, "<?xml version=\"1.0\"?><rss><channel/></rss>", std::nullopt,
                           std::nullopt};
  BOOST_TEST(ci::format_for(file).format == "moderngov");
  try {
    ci::format_for(file).make()->import(file);
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "feed.xml: is XML with root element <rss>, not a ModernGov web-service response "
               "(GetCommittees, GetMeetings, GetMeeting or GetCouncillorsByWard)");
  }
  BOOST_CHECK_THROW(mg::parse_meeting("u", "<meeting><unclosed></meeting>"), Error);
  BOOST_CHECK_THROW(mg::parse_meeting("u", ""), Error);
}

BOOST_AUTO_TEST_CASE(wrong_endpoint_is_named) {
  try {
    mg::parse_meeting("http://x/mgWebService.asmx/GetMeeting",
                      "<committees><committeescount>0</committeescount></committees>");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "http://x/mgWebService.asmx/GetMeeting: is a GetCommittees response, not the "
               "GetMeeting response expected");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(moderngov_meetings)

BOOST_AUTO_TEST_CASE(meeting_detail_parses_items_and_documents) {
  const mg::MeetingDetail d = mg::parse_meeting("m.xml", kMeeting);
  BOOST_TEST(d.meeting.id == "17355");
  BOOST_TEST(d.meeting.committee_id == "142");
  BOOST_TEST(d.meeting.committee_title == "Council");
  BOOST_TEST(d.meeting.date == "2026-03-04");
  BOOST_TEST(d.meeting.time == "7.00 pm");
  BOOST_TEST(d.meeting.status == "Confirmed");
  BOOST_TEST_REQUIRE(d.documents.size() == 1u);
  BOOST_TEST(d.documents[0].type == "agenda");
  BOOST_TEST_REQUIRE(d.items.size() == 2u);
  BOOST_TEST(d.items[0].number == "5");
  BOOST_TEST(d.items[0].title == "Shared services review");
  BOOST_TEST_REQUIRE(d.items[0].documents.size() == 2u);
  BOOST_TEST(d.items[0].documents[0].type == "report");
  BOOST_TEST(d.items[0].documents[0].url == "http://example.gov.uk/mgConvert2PDF.aspx?ID=174193");
  BOOST_TEST(d.items[0].documents[1].type == "appendix");
  BOOST_TEST_REQUIRE(d.items[1].documents.size() == 1u);
  BOOST_TEST(d.items[1].documents[0].restricted);
}

BOOST_AUTO_TEST_CASE(meeting_renders_as_agenda_with_metadata) {
  const ci::ImportedSource s = import_inline(kMeeting);
  const auto texts = passage_texts(s);
  BOOST_TEST_REQUIRE(texts.size() == 5u);
  BOOST_TEST(texts[0] == "Council, 2026-03-04");
  BOOST_TEST(texts[1] == "7.00 pm; Assembly Hall, Lambeth Town Hall; status: Confirmed");
  BOOST_TEST(texts[3] ==
             "5. Shared services review\n"
             "Budget Report 2026-27 - COUNCIL [report] "
             "http://example.gov.uk/mgConvert2PDF.aspx?ID=174193\n"
             "Appendix 01 - MTFS 2026-30 [appendix] http://x/3");
  BOOST_TEST(s.passages[3].heading_path == "Council, 2026-03-04 > 5. Shared services review");
  // An item numbered "6." keeps one dot; a withheld document says so.
  BOOST_TEST(texts[4] == "6. Minutes , 15/07/2025 Council\nExempt appendix [appendix, restricted]");
  BOOST_TEST(s.date == "2026-03-04");
  BOOST_TEST(s.metadata.at("committee") == "Council");
  BOOST_TEST(s.metadata.at("meeting_date") == "2026-03-04");
  BOOST_TEST(s.metadata.at("meeting_id") == "17355");
  BOOST_TEST(s.metadata.at("moderngov_response") == "GetMeeting");
  BOOST_TEST(s.metadata.count("item_title") == 0u);
}

BOOST_AUTO_TEST_CASE(meetings_and_committees_lists) {
  const std::string meetings =
      "<meetings><meeting><meetingid>1</meetingid><committeeid>9</committeeid>"
      "<committeetitle>Planning</committeetitle><meetingdate>31/01/2024</meetingdate>"
      "<meetingstatus>Cancelled</meetingstatus></meeting>"
      "<meeting><meetingid>2</meetingid><committeetitle>Planning</committeetitle>"
      "<meetingdate>2024-02-29T00:00:00</meetingdate></meeting></meetings>";
  const auto list = mg::parse_meetings("u", meetings);
  BOOST_TEST_REQUIRE(list.size() == 2u);
  BOOST_TEST(list[0].date == "2024-01-31");
  BOOST_TEST(list[1].date == "2024-02-29");
  const auto texts = passage_texts(import_inline(meetings));
  BOOST_TEST(texts[0] == "Meetings of Planning");
  BOOST_TEST(texts[1] == "2024-01-31, Cancelled (meeting id 1)");

  const std::string committees =
      "<Committees><CommitteesCount> 2</CommitteesCount><committee><committeeid>142"
      "</committeeid><committeetitle>Council</committeetitle></committee><committee>"
      "<committeeid>7</committeeid><committeetitle>Licensing</committeetitle>"
      "<committeeexpired>True</committeeexpired></committee></Committees>";
  const auto cs = mg::parse_committees("u", committees);
  BOOST_TEST_REQUIRE(cs.size() == 2u);
  BOOST_TEST(cs[1].title == "Licensing");
  BOOST_TEST(cs[1].expired);
  BOOST_TEST(passage_texts(import_inline(committees))[1] == "Council (id 142)");
  BOOST_TEST(mg::parse_meetings("u", "<meetings></meetings>", true).empty());
  BOOST_CHECK_THROW(mg::parse_meetings("u", "<meetings></meetings>"), Error);
}

BOOST_AUTO_TEST_CASE(dates_and_document_types) {
  BOOST_TEST(mg::iso_date("04/03/2026") == "2026-03-04");
  BOOST_TEST(mg::iso_date(" 2026-03-04T10:00:00 ") == "2026-03-04");
  BOOST_TEST(mg::iso_date("31/02/2026").empty());
  BOOST_TEST(mg::iso_date("next week").empty());
  BOOST_TEST(mg::document_type_from_title("Minutes , 15/07/2026 Council") == "minutes");
  BOOST_TEST(mg::document_type_from_title("Printed decisions") == "decision");
  BOOST_TEST(mg::document_type_from_title("Agenda frontsheet") == "agenda");
  BOOST_TEST(mg::document_type_from_title("Map") == "other");
}

BOOST_AUTO_TEST_SUITE_END()

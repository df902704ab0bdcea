#pragma once
// Parsing the XML answers of a ModernGov (Modern.Gov, Civica) committee
// system's web service, mgWebService.asmx, answered to plain HTTP GET:
//
//   GetCommittees          -> parse_committees()
//   GetMeetings            -> parse_meetings()         (?lCommitteeId=N&sFromDate=..&sToDate=..)
//   GetMeeting             -> parse_meeting()          (?lMeetingId=N)
//   GetCouncillorsByWard   -> parse_councillors_by_ward()
//
// Used by the "moderngov" importer (importers/moderngov.cpp) and by
// `casebook harvest moderngov`. Every parse function takes `where` (the file
// path or URL, named first in error messages) and the response's bytes, and
// throws casebook::Error(Data) with a message that says what the server
// actually answered when it is not the expected web-service XML:
//
//   * an HTML page (error pages, login pages, WAF "Just a moment..." pages);
//   * a JavaScript or <meta refresh> redirect snippet (http -> https);
//   * text that is not XML at all, or XML of another kind / another endpoint;
//   * a well-formed response that holds no records (`<wards></wards>`),
//     unless `allow_empty` is true (a committee with no meetings in a date
//     range is normal for a harvester).
//
// Element names are matched case-insensitively and without any namespace
// prefix; every value is trimmed, so whitespace-only values
// ("<districttitle>\n</districttitle>") read as empty and " 1" as "1".
// Unknown elements are ignored. Accepted names (first match wins):
//
//   GetCommittees: root <committees> (may hold <committeescount>);
//     each <committee>: id <committeeid>, title <committeetitle>,
//     category <committeecategory>, deleted <committeedeleted>,
//     expired <committeeexpired>.
//   GetMeetings: root <meetings> or <getmeetings>; each <meeting> as below.
//   GetMeeting: root <meeting> (or <getmeeting> holding one <meeting>):
//     id <meetingid>; committee <committeeid>, <committeetitle> or
//     <committeename>; date <meetingdate> ("dd/mm/yyyy", "yyyy-mm-dd" or
//     "yyyy-mm-ddThh:mm:ss"); time <meetingtime>; location <meetinglocation>;
//     status <meetingstatus>; title <meetingtitle>;
//     documents of the meeting: <linkeddocuments>/<linkeddoc> directly under
//     the meeting; agenda items: <agendaitems>/<agendaitem>, or <agendaitem>
//     directly under the meeting, each with number <agendaitemnumber>,
//     <minutesitemnumber> (+ <minutesitemsubnumber>) or <itemnumber>;
//     title <agendaitemtitle> or <title>; and its own
//     <linkeddocuments>/<linkeddoc>.
//   A document (<linkeddoc>, also <document> or <attachment>): title <title>
//     (else <attachmenttitle>, <documenttitle>), URL <url> (else <link>,
//     <attachmenturl>), <attachmentid>, type <documenttype>, <doctype>,
//     <type> or <category>; when none is given the type is guessed from the
//     title by document_type_from_title().
//   GetCouncillorsByWard: root <councillorsbyward>, <wards>/<ward> each with
//     <wardtitle> and <councillors>/<councillor>: id <councillorid>, name
//     <fullusername> (else <fullname>, <name>), party <politicalpartytitle>,
//     <districttitle>, <representing>, <keyposts>, <workaddress>,
//     <photosmallurl>; <homeaddress> is deliberately not read (personal data).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::importers::moderngov {

// Which web-service operation a response answers.
enum class Response { Committees, Meetings, Meeting, CouncillorsByWard };

// "GetCommittees", "GetMeetings", "GetMeeting", "GetCouncillorsByWard".
std::string_view endpoint_name(Response response);

// The operation a response answers, from its root element (after an
// optional BOM, XML declaration, comments and whitespace); nullopt when the
// bytes are not a ModernGov web-service response. Cheap and never throws,
// so it serves as the format table's sniff.
std::optional<Response> response_kind(std::string_view bytes);

// Throws the error the parse functions give when `bytes` are an HTML page, a
// redirect or empty rather than XML; returns when they may be XML. For
// importers that meet a saved answer under a .xml name.
void reject_non_xml(std::string_view where, std::string_view bytes);

struct Committee {
  std::string id;
  std::string title;
  std::string category;  // empty when not given
  bool deleted = false;  // <committeedeleted>True</...>
  bool expired = false;  // <committeeexpired>True</...>
};

struct Meeting {
  std::string id;
  std::string committee_id;
  std::string committee_title;  // empty when the response does not name it
  std::string title;            // <meetingtitle>, often empty
  std::string date;             // ISO yyyy-mm-dd; empty when missing or unreadable
  std::string raw_date;         // the value as the server sent it
  std::string time;             // as sent: "10.00 am", "7:00 pm"
  std::string location;
  std::string status;  // "Confirmed", "Cancelled", ... as sent
};

struct Document {
  std::string title;
  std::string url;            // as sent (often http://, relative on some servers)
  std::string attachment_id;  // empty when not given
  // Lower-case type: the server's own when given, else guessed from the
  // title: "agenda", "minutes", "decision", "report", "appendix", "other".
  std::string type;
  // <isrestricted>: the council withholds it (exempt from publication), so
  // the server refuses to send it.
  bool restricted = false;
};

struct AgendaItem {
  std::string number;  // "5", "5a", "5.1"; empty when unnumbered
  std::string title;
  std::vector<Document> documents;
};

struct MeetingDetail {
  Meeting meeting;
  std::vector<Document> documents;  // linked to the meeting itself
  std::vector<AgendaItem> items;    // in the order of the response
};

struct Councillor {
  std::string id;
  std::string name;
  std::string party;
  std::string district;
  std::string representing;
  std::string key_posts;
  std::string work_address;
  std::string photo_url;
};

struct Ward {
  std::string title;
  std::vector<Councillor> councillors;
};

std::vector<Committee> parse_committees(std::string_view where, std::string_view bytes,
                                        bool allow_empty = false);
std::vector<Meeting> parse_meetings(std::string_view where, std::string_view bytes,
                                    bool allow_empty = false);
// Throws when the response holds no <meeting>; a meeting with no agenda
// items and no documents is returned as it is.
MeetingDetail parse_meeting(std::string_view where, std::string_view bytes);
// Wards without councillors are kept; throws when there is no ward at all
// (unless allow_empty).
std::vector<Ward> parse_councillors_by_ward(std::string_view where, std::string_view bytes,
                                            bool allow_empty = false);

// "04/03/2026", "2026-03-04", "2026-03-04T00:00:00" -> "2026-03-04";
// empty when the value is not one of these or not a real date.
std::string iso_date(std::string_view moderngov_date);

// The document type a title suggests ("Minutes , 15/07/2026 Council" ->
// "minutes", "Agenda frontsheet" -> "agenda", "Appendix 1 - MTFS" ->
// "appendix", "Decisions" -> "decision", "Budget Report" -> "report"),
// else "other".
std::string document_type_from_title(std::string_view title);

}  // namespace casebook::importers::moderngov

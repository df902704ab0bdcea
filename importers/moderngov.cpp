// ModernGov web-service responses (see moderngov.hpp for the element names
// accepted): parsing with pugixml, telling HTML error pages and redirects
// apart from XML, and the "moderngov" importer that renders a saved response
// as readable text -- a meeting as its agenda, lists as one passage per entry.

#include "importers/moderngov.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/ascii_text.hpp"
#include "importers/formats.hpp"
#include "importers/text_builder.hpp"

namespace casebook::importers::moderngov {
namespace {

// How far into the bytes the sniff and the HTML/redirect checks look.
constexpr std::size_t kHeadBytes = 64 * 1024;

const char* const kBaseUrlHint =
    "check the ModernGov base URL (the address before /mgWebService.asmx) and open the "
    "request in a browser: the council may have moved its site, switched to https, or "
    "blocked the request";

// ---- the first markup of a file -------------------------------------------

// The position of the first element or doctype, skipping a BOM, whitespace,
// an XML declaration, processing instructions and comments; npos if none.
std::size_t first_markup(std::string_view head) {
  std::size_t pos = starts_with(head, "\xEF\xBB\xBF") ? 3 : 0;
  while (pos < head.size()) {
    while (pos < head.size() && is_ascii_whitespace(head[pos])) ++pos;
    const std::string_view rest = head.substr(pos);
    if (starts_with(rest, "<?")) {
      const std::size_t end = head.find("?>", pos);
      if (end == std::string_view::npos) return std::string_view::npos;
      pos = end + 2;
    } else if (starts_with(rest, "<!--")) {
      const std::size_t end = head.find("-->", pos);
      if (end == std::string_view::npos) return std::string_view::npos;
      pos = end + 3;
    } else {
      return starts_with(rest, "<") ? pos : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// The lower-case local name (prefix dropped) of the tag at `pos`, e.g.
// "councillorsbyward", or "!doctype".
std::string tag_name_at(std::string_view head, std::size_t pos) {
  std::size_t end = pos + 1;
  while (end < head.size() && !is_ascii_whitespace(head[end]) && head[end] != '>' &&
         head[end] != '/')
    ++end;
  std::string name = ascii_lower(head.substr(pos + 1, end - pos - 1));
  const std::size_t colon = name.find(':');
  if (colon != std::string::npos && name[0] != '!') name.erase(0, colon + 1);
  return name;
}

std::optional<Response> response_for_root(std::string_view root) {
  if (root == "councillorsbyward") return Response::CouncillorsByWard;
  if (root == "committees" || root == "getcommittees") return Response::Committees;
  if (root == "meetings" || root == "getmeetings") return Response::Meetings;
  if (root == "meeting" || root == "getmeeting") return Response::Meeting;
  return std::nullopt;
}

// HTML page: the first markup is a doctype html or an html/head/body tag.
bool is_html_page(std::string_view head) {
  const std::size_t pos = first_markup(head);
  if (pos == std::string_view::npos) return false;
  const std::string name = tag_name_at(head, pos);
  if (name == "!doctype") return ascii_lower(head.substr(pos, 14)) == "<!doctype html";
  return name == "html" || name == "head" || name == "body";
}

// A redirect: a script that assigns the location, or a meta refresh, in a
// page too small to be anything else.
bool is_redirect(std::string_view head) {
  constexpr std::size_t kSmallPage = 4096;
  if (head.size() > kSmallPage) return false;
  const std::string text = ascii_lower(head);
  return text.find("window.location") != std::string::npos ||
         text.find("location.href") != std::string::npos ||
         text.find("location.replace") != std::string::npos ||
         text.find("http-equiv=\"refresh\"") != std::string::npos ||
         text.find("http-equiv=refresh") != std::string::npos;
}

// The text of the page's <title>, whitespace collapsed, for the message.
std::string html_title(std::string_view head) {
  const std::string text = ascii_lower(head);
  const std::size_t open = text.find("<title");
  if (open == std::string::npos) return {};
  const std::size_t start = text.find('>', open);
  const std::size_t end = text.find("</title", open);
  if (start == std::string::npos || end == std::string::npos || end < start) return {};
  std::string out;
  for (char c : head.substr(start + 1, end - start - 1)) {
    if (is_ascii_whitespace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return std::string(trim_ascii_whitespace(out));
}

// ---- element access: case-insensitive local names, trimmed values ---------

std::string local_name(const pugi::xml_node& node) {
  std::string name = ascii_lower(node.name());
  const std::size_t colon = name.find(':');
  if (colon != std::string::npos) name.erase(0, colon + 1);
  return name;
}

pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  }
  return {};
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) out.push_back(child);
  }
  return out;
}

// ModernGov HTML-escapes values before XML-escaping them, so "Fees &
// Charges" arrives as "Fees &amp;amp; Charges" and parses as "Fees &amp;
// Charges". The entities left over after XML parsing are decoded here.
std::string decode_leftover_entities(const std::string& s) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
      {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  if (s.find('&') == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, text] : kEntities) {
        if (s.compare(i, entity.size(), entity) == 0) {
          out += text;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The trimmed text of the first child named one of `names`, else "".
std::string value_of(const pugi::xml_node& parent, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const pugi::xml_node child = child_named(parent, name);
    if (child) {
      std::string value(trim_ascii_whitespace(child.child_value()));
      if (value.empty()) value = std::string(trim_ascii_whitespace(child.text().get()));
      if (!value.empty()) return decode_leftover_entities(value);
    }
  }
  return {};
}

bool is_true(const std::string& value) {
  const std::string v = ascii_lower(value);
  return v == "true" || v == "1" || v == "yes";
}

// Items under `parent`: <container>/<item> elements, plus <item> elements
// placed directly under the parent (servers differ).
std::vector<pugi::xml_node> items_under(const pugi::xml_node& parent, std::string_view container,
                                        std::string_view item) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node box : children_named(parent, container)) {
    for (pugi::xml_node node : children_named(box, item)) out.push_back(node);
  }
  for (pugi::xml_node node : children_named(parent, item)) out.push_back(node);
  return out;
}

// ---- loading a response -----------------------------------------------------

struct LoadedResponse {
  std::unique_ptr<pugi::xml_document> doc = std::make_unique<pugi::xml_document>();
  pugi::xml_node root;
  Response kind = Response::Committees;
};

[[noreturn]] void throw_html_page(std::string_view where, std::string_view head) {
  const std::string title = html_title(head);
  throw_data(std::string(where) + ": the server answered with an HTML page" +
                 (title.empty() ? std::string() : " (titled \"" + title + "\")") +
                 " instead of the ModernGov web-service XML",
             kBaseUrlHint);
}

[[noreturn]] void throw_redirect(std::string_view where) {
  throw_data(std::string(where) +
                 ": the server answered with a redirect (a small page of JavaScript or a meta "
                 "refresh) instead of the ModernGov web-service XML",
             std::string("use the address the server redirects to (often https:// instead of "
                         "http://); ") +
                 kBaseUrlHint);
}

[[noreturn]] void throw_not_moderngov(std::string_view where, const std::string& what) {
  throw_data(std::string(where) + ": " + what +
                 ", not a ModernGov web-service response (GetCommittees, GetMeetings, "
                 "GetMeeting or GetCouncillorsByWard)",
             "casebook reads .xml files as saved mgWebService.asmx responses; save other XML "
             "as text (or convert it) before importing it, and check the request URL if this "
             "was meant to be a ModernGov response");
}

}  // namespace

void reject_non_xml(std::string_view where, std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kHeadBytes);
  if (response_kind(bytes)) return;
  if (is_redirect(head)) throw_redirect(where);
  if (is_html_page(head)) throw_html_page(where, head);
  if (trim_ascii_whitespace(head).empty()) {
    throw_data(std::string(where) + ": the server's answer is empty", kBaseUrlHint);
  }
}

namespace {

LoadedResponse load(std::string_view where, std::string_view bytes) {
  reject_non_xml(where, bytes);
  LoadedResponse out;
  // parse_default does not expand external entities or DTDs, so a hostile
  // file cannot make pugixml fetch or multiply anything.
  const pugi::xml_parse_result result =
      out.doc->load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (!result) {
    throw_not_moderngov(where, "is not well-formed XML (" + std::string(result.description()) +
                                   " at byte " + std::to_string(result.offset) + ")");
  }
  out.root = out.doc->document_element();
  const std::optional<Response> kind = response_for_root(local_name(out.root));
  if (!kind) throw_not_moderngov(where, "is XML with root element <" + local_name(out.root) + ">");
  out.kind = *kind;
  return out;
}

LoadedResponse load_expecting(std::string_view where, std::string_view bytes, Response expected) {
  LoadedResponse loaded = load(where, bytes);
  if (loaded.kind != expected) {
    throw_data(std::string(where) + ": is a " + std::string(endpoint_name(loaded.kind)) +
                   " response, not the " + std::string(endpoint_name(expected)) +
                   " response expected",
               "check which mgWebService.asmx operation the URL calls");
  }
  return loaded;
}

[[noreturn]] void throw_no_records(std::string_view where, Response kind, std::string_view what) {
  throw_data(std::string(where) + ": the " + std::string(endpoint_name(kind)) +
                 " response holds no records (no <" + std::string(what) + "> elements)",
             "the council publishes nothing for this request: check its parameters (committee "
             "id, dates) and the council's ModernGov site in a browser");
}

// ---- records ----------------------------------------------------------------

Committee committee_from(const pugi::xml_node& node) {
  Committee c;
  c.id = value_of(node, {"committeeid", "id"});
  c.title = value_of(node, {"committeetitle", "committeename", "title"});
  c.category = value_of(node, {"committeecategory", "category"});
  c.deleted = is_true(value_of(node, {"committeedeleted"}));
  c.expired = is_true(value_of(node, {"committeeexpired"}));
  return c;
}

Meeting meeting_from(const pugi::xml_node& node) {
  Meeting m;
  m.id = value_of(node, {"meetingid", "id"});
  m.committee_id = value_of(node, {"committeeid"});
  m.committee_title = value_of(node, {"committeetitle", "committeename"});
  m.title = value_of(node, {"meetingtitle"});
  m.raw_date = value_of(node, {"meetingdate", "date"});
  m.date = iso_date(m.raw_date);
  m.time = value_of(node, {"meetingtime", "time"});
  m.location = value_of(node, {"meetinglocation", "location"});
  m.status = value_of(node, {"meetingstatus", "status"});
  return m;
}

Document document_from(const pugi::xml_node& node) {
  Document d;
  d.title = value_of(node, {"title", "attachmenttitle", "documenttitle"});
  d.url = value_of(node, {"url", "link", "attachmenturl"});
  d.attachment_id = value_of(node, {"attachmentid"});
  d.restricted = is_true(value_of(node, {"isrestricted", "restricted"}));
  d.type = ascii_lower(value_of(node, {"documenttype", "doctype", "type", "category"}));
  if (d.type.empty()) d.type = document_type_from_title(d.title);
  return d;
}

std::vector<Document> documents_under(const pugi::xml_node& parent) {
  std::vector<Document> out;
  for (std::string_view item : {"linkeddoc", "document", "attachment"}) {
    for (const pugi::xml_node& node : items_under(parent, "linkeddocuments", item)) {
      out.push_back(document_from(node));
    }
  }
  return out;
}

std::string item_number(const pugi::xml_node& node) {
  std::string number = value_of(node, {"agendaitemnumber", "minutesitemnumber", "itemnumber"});
  const std::string sub = value_of(node, {"minutesitemsubnumber"});
  if (!number.empty() && !sub.empty() && sub != "0") number += "." + sub;
  return number;
}

AgendaItem agenda_item_from(const pugi::xml_node& node) {
  AgendaItem item;
  item.number = item_number(node);
  item.title = value_of(node, {"agendaitemtitle", "title"});
  item.documents = documents_under(node);
  return item;
}

Councillor councillor_from(const pugi::xml_node& node) {
  Councillor c;
  c.id = value_of(node, {"councillorid", "id"});
  c.name = value_of(node, {"fullusername", "fullname", "name"});
  c.party = value_of(node, {"politicalpartytitle", "party"});
  c.district = value_of(node, {"districttitle"});
  c.representing = value_of(node, {"representing"});
  c.key_posts = value_of(node, {"keyposts"});
  c.work_address = value_of(node, {"workaddress"});
  c.photo_url = value_of(node, {"photosmallurl"});
  return c;
}

bool valid_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && !leap && day > 28) return false;
  return day <= kDays[static_cast<std::size_t>(month - 1)];
}

std::string format_iso(int year, int month, int day) {
  if (!valid_date(year, month, day)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool contains_word(const std::string& haystack, std::string_view word) {
  std::size_t pos = haystack.find(word);
  while (pos != std::string::npos) {
    const bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(haystack[pos - 1]));
    if (start_ok) return true;
    pos = haystack.find(word, pos + 1);
  }
  return false;
}

}  // namespace

std::string_view endpoint_name(Response response) {
  switch (response) {
    case Response::Committees:
      return "GetCommittees";
    case Response::Meetings:
      return "GetMeetings";
    case Response::Meeting:
      return "GetMeeting";
    case Response::CouncillorsByWard:
      return "GetCouncillorsByWard";
  }
  return "unknown";
}

std::optional<Response> response_kind(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kHeadBytes);
  const std::size_t pos = first_markup(head);
  if (pos == std::string_view::npos) return std::nullopt;
  const std::optional<Response> kind = response_for_root(tag_name_at(head, pos));
  if (!kind || *kind == Response::CouncillorsByWard) return kind;
  // "<meeting>" and "<committees>" are generic names: ask for a ModernGov
  // id element too before claiming the file.
  const std::string text = ascii_lower(head);
  const bool has_ids = text.find("<meetingid") != std::string::npos ||
                       text.find("<committeeid") != std::string::npos ||
                       text.find("<committeescount") != std::string::npos;
  return has_ids ? kind : std::nullopt;
}

std::vector<Committee> parse_committees(std::string_view where, std::string_view bytes,
                                        bool allow_empty) {
  const LoadedResponse r = load_expecting(where, bytes, Response::Committees);
  std::vector<Committee> out;
  for (const pugi::xml_node& node : items_under(r.root, "committees", "committee")) {
    out.push_back(committee_from(node));
  }
  if (out.empty() && !allow_empty) throw_no_records(where, r.kind, "committee");
  return out;
}

std::vector<Meeting> parse_meetings(std::string_view where, std::string_view bytes,
                                    bool allow_empty) {
  const LoadedResponse r = load_expecting(where, bytes, Response::Meetings);
  std::vector<Meeting> out;
  for (const pugi::xml_node& node : items_under(r.root, "meetings", "meeting")) {
    out.push_back(meeting_from(node));
  }
  if (out.empty() && !allow_empty) throw_no_records(where, r.kind, "meeting");
  return out;
}

MeetingDetail parse_meeting(std::string_view where, std::string_view bytes) {
  const LoadedResponse r = load_expecting(where, bytes, Response::Meeting);
  pugi::xml_node node = r.root;
  if (local_name(node) == "getmeeting") node = child_named(node, "meeting");
  if (!node || value_of(node, {"meetingid", "meetingdate", "committeeid"}).empty()) {
    throw_no_records(where, r.kind, "meeting");
  }
  MeetingDetail out;
  out.meeting = meeting_from(node);
  out.documents = documents_under(node);
  for (const pugi::xml_node& item : items_under(node, "agendaitems", "agendaitem")) {
    out.items.push_back(agenda_item_from(item));
  }
  return out;
}

std::vector<Ward> parse_councillors_by_ward(std::string_view where, std::string_view bytes,
                                            bool allow_empty) {
  const LoadedResponse r = load_expecting(where, bytes, Response::CouncillorsByWard);
  std::vector<Ward> out;
  for (const pugi::xml_node& node : items_under(r.root, "wards", "ward")) {
    Ward ward;
    ward.title = value_of(node, {"wardtitle", "title"});
    for (const pugi::xml_node& c : items_under(node, "councillors", "councillor")) {
      ward.councillors.push_back(councillor_from(c));
    }
    out.push_back(std::move(ward));
  }
  if (out.empty() && !allow_empty) throw_no_records(where, r.kind, "ward");
  return out;
}

std::string iso_date(std::string_view value) {
  const std::string v(trim_ascii_whitespace(value));
  // dd/mm/yyyy (ModernGov's own form), optionally followed by a time.
  if (v.size() >= 10 && v[2] == '/' && v[5] == '/' && is_digits(v.substr(0, 2)) &&
      is_digits(v.substr(3, 2)) && is_digits(v.substr(6, 4))) {
    return format_iso(std::stoi(v.substr(6, 4)), std::stoi(v.substr(3, 2)),
                      std::stoi(v.substr(0, 2)));
  }
  // yyyy-mm-dd, optionally followed by "T..." or a space and a time.
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && is_digits(v.substr(0, 4)) &&
      is_digits(v.substr(5, 2)) && is_digits(v.substr(8, 2)) &&
      (v.size() == 10 || v[10] == 'T' || v[10] == ' ')) {
    return format_iso(std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)),
                      std::stoi(v.substr(8, 2)));
  }
  return {};
}

std::string document_type_from_title(std::string_view title) {
  const std::string t = ascii_lower(title);
  // Order matters: "Minutes of the previous meeting" in an agenda pack is
  // minutes; "Decision report" is a decision notice rather than a report.
  if (contains_word(t, "minute")) return "minutes";
  if (contains_word(t, "decision")) return "decision";
  if (contains_word(t, "agenda")) return "agenda";
  if (contains_word(t, "appendix") || contains_word(t, "annex")) return "appendix";
  if (contains_word(t, "report")) return "report";
  return "other";
}

// ---- the importer -------------------------------------------------------------

namespace {

std::string join_nonempty(std::initializer_list<std::string> parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

void add_passage(TextBuilder& b, std::string kind, const std::string& text,
                 const std::string& heading_path = {}) {
  ImportedPassage p;
  p.kind = std::move(kind);
  p.heading_path = heading_path;
  b.begin_passage(std::move(p));
  b.append(text);
  b.end_passage();
}

std::string document_line(const Document& d) {
  std::string line = (d.title.empty() ? std::string("(untitled document)") : d.title) + " [" +
                     d.type + (d.restricted ? ", restricted" : "") + "]";
  if (!d.url.empty()) line += " " + d.url;
  return line;
}

// "5." for item 5; servers that number items "5." already keep one dot.
std::string numbered(const AgendaItem& item) {
  if (item.number.empty()) return {};
  return item.number.back() == '.' ? item.number : item.number + ".";
}

std::string item_text(const AgendaItem& item) {
  std::string text = join_nonempty(
      {numbered(item), item.title.empty() ? std::string("(untitled item)") : item.title}, " ");
  for (const Document& d : item.documents) text += "\n" + document_line(d);
  return text;
}

std::string item_heading(const AgendaItem& item) {
  return join_nonempty({numbered(item), item.title}, " ");
}

void render_meeting(TextBuilder& b, ImportedSource& meta, const MeetingDetail& detail) {
  const Meeting& m = detail.meeting;
  const std::string committee = m.committee_title.empty() ? m.title : m.committee_title;
  const std::string heading = join_nonempty({committee.empty() ? std::string("Meeting") : committee,
                                             m.date.empty() ? m.raw_date : m.date},
                                            ", ");
  add_passage(b, "heading", heading);
  add_passage(
      b, "paragraph",
      join_nonempty({m.time, m.location, m.status.empty() ? "" : "status: " + m.status}, "; "),
      heading);
  if (!detail.documents.empty()) {
    std::string docs = "Meeting documents:";
    for (const Document& d : detail.documents) docs += "\n" + document_line(d);
    add_passage(b, "list-item", docs, heading);
  }
  for (const AgendaItem& item : detail.items) {
    add_passage(b, "list-item", item_text(item), heading + " > " + item_heading(item));
  }
  meta.title = heading;
  meta.date = m.date;
  if (!committee.empty()) meta.metadata["committee"] = committee;
  if (!m.date.empty()) meta.metadata["meeting_date"] = m.date;
  if (!m.id.empty()) meta.metadata["meeting_id"] = m.id;
  if (detail.items.size() == 1) meta.metadata["item_title"] = detail.items.front().title;
}

void render_committees(TextBuilder& b, ImportedSource& meta,
                       const std::vector<Committee>& committees) {
  add_passage(b, "heading", "Committees");
  for (const Committee& c : committees) {
    std::string line = c.title.empty() ? std::string("(untitled committee)") : c.title;
    const std::string extra =
        join_nonempty({c.id.empty() ? "" : "id " + c.id, c.category, c.deleted ? "deleted" : "",
                       c.expired ? "expired" : ""},
                      ", ");
    if (!extra.empty()) line += " (" + extra + ")";
    add_passage(b, "list-item", line, "Committees");
  }
  meta.title = "Committees";
}

void render_meetings(TextBuilder& b, ImportedSource& meta, const std::vector<Meeting>& meetings) {
  std::string committee = meetings.front().committee_title;
  for (const Meeting& m : meetings) {
    if (m.committee_title != committee) committee.clear();
  }
  const std::string heading = committee.empty() ? "Meetings" : "Meetings of " + committee;
  add_passage(b, "heading", heading);
  for (const Meeting& m : meetings) {
    std::string line =
        join_nonempty({m.date.empty() ? m.raw_date : m.date, m.time,
                       committee.empty() ? m.committee_title : "", m.title, m.location, m.status},
                      ", ");
    if (!m.id.empty()) line += " (meeting id " + m.id + ")";
    add_passage(b, "list-item", line, heading);
  }
  meta.title = heading;
  if (!committee.empty()) meta.metadata["committee"] = committee;
}

std::string councillor_text(const Councillor& c) {
  std::string text =
      join_nonempty({c.name.empty() ? "(unnamed councillor)" : c.name, c.party}, ", ");
  if (!c.key_posts.empty()) text += "\nKey posts: " + c.key_posts;
  if (!c.representing.empty()) text += "\nRepresenting: " + c.representing;
  if (!c.district.empty()) text += "\nDistrict: " + c.district;
  if (!c.work_address.empty()) text += "\nWork address: " + c.work_address;
  return text;
}

void render_councillors(TextBuilder& b, ImportedSource& meta, const std::vector<Ward>& wards) {
  for (const Ward& ward : wards) {
    const std::string heading = ward.title.empty() ? std::string("(unnamed ward)") : ward.title;
    add_passage(b, "heading", heading);
    for (const Councillor& c : ward.councillors) {
      add_passage(b, "paragraph", councillor_text(c), heading);
    }
  }
  meta.title = "Councillors by ward";
}

class ModernGovImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    const std::string where = file.path.string();
    const LoadedResponse r = load(where, file.bytes);
    TextBuilder b(file.path);
    ImportedSource meta;
    switch (r.kind) {
      case Response::Meeting:
        render_meeting(b, meta, parse_meeting(where, file.bytes));
        break;
      case Response::Committees:
        render_committees(b, meta, parse_committees(where, file.bytes));
        break;
      case Response::Meetings:
        render_meetings(b, meta, parse_meetings(where, file.bytes));
        break;
      case Response::CouncillorsByWard:
        render_councillors(b, meta, parse_councillors_by_ward(where, file.bytes));
        break;
    }
    ImportedSource out = b.finish();
    out.format = "moderngov";
    out.encoding = "UTF-8";
    out.title = std::move(meta.title);
    out.date = std::move(meta.date);
    out.metadata = std::move(meta.metadata);
    out.metadata["moderngov_response"] = std::string(endpoint_name(r.kind));
    return out;
  }
};

}  // namespace
}  // namespace casebook::importers::moderngov

namespace casebook::importers {

bool sniff_moderngov(std::string_view bytes) {
  return moderngov::response_kind(bytes).has_value();
}

std::unique_ptr<Importer> make_moderngov_importer() {
  return std::make_unique<moderngov::ModernGovImporter>();
}

}  // namespace casebook::importers

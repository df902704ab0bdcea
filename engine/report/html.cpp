#include "engine/report/html.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <system_error>

#include "engine/text/utf8.hpp"

namespace casebook::report::html {

namespace utf8 = text::utf8;

namespace {

// Characters XML 1.0 does not allow at all (pages must parse as XML too).
bool forbidden_in_xml(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  return cp == 0xFFFE || cp == 0xFFFF;
}

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower_ascii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const utf8::Char c = utf8::decode(text, pos);
    if (!c.valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else if (forbidden_in_xml(c.code_point)) {
      // dropped
    } else if (c.code_point == '&') {
      out += "&amp;";
    } else if (c.code_point == '<') {
      out += "&lt;";
    } else if (c.code_point == '>') {
      out += "&gt;";
    } else if (c.code_point == '"') {
      out += "&quot;";
    } else if (c.code_point == '\'') {
      out += "&#39;";
    } else {
      out.append(text.substr(pos, c.size));
    }
    pos += c.size;
  }
  return out;
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  char buffer[64];
  const auto result = std::to_chars(std::begin(buffer), std::end(buffer), value,
                                    std::chars_format::fixed, decimals);
  if (result.ec != std::errc()) return "0";
  std::string out(buffer, result.ptr);
  // "-0.00": a negative value that rounds to zero is shown as zero.
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string number(double value, int max_decimals) {
  std::string out = fixed(value, max_decimals);
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

std::size_t length(std::string_view text) {
  return utf8::code_point_offsets(text).size() - 1;
}

std::string truncate(std::string_view text, std::size_t max_code_points) {
  const std::vector<std::size_t> offsets = utf8::code_point_offsets(text);
  const std::size_t count = offsets.size() - 1;
  if (count <= max_code_points) return std::string(text);
  if (max_code_points == 0) return "";
  // Keep max−1 characters and the ellipsis, backing off so a combining mark
  // (or the rest of an emoji sequence) is never separated from its base.
  std::size_t keep = max_code_points - 1;
  while (keep > 0 && utf8::continues_cluster(text, offsets, keep)) --keep;
  std::string out(text.substr(0, offsets[keep]));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";  // …
}

std::optional<Rgb> parse_colour(std::string_view text) {
  if (text.empty() || text.front() != '#') return std::nullopt;
  text.remove_prefix(1);
  std::vector<int> digits;
  for (char c : text) {
    const int d = hex_digit(c);
    if (d < 0) return std::nullopt;
    digits.push_back(d);
  }
  if (digits.size() == 3) return Rgb{digits[0] * 17, digits[1] * 17, digits[2] * 17};
  if (digits.size() == 6) {
    return Rgb{digits[0] * 16 + digits[1], digits[2] * 16 + digits[3], digits[4] * 16 + digits[5]};
  }
  return std::nullopt;
}

std::string hex(const Rgb& colour) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (int channel : {colour.r, colour.g, colour.b}) {
    channel = std::clamp(channel, 0, 255);
    out += kDigits[channel / 16];
    out += kDigits[channel % 16];
  }
  return out;
}

std::string rgba(const Rgb& colour, double alpha) {
  return "rgba(" + std::to_string(std::clamp(colour.r, 0, 255)) + "," +
         std::to_string(std::clamp(colour.g, 0, 255)) + "," +
         std::to_string(std::clamp(colour.b, 0, 255)) + "," +
         number(std::clamp(alpha, 0.0, 1.0), 2) + ")";
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_ascii_alnum(c)) {
      out += lower_ascii(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::vector<std::string> safe_file_stems(const std::vector<std::string>& labels,
                                         const std::vector<std::string>& reserved) {
  constexpr std::size_t kMaxBytes = 80;
  std::set<std::string> taken;
  for (const std::string& name : reserved) taken.insert(lower(name));

  std::vector<std::string> stems;
  stems.reserve(labels.size());
  for (const std::string& label : labels) {
    std::string stem;
    for (char c : label) {
      const bool safe = is_ascii_alnum(c) || c == '.' || c == '_' || c == '-';
      stem += safe ? c : '_';
    }
    if (stem.empty()) stem = "source";
    // A leading dot would hide the file (and "." or ".." name directories).
    if (stem.front() == '.') stem.front() = '_';
    if (stem.size() > kMaxBytes) stem.resize(kMaxBytes);

    std::string candidate = stem;
    for (int n = 2; taken.count(lower(candidate)) > 0; ++n) {
      candidate = stem + "-" + std::to_string(n);
    }
    taken.insert(lower(candidate));
    stems.push_back(candidate);
  }
  return stems;
}

// ---- documents ----

std::string paragraph_content(const exporting::Paragraph& paragraph) {
  std::string out;
  for (const exporting::Span& span : paragraph) {
    switch (span.style) {
      case exporting::Style::Plain:
        out += escape(span.text);
        break;
      case exporting::Style::Emphasis:
        out += "<em>" + escape(span.text) + "</em>";
        break;
      case exporting::Style::Strong:
        out += "<strong>" + escape(span.text) + "</strong>";
        break;
    }
  }
  return out;
}

namespace {

std::string cell_content(const exporting::Cell& cell) {
  if (cell.paragraphs.size() == 1) return paragraph_content(cell.paragraphs.front());
  std::string out;
  for (const exporting::Paragraph& paragraph : cell.paragraphs) {
    out += "<p>" + paragraph_content(paragraph) + "</p>";
  }
  return out;
}

std::string align_class(exporting::Align align) {
  return align == exporting::Align::Right ? " class=\"num\"" : "";
}

// Relative widths as percentages, so a column of quotes gets the room.
std::string column_group(const std::vector<exporting::Column>& columns) {
  double total = 0;
  for (const exporting::Column& column : columns) total += std::max(column.width, 0.0);
  if (total <= 0) return "";
  std::string out = "<colgroup>";
  for (const exporting::Column& column : columns) {
    out += "<col style=\"width:" + number(100.0 * std::max(column.width, 0.0) / total, 1) + "%\"/>";
  }
  return out + "</colgroup>\n";
}

std::string table_html(const exporting::Table& table, std::set<std::string>& used_ids) {
  std::string id;
  if (!table.id.empty()) {
    id = "table-" + slug(table.id);
    for (int n = 2; used_ids.count(id) > 0; ++n)
      id = "table-" + slug(table.id) + "-" + std::to_string(n);
    used_ids.insert(id);
  }
  std::string out = "<div class=\"table-wrap\"><table class=\"data\"";
  if (!id.empty()) out += " id=\"" + id + "\"";
  out += ">\n";
  if (!table.caption.empty()) out += "<caption>" + escape(table.caption) + "</caption>\n";
  out += column_group(table.columns);
  out += "<thead><tr>";
  for (const exporting::Column& column : table.columns) {
    out += "<th scope=\"col\"" + align_class(column.align) + ">" + escape(column.header) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<exporting::Cell>& row : table.rows) {
    out += "<tr>";
    const std::size_t width = std::max(row.size(), table.columns.size());
    for (std::size_t i = 0; i < width; ++i) {
      const exporting::Align align =
          i < table.columns.size() ? table.columns[i].align : exporting::Align::Left;
      out += "<td" + align_class(align) + ">";
      if (i < row.size()) out += cell_content(row[i]);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  for (const std::string& note : table.notes) {
    out += "<p class=\"note\">" + escape(note) + "</p>\n";
  }
  return out;
}

}  // namespace

std::string document_body(const exporting::Document& document) {
  std::string out;
  std::set<std::string> used_ids;
  for (const exporting::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<exporting::Heading>(&block)) {
      const std::string tag = "h" + std::to_string(std::clamp(heading->level + 1, 2, 6));
      out += "<" + tag + ">" + escape(heading->text) + "</" + tag + ">\n";
    } else if (const auto* paragraph = std::get_if<exporting::Paragraph>(&block)) {
      out += "<p>" + paragraph_content(*paragraph) + "</p>\n";
    } else if (const auto* table = std::get_if<exporting::Table>(&block)) {
      out += table_html(*table, used_ids);
    }
  }
  return out;
}

// ---- the page frame ----

namespace {

struct NavEntry {
  Page page;
  const char* label;
  const char* href;  // relative to the site's root
};

constexpr NavEntry kNavigation[] = {
    {Page::Overview, "Overview", "index.html"},    {Page::Sources, "Sources", "sources/index.html"},
    {Page::Codebook, "Codebook", "codebook.html"}, {Page::Agreement, "Agreement", "agreement.html"},
    {Page::Cases, "Cases", "cases.html"},
};

std::string navigation(const Frame& frame) {
  std::string out = "<nav aria-label=\"Report pages\"><ul>";
  for (const NavEntry& entry : kNavigation) {
    out += "<li><a href=\"" + escape(frame.root) + entry.href + "\"";
    if (entry.page == frame.current) out += " aria-current=\"page\"";
    out += ">" + std::string(entry.label) + "</a></li>";
  }
  return out + "</ul></nav>";
}

}  // namespace

std::string page(const Frame& frame, std::string_view body) {
  const std::string title = frame.page_title.empty() ? escape(frame.site_title)
                                                     : escape(frame.page_title) + " \xE2\x80\x94 " +
                                                           escape(frame.site_title);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n";
  out += "<meta charset=\"utf-8\"/>\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  if (!frame.generated_by.empty()) {
    out += "<meta name=\"generator\" content=\"" + escape(frame.generated_by) + "\"/>\n";
  }
  out += "<title>" + title + "</title>\n";
  out += "<link rel=\"icon\" href=\"data:,\"/>\n";
  out += "<link rel=\"stylesheet\" href=\"" + escape(frame.root) + "style.css\"/>\n";
  out += "</head>\n<body>\n";
  out += "<header class=\"site-header\"><div class=\"wrap\"><a class=\"brand\" href=\"" +
         escape(frame.root) + "index.html\">" + escape(frame.site_title) + "</a>" +
         navigation(frame) + "</div></header>\n";
  out += "<main class=\"wrap\">\n";
  out += body;
  out += "</main>\n";
  out += "<footer class=\"site-footer\"><div class=\"wrap\">";
  if (!frame.generated_by.empty()) out += "Generated by " + escape(frame.generated_by) + ". ";
  out += "A self-contained report: it needs no network to view.</div></footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace casebook::report::html

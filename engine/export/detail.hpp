#pragma once
// Private to engine/export: helpers the writers share (display widths, XML
// escaping, column width fractions, table anchors, paragraph tidying), so
// every format treats the same text the same way. UTF-8 is walked with
// text::utf8: an invalid or truncated sequence gives U+FFFD and skips one
// byte, so writers never emit broken UTF-8 even if a builder passed some.

#include <unicode/uchar.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/export/document.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::exporting::detail {

// Overloads for std::visit over Block.
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

// Columns a character takes in a terminal, and in Pandoc's grid-table
// layout: East Asian wide characters count 2, combining marks and format
// characters (ZWJ, ...) 0, everything else 1.
inline std::size_t char_width(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
}

inline std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();)
    width += char_width(text::utf8::next_code_point(text, pos));
  return width;
}

// Characters XML 1.0 allows (its production `Char`); the rest (most C0
// controls, U+FFFE, U+FFFF) make a document unreadable and are dropped.
inline bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Text for XML or HTML content and attribute values: & < > " ' escaped,
// characters XML forbids dropped, invalid UTF-8 replaced by U+FFFD.
inline std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = text::utf8::next_code_point(text, pos);
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':  // would be normalised to LF by an XML reader: keep the text as given
        out += "&#13;";
        break;
      default:
        if (is_xml_char(cp)) text::utf8::append_utf8(out, cp);
    }
  }
  return out;
}

// Line breaks and tabs as spaces: for captions, titles and other one-line
// places.
inline std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

inline bool is_space_or_break(char c) {
  return c == ' ' || c == '\n';
}

// A paragraph as writers want it: tabs and CRs as spaces, every run of
// whitespace holding a line break reduced to one "\n", no whitespace at
// either end, adjacent spans of one style merged, empty spans dropped. So a
// writer never starts a paragraph with a line break (an error in LaTeX) nor
// emits two breaks in a row (a paragraph end in Markdown).
inline Paragraph tidy(const Paragraph& paragraph) {
  // Work on the concatenated text with a style per byte, then split again.
  std::string text;
  std::vector<Style> styles;
  for (const Span& span : paragraph) {
    for (char c : span.text) {
      text += (c == '\t' || c == '\r') ? ' ' : c;
      styles.push_back(span.style);
    }
  }
  std::string kept;
  std::vector<Style> kept_styles;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_space_or_break(text[i])) {
      kept += text[i];
      kept_styles.push_back(styles[i]);
      ++i;
      continue;
    }
    std::size_t end = i;
    bool has_break = false;
    while (end < text.size() && is_space_or_break(text[end])) has_break |= text[end++] == '\n';
    const bool at_edge = i == 0 || end == text.size();
    if (!at_edge) {
      if (has_break) {
        kept += '\n';
        kept_styles.push_back(styles[i]);
      } else {
        kept.append(text, i, end - i);
        kept_styles.insert(kept_styles.end(), styles.begin() + i, styles.begin() + end);
      }
    }
    i = end;
  }
  Paragraph out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (out.empty() || out.back().style != kept_styles[i]) out.push_back({"", kept_styles[i]});
    out.back().text += kept[i];
  }
  return out;
}

// Column::width as fractions summing to 1. Widths that are not positive
// finite numbers count as 1, so a bad builder cannot make a column vanish.
inline std::vector<double> width_fractions(const std::vector<Column>& columns) {
  std::vector<double> weights;
  double total = 0;
  for (const Column& column : columns) {
    const double w = (std::isfinite(column.width) && column.width > 0) ? column.width : 1.0;
    weights.push_back(w);
    total += w;
  }
  for (double& w : weights) w /= total;
  return weights;
}

// `value` with exactly `decimals` digits after the point, whatever the
// process locale says about decimal separators.
inline std::string fixed_decimal(double value, int decimals) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, decimals);
  return std::string(buffer.data(), result.ptr);
}

// One anchor per table, in document order: the table id with every
// character outside [A-Za-z0-9._:-] replaced by '-', "table-N" for tables
// without an id, and "-2", "-3"... appended to repeats so anchors stay unique
// (LaTeX \label, HTML id).
inline std::vector<std::string> table_anchors(const Document& document) {
  std::vector<std::string> anchors;
  std::set<std::string> taken;
  for (const Block& block : document.blocks) {
    const auto* table = std::get_if<Table>(&block);
    if (table == nullptr) continue;
    std::string anchor;
    for (char c : table->id) {
      const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
      anchor += safe ? c : '-';
    }
    if (anchor.empty()) anchor = "table-" + std::to_string(anchors.size() + 1);
    std::string unique = anchor;
    for (int n = 2; taken.count(unique) != 0; ++n) unique = anchor + "-" + std::to_string(n);
    taken.insert(unique);
    anchors.push_back(unique);
  }
  return anchors;
}

// Blocks that are tables, in document order.
inline std::vector<const Table*> tables_of(const Document& document) {
  std::vector<const Table*> tables;
  for (const Block& block : document.blocks) {
    if (const auto* table = std::get_if<Table>(&block)) tables.push_back(table);
  }
  return tables;
}

}  // namespace casebook::exporting::detail

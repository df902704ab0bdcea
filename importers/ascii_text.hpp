#pragma once
// Private to importers/: the small byte-wise string helpers the importers
// share. They look at ASCII only -- bytes of multi-byte UTF-8 characters are
// never spaces, digits or letters here -- and do not depend on the C locale.
// The whitespace sets differ between formats on purpose; each helper names
// the set it uses.

#include <string>
#include <string_view>

namespace casebook::importers {

// True when `s` begins with `prefix` (byte-wise).
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// `s` with A-Z lowered to a-z; every other byte (UTF-8 included) unchanged.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// '0'-'9' only.
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Non-empty and nothing but '0'-'9'.
inline bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Space, tab, LF, FF, CR: the WHATWG "ASCII whitespace" (HTML, WebVTT).
inline bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Space, tab, LF, CR -- no FF: XML's white space (S), also used for CSV cells.
inline bool is_xml_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Space and tab only (no line breaks).
inline bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

namespace ascii_text_detail {
template <typename IsSpace>
std::string_view trim_if(std::string_view s, IsSpace is_space) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

template <typename IsSpace>
std::string collapse_if(std::string_view text, IsSpace is_space) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}
}  // namespace ascii_text_detail

// `s` without leading and trailing ASCII whitespace (space, tab, LF, FF, CR).
inline std::string_view trim_ascii_whitespace(std::string_view s) {
  return ascii_text_detail::trim_if(s, is_ascii_whitespace);
}

// `s` without leading and trailing XML white space (space, tab, LF, CR; not FF).
inline std::string_view trim_xml_whitespace(std::string_view s) {
  return ascii_text_detail::trim_if(s, is_xml_whitespace);
}

// `s` without leading and trailing spaces and tabs (line breaks stay).
inline std::string_view trim_spaces_and_tabs(std::string_view s) {
  return ascii_text_detail::trim_if(s, is_space_or_tab);
}

// `s` without leading and trailing spaces, tabs and LFs (CR and FF stay).
inline std::string_view trim_spaces_tabs_and_lfs(std::string_view s) {
  return ascii_text_detail::trim_if(s, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// `text` with each run of ASCII whitespace (space, tab, LF, FF, CR) made one
// space, and none at either end.
inline std::string collapse_ascii_whitespace(std::string_view text) {
  return ascii_text_detail::collapse_if(text, is_ascii_whitespace);
}

// `text` with each run of spaces, tabs, LFs and FFs made one space, and none
// at either end; a CR (only a character reference can leave one in cue text)
// is kept as text.
inline std::string collapse_whitespace_except_cr(std::string_view text) {
  return ascii_text_detail::collapse_if(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; });
}

}  // namespace casebook::importers

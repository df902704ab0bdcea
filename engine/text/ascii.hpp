#pragma once
// ASCII-only case folding. Keys, names and labels compare ignoring ASCII case
// because that is what SQLite's NOCASE collation does in the store; folding
// more (Unicode case) here would let the code and the store disagree about
// whether two keys are "the same". Locale-independent, unlike std::tolower.

#include <string>
#include <string_view>

namespace casebook::text {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool ascii_iequals(std::string_view a, std::string_view b) {
  return ascii_lower(a) == ascii_lower(b);
}

}  // namespace casebook::text

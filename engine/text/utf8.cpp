#include "engine/text/utf8.hpp"

namespace casebook::text::utf8 {

namespace {

constexpr char32_t kZeroWidthJoiner = 0x200D;

bool is_continuation_byte(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

bool extends_previous(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) ||    // combining diacritical marks
         (cp >= 0x1AB0 && cp <= 0x1AFF) ||    // ... extended
         (cp >= 0x1DC0 && cp <= 0x1DFF) ||    // ... supplement
         (cp >= 0x20D0 && cp <= 0x20FF) ||    // ... for symbols
         (cp >= 0xFE20 && cp <= 0xFE2F) ||    // combining half marks
         (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
         (cp >= 0x1F3FB && cp <= 0x1F3FF) ||  // emoji skin-tone modifiers
         (cp >= 0xE0100 && cp <= 0xE01EF) ||  // variation selectors supplement
         cp == kZeroWidthJoiner;
}

}  // namespace

Char decode(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1, true};

  std::size_t size = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return {kReplacementCharacter, 1, false};
  }
  if (pos + size > text.size()) return {kReplacementCharacter, 1, false};
  for (std::size_t i = 1; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation_byte(byte)) return {kReplacementCharacter, 1, false};
    cp = (cp << 6) | (byte & 0x3F);
  }
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (cp < min || cp > 0x10FFFF || surrogate) return {kReplacementCharacter, 1, false};
  return {cp, size, true};
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    pos += decode(text, pos).size;
  }
  offsets.push_back(text.size());
  return offsets;
}

bool continues_cluster(std::string_view text, const std::vector<std::size_t>& offsets,
                       std::size_t i) {
  if (i == 0 || i + 1 >= offsets.size()) return false;
  if (extends_previous(decode(text, offsets[i]).code_point)) return true;
  return decode(text, offsets[i - 1]).code_point == kZeroWidthJoiner;
}

}  // namespace casebook::text::utf8

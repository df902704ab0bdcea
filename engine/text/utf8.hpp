#pragma once
// Decoding and encoding UTF-8 one code point at a time, for code that must
// cope with text that may be ill-formed (exports, the report, the pseudonym
// map). One decoder, so every module agrees on what a code point is: every
// well-formed sequence is one, and so is every byte of an ill-formed one
// (read as U+FFFD). Writers thus never pass broken UTF-8 on.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::text::utf8 {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct Char {
  char32_t code_point = 0;  // U+FFFD when !valid
  std::size_t size = 1;     // bytes taken, 1..4
  bool valid = true;
};

// The character starting at byte `pos` (< text.size()). Rejects overlong
// forms, surrogates, values above U+10FFFF and truncated sequences: each of
// those is one invalid Char of one byte.
Char decode(std::string_view text, std::size_t pos);

// The code point at byte `pos` (< text.size()), advancing `pos` past it
// (past one byte of an ill-formed sequence, giving U+FFFD).
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const Char c = decode(text, pos);
  pos += c.size;
  return c.code_point;
}

// Every code point of `text`, as decode() reads them.
std::vector<char32_t> code_points(std::string_view text);

// Appends `cp` as UTF-8. A value that is no Unicode scalar value (a
// surrogate, or above U+10FFFF) is written as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// The byte offset of every code point, followed by text.size(): element i is
// where code point i starts, so the result has (code points + 1) entries.
std::vector<std::size_t> code_point_offsets(std::string_view text);

// True when the code point at index `i` (an index into `offsets`, as above)
// belongs to the character before it: a combining mark, a variation
// selector, an emoji modifier, a zero-width joiner or what follows one.
bool continues_cluster(std::string_view text, const std::vector<std::size_t>& offsets,
                       std::size_t i);

}  // namespace casebook::text::utf8

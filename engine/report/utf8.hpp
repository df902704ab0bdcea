#pragma once
// UTF-8 decoding for the report: positions in the model are code points
// (Highlight), pages need bytes. One decoder, so escaping, truncation and
// highlighting agree on what a code point is: every well-formed sequence is
// one, and so is every byte of an ill-formed one (shown as U+FFFD).

#include <cstddef>
#include <string_view>
#include <vector>

namespace casebook::report::utf8 {

struct Char {
  char32_t code_point = 0;  // U+FFFD when !valid
  std::size_t size = 1;     // bytes taken, 1..4
  bool valid = true;
};

// The character starting at byte `pos` (< text.size()). Rejects overlong
// forms, surrogates and values above U+10FFFF.
Char decode(std::string_view text, std::size_t pos);

// The byte offset of every code point, followed by text.size(): element i is
// where code point i starts, so the result has (code points + 1) entries.
std::vector<std::size_t> code_point_offsets(std::string_view text);

// True when the code point at index `i` (an index into `offsets`, as above)
// belongs to the character before it: a combining mark, a variation
// selector, an emoji modifier, a zero-width joiner or what follows one.
bool continues_cluster(std::string_view text, const std::vector<std::size_t>& offsets,
                       std::size_t i);

}  // namespace casebook::report::utf8

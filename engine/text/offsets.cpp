// Code point <-> UTF-8 byte <-> UTF-16 unit conversions for one text.
//
// Counting code points in valid UTF-8 only needs the lead bytes: every byte
// that is not a continuation byte (10xxxxxx) starts a character, and a lead
// byte of 11110xxx starts a supplementary character, which UTF-16 stores as a
// surrogate pair. OffsetMap records where every 64th code point starts, so a
// lookup walks at most 63 characters from the nearest checkpoint.

#include "engine/text/offsets.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "engine/core/error.hpp"

namespace casebook::text {
namespace {

constexpr std::size_t kCheckpointEvery = 64;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// A lead byte of 4-byte UTF-8 encodes a code point above U+FFFF: two UTF-16 units.
std::size_t utf16_width(unsigned char lead) {
  return lead >= 0xF0 ? 2 : 1;
}

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Length of the well-formed UTF-8 sequence at p (Unicode Table 3-7), or 0 when
// the bytes there are not one: overlongs, surrogates, values above U+10FFFF,
// stray continuation bytes and truncated sequences all give 0.
std::size_t valid_sequence_length(const unsigned char* p, std::size_t avail) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return 1;
  auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (in(b0, 0xC2, 0xDF)) {
    len = 2;
  } else if (b0 == 0xE0) {
    len = 3;
    lo = 0xA0;  // below A0 would be an overlong
  } else if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) {
    len = 3;
  } else if (b0 == 0xED) {
    len = 3;
    hi = 0x9F;  // A0..BF would encode surrogates D800..DFFF
  } else if (b0 == 0xF0) {
    len = 4;
    lo = 0x90;  // below 90 would be an overlong
  } else if (in(b0, 0xF1, 0xF3)) {
    len = 4;
  } else if (b0 == 0xF4) {
    len = 4;
    hi = 0x8F;  // 90 and above would exceed U+10FFFF
  } else {
    return 0;  // C0, C1, F5..FF or a continuation byte
  }
  if (avail < len || !in(p[1], lo, hi)) return 0;
  for (std::size_t i = 2; i < len; ++i) {
    if (!is_continuation(p[i])) return 0;
  }
  return len;
}

}  // namespace

std::size_t count_code_points(std::string_view utf8) {
  const unsigned char* p = bytes_of(utf8);
  std::size_t continuation = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) continuation += is_continuation(p[i]);
  return utf8.size() - continuation;
}

bool is_valid_utf8(std::string_view utf8, std::size_t* error_at) {
  const unsigned char* p = bytes_of(utf8);
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n) {
    // Most text is ASCII: test eight bytes at a time for a high bit.
    if (n - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t len = valid_sequence_length(p + i, n - i);
    if (len == 0) {
      if (error_at) *error_at = i;  // the byte where the ill-formed sequence starts
      return false;
    }
    i += len;
  }
  return true;
}

OffsetMap::OffsetMap(std::string_view utf8) : text_(utf8) {
  checkpoints_.reserve(utf8.size() / kCheckpointEvery + 1);
  checkpoints_.push_back({0, 0, 0});
  const unsigned char* p = bytes_of(utf8);
  std::size_t cp = 0, units = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (is_continuation(p[i])) continue;
    if (cp != 0 && cp % kCheckpointEvery == 0) checkpoints_.push_back({cp, i, units});
    ++cp;
    units += utf16_width(p[i]);
  }
  code_points_ = cp;
  utf16_units_ = units;
}

const OffsetMap::Checkpoint& OffsetMap::checkpoint_at_or_before_cp(std::size_t cp) const {
  return checkpoints_[std::min(cp / kCheckpointEvery, checkpoints_.size() - 1)];
}

namespace {

// Position of the character after the one starting at `byte`.
std::size_t next_char(std::string_view text, std::size_t byte) {
  const unsigned char* p = bytes_of(text);
  ++byte;
  while (byte < text.size() && is_continuation(p[byte])) ++byte;
  return byte;
}

[[noreturn]] void throw_cp_out_of_range(std::size_t cp, std::size_t code_points) {
  throw_usage("code point offset " + std::to_string(cp) + " is past the end of the text (" +
                  std::to_string(code_points) + " code points)",
              "offsets are code points counted from 0 on the NFC text; an end offset may equal "
              "the length, no offset may exceed it");
}

}  // namespace

std::size_t OffsetMap::byte_of(std::size_t cp) const {
  if (cp > code_points_) throw_cp_out_of_range(cp, code_points_);
  const Checkpoint& c = checkpoint_at_or_before_cp(cp);
  std::size_t byte = c.byte;
  for (std::size_t k = c.cp; k < cp; ++k) byte = next_char(text_, byte);
  return byte;
}

std::size_t OffsetMap::utf16_of(std::size_t cp) const {
  if (cp > code_points_) throw_cp_out_of_range(cp, code_points_);
  const Checkpoint& c = checkpoint_at_or_before_cp(cp);
  const unsigned char* p = bytes_of(text_);
  std::size_t byte = c.byte, units = c.utf16;
  for (std::size_t k = c.cp; k < cp; ++k) {
    units += utf16_width(p[byte]);
    byte = next_char(text_, byte);
  }
  return units;
}

std::size_t OffsetMap::cp_of_byte(std::size_t byte) const {
  if (byte > text_.size()) {
    throw_usage("byte offset " + std::to_string(byte) + " is past the end of the text (" +
                    std::to_string(text_.size()) + " bytes)",
                "byte offsets count UTF-8 bytes from 0; an end offset may equal the length");
  }
  const unsigned char* p = bytes_of(text_);
  if (byte < text_.size() && is_continuation(p[byte])) {
    throw_usage("byte offset " + std::to_string(byte) +
                    " falls inside a character (on a UTF-8 continuation byte)",
                "give the offset of the first byte of a character");
  }
  // The last checkpoint whose byte is not after `byte`.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                             [](std::size_t b, const Checkpoint& c) { return b < c.byte; });
  const Checkpoint& c = *std::prev(it);
  std::size_t cp = c.cp;
  for (std::size_t i = c.byte; i < byte; ++i) cp += !is_continuation(p[i]);
  return cp;
}

std::size_t OffsetMap::cp_of_utf16(std::size_t unit) const {
  if (unit > utf16_units_) {
    throw_usage("UTF-16 offset " + std::to_string(unit) + " is past the end of the text (" +
                    std::to_string(utf16_units_) + " UTF-16 code units)",
                "UTF-16 offsets count code units from 0; an end offset may equal the length");
  }
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), unit,
                             [](std::size_t u, const Checkpoint& c) { return u < c.utf16; });
  const Checkpoint& c = *std::prev(it);
  const unsigned char* p = bytes_of(text_);
  std::size_t byte = c.byte, cp = c.cp, units = c.utf16;
  while (units < unit) {
    units += utf16_width(p[byte]);
    byte = next_char(text_, byte);
    ++cp;
  }
  if (units != unit) {
    throw_usage("UTF-16 offset " + std::to_string(unit) +
                    " falls between the two halves of a surrogate pair",
                "give the offset of the first code unit of a character");
  }
  return cp;
}

std::string_view OffsetMap::slice(Span span) const {
  if (span.start > span.end) {
    throw_usage("span [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
                    ") ends before it starts",
                "a span is [start, end) in code points with start <= end");
  }
  const std::size_t first = byte_of(span.start);
  // Walk on from `first` rather than from a checkpoint: short spans are the
  // common case.
  if (span.end > code_points_) throw_cp_out_of_range(span.end, code_points_);
  std::size_t last = first;
  if (span.end - span.start <= kCheckpointEvery) {
    for (std::size_t k = span.start; k < span.end; ++k) last = next_char(text_, last);
  } else {
    last = byte_of(span.end);
  }
  return text_.substr(first, last - first);
}

}  // namespace casebook::text

#pragma once
// Positions in casebook are code points, half-open [start, end), counted from
// 0 on the canonical NFC text of a source, as the REFI-QDA standard counts
// them. Other tools speak UTF-8 bytes or UTF-16 code units; OffsetMap converts
// between the three for one text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::text {

// A half-open range of code points [start, end).
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t length() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// Number of code points in valid UTF-8 (counts every non-continuation byte).
std::size_t count_code_points(std::string_view utf8);

// True when `utf8` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF). `error_at`, if given, receives the byte offset of the first
// bad byte.
bool is_valid_utf8(std::string_view utf8, std::size_t* error_at = nullptr);

// Converts positions in one UTF-8 text between code points, bytes and UTF-16
// code units. Construction is O(n); each lookup is O(log n + k) with a
// checkpoint every 64 code points. The map refers to the text: keep it alive.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view utf8);

  std::size_t code_points() const { return code_points_; }
  std::size_t bytes() const { return text_.size(); }
  std::size_t utf16_units() const { return utf16_units_; }

  // cp in [0, code_points()]; throws casebook::Error(Usage) when out of range.
  std::size_t byte_of(std::size_t cp) const;
  std::size_t utf16_of(std::size_t cp) const;
  // Inverse conversions; throw casebook::Error(Usage) when the offset is out
  // of range or falls inside a character (a continuation byte, or between the
  // two halves of a surrogate pair).
  std::size_t cp_of_byte(std::size_t byte) const;
  std::size_t cp_of_utf16(std::size_t unit) const;

  // The bytes of code points [span.start, span.end).
  std::string_view slice(Span span) const;

 private:
  struct Checkpoint {
    std::size_t cp, byte, utf16;
  };
  const Checkpoint& checkpoint_at_or_before_cp(std::size_t cp) const;
  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;
  std::size_t code_points_ = 0;
  std::size_t utf16_units_ = 0;
};

}  // namespace casebook::text

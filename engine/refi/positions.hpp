#pragma once
// Which unit a REFI producer counted selection positions in, and mapping
// them onto casebook's canonical text.
//
// The standard counts Unicode code points of the plain text. Producers
// differ: some count UTF-16 code units (astral characters count twice),
// some count a leading byte order mark, some count CRLF as one character.
// casebook's canonical text drops the BOM, turns CRLF into LF and is NFC,
// so each reading gives a different code point in it. We try every reading
// that differs for this text and keep the one whose selections land best:
// inside the text, non-empty, and starting and ending at word boundaries
// (people select words, not halves of them).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/text/offsets.hpp"

namespace casebook::refi {

struct Reading {
  bool utf16 = false;        // UTF-16 code units instead of code points
  bool bom_counted = false;  // a leading U+FEFF is position 0
  bool crlf_as_one = false;  // CR LF counts as one character
  bool operator==(const Reading& o) const {
    return utf16 == o.utf16 && bom_counted == o.bom_counted && crlf_as_one == o.crlf_as_one;
  }
};

// "code points", "UTF-16 units, CRLF as one, BOM counted" ...
std::string describe(const Reading& reading);

// A producer's selection, in its units.
struct RawSpan {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

// How well one reading fits.
struct ReadingScore {
  Reading reading;
  std::size_t in_range = 0;    // selections that map to a non-empty span inside the text
  std::size_t boundaries = 0;  // starts and ends at word boundaries
  long score() const { return static_cast<long>(in_range) * 2 + static_cast<long>(boundaries); }
};

// Maps positions of one producer text (UTF-8, as stored in the package,
// possibly with BOM and CRLF, possibly not NFC) onto its canonical text.
class PositionMapper {
 public:
  explicit PositionMapper(std::string_view stored_utf8);

  const std::string& canonical() const { return canonical_; }

  // The readings that give different results on this text, preferred first
  // (the standard's code points first).
  std::vector<Reading> candidates() const;

  // The code point in the canonical text of producer position `pos`, or
  // nullopt when it is outside the text or inside a character (half a
  // surrogate pair).
  std::optional<std::size_t> map(const Reading& reading, std::int64_t pos) const;
  std::optional<text::Span> map(const Reading& reading, const RawSpan& span) const;

  ReadingScore score(const Reading& reading, const std::vector<RawSpan>& spans) const;

  // The best reading for `spans`, with every candidate's score (for the report).
  Reading detect(const std::vector<RawSpan>& spans,
                 std::vector<ReadingScore>* scores = nullptr) const;

  bool is_word_boundary(std::size_t cp) const;

 private:
  std::u32string stored_;  // the stored text as code points
  bool has_bom_ = false, has_crlf_ = false, has_astral_ = false;
  std::string canonical_;
  std::u32string canonical32_;
  std::vector<std::uint32_t> to_canonical_;  // stored code point -> canonical code point (size+1)
  static constexpr std::size_t kCheckpoint = 64;
  const std::vector<std::int64_t>& checkpoints(const Reading& reading) const;
  mutable std::map<int, std::vector<std::int64_t>> checkpoints_;  // per reading, built on first use
};

}  // namespace casebook::refi

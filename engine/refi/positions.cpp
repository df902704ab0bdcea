#include "engine/refi/positions.hpp"

#include <algorithm>

#include "engine/text/normalize.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::refi {
namespace {

constexpr char32_t kBom = 0xFEFF;

std::string to_utf8(const std::u32string& s, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) text::utf8::append_utf8(out, s[i]);
  return out;
}

std::u32string to_u32(std::string_view utf8) {
  std::vector<char32_t> cps = text::utf8::code_points(utf8);
  return std::u32string(cps.begin(), cps.end());
}

// Letters, digits and marks of any script count as word characters; spaces,
// punctuation and symbols do not. A rough test is enough: it only has to
// tell a reading that cuts words from one that does not.
bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  if (c == 0xA0 || c == kBom) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation, spaces
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0x80 && c <= 0xBF) return false;      // Latin-1 punctuation and symbols
  return true;
}

// Stored code point -> code point of the text with BOM dropped and line ends
// as LF (text::normalize_line_endings, tracked per character).
std::vector<std::uint32_t> line_end_map(const std::u32string& stored, std::u32string& le) {
  std::vector<std::uint32_t> map(stored.size() + 1);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    map[i] = static_cast<std::uint32_t>(le.size());
    const char32_t c = stored[i];
    if (le.empty() && c == kBom) continue;  // every leading BOM, as normalize_line_endings
    if (c == '\r') {
      if (i + 1 < stored.size() && stored[i + 1] == '\n') continue;  // the LF stands for both
      le.push_back('\n');
      continue;
    }
    le.push_back(c);
  }
  map[stored.size()] = static_cast<std::uint32_t>(le.size());
  return map;
}

// Line-ended code point -> NFC code point. NFC never joins a character to
// an ASCII one before it, so the text is normalised in chunks that start at
// ASCII characters; a chunk NFC leaves alone maps one to one, and inside a
// changed chunk a position maps to the length of its normalised prefix.
std::vector<std::uint32_t> nfc_map(const std::u32string& le, std::string& canonical) {
  std::vector<std::uint32_t> map(le.size() + 1);
  canonical.clear();
  std::size_t out_cps = 0;
  std::size_t i = 0;
  while (i < le.size()) {
    std::size_t j = i + 1;
    while (j < le.size() && le[j] >= 0x80) ++j;
    const std::string chunk = to_utf8(le, i, j);
    const std::string nfc = text::to_nfc(chunk);
    if (nfc == chunk) {
      for (std::size_t k = i; k < j; ++k) map[k] = static_cast<std::uint32_t>(out_cps + (k - i));
    } else {
      const std::size_t nfc_len = text::count_code_points(nfc);
      for (std::size_t k = i; k < j; ++k) {
        // Long changed runs are rare (a whole paragraph of decomposed text
        // without one ASCII character); cap the quadratic work there.
        const std::size_t prefix =
            (j - i) > 2048 ? 0 : text::count_code_points(text::to_nfc(to_utf8(le, i, k)));
        map[k] = static_cast<std::uint32_t>(out_cps + std::min(prefix, nfc_len));
      }
    }
    canonical += nfc;
    out_cps += text::count_code_points(nfc);
    i = j;
  }
  map[le.size()] = static_cast<std::uint32_t>(out_cps);
  return map;
}

// Producer units taken by stored code point `i` under `reading`.
int units_of(const std::u32string& s, std::size_t i, const Reading& reading) {
  const char32_t c = s[i];
  if (i == 0 && c == kBom && !reading.bom_counted) return 0;
  if (c == '\r' && reading.crlf_as_one && i + 1 < s.size() && s[i + 1] == '\n') return 0;
  if (reading.utf16 && c > 0xFFFF) return 2;
  return 1;
}

}  // namespace

std::string describe(const Reading& r) {
  std::string out = r.utf16 ? "UTF-16 code units" : "code points";
  if (r.crlf_as_one) out += ", CRLF counted as one";
  if (r.bom_counted) out += ", byte order mark counted";
  return out;
}

PositionMapper::PositionMapper(std::string_view stored_utf8) : stored_(to_u32(stored_utf8)) {
  has_bom_ = !stored_.empty() && stored_[0] == kBom;
  for (std::size_t i = 0; i < stored_.size(); ++i) {
    if (stored_[i] == '\r' && i + 1 < stored_.size() && stored_[i + 1] == '\n') has_crlf_ = true;
    if (stored_[i] > 0xFFFF) has_astral_ = true;
  }
  std::u32string le;
  const std::vector<std::uint32_t> le_map = line_end_map(stored_, le);
  const std::vector<std::uint32_t> canon_map = nfc_map(le, canonical_);
  to_canonical_.resize(le_map.size());
  for (std::size_t i = 0; i < le_map.size(); ++i) to_canonical_[i] = canon_map[le_map[i]];
  canonical32_ = to_u32(canonical_);
}

std::vector<Reading> PositionMapper::candidates() const {
  std::vector<Reading> out;
  for (bool utf16 : {false, true}) {
    if (utf16 && !has_astral_) continue;
    for (bool crlf : {false, true}) {
      if (crlf && !has_crlf_) continue;
      for (bool bom : {false, true}) {
        if (bom && !has_bom_) continue;
        out.push_back({utf16, bom, crlf});
      }
    }
  }
  return out;
}

// Units before every kCheckpoint-th stored code point, so a lookup walks at
// most that many characters instead of the whole text.
const std::vector<std::int64_t>& PositionMapper::checkpoints(const Reading& reading) const {
  const int slot =
      (reading.utf16 ? 4 : 0) + (reading.bom_counted ? 2 : 0) + (reading.crlf_as_one ? 1 : 0);
  std::vector<std::int64_t>& cum = checkpoints_[slot];
  if (!cum.empty()) return cum;
  std::int64_t units = 0;
  for (std::size_t i = 0; i < stored_.size(); ++i) {
    if (i % kCheckpoint == 0) cum.push_back(units);
    units += units_of(stored_, i, reading);
  }
  if (stored_.size() % kCheckpoint == 0) cum.push_back(units);
  return cum;
}

std::optional<std::size_t> PositionMapper::map(const Reading& reading, std::int64_t pos) const {
  if (pos < 0) return std::nullopt;
  const std::vector<std::int64_t>& cum = checkpoints(reading);
  // The last checkpoint strictly before `pos`: zero-width characters (a
  // BOM not counted, the CR of a CRLF counted as one) can share a count,
  // and the first of them is the one wanted.
  const auto it = std::lower_bound(cum.begin(), cum.end(), pos);
  const std::size_t k = it == cum.begin() ? 0 : static_cast<std::size_t>(it - cum.begin()) - 1;
  std::int64_t units = cum[k];
  for (std::size_t i = k * kCheckpoint; i < stored_.size(); ++i) {
    if (units == pos) return to_canonical_[i];
    units += units_of(stored_, i, reading);
    if (units > pos) return std::nullopt;  // inside a surrogate pair
  }
  if (units == pos) return to_canonical_[stored_.size()];
  return std::nullopt;
}

std::optional<text::Span> PositionMapper::map(const Reading& reading, const RawSpan& span) const {
  auto start = map(reading, span.start);
  auto end = map(reading, span.end);
  if (!start || !end || *start >= *end) return std::nullopt;
  return text::Span{*start, *end};
}

bool PositionMapper::is_word_boundary(std::size_t cp) const {
  if (cp == 0 || cp >= canonical32_.size()) return true;
  return !(is_word_char(canonical32_[cp - 1]) && is_word_char(canonical32_[cp]));
}

ReadingScore PositionMapper::score(const Reading& reading,
                                   const std::vector<RawSpan>& spans) const {
  ReadingScore s;
  s.reading = reading;
  for (const RawSpan& raw : spans) {
    auto span = map(reading, raw);
    if (!span) continue;
    ++s.in_range;
    s.boundaries += is_word_boundary(span->start) ? 1 : 0;
    s.boundaries += is_word_boundary(span->end) ? 1 : 0;
  }
  return s;
}

Reading PositionMapper::detect(const std::vector<RawSpan>& spans,
                               std::vector<ReadingScore>* scores) const {
  const std::vector<Reading> readings = candidates();
  Reading best = readings.front();
  long best_score = -1;
  for (const Reading& r : readings) {
    const ReadingScore s = score(r, spans);
    if (scores) scores->push_back(s);
    if (s.score() > best_score) {  // ties keep the earlier, more standard reading
      best = r;
      best_score = s.score();
    }
  }
  return best;
}

}  // namespace casebook::refi

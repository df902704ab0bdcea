// Turning imported bytes into UTF-8. The decision order, most certain first:
//
//   1. no bytes at all                      -> error: empty
//   2. a byte-order mark                    -> the encoding it announces
//   3. valid UTF-8 without NUL bytes        -> UTF-8 (pure ASCII is UTF-8)
//   4. NUL bytes on one side of each pair   -> BOM-less UTF-16LE/BE, if it decodes
//   5. NUL bytes or many control characters -> error: binary
//   6. some valid multi-byte UTF-8 as well as invalid bytes -> error: corrupt UTF-8
//   7. ICU's charset detector, restricted to single-byte charsets (windows-1252 ...)
//
// Step 3 comes before 4 only for text without NULs: ASCII text in UTF-16 is
// valid UTF-8 byte by byte, and it is the NUL bytes that tell it apart.
// Every conversion is strict (an invalid sequence is an error naming its byte
// offset, never a silent U+FFFD), and the decoded text must not contain NUL
// or C0 control characters other than tab, LF, CR and form feed.

#include "engine/text/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::text {
namespace {

constexpr const char* kOverrideHint = "pass --encoding NAME to override detection";
constexpr std::size_t kDetectorSample = 64 * 1024;

// ---- ICU handles ----

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

void check_icu(UErrorCode status, const char* task) {
  if (U_FAILURE(status)) {
    throw_internal(std::string("ICU failed to ") + task + ": " + u_errorName(status),
                   "check that the ICU data library (libicudata) is installed");
  }
}

// Opens a converter that stops at the first invalid sequence instead of
// substituting U+FFFD, so corrupt input is reported rather than imported.
ConverterPtr open_strict_converter(const char* name, UErrorCode& status) {
  ConverterPtr cnv(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return cnv;
}

// The preferred name of an encoding ("cp1252" -> "windows-1252"), or an empty
// string when ICU does not know it.
std::string canonical_name(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name, &status));
  if (U_FAILURE(status)) return {};
  const char* internal = ucnv_getName(cnv.get(), &status);
  if (U_FAILURE(status)) return {};
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode st = U_ZERO_ERROR;
    const char* n = ucnv_getStandardName(internal, standard, &st);
    if (U_SUCCESS(st) && n != nullptr) return n;
  }
  return internal;
}

// ---- strict conversion to UTF-8 ----

[[noreturn]] void throw_invalid_sequence(UConverter* source, std::size_t consumed,
                                         std::size_t base_offset, const std::string& encoding,
                                         std::string_view what, UErrorCode status,
                                         const std::string& hint) {
  char bad[32];
  int8_t bad_len = sizeof bad;
  UErrorCode st = U_ZERO_ERROR;
  ucnv_getInvalidChars(source, bad, &bad_len, &st);
  if (U_FAILURE(st)) bad_len = 0;
  const std::size_t at = base_offset + consumed - static_cast<std::size_t>(bad_len);
  std::string reason = status == U_TRUNCATED_CHAR_FOUND ? "ends in the middle of a character"
                                                        : "has an invalid byte sequence";
  throw_data(std::string(what) + " is not valid " + encoding + ": it " + reason + " at byte " +
                 std::to_string(at),
             hint);
}

// Converts `bytes` (which start at `base_offset` in the input, after a BOM)
// from `encoding` to UTF-8, stopping with a Data error at the first invalid
// sequence. Converts directly through ICU's pivot buffer: no UTF-16 copy.
std::string convert_to_utf8(std::string_view bytes, std::size_t base_offset,
                            const std::string& encoding, std::string_view what,
                            const std::string& hint) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source = open_strict_converter(encoding.c_str(), status);
  ConverterPtr target = open_strict_converter("UTF-8", status);
  check_icu(status, ("open a converter for " + encoding).c_str());

  std::string out;
  // Enough for UTF-16 CJK text (2 bytes -> 3) and for typical single-byte
  // text; the loop below doubles the buffer when it is not.
  out.resize(bytes.size() + bytes.size() / 2 + 16);
  std::array<UChar, 1024> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  char* dst = out.data();
  bool reset = true;
  for (;;) {
    ucnv_convertEx(target.get(), source.get(), &dst, out.data() + out.size(), &src, src_end,
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset,
                   /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t written = dst - out.data();
    out.resize(out.size() * 2);
    dst = out.data() + written;
    status = U_ZERO_ERROR;
    reset = false;
  }
  if (U_FAILURE(status)) {
    throw_invalid_sequence(source.get(), static_cast<std::size_t>(src - bytes.data()), base_offset,
                           encoding, what, status, hint);
  }
  out.resize(dst - out.data());
  return out;
}

// UTF-8 needs no conversion, only validation (stricter and faster than ICU's
// converter, and with the same offsets is_valid_utf8 reports elsewhere).
std::string validated_utf8(std::string_view bytes, std::size_t base_offset, std::string_view what,
                           const std::string& hint) {
  std::size_t bad = 0;
  if (!is_valid_utf8(bytes, &bad)) {
    throw_data(std::string(what) + " is not valid UTF-8: invalid UTF-8 at byte " +
                   std::to_string(base_offset + bad),
               hint);
  }
  return std::string(bytes);
}

std::string decode_as(std::string_view bytes, std::size_t base_offset, const std::string& encoding,
                      std::string_view what, const std::string& hint) {
  if (encoding == "UTF-8") return validated_utf8(bytes, base_offset, what, hint);
  return convert_to_utf8(bytes, base_offset, encoding, what, hint);
}

// ---- byte-order marks ----

struct Bom {
  std::string_view bytes;
  const char* encoding;
};

// UTF-32LE's mark begins with UTF-16LE's, so it must be tested first.
constexpr std::array<Bom, 5> kBoms = {{
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
}};

const Bom* find_bom(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) == bom.bytes) return &bom;
  }
  return nullptr;
}

DecodedText decode_with_bom(std::string_view bytes, const Bom& bom, std::string_view what) {
  DecodedText out;
  out.encoding = bom.encoding;
  out.had_bom = true;
  out.utf8 = decode_as(bytes.substr(bom.bytes.size()), bom.bytes.size(), out.encoding, what,
                       "the file starts with a " + out.encoding +
                           " byte-order mark but is damaged; repair it, or " + kOverrideHint);
  return out;
}

// ---- BOM-less UTF-16 ----

// C0 controls other than tab, LF, CR and form feed do not occur in text.
bool is_disallowed_control(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f';
}

// Offset of the first disallowed control character, or npos. Runs on every
// import, so it skips eight bytes at a time when none of them is below 0x20
// (the classic "has a byte less than n" bit trick).
std::size_t find_disallowed_control(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (((word - kOnes * 0x20) & ~word & kHigh) == 0) continue;  // no byte < 0x20
    for (std::size_t j = i; j < i + 8; ++j) {
      if (is_disallowed_control(text[j])) return j;
    }
  }
  for (; i < text.size(); ++i) {
    if (is_disallowed_control(text[i])) return i;
  }
  return std::string_view::npos;
}

// Text in UTF-16 that is mostly Latin script has a NUL high byte in most code
// units: at odd offsets in little-endian, even offsets in big-endian. Binary
// data has NULs on both sides. The guess stands only if the bytes then decode
// cleanly to text without control characters (arrays of small 16-bit
// integers pass the NUL test but not this one).
std::optional<DecodedText> decode_bomless_utf16(std::string_view bytes, std::string_view what) {
  if (bytes.size() < 2 || bytes.size() % 2 != 0) return std::nullopt;
  std::size_t zeros[2] = {0, 0};  // NUL bytes at even and at odd offsets
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    zeros[0] += bytes[i] == '\0';
    zeros[1] += bytes[i + 1] == '\0';
  }
  const std::size_t units = bytes.size() / 2;
  const bool little_endian = zeros[1] > zeros[0];
  const std::size_t high = zeros[little_endian ? 1 : 0], low = zeros[little_endian ? 0 : 1];
  if (high * 10 < units || low * 4 > high) return std::nullopt;
  DecodedText out;
  out.encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
  try {
    out.utf8 = convert_to_utf8(bytes, 0, out.encoding, what, kOverrideHint);
  } catch (const Error&) {
    return std::nullopt;  // not UTF-16 after all: the binary check decides
  }
  if (find_disallowed_control(out.utf8) != std::string_view::npos) {
    return std::nullopt;  // e.g. an array of 16-bit integers
  }
  out.detected = true;
  // Twice the share of units with a NUL high byte: all-ASCII text scores 100.
  out.confidence = static_cast<int>(std::min<std::size_t>(100, 200 * high / units));
  return out;
}

// ---- binary and corrupt input ----

[[noreturn]] void throw_binary(std::string_view what, const std::string& detail) {
  throw_data(std::string(what) + " looks like a binary file, not text (" + detail + ")",
             "import only text, HTML, DOCX, PDF or transcript files; if this really is text, "
             "remove the control characters, or " +
                 std::string(kOverrideHint));
}

// Before guessing a legacy charset: refuse files with NULs or a lot of
// control characters (more than 1 byte in 100), which no text encoding the
// detector knows would produce.
void reject_binary_bytes(std::string_view bytes, std::string_view what) {
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    throw_binary(
        what, "NUL byte at byte " + std::to_string(static_cast<const char*>(nul) - bytes.data()));
  }
  const auto controls = std::count_if(bytes.begin(), bytes.end(), is_disallowed_control);
  if (static_cast<std::size_t>(controls) * 100 > bytes.size()) {
    throw_binary(what, std::to_string(controls) + " control characters in " +
                           std::to_string(bytes.size()) + " bytes");
  }
}

// After decoding: text may hold no NUL and no C0 control other than tab, LF,
// CR and form feed (they break XML export and mean the decoding was wrong).
// In UTF-8 such characters are single ASCII bytes, so a byte scan is exact.
void reject_control_characters(const DecodedText& text, std::string_view what) {
  const std::size_t at = find_disallowed_control(text.utf8);
  if (at == std::string_view::npos) return;
  static const char* const hex = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(text.utf8[at]);
  const std::string code = std::string("U+00") + hex[c >> 4] + hex[c & 0xF];
  const std::size_t cp = count_code_points(std::string_view(text.utf8).substr(0, at));
  throw_binary(what, "decoded as " + text.encoding + " it contains control character " + code +
                         " at code point " + std::to_string(cp));
}

// Valid multi-byte UTF-8 sequences next to invalid bytes mean UTF-8 that was
// damaged or concatenated with another encoding: guessing a legacy charset
// would turn the good part into mojibake.
void reject_corrupt_utf8(std::string_view bytes, std::string_view what) {
  std::size_t first_bad = std::string_view::npos;
  bool has_multibyte = false;
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t bad = 0;
    const std::string_view rest = bytes.substr(pos);
    const bool valid = is_valid_utf8(rest, &bad);
    const std::string_view good = valid ? rest : rest.substr(0, bad);
    has_multibyte = has_multibyte || std::any_of(good.begin(), good.end(), [](char c) {
                      return static_cast<unsigned char>(c) >= 0x80;
                    });
    if (valid) break;
    if (first_bad == std::string_view::npos) first_bad = pos + bad;
    pos += bad + 1;
  }
  if (has_multibyte && first_bad != std::string_view::npos) {
    throw_data(std::string(what) + " mixes UTF-8 with other bytes: invalid UTF-8 at byte " +
                   std::to_string(first_bad),
               "the file may be damaged or joined from files in different encodings; repair "
               "it, or " +
                   std::string(kOverrideHint));
  }
}

// ---- legacy single-byte charsets ----

// ICU's detector also proposes multi-byte East Asian charsets and EBCDIC,
// which it guesses poorly on Western text; this engine only guesses ISO-8859
// and windows-125x families (and KOI8-R).
bool is_single_byte_candidate(std::string_view name) {
  const auto starts = [&](std::string_view prefix) {
    return name.substr(0, prefix.size()) == prefix;
  };
  return starts("ISO-8859-") || starts("windows-125") || name == "KOI8-R";
}

struct Candidate {
  std::string encoding;
  int confidence;
};

std::vector<Candidate> detector_candidates(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr det(ucsdet_open(&status));
  check_icu(status, "open the charset detector");
  // Skip markup when the input is HTML, so tags do not dilute the statistics.
  ucsdet_enableInputFilter(det.get(), true);
  // ICU's n-gram statistics only use the first 8000 bytes anyway, but its
  // UTF-8 and UTF-32 recognisers scan all they are given: a sample suffices.
  const auto len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), kDetectorSample));
  ucsdet_setText(det.get(), bytes.data(), len, &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  // ICU's way of saying that no recogniser had an opinion (a byte or two of
  // text): no candidates, so the caller's windows-1252 fallback decides.
  if (status == U_INVALID_CHAR_FOUND) return {};
  check_icu(status, "detect a charset");
  std::vector<Candidate> out;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode st = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &st);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &st);
    if (U_FAILURE(st) || !is_single_byte_candidate(name)) continue;
    // Files labelled ISO-8859-1 are in practice windows-1252, its superset,
    // which gives 0x80-0x9F curly quotes and the euro sign instead of C1
    // control characters.
    std::string encoding =
        canonical_name(std::strcmp(name, "ISO-8859-1") == 0 ? "windows-1252" : name);
    if (!encoding.empty()) out.push_back({std::move(encoding), confidence});
  }
  return out;
}

DecodedText decode_legacy(std::string_view bytes, std::string_view what) {
  std::vector<Candidate> candidates = detector_candidates(bytes);
  // The last resort for text the detector has no single-byte opinion about:
  // it is what Windows writes, and ICU decodes every byte of it (the five
  // unassigned ones to C1 controls), so this never fails.
  candidates.push_back({"windows-1252", 0});
  for (const Candidate& c : candidates) {
    try {
      DecodedText out;
      out.utf8 = convert_to_utf8(bytes, 0, c.encoding, what, kOverrideHint);
      out.encoding = c.encoding;
      out.detected = true;
      out.confidence = c.confidence;
      return out;
    } catch (const Error&) {
      // This charset leaves some byte undefined: try the next guess.
    }
  }
  throw_internal("windows-1252 failed to decode " + std::string(what));
}

DecodedText decode_detected(std::string_view bytes, std::string_view what) {
  if (const Bom* bom = find_bom(bytes)) return decode_with_bom(bytes, *bom, what);
  const bool has_nul = std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
  if (!has_nul && is_valid_utf8(bytes)) {
    DecodedText out;
    out.utf8 = std::string(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  if (has_nul) {
    if (auto utf16 = decode_bomless_utf16(bytes, what)) return *std::move(utf16);
  }
  reject_binary_bytes(bytes, what);
  reject_corrupt_utf8(bytes, what);
  return decode_legacy(bytes, what);
}

// ---- forced encodings ----

constexpr const char* kKnownEncodingsHint =
    "use a name ICU knows, such as UTF-8, UTF-16LE, UTF-16BE, windows-1252 or ISO-8859-15";

// A BOM is dropped when it announces the forced encoding, or the byte order
// of a forced "UTF-16"/"UTF-32", which it then settles.
DecodedText decode_forced(std::string_view bytes, std::string_view what,
                          const std::string& forced) {
  const std::string encoding = forced.empty() ? std::string() : canonical_name(forced.c_str());
  if (encoding.empty()) {
    throw_usage("unknown encoding " + quoted(forced) + " for " + std::string(what),
                kKnownEncodingsHint);
  }
  DecodedText out;
  out.encoding = encoding;
  std::size_t skip = 0;
  if (const Bom* bom = find_bom(bytes)) {
    const std::string_view announced = bom->encoding;
    if (announced == encoding ||
        ((encoding == "UTF-16" || encoding == "UTF-32") && announced.substr(0, 6) == encoding)) {
      out.encoding = bom->encoding;
      out.had_bom = true;
      skip = bom->bytes.size();
    }
  }
  out.utf8 = decode_as(bytes.substr(skip), skip, out.encoding, what,
                       "the file is not in the encoding given with --encoding " + forced +
                           "; pass the right one, or leave it out to detect it");
  return out;
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, std::string_view what,
                           const std::optional<std::string>& forced_encoding) {
  if (bytes.empty()) {
    throw_data(std::string(what) + " is empty (0 bytes)",
               "check that the file was completely written or copied; there is nothing to "
               "import");
  }
  DecodedText out =
      forced_encoding ? decode_forced(bytes, what, *forced_encoding) : decode_detected(bytes, what);
  reject_control_characters(out, what);
  return out;
}

std::string require_known_encoding(std::string_view name) {
  const std::string canonical =
      name.empty() ? std::string() : canonical_name(std::string(name).c_str());
  if (canonical.empty()) {
    throw_usage("--encoding " + quoted(std::string(name)) + " is not an encoding casebook knows",
                kKnownEncodingsHint);
  }
  return canonical;
}

}  // namespace casebook::text

// Unicode normalisation over UTF-8 with ICU's Normalizer2, without a detour
// through UTF-16: normalizeUTF8 reads a StringPiece and writes to a ByteSink.
// The Normalizer2 instances are process-wide, immutable singletons owned by
// ICU, safe to share between threads.

#include "engine/text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <climits>
#include <cstring>

#include "engine/core/error.hpp"

namespace casebook::text {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// StringPiece lengths are int32_t.
icu::StringPiece piece(std::string_view s) {
  if (s.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw_data("text of " + std::to_string(s.size()) + " bytes is too large to normalise",
               "split the source into files smaller than 2 GiB");
  }
  return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw_internal(std::string("ICU failed to ") + what + ": " + u_errorName(status),
                   "check that the ICU data library (libicudata) is installed");
  }
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  check(status, "load the NFC normaliser");
  return *n;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check(status, "load the NFKC_Casefold normaliser");
  return *n;
}

bool is_normalized(const icu::Normalizer2& form, std::string_view utf8, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = form.isNormalizedUTF8(piece(utf8), status);
  check(status, name);
  return yes;
}

std::string normalize(const icu::Normalizer2& form, std::string_view utf8, const char* name) {
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 8);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  form.normalizeUTF8(0, piece(utf8), sink, nullptr, status);
  check(status, name);
  return out;
}

// Returns the input unchanged when it is already in the normal form: the
// check is several times faster than normalising, and almost all text passes.
std::string normalize_if_needed(const icu::Normalizer2& form, std::string_view utf8,
                                const char* name) {
  if (is_normalized(form, utf8, name)) return std::string(utf8);
  return normalize(form, utf8, name);
}

constexpr const char* kNfcTask = "normalise text to NFC";

}  // namespace

std::string to_nfc(std::string_view utf8) {
  static const icu::Normalizer2& form = nfc();
  return normalize_if_needed(form, utf8, kNfcTask);
}

std::string fold_for_index(std::string_view utf8) {
  static const icu::Normalizer2& form = nfkc_casefold();
  return normalize_if_needed(form, utf8, "fold a term to NFKC_Casefold");
}

std::string normalize_line_endings(std::string_view utf8) {
  // Every leading U+FEFF, not just one: a file can start with several (a BOM
  // added to text that already had one), and dropping only the first would
  // leave canonical text that changes when canonicalised again.
  while (utf8.substr(0, kUtf8Bom.size()) == kUtf8Bom) utf8.remove_prefix(kUtf8Bom.size());
  // Most text has no CR at all: copy it in one go.
  const void* first_cr = std::memchr(utf8.data(), '\r', utf8.size());
  if (first_cr == nullptr) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  std::size_t from = 0;
  for (std::size_t cr = static_cast<const char*>(first_cr) - utf8.data();
       cr != std::string_view::npos; cr = utf8.find('\r', from)) {
    out.append(utf8, from, cr - from);
    out.push_back('\n');
    from = cr + 1;
    if (from < utf8.size() && utf8[from] == '\n') ++from;  // CRLF: one line break, not two
  }
  out.append(utf8, from, std::string_view::npos);
  return out;
}

std::string canonicalize(std::string_view utf8) {
  // Line endings first: NFC never creates or removes CR or LF, so the order
  // only matters for speed. Already-NFC text (the common case) is moved out
  // without a second copy.
  static const icu::Normalizer2& form = nfc();
  std::string text = normalize_line_endings(utf8);
  if (is_normalized(form, text, kNfcTask)) return text;
  return normalize(form, text, kNfcTask);
}

}  // namespace casebook::text

#pragma once
// Decoding imported bytes to UTF-8: BOMs for UTF-8/16/32, strict UTF-8, and
// ICU's charset detector for BOM-less UTF-16 and legacy single-byte text
// (windows-1252, ISO-8859-1, ...). Failures throw casebook::Error(Data) whose
// message says why (binary content, invalid bytes at an offset, empty file).

#include <optional>
#include <string>
#include <string_view>

namespace casebook::text {

struct DecodedText {
  std::string utf8;       // decoded text, BOM removed, not yet normalised
  std::string encoding;   // canonical name: "UTF-8", "UTF-16LE", "windows-1252", ...
  bool had_bom = false;   // a byte-order mark announced the encoding
  bool detected = false;  // the encoding was guessed by the detector
  int confidence = 100;   // the detector's confidence (0-100) when detected
};

// `forced_encoding`: a name ICU knows ("windows-1252", "UTF-16BE"), given by
// the user to override detection. `what` names the input in error messages.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view what,
                           const std::optional<std::string>& forced_encoding = std::nullopt);

// ICU's canonical name for an encoding the user named (--encoding), so a
// typo is reported before any file is read. Throws Error(Usage) for names
// ICU does not know.
std::string require_known_encoding(std::string_view name);

}  // namespace casebook::text

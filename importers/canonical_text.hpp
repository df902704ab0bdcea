#pragma once
// Private to importers/: the first step shared by every text-based importer
// (plain text, Markdown, and later subtitles): bytes -> canonical UTF-8 (LF,
// NFC, no BOM), with notes telling the user what was guessed or changed.
// Implemented in plain_text.cpp.

#include <filesystem>
#include <string>
#include <vector>

#include "importers/importer.hpp"

namespace casebook::importers {

struct CanonicalText {
  std::string text;                // NFC, LF line endings, no BOM
  std::string encoding;            // the encoding the bytes were decoded from
  std::vector<std::string> notes;  // detected encoding, converted line endings
};

// Decodes `file.bytes` (honouring `file.encoding`) and canonicalises the
// result. Throws Error(Data) for an empty file or undecodable bytes.
CanonicalText decode_canonical(const InputFile& file);

// Throws Error(Data) "<path>: contains no text" with a hint.
[[noreturn]] void throw_no_text(const std::filesystem::path& path);

}  // namespace casebook::importers

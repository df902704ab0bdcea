#pragma once
// The codebook file: XML in the namespace urn:casebook:codebook:1, described
// element by element in docs/codebook.md and by schemas/codebook.xsd.
//
// Reading checks the structure (known elements and attributes, required
// attributes, enumerations, at most one of each single element) with the
// line of each problem, then the model's rules (codebook::validate). Writing
// produces a stable, indented file that reads back to an equal model, so a
// codebook exported from a project can be edited by hand and loaded again.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/codebook/codebook.hpp"

namespace casebook::codebook {

inline constexpr const char* kCodebookNamespace = "urn:casebook:codebook:1";

// Larger files are refused before reading: a codebook is a few hundred KB.
inline constexpr std::uintmax_t kMaxCodebookFileBytes = 16u << 20;

// Parses and validates a codebook document (UTF-8, a BOM allowed). Throws
// casebook::Error (Data) whose message starts with `file_name_for_errors`,
// names the line and element, and whose hint says what would fix it.
// Surrounding whitespace of text elements is trimmed; inner whitespace
// (paragraphs) is kept.
Codebook read_codebook_xml(std::string_view document, const std::string& file_name_for_errors);

// Reads `path` and parses it as above. Error(NotFound) when it does not exist,
// Error(Io) when it cannot be read, Error(Data) when it is not a regular file,
// is larger than kMaxCodebookFileBytes or is not a valid codebook.
Codebook read_codebook_file(const std::filesystem::path& path);

// The codebook as a file: elements and attributes in a fixed order, two-space
// indentation, default values left out. Throws Error(Internal) if a code's
// or proposition's parent is not in the codebook (the model is broken).
std::string write_codebook_xml(const Codebook& codebook);

}  // namespace casebook::codebook

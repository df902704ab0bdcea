#pragma once
// Reading REFI-QDA files (.qdpx projects, .qdc codebooks) into a plain model,
// leniently: real producers (QualCoder, ATLAS.ti, MAXQDA, NVivo) differ from
// the standard in small ways, and an import should carry what they meant.
//
// Accepted variations, each a real producer's habit:
//   * namespaces urn:QDA-XML:project:* and urn:QDA-XML:codebook:* (1.0, 1:0,
//     0:4 ...), element prefixes, or no namespace at all;
//   * the one .qde in the package, whatever its name; "sources/" or
//     "Sources/"; plainTextPath with or without "internal://";
//   * empty containers (<Sets/>); codings of a case through CodeRef;
//     variables on sources instead of cases;
//   * rich-text sources with a plain-text rendering (plainTextPath is used),
//     or with only a DOCX (richTextPath), read with casebook's DOCX reader.
// What cannot be read is listed in ReadProject::skipped, never dropped
// silently. The reader does not interpret positions (positions.hpp does).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/refi/model.hpp"

namespace casebook::refi {

// Bounds for hostile input, beyond those of the ZIP reader.
struct ReadLimits {
  std::size_t max_xml_bytes = 256u << 20;    // project.qde / .qdc
  std::size_t max_source_bytes = 64u << 20;  // one source's plain text
  std::size_t max_elements = 2'000'000;      // codes + selections + codings + ...
  std::size_t max_code_depth = 64;           // nesting of <Code>
};

// A source as read, with what the model has no field for.
struct ReadSource {
  TextSource source;            // guid, name, description, selections, note_refs
  std::string element;          // TextSource, PDFSource, ...
  std::string plain_text_path;  // as written (may lack internal://)
  std::string rich_text_path;
  std::string entry;     // the package entry the text came from, empty if none
  std::string raw_text;  // the entry's bytes, undecoded
  // raw_text is casebook's reading of the rich-text rendering (a DOCX),
  // because the file has no plain-text one.
  bool text_from_rich_text = false;
  std::vector<VariableValue> values;  // variables placed on the source
};

struct ReadCase {
  Case item;
  std::vector<std::string> code_refs;  // codes of the case as a whole
};

struct ReadProject {
  std::string file;  // for messages
  Project project;   // users, codes, variables, notes, sets, name, description
  std::vector<ReadSource> sources;
  std::vector<ReadCase> cases;
  std::vector<std::string> skipped;  // what could not be read, and why
};

// project.qde (or a bare .qde) as XML. Throws Error(Data) naming `file`.
ReadProject read_qde(std::string_view xml, const std::string& file, const ReadLimits& limits = {});

// A .qdpx package: the one .qde inside, and each source's plain text.
ReadProject read_qdpx(const std::filesystem::path& path, std::string_view bytes,
                      const ReadLimits& limits = {});

// A .qdc codebook: codes and codebook sets only (users, sources ... empty).
ReadProject read_qdc(std::string_view xml, const std::string& file, const ReadLimits& limits = {});

// Reads `path` (up to the XML / package limit) and dispatches on its
// extension or content: .qdpx (ZIP), .qde, .qdc.
ReadProject read_refi_file(const std::filesystem::path& path, const ReadLimits& limits = {});

// True when `path` looks like a REFI-QDA file by its extension (.qdpx, .qdc, .qde).
bool is_refi_path(const std::filesystem::path& path);
// True for a whole project (.qdpx, .qde), not a codebook (.qdc).
bool is_refi_project_path(const std::filesystem::path& path);

}  // namespace casebook::refi

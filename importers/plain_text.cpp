// Plain text: the canonical text is the whole file, decoded and normalised
// (LF, NFC, no BOM) but otherwise untouched, so a position in casebook is the
// position other tools (MAXQDA, NVivo, REFI-QDA exports) see in the same
// file. Passages are its blank-line separated paragraphs -- unless most
// paragraphs open with a speaker label (transcript.cpp) or the user passed
// --transcript: then the text is rebuilt from speaker turns, labels moved to
// the passages' speakers.

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"
#include "engine/text/segment.hpp"
#include "importers/ascii_text.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/text_builder.hpp"
#include "importers/transcript.hpp"

namespace casebook::importers {
namespace {

// A note for encodings the user did not state and the file did not declare
// in a way that leaves no doubt, so they can check and override.
void note_encoding(const text::DecodedText& decoded, std::vector<std::string>& notes) {
  if (decoded.detected) {
    notes.push_back("encoding detected as " + decoded.encoding + " (confidence " +
                    std::to_string(decoded.confidence) +
                    "%); pass --encoding NAME if characters look wrong");
  } else if (starts_with(decoded.encoding, "UTF-16") || starts_with(decoded.encoding, "UTF-32")) {
    notes.push_back("decoded from " + decoded.encoding);
  }
}

// Line-ending conversion changes byte offsets, so users comparing positions
// with byte-based tools should know it happened.
void note_line_endings(std::string_view utf8, std::vector<std::string>& notes) {
  const std::size_t crlf = utf8.find("\r\n");
  if (crlf != std::string_view::npos) {
    notes.push_back("Windows (CRLF) line endings converted to LF");
    return;
  }
  if (utf8.find('\r') != std::string_view::npos) {
    notes.push_back("old Mac (CR) line endings converted to LF");
  }
}

// A transcript is rebuilt from its turns (labels become the passages'
// speakers), so unlike plain text its positions are not the file's.
std::optional<ImportedSource> import_as_transcript(const InputFile& file,
                                                   const CanonicalText& canonical,
                                                   const std::vector<text::Span>& spans) {
  if (file.transcript == false) return std::nullopt;
  const text::OffsetMap map(canonical.text);
  std::vector<std::string> paragraphs;
  paragraphs.reserve(spans.size());
  for (const text::Span& span : spans) paragraphs.emplace_back(map.slice(span));
  const auto turns = find_speaker_turns(paragraphs, file.transcript == true);
  if (!turns) return std::nullopt;

  TextBuilder builder(file.path);
  append_turns(builder, *turns);
  ImportedSource out = builder.finish();
  if (out.passages.empty()) return std::nullopt;
  out.suggested_type = "interview";
  out.notes.push_back(
      transcript_note(*turns, "pass --no-transcript to import as plain paragraphs"));
  return out;
}

class PlainTextImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    CanonicalText canonical = decode_canonical(file);
    std::vector<text::Span> spans = text::paragraphs(canonical.text);
    if (spans.empty()) throw_no_text(file.path);

    if (auto transcript = import_as_transcript(file, canonical, spans)) {
      transcript->format = "text";
      transcript->encoding = std::move(canonical.encoding);
      transcript->notes.insert(transcript->notes.begin(), canonical.notes.begin(),
                               canonical.notes.end());
      return std::move(*transcript);
    }

    ImportedSource out;
    out.text = std::move(canonical.text);
    out.passages.reserve(spans.size());
    for (const text::Span& span : spans) {
      ImportedPassage passage;
      passage.span = span;
      passage.kind = "paragraph";
      out.passages.push_back(std::move(passage));
    }
    out.format = "text";
    out.encoding = std::move(canonical.encoding);
    out.notes = std::move(canonical.notes);
    return out;
  }
};

}  // namespace

CanonicalText decode_canonical(const InputFile& file) {
  // Checked here so an empty file gets the same message as a blank one,
  // whatever the decoder would say about zero bytes.
  if (file.bytes.empty()) throw_no_text(file.path);
  text::DecodedText decoded = text::decode_to_utf8(file.bytes, file.path.string(), file.encoding);

  CanonicalText out;
  note_encoding(decoded, out.notes);
  note_line_endings(decoded.utf8, out.notes);
  out.text = text::canonicalize(decoded.utf8);
  out.encoding = std::move(decoded.encoding);
  return out;
}

void throw_no_text(const std::filesystem::path& path) {
  throw_data(path.string() + ": contains no text",
             "check that this is the file you meant to import, or leave it out");
}

std::unique_ptr<Importer> make_plain_text_importer() {
  return std::make_unique<PlainTextImporter>();
}

}  // namespace casebook::importers

// Speaker-label transcripts (importers/transcript.hpp): the label finder on
// the input's lines as paragraphs, detecting and forced, the turns through
// TextBuilder, and the plain-text importer with --transcript.

#include "importers/text_builder.hpp"
#include "importers/transcript.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

namespace {

std::vector<std::string> lines_of(std::string_view bytes) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= bytes.size()) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    lines.emplace_back(bytes.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const std::vector<std::string> paragraphs = lines_of(bytes);
  for (const bool force : {false, true}) {
    fuzz::expect_errors([&] {
      const auto turns = importers::find_speaker_turns(paragraphs, force);
      if (!turns) return;
      importers::TextBuilder builder("fuzz.txt");
      importers::append_turns(builder, *turns);
      importers::validate(builder.finish(), "fuzz.txt");
      (void)importers::transcript_note(*turns, "undo");
    });
  }
  fuzz::import_as("text", bytes, "fuzz.txt", true);
  return 0;
}

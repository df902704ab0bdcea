// WebVTT: the spec's file parser (strict and lenient timings), the cue text
// parser on every cue, and the importer that turns cues into speaker turns
// (importers/webvtt.hpp).

#include "importers/webvtt.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  for (const bool lenient : {false, true}) {
    importers::webvtt::ParseOptions options;
    options.lenient_timings = lenient;
    const auto parsed = importers::webvtt::parse_file(bytes, options);
    if (!parsed) continue;
    for (const importers::webvtt::Cue& cue : parsed->cues) {
      const importers::webvtt::Node root = importers::webvtt::parse_cue_text(cue.text);
      (void)importers::webvtt::plain_text(root);
      (void)importers::webvtt::voice_parts(root);
    }
  }
  (void)importers::webvtt::parse_timestamp(bytes.substr(0, 64));
  fuzz::import_as("webvtt", bytes, "fuzz.vtt");
  return 0;
}

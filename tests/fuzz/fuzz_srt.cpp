// SubRip (.srt) and YouTube SubViewer (.sbv) subtitles, through their
// importers (importers/srt.cpp), which share the cue-to-turn building with
// WebVTT.

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  fuzz::import_as("srt", bytes, "fuzz.srt");
  fuzz::import_as("sbv", bytes, "fuzz.sbv");
  return 0;
}

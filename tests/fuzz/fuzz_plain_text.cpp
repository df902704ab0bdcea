// Plain text: decoding bytes to UTF-8 (BOMs, strict UTF-8, ICU's charset
// detector; engine/text/encoding.hpp) and the plain-text importer, which
// also decides on its own whether the text is a transcript.

#include "engine/text/encoding.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  fuzz::expect_errors([&] { (void)text::decode_to_utf8(bytes, "fuzz.txt"); });
  fuzz::expect_errors([&] { (void)text::decode_to_utf8(bytes, "fuzz.txt", "UTF-16LE"); });
  fuzz::import_as("text", bytes, "fuzz.txt");
  return 0;
}

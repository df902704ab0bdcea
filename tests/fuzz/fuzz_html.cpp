// HTML and XHTML pages (gumbo, charset sniffing, Hansard speaker turns and
// column anchors; importers/html.cpp), with the format's sniff.

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  (void)importers::format_named("html").sniff(bytes);
  fuzz::import_as("html", bytes, "fuzz.html");
  return 0;
}

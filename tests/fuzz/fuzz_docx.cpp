// DOCX: the WordprocessingML walker (body, styles, numbering, fields, notes,
// comments, headers and footers; importers/docx.cpp) behind the ZIP and OPC
// layers. The walker lives in an anonymous namespace, so the parts are
// packed into a stored ZIP here (entry format, fuzz_support.hpp; a bare XML
// input is word/document.xml) and imported like a file; a ZIP input is
// imported as it is.

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const auto package = fuzz::package_input(bytes, "word/document.xml", {});
  if (!package) return 0;
  (void)importers::format_named("docx").sniff(*package);
  fuzz::import_as("docx", *package, "fuzz.docx");
  fuzz::import_as("docx", *package, "fuzz.docx", true);  // --transcript
  return 0;
}

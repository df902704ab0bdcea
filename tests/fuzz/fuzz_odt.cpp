// ODT: the OpenDocument text walker (content.xml body, notes, annotations,
// soft page breaks; styles.xml master pages; meta.xml; importers/odt.cpp),
// reached through a stored ZIP built from the input's parts (entry format,
// fuzz_support.hpp; a bare XML input is content.xml), or a ZIP input as is.

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const auto package = fuzz::package_input(
      bytes, "content.xml", {{"mimetype", "application/vnd.oasis.opendocument.text", true}});
  if (!package) return 0;
  (void)importers::format_named("odt").sniff(*package);
  fuzz::import_as("odt", *package, "fuzz.odt");
  return 0;
}

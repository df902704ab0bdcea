// casebook's codebook XML (engine/codebook/xml.hpp): reading and validating
// (indicative queries are parsed by the search parser), and, for a codebook
// that reads, the promise of write_codebook_xml: its file reads back, and
// writing that again gives the same file.

#include <cstdlib>

#include "engine/codebook/xml.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<codebook::Codebook> book;
  fuzz::expect_errors(
      [&] { book = codebook::read_codebook_xml(fuzz::as_view(data, size), "fuzz.xml"); });
  if (!book) return 0;
  const std::string written = codebook::write_codebook_xml(*book);
  try {
    const std::string again =
        codebook::write_codebook_xml(codebook::read_codebook_xml(written, "written.xml"));
    if (again != written) {
      std::fprintf(stderr, "fuzz: the written codebook changes when read and written again\n");
      std::abort();
    }
  } catch (const casebook::Error& e) {
    std::fprintf(stderr, "fuzz: a written codebook does not read back: %s\n", e.what());
    std::abort();
  }
  return 0;
}

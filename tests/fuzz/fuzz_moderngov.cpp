// ModernGov mgWebService.asmx XML (importers/moderngov.hpp): every response
// parser, with and without allow_empty, the sniff, the date and document-type
// helpers, and the importer of saved responses.

#include "importers/moderngov.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;
namespace mg = casebook::importers::moderngov;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  (void)mg::response_kind(bytes);
  (void)mg::iso_date(bytes.substr(0, 64));
  (void)mg::document_type_from_title(bytes.substr(0, 256));
  fuzz::expect_errors([&] { mg::reject_non_xml("fuzz.xml", bytes); });
  for (const bool allow_empty : {false, true}) {
    fuzz::expect_errors([&] { (void)mg::parse_committees("fuzz.xml", bytes, allow_empty); });
    fuzz::expect_errors([&] { (void)mg::parse_meetings("fuzz.xml", bytes, allow_empty); });
    fuzz::expect_errors(
        [&] { (void)mg::parse_councillors_by_ward("fuzz.xml", bytes, allow_empty); });
  }
  fuzz::expect_errors([&] { (void)mg::parse_meeting("fuzz.xml", bytes); });
  fuzz::import_as("moderngov", bytes, "fuzz.xml");
  return 0;
}

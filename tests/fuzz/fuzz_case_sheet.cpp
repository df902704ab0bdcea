// Case sheets (engine/cases/case_sheet.hpp): CSV with typed attributes.

#include "engine/cases/case_sheet.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::expect_errors(
      [&] { (void)cases::parse_case_sheet(fuzz::as_view(data, size), "fuzz.csv"); });
  return 0;
}

// REFI-QDA codebooks (.qdc) through read_qdc (engine/refi/reader.hpp).

#include "engine/refi/block.hpp"
#include "engine/refi/reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::expect_errors([&] {
    const refi::ReadProject read = refi::read_qdc(fuzz::as_view(data, size), "fuzz.qdc");
    for (const refi::Code& code : read.project.codes) (void)refi::split_block(code.description);
  });
  return 0;
}

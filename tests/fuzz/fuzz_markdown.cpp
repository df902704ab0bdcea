// Markdown (CommonMark via cmark-gfm, YAML front matter; importers/markdown.cpp).

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::import_as("markdown", fuzz::as_view(data, size), "fuzz.md");
  return 0;
}

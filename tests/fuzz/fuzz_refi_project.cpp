// REFI-QDA projects (engine/refi/reader.hpp): a bare project.qde through
// read_qde, a .qdpx package through read_qdpx (a ZIP input as it is, input in
// entry format packed, fuzz_support.hpp), then what the import does with each
// source before touching a project: decoding its text, the position mapper
// (engine/refi/positions.hpp) on its selections, and the casebook: blocks
// of descriptions (engine/refi/block.hpp).

#include <cstdlib>

#include "engine/refi/block.hpp"
#include "engine/refi/positions.hpp"
#include "engine/refi/reader.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/normalize.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

namespace {

// As refi/to_project.cpp plans a source.
void map_source(const refi::ReadSource& s) {
  const std::string& raw = !s.raw_text.empty() ? s.raw_text : s.source.text;
  if (raw.empty()) return;
  const text::DecodedText decoded = text::decode_to_utf8(raw, "fuzz source");
  const std::string stored = (decoded.had_bom ? "\xEF\xBB\xBF" : "") + decoded.utf8;
  const refi::PositionMapper mapper(stored);
  if (mapper.canonical() != text::canonicalize(stored)) {
    std::fprintf(stderr, "fuzz: the position map disagrees with the canonical text\n");
    std::abort();
  }
  std::vector<refi::RawSpan> spans;
  for (const refi::Selection& sel : s.source.selections) spans.push_back({sel.start, sel.end});
  if (spans.empty()) return;
  const refi::Reading reading = mapper.detect(spans);
  for (const refi::RawSpan& span : spans) (void)mapper.map(reading, span);
}

void use(const refi::ReadProject& read) {
  for (const refi::ReadSource& s : read.sources) {
    (void)refi::split_block(s.source.description);
    fuzz::expect_errors([&] { map_source(s); });
  }
  for (const refi::Code& code : read.project.codes) (void)refi::split_block(code.description);
  for (const refi::ReadCase& c : read.cases) (void)refi::split_block(c.item.description);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const bool package = fuzz::starts_like_zip(bytes) || bytes.find('\0') != std::string_view::npos;
  if (!package) {
    fuzz::expect_errors([&] { use(refi::read_qde(bytes, "fuzz.qde")); });
    return 0;
  }
  const auto zip = fuzz::package_input(bytes, "project.qde", {});
  if (!zip) return 0;
  fuzz::expect_errors([&] { use(refi::read_qdpx("fuzz.qdpx", *zip)); });
  return 0;
}

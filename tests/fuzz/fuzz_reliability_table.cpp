// Reliability tables (engine/agreement/table.hpp): CSV of units by coders at
// each level of measurement, and Krippendorff's alpha on what parses.

#include "engine/agreement/table.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  for (const agreement::Level level : {agreement::Level::Nominal, agreement::Level::Ordinal,
                                       agreement::Level::Interval, agreement::Level::Ratio}) {
    fuzz::expect_errors([&] {
      agreement::TableOptions options;
      options.level = level;
      options.missing_markers = {"NA", "."};
      const agreement::ReliabilityData table =
          agreement::parse_reliability_table(bytes, "fuzz.csv", options);
      (void)agreement::krippendorff_alpha(table, level);
    });
  }
  return 0;
}

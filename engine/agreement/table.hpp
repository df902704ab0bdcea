#pragma once
// Reading reliability data from a table in the layout the ReCal and K-Alpha
// calculators accept: CSV (',' or ';', sniffed) with a header row; the first
// column holds the unit id, every further column one coder's values (the
// header names the coders). An empty cell means that coder did not code that
// unit; a row shorter than the header leaves its last coders missing.
//
//   unit,ann,bob,cy
//   u1,yes,yes,
//   u2,no,yes,no
//
// Values are category labels at nominal level; at ordinal level numbers
// (ordered numerically; "2" and "2.0" are the same category) unless
// `label_order` gives the labels in order; at interval and ratio level
// numbers (ratio: not negative). `label_order` at nominal level fixes the
// category set, e.g. a codebook's codes, so unused categories still count in
// q (Brennan–Prediger, AC1).
//
// Every error is a casebook::Error(Data) naming the file, the row and the
// column; the limits keep any input from exhausting memory.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/agreement/reliability.hpp"

namespace casebook::agreement {

struct TableOptions {
  Level level = Level::Nominal;
  // Category labels in order (ordinal) or the allowed set (nominal); empty =
  // take them from the data. Labels are compared exactly (after the CSV
  // reader's trimming of unquoted cells).
  std::vector<std::string> label_order;
  // Cells written as one of these count as missing, besides empty cells
  // (e.g. "NA", ".").
  std::vector<std::string> missing_markers;

  std::size_t max_file_bytes = std::size_t{1} << 30;  // 1 GiB
  std::size_t max_cells = 50'000'000;                 // units × coders (400 MB of doubles)
  std::size_t max_coders = 1000;
  std::size_t max_labels = 100'000;
};

// Parses `text`; `what` names it in errors (usually the file name).
ReliabilityData parse_reliability_table(std::string_view text, std::string_view what,
                                        const TableOptions& options = {});

// Reads and parses the file at `path` (Io error when it cannot be read, Data
// error when it is larger than options.max_file_bytes).
ReliabilityData read_reliability_table(const std::filesystem::path& path,
                                       const TableOptions& options = {});

}  // namespace casebook::agreement

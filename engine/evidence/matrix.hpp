#pragma once
// Matrix queries, as in NVivo: codes by cases, by a case attribute or
// outcome, by source type or coder, or codes by codes (co-occurrence: two
// codings overlapping on the same source). Each cell counts codings,
// sources or cases, keeps the codings behind it for drill-down, and can be
// normalised by the number of sources of the column's cases (so a group
// with many documents does not look stronger only for having more of them).

#include <cstddef>
#include <string>
#include <vector>

#include "engine/evidence/evidence.hpp"

namespace casebook::evidence {

enum class MatrixCount { Codings, Sources, Cases };
MatrixCount parse_matrix_count(const std::string& name);  // Error(Usage) names the choices
const char* to_string(MatrixCount count);

struct MatrixSpec {
  // Axes: codes, cases, outcome, sub-outcome, type (source type), class
  // (interview/document/press), coder, or a case attribute's name.
  std::string rows = "codes";
  std::string columns = "cases";
  MatrixCount count = MatrixCount::Codings;
  bool per_source = false;  // divide by the sources of the column's cases
  // Codes axis: a coding counts for its code's ancestors too (a parent row
  // totals its sub-codes), as `code:KEY` searches do.
  bool include_sub_codes = true;
};

struct MatrixResult {
  std::string row_axis, column_axis;
  std::vector<std::string> rows, columns;   // keys in order
  std::vector<std::string> row_names;       // code names for a codes axis, else the keys
  std::vector<std::vector<double>> values;  // rows x columns
  std::vector<std::vector<std::vector<std::size_t>>> members;  // codings behind each cell
  std::vector<std::size_t> column_sources;  // sources per column (per_source), else empty
};

MatrixResult build_matrix(const EvidenceSet& evidence, const MatrixSpec& spec);

// The row and column indexes of "ROW,COL" (keys, case-insensitive). Error(Usage)
// naming the unknown one and the valid keys.
std::pair<std::size_t, std::size_t> find_cell(const MatrixResult& matrix, const std::string& cell);

}  // namespace casebook::evidence

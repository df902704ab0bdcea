#pragma once
// Options shared by the commands that analyse reviewed evidence
// (triangulate, matrix, export, report): which codings count and the
// triangulation thresholds, declared once so every command reads the same.

#include <CLI/CLI.hpp>

#include "engine/evidence/evidence.hpp"
#include "engine/evidence/triangulation.hpp"

namespace casebook::cli {

// --include-unreviewed, --codes, --coders.
void add_evidence_options(CLI::App* cmd, evidence::EvidenceOptions& options);

// --by and the verdict thresholds (--min-sources, --min-types, ...).
void add_triangulation_options(CLI::App* cmd, evidence::TriangulationOptions& options);

// "outcome,proposition" and "proposition,outcome" mean "outcome": the
// propositions are always the rows.
std::string grouping_of(const std::string& by);

// A line for stderr about codings left out (unreviewed), or "".
std::string left_out_note(const evidence::EvidenceSet& evidence);

}  // namespace casebook::cli

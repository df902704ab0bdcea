#pragma once
// From a project's analysis to documents for papers: the evidence table,
// codings, matrices, the codebook appendix and the case table as
// format-neutral documents (engine/export), pseudonymised and checked for
// leaks before any byte is written. The builders only arrange what the
// evidence module computed; the writers only format.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/evidence/evidence.hpp"
#include "engine/evidence/matrix.hpp"
#include "engine/evidence/triangulation.hpp"
#include "engine/export/document.hpp"
#include "engine/export/writers.hpp"
#include "engine/pseudonyms/pseudonyms.hpp"

namespace casebook::publish {

struct EvidenceTableOptions {
  std::size_t quotes = 2;      // exemplar quotes per cell (engine/evidence/quotes.hpp's rule)
  std::size_t max_words = 40;  // per quote; 0 = whole quotes
  bool counter_quotes = true;  // one quote of counter-evidence where there is some
  // Data layout (CSV, XLSX): one row per proposition and group with every
  // count in its own column. Otherwise the reading layout of a paper: a
  // verdict matrix, then the evidence with quotes.
  bool data_layout = false;
};

exporting::Document evidence_document(const evidence::EvidenceSet& evidence,
                                      const evidence::Triangulation& triangulation,
                                      const EvidenceTableOptions& options);

// One row per coding: source, type, date, council, cases, outcomes, case
// attributes, the code path one level per column, dimensions, coder, review
// status, the coded text.
exporting::Document codings_document(const evidence::EvidenceSet& evidence);

exporting::Document matrix_document(const evidence::EvidenceSet& evidence,
                                    const evidence::MatrixResult& matrix,
                                    const evidence::MatrixSpec& spec);

// A readable codebook appendix: codes with definitions, criteria and
// examples; dimensions; propositions and the evidence linked to them.
exporting::Document codebook_document(const codebook::Codebook& codebook);

exporting::Document cases_document(const evidence::EvidenceSet& evidence);

// Replaces real names in every string of the document.
void pseudonymise(exporting::Document& document, const pseudonyms::Pseudonymiser& map);

// Throws Error(Conflict) listing what leaked when any real name or unmapped
// identity appears in `texts`; `what` names the output for the message.
void refuse_leaks(const std::vector<std::string>& texts, const pseudonyms::Pseudonymiser& map,
                  const std::string& what);

// Pseudonymises (unless `map` is null: --no-pseudonyms), renders in
// `format`, checks the document and (for text formats) the rendered bytes
// for leaks, and returns the bytes. Nothing is written on a leak.
std::string render(exporting::Document document, const exporting::Format& format,
                   const exporting::WriteOptions& options, const pseudonyms::Pseudonymiser* map,
                   const std::string& what);

// A number as tables show it: integers plainly, others with two decimals.
std::string format_count(double value);

}  // namespace casebook::publish

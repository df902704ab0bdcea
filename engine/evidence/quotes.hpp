#pragma once
// Quotes for papers: choosing the exemplar quotes of a cell of evidence and
// cutting each to length with honest ellipses.
//
// The exemplar rule (docs/triangulation.md): candidates are ranked by
//   1. review: accepted before unreviewed;
//   2. length: quotes that fit within --max-words before ones that must be cut;
//   3. substance: more words first (up to the limit), so a quote says something;
//   4. source label and position, so the choice is deterministic.
// Quotes are then picked round-robin across source classes (interview,
// document, press), each from a source not yet quoted, so interviews and
// documents are both represented and distinct sources come first; a source
// is quoted twice only when no unquoted source remains.

#include <cstddef>
#include <string>
#include <vector>

#include "engine/evidence/evidence.hpp"

namespace casebook::evidence {

// The coded text as a quote: white space runs as one space, at most
// `max_words` words (0 = no limit), with "..." where the quote starts or ends
// inside a sentence or was cut. No quotation marks (writers add them).
std::string quote_text(const EvidenceCoding& coding, std::size_t max_words);

std::size_t word_count(const std::string& text);

// Up to `n` exemplars among `candidates` (indexes into evidence.codings), in
// the order chosen.
std::vector<std::size_t> choose_exemplars(const EvidenceSet& evidence,
                                          const std::vector<std::size_t>& candidates, std::size_t n,
                                          std::size_t max_words);

}  // namespace casebook::evidence

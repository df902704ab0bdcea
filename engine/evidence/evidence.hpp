#pragma once
// The evidence a project's analysis rests on: the active codings that
// survived review, each with what triangulation and exports need to know
// about it (its source's type, class, council and date, its cases, the
// informants speaking in the coded span, its code's ancestry, its citation
// label), plus the cases with their outcomes and attributes and the
// codebook's propositions. Loaded once, read by triangulation, matrices,
// evidence tables and the report.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/codebook/codebook.hpp"
#include "engine/store/source_types.hpp"
#include "engine/store/store.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::evidence {

struct EvidenceCoding {
  std::int64_t id = 0;
  std::int64_t source_id = 0;
  std::string source_label;  // "Doc-12"
  std::string source_type;   // "minutes"
  store::SourceClass source_class = store::SourceClass::Document;
  std::string council;             // the source's council, "" when unknown (a real name)
  std::string date;                // the source's date (ISO, partial), "" when unknown
  std::vector<std::string> cases;  // labels of the source's cases
  text::Span span;
  std::string code;                    // key
  std::vector<std::string> code_path;  // keys from the top-level code down to `code`
  std::vector<std::pair<std::string, std::string>> dims;
  std::string coder;
  std::string review_status;            // accepted or unreviewed
  std::string quote;                    // the coded text
  std::vector<std::string> informants;  // informant labels (or names) speaking in the span
  std::string citation;         // how a quote is cited: the informant's label or the source's
  bool starts_sentence = true;  // no "..." needed before the quote
  bool ends_sentence = true;    // no "..." needed after it
  std::vector<std::string> also_coded_by;  // other coders of the same span and code (merged)

  bool has_code(const std::string& key) const;  // the code or an ancestor (case-insensitive)
  const std::string* dim(const std::string& name) const;  // value, or nullptr
};

struct CaseRecord {
  std::string label;
  std::string outcome;
  std::string sub_outcome;
  std::map<std::string, std::string> attributes;  // name -> canonical value
  std::map<std::string, std::string> attribute_types;
  std::vector<std::int64_t> sources;  // ids of the sources of the case
};

struct EvidenceOptions {
  // Reviewed evidence only by default: accepted codings. Unreviewed ones
  // join when asked (before any review has been done, for a first look).
  bool include_unreviewed = false;
  std::vector<std::string> codes;   // only these codes (and sub-codes); empty = all
  std::vector<std::string> coders;  // only these coders' codings; empty = all
};

struct EvidenceSet {
  std::vector<EvidenceCoding> codings;                // by source label, then position, then code
  std::vector<CaseRecord> cases;                      // by label
  codebook::Codebook codebook;                        // the newest loaded version
  std::map<std::int64_t, std::string> source_labels;  // every source, by id
  std::size_t left_out_unreviewed = 0;                // active codings not yet reviewed, left out
  std::size_t left_out_rejected = 0;                  // rejected codings, always left out
  std::size_t merged_duplicates = 0;  // same span and code by several coders, counted once

  const CaseRecord* find_case(const std::string& label) const;
};

// Loads the evidence. Unknown code keys or coders in the options are errors
// (a typo would silently give an empty analysis).
EvidenceSet load_evidence(store::Store& store, const EvidenceOptions& options);

// Cases grouped by an attribute: "outcome" (default), "sub-outcome", "case"
// (each case alone) or the name of a case attribute; or by several, comma
// separated ("outcome,sub-outcome"), each value refining the one before it
// where it has one ("dissolved: merger", "sustained"). Groups are in the
// order their first case appears by label, except for one numeric or date
// attribute, which sorts by value. Cases without a value form "(none)".
struct Grouping {
  std::string by;
  std::vector<std::string> groups;
  std::map<std::string, std::string> group_of_case;  // case label -> group
  std::vector<std::string> cases_in(const std::string& group) const;
};
Grouping group_cases(const EvidenceSet& evidence, const std::string& by);

// The labels of `codings` grouped the way papers cite several sources at
// once: "Ints-18, -19; Doc-12" (numbers ascending per prefix, prefixes in
// order of first appearance after sorting).
std::string cite_together(std::vector<std::string> labels);

}  // namespace casebook::evidence

#pragma once
// Inter-coder agreement on a project: turns the codings of several coders
// into the inputs of engine/agreement (reliability data per code, continua
// for the unitized alphas, documents for segment agreement) and runs it.
//
// Which codings count: every coding of the chosen coders that was not
// removed by its coder, whatever its review status. A rejected coding is
// still what the coder did, and agreement measures the coders' independent
// work before review. A reviewer's recode is the reviewer's coding.
//
// Which text counts: the sources given, or else every source in which at
// least one of the coders coded anything (with the chosen codes). Within
// those, text a coder left uncoded counts as "not this code" for that coder:
// coders are assumed to have read the whole of each source.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/agreement/reliability.hpp"
#include "engine/agreement/segments.hpp"
#include "engine/agreement/unitized.hpp"
#include "engine/store/store.hpp"

namespace casebook::intercoder {

enum class Unit { Passage, Sentence, Source, Character };
Unit parse_unit(const std::string& name);  // passage|sentence|source|character
const char* to_string(Unit unit);

struct Scope {
  std::vector<std::string> coders;   // two or more
  std::vector<std::string> codes;    // keys; each compared on its own, sub-codes
                                     // count as their parent; empty = every code used
  std::vector<std::string> sources;  // labels; empty = sources the coders coded
  // Codes and sources named twice are usage errors: they would count twice.
};

// The codings in scope, per source and coder, as code-point segments whose
// value is an index into `codes`.
struct SourceCodings {
  std::int64_t id = 0;
  std::string label;
  std::int64_t length = 0;  // code points
  std::vector<std::vector<agreement::CodedSegment>> by_coder;
};

struct ProjectCodings {
  std::vector<std::string> coders;  // as stored (canonical spelling)
  std::vector<std::string> codes;   // keys of the compared codes
  // code id -> the compared codes it counts for (indices into codes): a
  // sub-code counts for its parent too when both are compared.
  std::map<std::int64_t, std::vector<int>> code_index;
  std::vector<SourceCodings> sources;
};

ProjectCodings load_codings(store::Store& store, const Scope& scope);

// The coders as stored (names compare ignoring ASCII case); each must have
// codings, as a typo would otherwise compare nothing; at least two, no repeats.
std::vector<std::string> resolve_coders(store::Store& store,
                                        const std::vector<std::string>& wanted);

// Agreement on one code (or, for `code` empty, all codes pooled) at a unit.
struct CodeAgreement {
  std::string code;  // empty for the pooled row
  agreement::AgreementReport report;
};

struct UnitAgreement {
  Unit unit = Unit::Passage;
  std::size_t units = 0;  // passages / sentences / sources in scope
  std::vector<CodeAgreement> codes;
  CodeAgreement pooled;  // every (unit, code) pair as one binary data set
};

struct Options {
  agreement::AgreementOptions coefficients;
  agreement::SegmentOptions segments;
};

// Presence/absence of each code on each unit, per coder: nominal data with
// the labels "absent" and "present". A coder "applied" a code to a unit
// when one of their codings of it shares a code point with the unit.
UnitAgreement unit_agreement(store::Store& store, const ProjectCodings& codings, Unit unit,
                             const Options& options);

// Agreement on a dimension's values (e.g. strength) where both coders coded
// the same code on the same unit: the dimension's own level and value order.
// Units are (unit, code) pairs; a coder's value is missing when they did not
// code it there or gave no value; differing values of one coder on one
// unit are missing too (the coder did not decide).
struct DimensionAgreement {
  std::string dimension;
  agreement::AgreementReport report;
};
DimensionAgreement dimension_agreement(store::Store& store, const ProjectCodings& codings,
                                       Unit unit, const std::string& dimension,
                                       const Options& options);

// Character-level agreement per code: the unitized alpha family on the
// code's presence (a coder's overlapping codings of one code merged), the
// per-character nominal alpha, and for two coders the MAXQDA-style tables.
struct CharacterCodeAgreement {
  std::string code;
  agreement::UnitizedAlphas unitized;
  agreement::CharacterAgreement character;
};
struct CharacterAgreementReport {
  std::vector<CharacterCodeAgreement> codes;
  std::int64_t length = 0;  // code points in scope
  // Two coders only (MAXQDA compares pairs); empty otherwise.
  std::optional<agreement::PresenceTable> presence;
  std::optional<agreement::FrequencyTable> frequency;
  std::optional<agreement::SegmentTable> segments;
};
CharacterAgreementReport character_agreement(const ProjectCodings& codings, const Options& options);

}  // namespace casebook::intercoder

#pragma once
// Internal to the consistency module: the codings and codes every check
// reads, loaded once, and one function per check. Not for other modules.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/consistency/consistency.hpp"
#include "engine/store/store.hpp"

namespace casebook::consistency::detail {

struct CodingRow {
  std::int64_t id = 0;
  std::int64_t source_id = 0;
  std::string source_label;
  text::Span span;
  std::int64_t code_id = 0;
  std::string code;  // key
  std::string coder;
  std::string quote;
  std::string created_at;
};

struct CodeRow {
  std::int64_t id = 0;
  std::string key;
  std::optional<std::int64_t> parent_id;
  bool retired = false;
};

struct Snapshot {
  // By source id, then start, end and id, so a source's codings are together.
  std::vector<CodingRow> codings;
  std::vector<CodeRow> codes;       // every code, retired ones too, by id
  std::vector<std::string> coders;  // of `codings`, sorted
  bool include_rejected = false;

  const CodeRow* code(std::int64_t id) const;
};

Snapshot load_snapshot(store::Store& store, bool include_rejected);

// "alice's coding 12 (expost.veto, Int-1 267:593)": how findings name a coding.
std::string describe(const CodingRow& c);
std::string span_text(const text::Span& span);  // "267:593"
// At most `max` code points of `text` on one line, "..." when cut.
std::string shorten(const std::string& text, std::size_t max = 60);

// A finding about one coding, with its code, coder, source and span filled in.
Finding coding_finding(const std::string& check, const std::string& kind, Severity severity,
                       const CodingRow& c, std::string explanation);

std::vector<Finding> check_usage(const Snapshot& snapshot);
std::vector<Finding> check_exclusive(store::Store& store, const Snapshot& snapshot);
std::vector<Finding> check_required(store::Store& store, const Snapshot& snapshot);
std::vector<Finding> check_exclusion(project::Project& project, const Snapshot& snapshot,
                                     const std::vector<Exclusion>& exclusions);
std::vector<Finding> check_drift(const Snapshot& snapshot, double threshold,
                                 std::size_t min_codings);
std::vector<Finding> check_integrity(store::Store& store, const Snapshot& snapshot);

}  // namespace casebook::consistency::detail

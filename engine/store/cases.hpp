#pragma once
// Cases and their typed attributes in the store.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/cases/case_sheet.hpp"
#include "engine/store/store.hpp"

namespace casebook::store {

struct CaseAttribute {
  std::string type;   // text, integer, decimal, date, boolean
  std::string value;  // canonical text form
};

struct CaseInfo {
  std::int64_t id = 0;
  std::string label;
  std::string outcome;
  std::string sub_outcome;
  std::map<std::string, CaseAttribute> attributes;
  std::int64_t source_count = 0;
};

struct CaseImportResult {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int sources_to_reindex = 0;  // sources whose case outcome changed
};

// Adds new cases and updates existing ones from a parsed sheet, in the
// caller's transaction. Only the columns the sheet has are changed: a sheet
// of some attributes leaves outcomes and other attributes as they were. Attribute types must match
// earlier declarations (Error(Conflict) naming the column otherwise). Sources of cases whose
// outcome changed are queued for re-indexing (their filter terms change).
CaseImportResult import_cases(Store& store, const cases::CaseSheet& sheet,
                              const std::string& sheet_name, const std::string& coder);

std::vector<CaseInfo> list_cases(Store& store);
std::optional<CaseInfo> find_case(Store& store, const std::string& label);

// Outcomes of the cases a source belongs to (for index filter terms).
std::vector<std::string> outcomes_of_source(Store& store, std::int64_t source_id);

}  // namespace casebook::store

// Check "required": codings without a value for a dimension their code now
// requires. Coding refuses such codings, so they were made before a later
// codebook version made the dimension required.

#include <algorithm>
#include <map>
#include <set>

#include "engine/consistency/snapshot.hpp"

namespace casebook::consistency::detail {
namespace {

// code id -> required dimension names, as the codebook spells them.
std::map<std::int64_t, std::vector<std::string>> required_dimensions(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT cd.code_id, d.name FROM code_dimensions cd "
                      "JOIN dimensions d ON d.name = cd.dimension "
                      "WHERE cd.required = 1 ORDER BY cd.code_id, cd.position, d.name");
  std::map<std::int64_t, std::vector<std::string>> out;
  while (q.executeStep()) out[q.getColumn(0).getInt64()].push_back(q.getColumn(1).getString());
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Dimension names (lower case, as the store compares them) a coding has values for.
std::set<std::string> given_dimensions(SQLite::Statement& q, std::int64_t coding_id) {
  q.reset();
  q.bind(1, coding_id);
  std::set<std::string> out;
  while (q.executeStep()) out.insert(lower(q.getColumn(0).getString()));
  return out;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

Finding missing_finding(const CodingRow& c, const std::vector<std::string>& missing) {
  std::string dims;
  for (const auto& m : missing) dims += " --dim " + m + "=VALUE";
  return coding_finding("required", "missing-dimension", Severity::Problem, c,
                        describe(c) + " has no value for " + join(missing, ", ") +
                            ", which the codebook now requires: add it, e.g. casebook review "
                            "recode " +
                            std::to_string(c.id) + " " + c.code + dims);
}

}  // namespace

std::vector<Finding> check_required(store::Store& store, const Snapshot& snapshot) {
  const auto required = required_dimensions(store);
  std::vector<Finding> out;
  if (required.empty()) return out;
  SQLite::Statement given(store.db(),
                          "SELECT dimension FROM coding_dimensions WHERE coding_id = ?");
  for (const auto& c : snapshot.codings) {
    const auto rule = required.find(c.code_id);
    if (rule == required.end()) continue;
    const auto has = given_dimensions(given, c.id);
    std::vector<std::string> missing;
    for (const auto& name : rule->second) {
      if (!has.count(lower(name))) missing.push_back(name);
    }
    if (!missing.empty()) out.push_back(missing_finding(c, missing));
  }
  return out;
}

}  // namespace casebook::consistency::detail

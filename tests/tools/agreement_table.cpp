// A test-only tool: reads a reliability data table with the agreement
// module's reader and prints compute_agreement's report as JSON, so scripts
// (tests/python/agreement_crosscheck.py) can compare casebook's coefficients
// with other implementations before the `casebook agree` command exists.
//
//   agreement_table_tool FILE LEVEL [BOOTSTRAP_SAMPLES [SEED]]

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/agreement/reliability.hpp"
#include "engine/agreement/table.hpp"
#include "engine/core/error.hpp"

namespace ag = casebook::agreement;

namespace {

nlohmann::json to_json(const ag::Coefficient& c) {
  nlohmann::json j;
  j["id"] = c.id;
  j["label"] = c.label;
  j["value"] = c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr);
  if (!c.value) j["undefined_reason"] = c.undefined_reason;
  j["basis"] = c.basis == ag::Basis::Agreement ? "agreement" : "disagreement";
  j["observed"] = c.observed;
  j["expected"] = c.expected;
  j["units"] = c.units;
  j["pairable_values"] = c.pairable_values;
  j["note"] = c.note;
  if (c.interval) {
    j["interval"] = {{"level", c.interval->level},         {"low", c.interval->low},
                     {"high", c.interval->high},           {"samples", c.interval->samples},
                     {"undefined", c.interval->undefined}, {"seed", c.interval->seed}};
  }
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 5) {
    std::cerr << "usage: agreement_table_tool FILE LEVEL [BOOTSTRAP_SAMPLES [SEED]]\n";
    return 2;
  }
  try {
    ag::TableOptions table;
    table.level = ag::parse_level(argv[2]);
    ag::AgreementOptions options;
    options.bootstrap_samples = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 0;
    if (argc > 4) options.seed = std::strtoull(argv[4], nullptr, 10);
    const ag::ReliabilityData data = ag::read_reliability_table(argv[1], table);
    const ag::AgreementReport report = ag::compute_agreement(data, options);
    nlohmann::json out;
    out["level"] = ag::level_name(report.level);
    out["units"] = report.units;
    out["coders"] = report.coders;
    out["categories"] = report.categories;
    out["coefficients"] = nlohmann::json::array();
    for (const auto& c : report.coefficients) out["coefficients"].push_back(to_json(c));
    std::cout << out.dump(2) << "\n";
    return 0;
  } catch (const casebook::Error& e) {
    std::cerr << "agreement_table_tool: " << e.what() << "\n";
    if (!e.hint().empty()) std::cerr << "  " << e.hint() << "\n";
    return e.kind() == casebook::ErrorKind::Usage ? 2 : 1;
  }
}

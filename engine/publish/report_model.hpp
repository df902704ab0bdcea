#pragma once
// Fills the HTML report's model (engine/report/model.hpp) from a project:
// the triangulation matrix with every quote behind each cell, the sources
// with their reviewed codings, the codebook, agreement between the coders,
// a heatmap of codes by case grouped by outcome, the cases' life cycles
// and the quantitative series. Pseudonymised, with positions of coded
// spans carried through the replacement, and checked for leaks.

#include <string>

#include "engine/evidence/evidence.hpp"
#include "engine/evidence/triangulation.hpp"
#include "engine/pseudonyms/pseudonyms.hpp"
#include "engine/report/model.hpp"
#include "engine/store/store.hpp"

namespace casebook::publish {

struct ReportOptions {
  // Case attributes holding a partnership's start and end (years or
  // dates) and its governance changes ("2008: joint committee; 2013: lead
  // authority").
  // Empty: the usual names (series::active_years).
  std::string start_attribute;
  std::string end_attribute;
  std::string events_attribute = "governance";
  std::size_t max_quotes_per_cell = 200;  // drill-down; the rest are counted
};

report::ReportModel report_model(store::Store& store, const evidence::EvidenceSet& evidence,
                                 const evidence::Triangulation& triangulation,
                                 const ReportOptions& options, const std::string& title);

// Applies the map to every string of the model (moving highlights with the
// text) and refuses (Error(Conflict), nothing written) when a real name survives.
void pseudonymise_report(report::ReportModel& model, const pseudonyms::Pseudonymiser& map);

// Events parsed from "2008: joint committee; 2013 lead authority" or
// "joint committee (2008); lead authority (2013)".
std::vector<report::CaseLife::Event> parse_events(const std::string& value);

}  // namespace casebook::publish

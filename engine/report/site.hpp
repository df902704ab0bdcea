#pragma once
// Writes a ReportModel as a self-contained static site: index.html (the
// triangulation matrix with drill-down to quotes, the heatmap, the timeline,
// the series), sources/LABEL.html (coded passages highlighted by code
// colour), codebook.html, agreement.html, cases.html, and style.css. No
// scripts or fonts from the network: everything the pages need is in DIR.
// Deterministic: the same model gives byte-identical files.

#include <filesystem>
#include <vector>

#include "engine/report/model.hpp"

namespace casebook::report {

// Writes the site into `dir` (created if missing), replacing an earlier
// report there: the files are written to a sibling temporary directory that
// then takes the place of `dir`, so a failed run leaves the old report.
// Returns the files written, relative to `dir`. Throws Error(Io) naming the
// path when it cannot write; Error(Conflict) when `dir` exists and is not an
// earlier casebook report (it holds no `.casebook-report` marker) and is not empty.
std::vector<std::filesystem::path> write_site(const ReportModel& model,
                                              const std::filesystem::path& dir);

}  // namespace casebook::report

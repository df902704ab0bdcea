#pragma once
// REFI-QDA import from the command line: `casebook import FILE.qdpx` (a whole
// project) and `casebook codebook import FILE.qdc` (codes only). The
// engine is engine/refi/reader.hpp and to_project.hpp; docs/refi-qda-import.md.

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace casebook::cli {

// When `paths` names a REFI-QDA project (.qdpx, .qde), imports it into the
// project and returns the exit status (0: data that could not be carried is
// reported, not an error); nullopt when there is none, and `casebook import`
// goes on as for any other file. A .qdpx among other paths, or with options
// that describe one source (`source_options`, as typed), is a usage error.
std::optional<int> import_refi_if_qdpx(Context& ctx, const std::vector<std::string>& paths,
                                       bool json, const std::vector<std::string>& source_options);

// `casebook codebook import FILE`: the codes of a .qdc (or of a .qdpx).
int import_refi_codebook(Context& ctx, const std::string& file, bool json);

}  // namespace casebook::cli

#pragma once
// casebook export qdpx|qdc: the project or its codebook in the REFI-QDA
// exchange format (docs/refi-qda.md).

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace casebook::cli {

// Adds the `qdpx` and `qdc` subcommands to `casebook export`.
void register_export_refi(CLI::App* export_cmd, Context& ctx);

}  // namespace casebook::cli

#pragma once
// Options shared by the commands that search (search, autocode, code
// --query): read the index from shards, local or served by xapian-tcpsrv,
// instead of the project's own index.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "engine/project/project.hpp"

namespace casebook::cli {

struct ShardArgs {
  std::vector<std::string> shards;  // --shard, repeatable
  std::string stub;                 // --shards FILE
  bool allow_partial = false;
};

// --shard HOST:PORT|DIR (repeatable), --shards FILE, --allow-partial.
void add_shard_options(CLI::App* cmd, ShardArgs& args);

// With any shard given, makes the project's searches read the shards and
// prints what the user should know (missing or out-of-date shards) to
// stderr; without, does nothing.
void use_shard_args(project::Project& project, const ShardArgs& args);

}  // namespace casebook::cli

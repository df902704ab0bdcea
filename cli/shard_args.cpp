#include "cli/shard_args.hpp"

#include <iostream>

#include "engine/core/error.hpp"
#include "engine/project/shards.hpp"

namespace casebook::cli {

void add_shard_options(CLI::App* cmd, ShardArgs& args) {
  cmd->add_option("--shard", args.shards,
                  "search this shard instead of the project's index: HOST:PORT of a "
                  "xapian-tcpsrv, or a shard directory (repeat for each shard)")
      ->allow_extra_args(false);
  cmd->add_option("--shards", args.stub,
                  "search the shards listed in FILE (lines 'remote HOST:PORT' or 'auto DIR', "
                  "as written by 'casebook shard')");
  cmd->add_flag("--allow-partial", args.allow_partial,
                "when a shard is down, search the others instead of stopping (results are "
                "then partial, and say so)");
}

void use_shard_args(project::Project& project, const ShardArgs& args) {
  std::vector<index::ShardAddress> shards;
  if (!args.stub.empty()) shards = index::read_shard_stub(args.stub);
  for (const std::string& spec : args.shards) shards.push_back(index::parse_shard_address(spec));
  if (shards.empty()) {
    if (args.allow_partial) {
      throw_usage("--allow-partial goes with --shard or --shards", "name the shards to search");
    }
    return;
  }
  index::OpenShardsOptions options;
  options.allow_partial = args.allow_partial;
  for (const std::string& note : project::use_shards(project, shards, options)) {
    std::cerr << "casebook: note: " << note << '\n';
  }
}

}  // namespace casebook::cli

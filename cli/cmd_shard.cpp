// casebook shard N --out DIR: split the search index into N shards that can
// be searched together, here or on other machines through xapian-tcpsrv.

#include <iostream>

#include "cli/context.hpp"
#include "engine/project/shards.hpp"

namespace casebook::cli {

void register_shard(CLI::App& app, Context& ctx) {
  struct Args {
    int count = 0;
    std::string out;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "shard", "split the search index into N shards, to serve with xapian-tcpsrv");
  cmd->add_option("N", args->count, "how many shards (1 to 1024)")->required();
  cmd->add_option("--out", args->out, "a new directory for the shards")->required();
  cmd->footer(
      "The store stays in the project: shards only find passages. Make them again after\n"
      "importing or changing case outcomes (searches say when shards are out of date).\n"
      "Serve each shard with xapian-tcpsrv (package xapian-tools) and list the servers in\n"
      "a stub file, one 'remote HOST:PORT' line each; see docs/shards.md.\n" +
      examples({"casebook shard 3 --out /srv/casebook-shards",
                "xapian-tcpsrv --port 7001 /srv/casebook-shards/shard-1   # and so on",
                "casebook search --shard host1:7001 --shard host2:7002 --shard host3:7003 veto",
                "casebook search --shards /srv/casebook-shards/shards.stub veto"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      project::Project project = ctx.open_project();
      const project::ShardSummary summary =
          project::shard_project_index(project, args->count, args->out);
      Table table({"shard", "passages"});
      Xapian::doccount total = 0;
      for (std::size_t i = 0; i < summary.documents.size(); ++i) {
        table.add(
            {args->out + "/shard-" + std::to_string(i + 1), std::to_string(summary.documents[i])});
        total += summary.documents[i];
      }
      table.print(std::cout);
      std::cout << "Split " << total << " passage(s) into " << summary.documents.size()
                << " shard(s); they list themselves in " << summary.stub.string() << "\n"
                << "Search them: casebook search --shards " << summary.stub.string() << " QUERY\n"
                << "Serve them: xapian-tcpsrv --port PORT " << args->out
                << "/shard-N (one per shard), listed as 'remote HOST:PORT' lines\n";
      return 0;
    };
  });
}

}  // namespace casebook::cli

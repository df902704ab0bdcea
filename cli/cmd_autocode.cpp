// casebook autocode: run each code's indicative queries and store the hits
// as suggestions for the coder to decide (casebook suggestions).

#include <iostream>

#include "cli/context.hpp"
#include "cli/shard_args.hpp"
#include "engine/coding/suggestions.hpp"

namespace casebook::cli {

void register_autocode(CLI::App& app, Context& ctx) {
  struct Args {
    std::vector<std::string> codes;
    std::string unit = "passage";
    bool dry_run = false, json = false;
    ShardArgs shards;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("autocode",
                                 "propose codings from the codebook's indicative queries "
                                 "(suggestions you then accept or reject)");
  cmd->add_option("--code", args->codes, "only these codes and their sub-codes")
      ->allow_extra_args(false);
  cmd->add_option("--unit", args->unit,
                  "suggest whole passages or matching sentences (passage|sentence)");
  cmd->add_flag("--dry-run", args->dry_run, "count the suggestions, store nothing");
  cmd->add_flag("--json", args->json, "print JSON");
  add_shard_options(cmd, args->shards);
  cmd->footer(
      examples({"casebook --coder alice autocode",
                "casebook autocode --code expost --unit sentence", "casebook suggestions next"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      const std::string owner = ctx.require_coder();
      coding::AutocodeOptions options;
      options.codes = args->codes;
      options.unit = coding::parse_unit(args->unit);
      options.dry_run = args->dry_run;
      coding::AutocodeReport report;
      ctx.write([&](project::Project& project) {
        use_shard_args(project, args->shards);
        report = coding::autocode(project, owner, options);
      });
      if (args->json) {
        nlohmann::json codes = nlohmann::json::array();
        for (const auto& r : report.codes) {
          codes.push_back({{"code", r.code},
                           {"queries", r.queries},
                           {"hits", r.hits},
                           {"new", r.new_suggestions},
                           {"already_coded", r.already_coded},
                           {"already_suggested", r.already_suggested}});
        }
        print_json({{"new", report.new_suggestions},
                    {"dry_run", args->dry_run},
                    {"codes_without_queries", report.codes_without_queries},
                    {"codes", codes}});
        return 0;
      }
      Table table({"code", "queries", "hits", "new", "coded already", "suggested before"});
      for (const auto& r : report.codes) {
        table.add({r.code, std::to_string(r.queries), std::to_string(r.hits),
                   std::to_string(r.new_suggestions), std::to_string(r.already_coded),
                   std::to_string(r.already_suggested)});
      }
      table.print(std::cout);
      std::cout << (args->dry_run ? "Would store " : "Stored ") << report.new_suggestions
                << " new suggestion(s) for " << owner;
      if (report.codes_without_queries > 0) {
        std::cout << "; " << report.codes_without_queries << " code(s) have no indicative query";
      }
      std::cout << (args->dry_run
                        ? " (dry run: nothing written)\n"
                        : "\nNext: casebook suggestions next (or: casebook suggestions review)\n");
      return 0;
    };
  });
}

}  // namespace casebook::cli

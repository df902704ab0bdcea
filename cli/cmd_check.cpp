// casebook check: verify the store and that store and index agree.

#include <iostream>

#include "cli/context.hpp"
#include "engine/core/error.hpp"
#include "engine/project/check.hpp"

namespace casebook::cli {

void register_check(CLI::App& app, Context& ctx) {
  struct Args {
    bool quick = false, deep = false, json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check", "verify the store and that the index agrees with it");
  cmd->add_flag("--quick", args->quick, "skip re-hashing the stored original files");
  cmd->add_flag("--deep", args->deep,
                "also check every coding's quote against the text and rebuild every index "
                "document to compare it with the index");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(
      examples({"casebook check", "casebook check --deep", "casebook check --quick --json"}));
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      project::Project project = ctx.open_project();
      project::CheckOptions options;
      options.verify_originals = !args->quick;
      options.deep = args->deep;
      if (args->quick && args->deep) {
        throw_usage("--quick and --deep contradict each other", "give one of them");
      }
      auto report = project::check_project(project, options);
      if (args->json) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& f : report.findings) {
          findings.push_back(
              {{"severity",
                f.severity == project::CheckFinding::Severity::Error ? "error" : "warning"},
               {"message", f.message}});
        }
        print_json({{"ok", report.ok()},
                    {"sources", report.sources},
                    {"passages", report.passages},
                    {"sentences", report.sentences},
                    {"index_documents", report.index_documents},
                    {"originals_verified", report.originals_verified},
                    {"codings_verified", report.codings_verified},
                    {"index_documents_verified", report.index_documents_verified},
                    {"findings", findings}});
      } else {
        for (const auto& f : report.findings) {
          std::cout << (f.severity == project::CheckFinding::Severity::Error ? "error: "
                                                                             : "warning: ")
                    << f.message << '\n';
        }
        std::cout << (report.ok() ? "ok: " : "FAILED: ") << report.sources << " sources, "
                  << report.passages << " passages, " << report.sentences << " sentences, "
                  << report.index_documents << " index documents";
        if (options.verify_originals) {
          std::cout << ", " << report.originals_verified << " originals verified";
        }
        if (options.deep) {
          std::cout << ", " << report.codings_verified << " codings and "
                    << report.index_documents_verified << " index documents verified";
        }
        std::cout << '\n';
        if (!report.ok()) {
          std::cout << "hint: errors about the index: 'casebook reindex' rebuilds it from the "
                       "store; errors about the store or originals: restore a backup "
                       "('casebook restore')\n";
        }
      }
      return report.ok() ? 0 : 1;
    };
  });
}

}  // namespace casebook::cli

// casebook: the command-line front end. Parses arguments, runs one
// subcommand, and maps errors to exit statuses in this one place:
// 0 ok, 1 user or data error, 2 usage error.

#include <SQLiteCpp/Exception.h>
#include <xapian.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "engine/core/error.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDataError = 1;
constexpr int kExitUsage = 2;

int report(const casebook::Error& e) {
  std::cerr << "casebook: error: " << e.what() << '\n';
  if (!e.hint().empty()) std::cerr << "  hint: " << e.hint() << '\n';
  return e.kind() == casebook::ErrorKind::Usage ? kExitUsage : kExitDataError;
}

// CLI11 copies a command's footer into the subcommands made after it was
// set, so a subcommand without examples of its own would repeat those of its
// parent or of casebook itself. `ancestors` are the footers above `parent`.
void drop_inherited_footers(CLI::App& parent, std::vector<std::string> ancestors = {}) {
  ancestors.push_back(parent.get_footer());
  for (CLI::App* sub : parent.get_subcommands([](CLI::App*) { return true; })) {
    const std::string own = sub->get_footer();
    if (!own.empty() && std::find(ancestors.begin(), ancestors.end(), own) != ancestors.end()) {
      sub->footer("");
    }
    drop_inherited_footers(*sub, ancestors);
  }
}

int run(int argc, char** argv) {
  casebook::cli::Context ctx;
  CLI::App app{
      "casebook: qualitative coding and evidence engine for comparative case research.\n"
      "Import committee papers, minutes and interview transcripts into an indexed corpus,\n"
      "search it, code it with a deductive codebook, review, measure agreement, triangulate,\n"
      "and export pseudonymised evidence tables and reports."};
  app.name("casebook");
  app.set_version_flag("--version", std::string("casebook ") + CASEBOOK_VERSION);
  app.add_option("--project,-C", ctx.project_dir,
                 "project directory (default: the nearest enclosing project of the "
                 "working directory)");
  app.add_option("--coder", ctx.coder,
                 "who is making changes, recorded in the audit log (default: $CASEBOOK_CODER, "
                 "then the login name)");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(casebook::cli::examples(
      {"casebook init study && cd study", "casebook cases import cases.csv",
       "casebook import --type interview --case B transcripts/",
       "casebook search '\"shared service\" NEAR/5 housing outcome:dissolved'",
       "casebook <command> --help   (options and examples of one command)"}));

  casebook::cli::register_init(app, ctx);
  casebook::cli::register_import(app, ctx);
  casebook::cli::register_sources(app, ctx);
  casebook::cli::register_show(app, ctx);
  casebook::cli::register_search(app, ctx);
  casebook::cli::register_cases(app, ctx);
  casebook::cli::register_check(app, ctx);
  casebook::cli::register_reindex(app, ctx);
  casebook::cli::register_harvest(app, ctx);
  casebook::cli::register_speakers(app, ctx);
  casebook::cli::register_codebook(app, ctx);
  casebook::cli::register_code(app, ctx);
  casebook::cli::register_uncode(app, ctx);
  casebook::cli::register_codings(app, ctx);
  casebook::cli::register_memo(app, ctx);
  casebook::cli::register_autocode(app, ctx);
  casebook::cli::register_suggestions(app, ctx);
  casebook::cli::register_log(app, ctx);
  casebook::cli::register_undo(app, ctx);
  casebook::cli::register_blind(app, ctx);
  casebook::cli::register_review(app, ctx);
  casebook::cli::register_agree(app, ctx);
  casebook::cli::register_disagreements(app, ctx);
  casebook::cli::register_audit(app, ctx);
  casebook::cli::register_pseudonyms(app, ctx);
  casebook::cli::register_series(app, ctx);
  casebook::cli::register_triangulate(app, ctx);
  casebook::cli::register_matrix(app, ctx);
  casebook::cli::register_export(app, ctx);
  casebook::cli::register_report(app, ctx);
  casebook::cli::register_merge(app, ctx);
  casebook::cli::register_shard(app, ctx);
  casebook::cli::register_backup(app, ctx);
  casebook::cli::register_restore(app, ctx);

  drop_inherited_footers(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return ctx.run ? ctx.run() : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const casebook::Error& e) {
    return report(e);
  } catch (const SQLite::Exception& e) {
    std::cerr << "casebook: error: the project store: " << e.what() << '\n'
              << "  hint: if another casebook command is running, retry when it has finished; "
                 "otherwise run 'casebook check'\n";
    return kExitDataError;
  } catch (const Xapian::Error& e) {
    std::cerr << "casebook: error: the search index: " << e.get_description() << '\n'
              << "  hint: run 'casebook check', and 'casebook reindex' to rebuild the index\n";
    return kExitDataError;
  } catch (const std::bad_alloc&) {
    std::cerr << "casebook: error: out of memory\n";
    return kExitDataError;
  } catch (const std::exception& e) {
    std::cerr << "casebook: internal error: " << e.what() << '\n'
              << "  hint: please report this with the command that caused it\n";
    return kExitDataError;
  }
}

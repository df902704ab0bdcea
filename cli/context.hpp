#pragma once
// What every subcommand shares: global options, how to open the project, and
// output helpers (tables, JSON, progress). Only cli/ prints; engine/ never does.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/coding/viewer.hpp"
#include "engine/project/project.hpp"

namespace casebook::cli {

struct Context {
  std::string project_dir;   // --project
  std::string coder;         // --coder
  std::function<int()> run;  // the chosen subcommand's action

  // The project from --project or the working directory, with any index work
  // left by an interrupted command replayed first.
  project::Project open_project() const;
  // --coder, else $CASEBOOK_CODER, else the login name.
  std::string coder_identity() const;
  // --coder, else $CASEBOOK_CODER; a usage error without either. Coding
  // work is attributed to a named coder, never to a login name by accident.
  std::string require_coder() const;
  // Whose work the current coder may see (blind mode, see engine/coding/viewer.hpp).
  // Without blind mode a missing coder name is fine: everything is visible.
  coding::Viewer viewer(project::Project& project) const;

  // Opens the project and runs `change` under the write lock in one
  // transaction, committed only if it returns normally.
  void write(const std::function<void(project::Project&)>& change) const;
};

// Each subcommand file provides one of these.
void register_init(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_sources(CLI::App& app, Context& ctx);
void register_show(CLI::App& app, Context& ctx);
void register_search(CLI::App& app, Context& ctx);
void register_cases(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_reindex(CLI::App& app, Context& ctx);
void register_harvest(CLI::App& app, Context& ctx);
void register_speakers(CLI::App& app, Context& ctx);
void register_codebook(CLI::App& app, Context& ctx);
void register_code(CLI::App& app, Context& ctx);
void register_uncode(CLI::App& app, Context& ctx);
void register_codings(CLI::App& app, Context& ctx);
void register_memo(CLI::App& app, Context& ctx);
void register_autocode(CLI::App& app, Context& ctx);
void register_suggestions(CLI::App& app, Context& ctx);
void register_log(CLI::App& app, Context& ctx);
void register_undo(CLI::App& app, Context& ctx);
void register_blind(CLI::App& app, Context& ctx);
void register_review(CLI::App& app, Context& ctx);
void register_agree(CLI::App& app, Context& ctx);
void register_disagreements(CLI::App& app, Context& ctx);
void register_audit(CLI::App& app, Context& ctx);
void register_pseudonyms(CLI::App& app, Context& ctx);
void register_series(CLI::App& app, Context& ctx);
void register_triangulate(CLI::App& app, Context& ctx);
void register_matrix(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_backup(CLI::App& app, Context& ctx);
void register_restore(CLI::App& app, Context& ctx);
void register_merge(CLI::App& app, Context& ctx);
void register_shard(CLI::App& app, Context& ctx);

// A plain text table: columns padded to the widest cell (in code points).
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// CSV with RFC 4180 quoting.
void write_csv_row(std::ostream& out, const std::vector<std::string>& cells);

void print_json(const nlohmann::json& value);

bool stdout_is_terminal();
bool stderr_is_terminal();

// `text` on one line (line breaks and tabs as spaces), cut to `max` code
// points with "..." when longer.
std::string one_line(std::string_view text, std::size_t max = 100);

// Examples appended to a subcommand's --help.
std::string examples(const std::vector<std::string>& lines);

}  // namespace casebook::cli

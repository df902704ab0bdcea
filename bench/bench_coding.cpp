// Coding benchmark (issue 4) over a project built from the generated corpus
// (the 1 M-passage search project of bench/run.sh).
//
//   bench_coding PROJECT_DIR [--runs N] [--casebook PATH] [--cli-runs N]
//                [--sentence-subset K] [--sentence-budget S] [--work DIR]
//                [--counts-only] [--no-autocode] [--no-cli]
//
// 1. Loads a generated codebook of 50 codes (5 parents x 9 children), three
//    indicative queries each, written with the generator's vocabulary
//    (bench/corpus_layout.hpp): single words, phrases, NEAR/n, prefix
//    wildcards, AND/OR and case:/type: filters, some common and some rare.
//    Counts every query's hits (search::matching_passages, timed: the Xapian
//    side of auto-coding).
// 2. Auto-codes with coding::autocode (unit passage) as `casebook autocode`
//    does: write lock, one WriteTransaction, commit. Before each run the
//    owner's suggestions from the previous run are deleted (untimed), so
//    every run stores the same suggestions. Each run also times the parts
//    on their own: the queries alone (matching_passages), the passage lookups
//    (passages_by_id) and a dry run (queries, lookups and the two checks per
//    hit, no inserts); inserts = full run - dry run - commit.
// 3. Unit sentence on a subset of --sentence-subset leaf codes, against unit
//    passage on the same subset; the whole codebook with unit sentence too
//    when the subset's rate projects it under --sentence-budget seconds.
// 4. The real binary (--casebook), fork/exec, wall clock: `code SOURCE
//    --passage N CODE`, `code SOURCE --match QUOTE CODE` and `codings
//    --source SOURCE`, each --cli-runs times on different sources; as a
//    reference, the sqlite3 command-line shell doing the equivalent single
//    INSERT of a coding row on a copy of the store (in --work DIR).
//
// Output: TSV rows whose first column says what they are (meta, query, code,
// autocode, sentence, cli); bench/report.sh renders them. Nothing here is
// asserted: the numbers are reported with the targets beside them.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/codebook/codebook.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/codebook/xml.hpp"
#include "engine/coding/suggestions.hpp"
#include "engine/coding/targets.hpp"
#include "engine/core/error.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/project.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/search/searcher.hpp"
#include "engine/store/store.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using namespace casebook;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// ---- the codebook ---------------------------------------------------------

struct CodeDef {
  const char* key;
  const char* name;
  std::vector<const char*> queries;
};

// Five themes of local-government shared-service research, nine codes under
// each. Words come from kDomainWords, kCollocations and kNames of
// corpus_layout.hpp (and "the" / "of", among the most frequent words), so
// every query can match; the expected hit counts differ by orders of magnitude.
// Parents come first (a code's parent is the key before its last dot).
const std::vector<CodeDef>& codebook_defs() {
  static const std::vector<CodeDef> defs = {
      {"finance",
       "Finance",
       {"deficit NEAR/5 reserves", "\"budget approval\" AND forecast",
        "(revenue OR capital) type:minutes"}},
      {"finance.budget",
       "Budget",
       {"\"housing budget\" case:C", "budget NEAR/3 deficit", "\"approval of the budget\" case:C"}},
      {"finance.savings",
       "Savings",
       {"savings", "\"business case\" AND savings", "efficiency AND savings"}},
      {"finance.tax",
       "Council tax",
       {"\"council tax\" type:minutes", "\"council tax\" AND deficit", "treasury AND tax"}},
      {"finance.grants",
       "Grants",
       {"grant NEAR/5 funding", "grant* AND ministry", "Treasury NEAR/10 grant"}},
      {"finance.reserves",
       "Reserves",
       {"reserves NEAR/5 forecast", "reserves AND deficit", "\"reserves deficit\""}},
      {"finance.procurement",
       "Procurement",
       {"procurement NEAR/5 contract", "procure* case:D", "procurement AND software"}},
      {"finance.audit",
       "Audit",
       {"audit NEAR/5 risk", "\"the Audit Commission\" type:report", "audit AND accountability"}},
      {"finance.pensions",
       "Pensions",
       {"pension NEAR/5 employees", "pension AND redundancy", "pension* type:interview"}},
      {"finance.investment",
       "Investment",
       {"\"investment in the partnership\" case:E", "invest* AND capital", "investor AND risk"}},

      {"workforce",
       "Workforce",
       {"staff NEAR/3 morale", "employees AND union", "(workload OR sickness) case:E"}},
      {"workforce.morale",
       "Morale",
       {"morale", "morale NEAR/5 workload", "\"staff in the queue\" AND morale"}},
      {"workforce.sickness",
       "Sickness",
       {"sickness NEAR/5 staff", "sickness AND morale", "sickness type:focus-group"}},
      {"workforce.vacancies",
       "Vacancies",
       {"vacanc* case:F", "vacancies NEAR/5 capacity", "vacancies AND backlog"}},
      {"workforce.redundancy",
       "Redundancy",
       {"redundancy NEAR/5 employees", "redundan* AND union", "\"redundancy pension\""}},
      {"workforce.training",
       "Training",
       {"training NEAR/5 software", "training AND culture", "training case:F"}},
      {"workforce.unions",
       "Unions",
       {"Unison type:minutes", "union NEAR/5 employees", "Unison AND redundancy"}},
      {"workforce.workload",
       "Workload",
       {"workload NEAR/5 capacity", "workload AND backlog", "\"workload capacity\""}},
      {"workforce.transfer",
       "Staff transfer",
       {"transfer NEAR/5 employees", "transfer AND pension", "transfer NEAR/3 staff"}},
      {"workforce.queues",
       "Queues",
       {"(\"staff in the queue\" OR \"the queue of staff\") case:B", "queue* AND backlog",
        "queues AND delays"}},

      {"governance",
       "Governance",
       {"governance", "scrutiny NEAR/5 cabinet", "(accountability OR sovereignty) type:report"}},
      {"governance.veto",
       "Veto",
       {"\"veto by the council\" case:G", "veto NEAR/5 cabinet", "veto AND opposition"}},
      {"governance.scrutiny",
       "Scrutiny",
       {"scrutiny NEAR/5 committee", "scrutiny AND \"joint committee\"", "scrutiny case:G"}},
      {"governance.cabinet",
       "Cabinet",
       {"cabinet NEAR/3 leader", "cabinet AND decision case:H", "Patel NEAR/10 cabinet"}},
      {"governance.opposition",
       "Opposition",
       {"opposition NEAR/5 vote", "opposition AND leader", "\"opposition vote\""}},
      {"governance.accountability",
       "Accountability",
       {"accountability NEAR/5 control", "accountab* case:H", "accountability AND scrutiny"}},
      {"governance.sovereignty",
       "Sovereignty",
       {"(sovereignty OR autonomy) type:press", "sovereignty NEAR/5 council",
        "\"sovereignty autonomy\""}},
      {"governance.risk",
       "Risk",
       {"risk NEAR/3 audit", "risk AND governance", "risk* type:minutes case:B"}},
      {"governance.approval",
       "Approval",
       {"\"budget approval\" AND cabinet", "approv* AND board", "approvals AND delays"}},
      {"governance.committee",
       "Joint committee",
       {"\"joint committee\" case:I", "committee NEAR/5 vote", "\"joint committee\" AND scrutiny"}},

      {"services",
       "Services",
       {"\"shared service\" type:interview", "\"customer contact centre\" AND complaints",
        "services AND standardisation AND delivery"}},
      {"services.contact_centre",
       "Contact centre",
       {"\"customer contact centre\" case:J", "contact NEAR/3 complaints",
        "\"customer contact centre\" AND backlog"}},
      {"services.waste",
       "Waste",
       {"waste NEAR/3 collection", "waste AND contract", "\"waste collection\""}},
      {"services.planning",
       "Planning",
       {"planning NEAR/5 licensing", "planning AND backlog", "planning type:press"}},
      {"services.licensing",
       "Licensing",
       {"licensing NEAR/5 payments", "licensing AND software", "licens* case:K"}},
      {"services.benefits",
       "Housing benefit",
       {"\"housing benefit\"", "\"housing benefit\" AND claims", "claims AND backlog"}},
      {"services.complaints",
       "Complaints",
       {"complaints NEAR/5 residents", "complaints AND delays", "complain* case:K"}},
      {"services.backlog",
       "Backlog",
       {"backlog NEAR/3 claims", "backlog AND delays", "backlog case:L"}},
      {"services.software",
       "Software",
       {"software NEAR/5 migration", "platform AND migration", "\"legacy system\""}},
      {"services.standardisation",
       "Standardisation",
       {"\"standardisation of services\" case:L", "standardis* AND process",
        "standardisation AND harmonisation"}},

      {"partnership",
       "Partnership",
       {"\"shared service partnership\" type:report", "partner* AND trust",
        "partnership AND dissolution"}},
      {"partnership.merger",
       "Merger",
       {"merger NEAR/5 council", "merger AND vote", "merger case:M"}},
      {"partnership.dissolution",
       "Dissolution",
       {"dissolution", "dissolution NEAR/5 partnership", "dissolution AND conflict"}},
      {"partnership.trust",
       "Trust",
       {"trust NEAR/5 partners", "trust AND conflict", "\"trust partners\""}},
      {"partnership.conflict",
       "Conflict",
       {"(conflict OR tension) case:M", "conflict NEAR/5 partners", "tension AND culture"}},
      {"partnership.culture",
       "Culture",
       {"culture NEAR/5 integration", "culture AND alignment", "\"culture change\""}},
      {"partnership.integration",
       "Integration",
       {"integration NEAR/5 services", "integrat* case:A", "integration AND transition"}},
      {"partnership.harmonisation",
       "Harmonisation",
       {"harmonisation", "harmonisation NEAR/5 standards", "\"harmonisation of standards\""}},
      {"partnership.collaboration",
       "Collaboration",
       {"(collaboration OR cooperation) type:focus-group", "collaboration NEAR/5 council",
        "cooperation AND trust"}},
      {"partnership.legacy",
       "Legacy",
       {"legacy NEAR/3 system", "legacy AND transition", "\"legacy arrangement\""}},
  };
  return defs;
}

// The kind of a query, for the report.
std::string query_kind(const std::string& q) {
  std::vector<std::string> kinds;
  if (q.find("NEAR/") != std::string::npos) kinds.push_back("near");
  if (q.find('"') != std::string::npos) kinds.push_back("phrase");
  if (q.find('*') != std::string::npos) kinds.push_back("wildcard");
  if (q.find(" AND ") != std::string::npos || q.find(" OR ") != std::string::npos) {
    kinds.push_back("boolean");
  }
  if (q.find("case:") != std::string::npos || q.find("type:") != std::string::npos) {
    kinds.push_back("filter");
  }
  if (kinds.empty()) kinds.push_back("word");
  std::string out;
  for (const auto& k : kinds) out += (out.empty() ? "" : "+") + k;
  return out;
}

codebook::Codebook make_codebook() {
  codebook::Codebook book;
  book.name = "casebook benchmark codebook (bench/bench_coding.cpp)";
  book.description = "50 codes, three indicative queries each, over the generated corpus.";
  for (const CodeDef& d : codebook_defs()) {
    codebook::Code c;
    c.key = d.key;
    const std::string key = d.key;
    const auto dot = key.rfind('.');
    if (dot != std::string::npos) c.parent = key.substr(0, dot);
    c.name = d.name;
    c.definition = std::string("Passages about ") + d.name + ".";
    for (const char* q : d.queries) c.queries.push_back(q);
    book.codes.push_back(std::move(c));
  }
  return book;
}

// ---- store helpers ----------------------------------------------------------

std::int64_t count_of(store::Store& store, const std::string& sql, const std::string& arg = {}) {
  SQLite::Statement q(store.db(), sql);
  if (!arg.empty()) q.bind(1, arg);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

// Deletes the owner's suggestions (a previous run's), then checkpoints the WAL
// so every timed run starts from the same state.
void delete_suggestions(project::Project& project, const std::string& owner) {
  {
    project::WriteLock lock(project.lock_file(), std::chrono::seconds(30));
    store::WriteTransaction tx(project.store());
    SQLite::Statement d(project.store().db(), "DELETE FROM suggestions WHERE owner = ?");
    d.bind(1, owner);
    d.exec();
    tx.commit();
  }
  project.store().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

struct AutocodeRun {
  double total_s = 0;   // lock + transaction + autocode + commit
  double commit_s = 0;  // the commit alone
  coding::AutocodeReport report;
};

AutocodeRun run_autocode(project::Project& project, const std::string& owner,
                         const coding::AutocodeOptions& options) {
  AutocodeRun run;
  const auto start = Clock::now();
  project::WriteLock lock(project.lock_file(), std::chrono::seconds(30));
  store::WriteTransaction tx(project.store());
  run.report = coding::autocode(project, owner, options);
  const auto commit_start = Clock::now();
  if (options.dry_run) {
    // A dry run writes nothing; the transaction is rolled back by its destructor.
  } else {
    tx.commit();
  }
  run.commit_s = seconds_since(commit_start);
  run.total_s = seconds_since(start);
  return run;
}

// ---- processes --------------------------------------------------------------

// Runs argv with stdout and stderr to `log` (appended); returns the wall time
// in ms from spawn to exit, or -1 on a non-zero exit.
double time_process(const std::vector<std::string>& argv, const std::string& log) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const auto start = Clock::now();
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  const double ms = seconds_since(start) * 1000;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return ms;
}

std::string which(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(ss, dir, ':');) {
    const fs::path p = fs::path(dir) / name;
    if (::access(p.c_str(), X_OK) == 0) return p.string();
  }
  return {};
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "bench_coding: " << why << "\n"
            << "usage: bench_coding PROJECT_DIR [--runs N] [--casebook PATH] [--cli-runs N]\n"
               "                    [--sentence-subset K] [--sentence-budget S] [--work DIR]\n"
               "                    [--counts-only] [--no-autocode] [--no-cli]\n";
  std::exit(2);
}

struct Options {
  std::string project_dir, casebook, work;
  std::size_t runs = 3, cli_runs = 21, sentence_subset = 5;
  double sentence_budget = 600;
  bool counts_only = false, autocode = true, cli = true;
};

void out_row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) std::cout << (i ? "\t" : "") << cells[i];
  std::cout << '\n' << std::flush;
}

std::string num(double x, int precision = 3) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(precision) << x;
  return s.str();
}

void progress(const std::string& what) {
  std::cerr << "bench_coding: " << what << std::endl;
}

// ---- 1. codebook and hit counts ------------------------------------------------

struct QueryHits {
  std::string code, query;
  std::size_t hits = 0;
  double ms = 0;
};

std::vector<QueryHits> count_hits(project::Project& project, const std::string& owner) {
  std::vector<QueryHits> out;
  for (const CodeDef& d : codebook_defs()) {
    for (const char* q : d.queries) {
      search::SearchOptions options;
      options.limit = search::kAllHits;
      options.visible_coder = owner;
      const auto start = Clock::now();
      const auto ids = search::matching_passages(project, q, options);
      out.push_back({d.key, q, ids.size(), seconds_since(start) * 1000});
    }
  }
  return out;
}

// The parts of one autocode run, timed on their own: queries, passage lookups.
std::pair<double, double> time_search_parts(project::Project& project, const std::string& owner) {
  double search_s = 0, lookup_s = 0;
  for (const CodeDef& d : codebook_defs()) {
    for (const char* q : d.queries) {
      search::SearchOptions options;
      options.limit = search::kAllHits;
      options.visible_coder = owner;
      auto start = Clock::now();
      const auto ids = search::matching_passages(project, q, options);
      search_s += seconds_since(start);
      start = Clock::now();
      const auto targets = coding::passages_by_id(project.store(), ids, "suggestion");
      lookup_s += seconds_since(start);
      if (targets.size() != ids.size()) throw std::runtime_error("passage lookup lost hits");
    }
  }
  return {search_s, lookup_s};
}

// ---- 4. the CLI --------------------------------------------------------------------

struct Pick {
  std::string label;
  std::int64_t source_id = 0;
  int passage = 0;                  // 1-based
  std::int64_t start = 0, end = 0;  // the passage's span
  std::string quote;                // words of another passage, unique in the source
};

// `n` sources spread over the corpus, a passage of each (for --passage) and a
// quote from another passage (for --match).
std::vector<Pick> pick_passages(store::Store& store, std::size_t n) {
  const std::int64_t sources = count_of(store, "SELECT count(*) FROM sources");
  SQLite::Statement src(store.db(), "SELECT id, label FROM sources ORDER BY id LIMIT 1 OFFSET ?");
  SQLite::Statement pas(store.db(),
                        "SELECT n, start_cp, end_cp FROM passages WHERE source_id = ? ORDER BY n");
  std::vector<Pick> out;
  for (std::size_t i = 0; i < n; ++i) {
    src.reset();
    src.bind(1, static_cast<std::int64_t>((i * 2 + 1) * sources / (2 * n)));
    if (!src.executeStep()) throw std::runtime_error("no source to code");
    Pick p;
    p.source_id = src.getColumn(0).getInt64();
    p.label = src.getColumn(1).getString();
    std::vector<std::tuple<int, std::int64_t, std::int64_t>> passages;
    pas.reset();
    pas.bind(1, p.source_id);
    while (pas.executeStep()) {
      passages.emplace_back(pas.getColumn(0).getInt(), pas.getColumn(1).getInt64(),
                            pas.getColumn(2).getInt64());
    }
    if (passages.size() < 2) throw std::runtime_error(p.label + " has fewer than 2 passages");
    const std::size_t k = (i * 37 + 5) % passages.size();
    std::tie(p.passage, p.start, p.end) = passages[k];
    const coding::SourceText text = coding::load_source_text(store, p.label);
    // The quote: the first words of another passage, eight or more until they
    // are unique in the source. Hard-wrapped files have line breaks where the
    // quote has spaces; `code --match` matches any whitespace run with any,
    // so uniqueness is checked on the text with line breaks as spaces.
    const auto& [qn, qs, qe] = passages[(k + passages.size() / 2) % passages.size()];
    (void)qn;
    std::string flat = text.text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    const text::OffsetMap map(flat);
    std::istringstream body(
        std::string(map.slice({static_cast<std::size_t>(qs), static_cast<std::size_t>(qe)})));
    std::vector<std::string> words;
    for (std::string w; body >> w;) words.push_back(w);
    for (std::size_t n = 8; n <= words.size() && p.quote.empty(); n += 4) {
      std::string quote;
      for (std::size_t c = 0; c < n; ++c) quote += (c ? " " : "") + words[c];
      const auto first = flat.find(quote);
      if (first != std::string::npos && flat.find(quote, first + 1) == std::string::npos) {
        p.quote = quote;
      }
    }
    if (p.quote.empty()) throw std::runtime_error("no unique quote in " + p.label);
    out.push_back(std::move(p));
  }
  return out;
}

void bench_cli(project::Project& project, const Options& o) {
  store::Store& store = project.store();
  const std::string coder = "bench";
  // Codings left by an earlier run of this benchmark: removed for good
  // (untimed), so each run codes the same spans afresh.
  {
    project::WriteLock lock(project.lock_file(), std::chrono::seconds(30));
    store::WriteTransaction tx(store);
    store.db().exec(
        "DELETE FROM coding_dimensions WHERE coding_id IN "
        "(SELECT id FROM codings WHERE coder IN ('bench', 'bench-sqlite'))");
    store.db().exec(
        "UPDATE suggestions SET coding_id = NULL WHERE coding_id IN "
        "(SELECT id FROM codings WHERE coder IN ('bench', 'bench-sqlite'))");
    store.db().exec("DELETE FROM codings WHERE coder IN ('bench', 'bench-sqlite')");
    tx.commit();
  }
  store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const auto picks = pick_passages(store, o.cli_runs);
  const std::string log = (fs::path(o.work) / "cli.log").string();
  const std::string dir = project.root().string();
  const std::string cb = o.casebook;
  const std::vector<std::string> codes = {"workforce.morale", "governance.veto",
                                          "services.backlog"};

  // Warm-up (page cache, the binary): one call of each kind, on another source.
  const auto warm = pick_passages(store, 1).front();
  time_process({cb, "--version"}, log);
  time_process({cb, "-C", dir, "--coder", coder, "code", warm.label, "--passage",
                std::to_string(warm.passage), "services.waste"},
               log);
  time_process({cb, "-C", dir, "--coder", coder, "codings", "--source", warm.label}, log);

  auto record = [&](const std::string& what, std::size_t i, double ms) {
    if (ms < 0) {
      throw std::runtime_error(what + " failed (run " + std::to_string(i) + "); see " + log);
    }
    out_row({"cli", what, std::to_string(i + 1), num(ms)});
  };
  progress("CLI: " + std::to_string(picks.size()) + " runs of each command");
  for (std::size_t i = 0; i < picks.size(); ++i) {
    const Pick& p = picks[i];
    const std::string& code = codes[i % codes.size()];
    // Interleaved, so noise on the machine spreads over every kind.
    record("version", i, time_process({cb, "--version"}, log));
    record("code_passage", i,
           time_process({cb, "-C", dir, "--coder", coder, "code", p.label, "--passage",
                         std::to_string(p.passage), code},
                        log));
    record("code_match", i,
           time_process({cb, "-C", dir, "--coder", coder, "code", p.label, "--match", p.quote,
                         "partnership.trust"},
                        log));
    record("codings_source", i,
           time_process({cb, "-C", dir, "--coder", coder, "codings", "--source", p.label}, log));
  }
  // Check that they coded what they were asked to.
  const std::int64_t made = count_of(store, "SELECT count(*) FROM codings WHERE coder = ?", coder);
  out_row({"meta", "cli_codings_made", std::to_string(made)});
  if (made != static_cast<std::int64_t>(2 * picks.size() + 1)) {  // + the warm-up's
    throw std::runtime_error("the CLI made " + std::to_string(made) + " codings, expected " +
                             std::to_string(2 * picks.size() + 1));
  }

  // The reference: sqlite3 inserting the same coding row (the quote cut from
  // the stored text by the statement, as casebook does) on a copy of the store,
  // with casebook's connection settings (WAL is stored in the file).
  const std::string sqlite3 = which("sqlite3");
  if (sqlite3.empty()) {
    out_row({"meta", "sqlite3", "missing"});
    return;
  }
  fs::create_directories(o.work);
  const fs::path copy = fs::path(o.work) / "store-copy.sqlite";
  store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(copy.string() + suffix);
  fs::copy_file(store.file(), copy);
  {
    // Written back now, not by the first timed commit's checkpoint.
    const int fd = ::open(copy.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) throw std::runtime_error("cannot fsync " + copy.string());
    ::close(fd);
  }
  const std::int64_t code_id =
      count_of(store, "SELECT id FROM codes WHERE key = ?", "workforce.morale");
  auto insert_sql = [&](const Pick& p) {
    return "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
           "INSERT INTO codings(source_id, start_cp, end_cp, code_id, coder, unit, quote, "
           "created_at) SELECT " +
           std::to_string(p.source_id) + ", " + std::to_string(p.start) + ", " +
           std::to_string(p.end) + ", " + std::to_string(code_id) +
           ", 'bench-sqlite', 'passage', substr(text, " + std::to_string(p.start + 1) + ", " +
           std::to_string(p.end - p.start) +
           "), strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM source_texts WHERE source_id = " +
           std::to_string(p.source_id) + ";";
  };
  time_process({sqlite3, copy.string(), insert_sql(warm)}, log);  // warm-up, as for casebook
  progress("sqlite3 reference: " + std::to_string(picks.size()) + " inserts");
  for (std::size_t i = 0; i < picks.size(); ++i) {
    record("sqlite3_insert", i, time_process({sqlite3, copy.string(), insert_sql(picks[i])}, log));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(copy.string() + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value for " + a);
      return argv[++i];
    };
    if (a == "--runs") {
      o.runs = std::stoul(value());
    } else if (a == "--casebook") {
      o.casebook = value();
    } else if (a == "--cli-runs") {
      o.cli_runs = std::stoul(value());
    } else if (a == "--sentence-subset") {
      o.sentence_subset = std::stoul(value());
    } else if (a == "--sentence-budget") {
      o.sentence_budget = std::stod(value());
    } else if (a == "--work") {
      o.work = value();
    } else if (a == "--counts-only") {
      o.counts_only = true;
    } else if (a == "--no-autocode") {
      o.autocode = false;
    } else if (a == "--no-cli") {
      o.cli = false;
    } else if (!a.empty() && a[0] == '-') {
      usage("unknown option " + a);
    } else if (o.project_dir.empty()) {
      o.project_dir = a;
    } else {
      usage("more than one project directory");
    }
  }
  if (o.project_dir.empty()) usage("missing PROJECT_DIR");
  if (o.runs == 0) usage("--runs must be at least 1");
  if (o.cli && !o.counts_only && o.casebook.empty()) usage("give --casebook PATH (or --no-cli)");
  if (o.work.empty()) o.work = o.project_dir + ".coding-work";

  try {
    project::Project project = project::Project::open(fs::path(o.project_dir));
    project::reconcile_index_if_idle(project);
    store::Store& store = project.store();
    const std::string owner = "bench-auto";
    const std::int64_t passages = count_of(store, "SELECT count(*) FROM passages");
    const std::int64_t sentences = count_of(store, "SELECT count(*) FROM sentences");
    const std::int64_t sources = count_of(store, "SELECT count(*) FROM sources");
    out_row({"meta", "passages", std::to_string(passages)});
    out_row({"meta", "sentences", std::to_string(sentences)});
    out_row({"meta", "sources", std::to_string(sources)});

    // The codebook: loaded as a new version (unchanged if this one is current).
    const codebook::Codebook book = make_codebook();
    codebook::validate(book);
    const std::string document = codebook::write_codebook_xml(book);
    {
      const auto start = Clock::now();
      project::WriteLock lock(project.lock_file(), std::chrono::seconds(30));
      store::WriteTransaction tx(store);
      codebook::LoadOptions load;
      load.force = true;  // a benchmark project: codes of an older benchmark codebook may go
      const auto report =
          codebook::load_codebook(store, book, document, "bench-codebook.xml", "bench", load);
      tx.commit();
      out_row({"meta", "codebook_load_s", num(seconds_since(start))});
      out_row({"meta", "codebook_version",
               std::to_string(report.version) + (report.unchanged ? " (unchanged)" : "")});
    }
    std::size_t query_count = 0;
    for (const auto& d : codebook_defs()) query_count += d.queries.size();
    out_row({"meta", "codes", std::to_string(codebook_defs().size())});
    out_row({"meta", "queries", std::to_string(query_count)});

    progress("counting the hits of " + std::to_string(query_count) + " queries");
    count_hits(project, owner);  // warm-up: the index pages these queries read
    std::size_t total_hits = 0;
    for (const auto& h : count_hits(project, owner)) {
      out_row({"query", h.code, query_kind(h.query), h.query, std::to_string(h.hits), num(h.ms)});
      total_hits += h.hits;
    }
    out_row({"meta", "query_hits_total", std::to_string(total_hits)});
    if (o.counts_only) return 0;

    if (o.autocode) {
      coding::AutocodeOptions options;
      options.unit = coding::Unit::Passage;
      std::vector<coding::AutocodeCodeReport> last_codes;
      for (std::size_t r = 0; r < o.runs; ++r) {
        progress("autocode (passage), run " + std::to_string(r + 1) + " of " +
                 std::to_string(o.runs));
        delete_suggestions(project, owner);
        const auto [search_s, lookup_s] = time_search_parts(project, owner);
        coding::AutocodeOptions dry = options;
        dry.dry_run = true;
        const AutocodeRun dry_run = run_autocode(project, owner, dry);
        const AutocodeRun full = run_autocode(project, owner, options);
        const std::int64_t stored =
            count_of(store, "SELECT count(*) FROM suggestions WHERE owner = ?", owner);
        if (stored != static_cast<std::int64_t>(full.report.new_suggestions)) {
          throw std::runtime_error("autocode reported " +
                                   std::to_string(full.report.new_suggestions) +
                                   " suggestions, the store holds " + std::to_string(stored));
        }
        out_row({"autocode", "passage", std::to_string(r + 1), num(full.total_s),
                 std::to_string(full.report.new_suggestions), num(search_s), num(lookup_s),
                 num(dry_run.total_s), num(full.commit_s)});
        if (r + 1 == o.runs) {
          last_codes = full.report.codes;
          for (const auto& c : full.report.codes) {
            out_row({"code", c.code, std::to_string(c.queries), std::to_string(c.hits),
                     std::to_string(c.new_suggestions)});
          }
        }
      }

      // Unit sentence: first on a subset of leaf codes, against unit passage on
      // the same subset, then the whole codebook if it looks affordable.
      std::vector<std::string> subset;
      for (const auto& d : codebook_defs()) {
        if (subset.size() < o.sentence_subset &&
            std::string(d.key).find('.') != std::string::npos &&
            std::string(d.key).rfind("workforce.", 0) == 0) {
          subset.push_back(d.key);
        }
      }
      if (!subset.empty()) {
        std::string names;
        for (const auto& s : subset) names += (names.empty() ? "" : ",") + s;
        coding::AutocodeOptions sub;
        sub.codes = subset;
        delete_suggestions(project, owner);
        progress("autocode on a subset (" + names + "), unit passage");
        sub.unit = coding::Unit::Passage;
        const AutocodeRun p = run_autocode(project, owner, sub);
        delete_suggestions(project, owner);
        progress("autocode on the subset, unit sentence");
        sub.unit = coding::Unit::Sentence;
        const AutocodeRun s = run_autocode(project, owner, sub);
        std::size_t sub_hits = 0;
        for (const auto& c : p.report.codes) sub_hits += c.hits;
        out_row({"sentence", "subset", names, num(p.total_s),
                 std::to_string(p.report.new_suggestions), num(s.total_s),
                 std::to_string(s.report.new_suggestions), std::to_string(sub_hits)});
        // Sentence work grows with the passages the queries hit: project the
        // whole codebook from the subset by hits.
        std::size_t all_hits = 0;
        for (const auto& c : last_codes) all_hits += c.hits;
        const double projected =
            sub_hits ? s.total_s * static_cast<double>(all_hits) / static_cast<double>(sub_hits)
                     : 0;
        out_row({"meta", "sentence_projected_s", num(projected, 1)});
        if (projected > 0 && projected <= o.sentence_budget) {
          progress("autocode, whole codebook, unit sentence (projected " + num(projected, 0) +
                   " s)");
          delete_suggestions(project, owner);
          options.unit = coding::Unit::Sentence;
          const AutocodeRun full = run_autocode(project, owner, options);
          out_row({"sentence", "all", "all", "", "", num(full.total_s),
                   std::to_string(full.report.new_suggestions), std::to_string(all_hits)});
        } else {
          out_row({"meta", "sentence_full",
                   "skipped: projected over the budget of " + num(o.sentence_budget, 0) + " s"});
        }
        delete_suggestions(project, owner);
      }
    }

    if (o.cli) bench_cli(project, o);
  } catch (const casebook::Error& e) {
    std::cerr << "bench_coding: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_coding: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

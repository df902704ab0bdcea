// Search latency benchmark over a project built from the generated corpus.
//
//   bench_search PROJECT_DIR [--runs N] [--warmup N] [--limit N] [--json]
//                [--queries FILE] [--modes search,search_exact,match,match_est]
//
// Five query kinds (word, phrase, near, wildcard, filtered), several queries
// each, drawn from the generator's vocabulary (bench/corpus_layout.hpp) so
// they have hits. After `--warmup` untimed passes over every query, each kind
// is timed `--runs` times (queries of a kind taken in turn; kinds and modes
// interleaved, so machine noise spreads evenly) with std::chrono::steady_clock.
//
// Modes:
//   search        casebook::search::search() with default options: what
//                 `casebook search` does: parse, open the index, match (total
//                 estimated), top N hits, each hit's passage, source and text
//                 read from the store, words marked.
//   search_exact  the same with SearchOptions::exact_total (--exact, --count).
//   match         the Xapian part alone on an index opened once: parse_query
//                 and Enquire::get_mset(0, N, checkatleast = doccount), i.e.
//                 with an exact total.
//   match_est     as match with checkatleast = 0: Xapian may stop early and
//                 estimate the total.
//
// Output (TSV, or JSON with --json): one row per mode and kind (query "*")
// with n, p50, p90, p99, mean and max in milliseconds and the smallest and
// largest exact hit count of its queries, then one row per query. A --queries FILE holds lines
// "kind<TAB>query" instead of the built-in set.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_layout.hpp"
#include "engine/core/error.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/project.hpp"
#include "engine/search/query.hpp"
#include "engine/search/searcher.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace casebook;

struct Query {
  std::string kind;
  std::string text;
};

std::vector<Query> builtin_queries() {
  using bench::case_of_dir;
  using bench::type_of_dir;
  auto filter = [](std::size_t dir) {
    return "case:" + std::string(case_of_dir(dir)) + " type:" + std::string(type_of_dir(dir));
  };
  return {
      // Single words from the most frequent domain word to rarer ones.
      {"word", "council"},
      {"word", "housing"},
      {"word", "budget"},
      {"word", "veto"},
      {"word", "standardisation"},
      // Phrases: collocations of the generator, and one that occurs by chance only.
      {"phrase", "\"shared service\""},
      {"phrase", "\"housing benefit\""},
      {"phrase", "\"joint committee\""},
      {"phrase", "\"council tax\""},
      {"phrase", "\"budget approval\""},
      // Proximity.
      {"near", "staff NEAR/5 queue"},
      {"near", "budget NEAR/5 approval"},
      {"near", "council NEAR/5 veto"},
      {"near", "penalty NEAR/5 investment"},
      {"near", "housing NEAR/3 benefit"},
      // Wildcards: few expansions (standard*) to many (co*).
      {"wildcard", "standard*"},
      {"wildcard", "invest*"},
      {"wildcard", "partner*"},
      {"wildcard", "commit*"},
      {"wildcard", "ho*"},
      // A word narrowed by filters of different selectivity.
      {"filtered", "budget " + filter(1)},
      {"filtered", "housing " + filter(3)},
      {"filtered", "veto case:" + std::string(case_of_dir(0))},
      {"filtered", "staff outcome:dissolved"},
      {"filtered", "\"shared service\" type:" + std::string(type_of_dir(2))},
  };
}

std::vector<Query> read_queries(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::vector<Query> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) throw std::runtime_error("want kind<TAB>query: " + line);
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

double percentile(std::vector<double> v, double p) {  // nearest rank
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size(), std::max<std::size_t>(rank, 1)) - 1];
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

volatile std::size_t sink = 0;  // keeps the optimiser from dropping work

struct Runner {
  project::Project& project;
  Xapian::Database db;
  std::size_t limit;

  // Returns the total number of matches (exact for search and match).
  std::size_t run(const std::string& mode, const std::string& query) {
    if (mode == "search" || mode == "search_exact") {
      search::SearchOptions options;
      options.limit = limit;
      options.exact_total = mode == "search_exact";
      auto result = search::search(project, query, options);
      return result.total;
    }
    search::ParsedQuery parsed = search::parse_query(query);
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    if (!parsed.has_text) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    }
    const Xapian::doccount check = mode == "match" ? db.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), check);
    // Touch the documents' data, as a caller showing hits would.
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      bytes += it.get_document().get_data().size();
    sink += bytes;
    return mset.get_matches_estimated();
  }
};

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "bench_search: " << why << "\n"
            << "usage: bench_search PROJECT_DIR [--runs N] [--warmup N] [--limit N] [--json]"
               " [--queries FILE] [--modes search,search_exact,match,match_est]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string project_dir, queries_file;
  std::size_t runs = 240, warmup = 2, limit = 20;
  bool json = false;
  std::vector<std::string> modes = {"search", "search_exact", "match", "match_est"};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value for " + a);
      return argv[++i];
    };
    if (a == "--runs") {
      runs = std::stoul(value());
    } else if (a == "--warmup") {
      warmup = std::stoul(value());
    } else if (a == "--limit") {
      limit = std::stoul(value());
    } else if (a == "--json") {
      json = true;
    } else if (a == "--queries") {
      queries_file = value();
    } else if (a == "--modes") {
      modes.clear();
      std::stringstream ss(value());
      for (std::string m; std::getline(ss, m, ',');) {
        if (m != "search" && m != "search_exact" && m != "match" && m != "match_est") {
          usage("unknown mode " + m);
        }
        modes.push_back(m);
      }
    } else if (!a.empty() && a[0] == '-') {
      usage("unknown option " + a);
    } else if (project_dir.empty()) {
      project_dir = a;
    } else {
      usage("more than one project directory");
    }
  }
  if (project_dir.empty()) usage("missing PROJECT_DIR");
  if (runs == 0) usage("--runs must be at least 1");

  try {
    const std::vector<Query> queries =
        queries_file.empty() ? builtin_queries() : read_queries(queries_file);
    std::vector<std::string> kinds;
    std::map<std::string, std::vector<std::size_t>> by_kind;  // kind -> query indexes
    for (std::size_t q = 0; q < queries.size(); ++q) {
      if (!by_kind.count(queries[q].kind)) kinds.push_back(queries[q].kind);
      by_kind[queries[q].kind].push_back(q);
    }
    project::Project project = project::Project::open(std::filesystem::path(project_dir));
    Runner runner{project, index::open_index_for_reading(project.index_dir()), limit};
    const Xapian::doccount docs = runner.db.get_doccount();

    // Hit counts (exact) and warm-up: every query, every mode.
    std::vector<std::size_t> hits(queries.size());
    for (std::size_t q = 0; q < queries.size(); ++q) {
      hits[q] = runner.run("search_exact", queries[q].text);
    }
    for (std::size_t w = 0; w < warmup; ++w) {
      for (const auto& mode : modes) {
        for (const auto& q : queries) runner.run(mode, q.text);
      }
    }

    // samples[mode][query index] in ms.
    std::map<std::string, std::vector<std::vector<double>>> samples;
    for (const auto& mode : modes) samples[mode].resize(queries.size());
    for (std::size_t r = 0; r < runs; ++r) {
      for (const auto& kind : kinds) {
        const auto& qs = by_kind[kind];
        const std::size_t q = qs[r % qs.size()];
        for (const auto& mode : modes) {
          const auto start = Clock::now();
          runner.run(mode, queries[q].text);
          const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
          samples[mode][q].push_back(ms);
        }
      }
    }

    struct Row {
      std::string mode, kind, query;
      std::size_t n;
      double p50, p90, p99, mean, max;
      std::size_t hits_min, hits_max;
    };
    std::vector<Row> rows;
    for (const auto& mode : modes) {
      for (const auto& kind : kinds) {
        std::vector<double> all;
        std::size_t hmin = SIZE_MAX, hmax = 0;
        for (std::size_t q : by_kind[kind]) {
          const auto& s = samples[mode][q];
          all.insert(all.end(), s.begin(), s.end());
          hmin = std::min(hmin, hits[q]);
          hmax = std::max(hmax, hits[q]);
        }
        rows.push_back({mode, kind, "*", all.size(), percentile(all, 0.5), percentile(all, 0.9),
                        percentile(all, 0.99), mean(all),
                        all.empty() ? 0 : *std::max_element(all.begin(), all.end()), hmin, hmax});
      }
    }
    for (const auto& mode : modes) {
      for (std::size_t q = 0; q < queries.size(); ++q) {
        const auto& s = samples[mode][q];
        rows.push_back({mode, queries[q].kind, queries[q].text, s.size(), percentile(s, 0.5),
                        percentile(s, 0.9), percentile(s, 0.99), mean(s),
                        s.empty() ? 0 : *std::max_element(s.begin(), s.end()), hits[q], hits[q]});
      }
    }

    std::cout << std::fixed << std::setprecision(3);
    if (json) {
      std::cout << "{\"documents\": " << docs << ", \"runs_per_kind\": " << runs
                << ", \"limit\": " << limit << ", \"rows\": [\n";
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        std::cout << "  {\"mode\": \"" << r.mode << "\", \"kind\": \"" << r.kind
                  << "\", \"query\": \"" << json_escape(r.query) << "\", \"n\": " << r.n
                  << ", \"p50_ms\": " << r.p50 << ", \"p90_ms\": " << r.p90
                  << ", \"p99_ms\": " << r.p99 << ", \"mean_ms\": " << r.mean
                  << ", \"max_ms\": " << r.max << ", \"hits_min\": " << r.hits_min
                  << ", \"hits_max\": " << r.hits_max << "}" << (i + 1 < rows.size() ? "," : "")
                  << '\n';
      }
      std::cout << "]}\n";
    } else {
      std::cout << "# documents\t" << docs << "\n";
      std::cout
          << "mode\tkind\tquery\tn\tp50_ms\tp90_ms\tp99_ms\tmean_ms\tmax_ms\thits_min\thits_max\n";
      for (const Row& r : rows) {
        std::cout << r.mode << '\t' << r.kind << '\t' << r.query << '\t' << r.n << '\t' << r.p50
                  << '\t' << r.p90 << '\t' << r.p99 << '\t' << r.mean << '\t' << r.max << '\t'
                  << r.hits_min << '\t' << r.hits_max << '\n';
      }
    }
  } catch (const casebook::Error& e) {
    std::cerr << "bench_search: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "bench_search: Xapian: " << e.get_description() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_search: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

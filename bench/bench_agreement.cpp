// Agreement benchmark (issue 5): inter-coder reliability coefficients on a
// large generated reliability table, and unitized alpha on generated,
// double-coded continua (transcripts) of growing length.
//
//   bench_agreement table    [--units N] [--coders M] [--sizes N1,N2,...] [--runs R]
//                            [--bootstrap B] [--missing P] [--seed S] [--csv PATH]
//   bench_agreement unitized [--mb A,B,C] [--runs R] [--spacing CP] [--seed S]
//
// table: units × coders nominal values (5 categories of unequal frequency;
// each coder gives the unit's "true" category with probability 0.8, else a
// category drawn from the marginal distribution; a cell is missing with
// probability --missing, default 0 so that NLTK's kappa, which needs complete
// data, runs on the same table). Times, on the whole table: Krippendorff's
// alpha (nominal), Fleiss' kappa, Cohen's kappa of each of the coder pairs,
// compute_agreement() with every coefficient (no bootstrap) and alpha with a
// bootstrap interval of --bootstrap samples; reading the table back from the
// CSV (read_reliability_table). With --csv the table is written there first
// (unit,coder1,...; the layout table.hpp reads) for bench/agreement_nltk.py,
// which times NLTK on its first N1, N2, ... units; this program times alpha and
// the pairwise kappas on the same prefixes (--sizes), so the two can be
// compared at equal sizes.
//
// unitized: for each size in MiB (2^20 code points of text per size unit),
// sources (transcripts) of 20 000 to 100 000 code points, two coders, a coded
// stretch starting every --spacing code points on average (default 500),
// 50-450 code points long, one of 20 codes of unequal frequency; each coder
// codes a stretch with probability 0.9, gives its code with probability 0.85
// (else another), moves each boundary by a normal jitter (sd 15 code points),
// and adds a spurious segment in a gap with probability 0.05. Times
// unitized_alphas (uα, |uα, cuα, (k)uα), character_alpha and
// krippendorff_2004 over all sources.
//
// Every timing is a median over --runs runs (small inputs are run in batches
// of at least ~50 ms, the batch time divided by its calls). Output: TSV rows
// whose first column says what they are (meta, table, prefix, unitized);
// bench/report.sh renders them. Nothing is asserted.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/agreement/reliability.hpp"
#include "engine/agreement/table.hpp"
#include "engine/agreement/unitized.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace casebook::agreement;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Seconds per call of f: `runs` timings, each of a batch of calls long
// enough (>= ~50 ms) to time; returns each run's per-call time.
std::vector<double> time_calls(int runs, const std::function<void()>& f) {
  f();  // warm-up; also sizes the batch
  const auto t0 = Clock::now();
  f();
  const double once = seconds_since(t0);
  const long batch = once >= 0.05 ? 1 : static_cast<long>(std::ceil(0.05 / std::max(once, 1e-7)));
  std::vector<double> out;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    for (long i = 0; i < batch; ++i) f();
    out.push_back(seconds_since(start) / batch);
  }
  return out;
}

std::vector<long> parse_list(const std::string& s) {
  std::vector<long> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(std::stol(item));
  }
  return out;
}

double value_of(const Coefficient& c) { return c.value ? *c.value : std::nan(""); }

// ---- the reliability table -------------------------------------------------------

const std::vector<std::string> kLabels = {"a", "b", "c", "d", "e"};
const std::vector<double> kLabelWeights = {0.40, 0.25, 0.15, 0.12, 0.08};

std::vector<double> make_table(std::size_t units, std::size_t coders, double missing,
                               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::discrete_distribution<int> category(kLabelWeights.begin(), kLabelWeights.end());
  std::uniform_real_distribution<double> u01(0, 1);
  std::vector<double> values(units * coders);
  for (std::size_t u = 0; u < units; ++u) {
    const int truth = category(rng);
    for (std::size_t c = 0; c < coders; ++c) {
      double v = u01(rng) < 0.8 ? truth : category(rng);
      if (missing > 0 && u01(rng) < missing) v = std::nan("");
      values[u * coders + c] = v;
    }
  }
  return values;
}

std::vector<std::string> coder_names(std::size_t coders) {
  std::vector<std::string> names;
  for (std::size_t c = 0; c < coders; ++c) names.push_back("coder" + std::to_string(c + 1));
  return names;
}

void write_csv(const std::string& path, const std::vector<double>& values, std::size_t coders) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "unit";
  for (const auto& n : coder_names(coders)) out << ',' << n;
  out << '\n';
  const std::size_t units = values.size() / coders;
  std::string line;
  for (std::size_t u = 0; u < units; ++u) {
    line = "u" + std::to_string(u + 1);
    for (std::size_t c = 0; c < coders; ++c) {
      line += ',';
      const double v = values[u * coders + c];
      if (v == v) line += kLabels[static_cast<std::size_t>(v)];
    }
    line += '\n';
    out << line;
  }
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

// The first `units` units, coders `keep` only.
ReliabilityData slice(const std::vector<double>& values, std::size_t coders, std::size_t units,
                      const std::vector<std::size_t>& keep) {
  std::vector<double> v;
  v.reserve(units * keep.size());
  for (std::size_t u = 0; u < units; ++u) {
    for (std::size_t c : keep) v.push_back(values[u * coders + c]);
  }
  std::vector<std::string> names;
  for (std::size_t c : keep) names.push_back("coder" + std::to_string(c + 1));
  return ReliabilityData(Level::Nominal, names, kLabels, std::move(v));
}

void emit(const char* kind, std::size_t units, std::size_t coders, const std::string& what,
          const std::vector<double>& times, double value) {
  for (std::size_t r = 0; r < times.size(); ++r) {
    std::cout << kind << '\t' << units << '\t' << coders << '\t' << what << '\t' << r + 1 << '\t'
              << times[r] << '\t' << value << '\n';
  }
  std::cout.flush();
  std::cerr << kind << ' ' << units << 'x' << coders << ' ' << what << ": median "
            << median(times) * 1e3 << " ms, value " << value << '\n';
}

// Times the pairwise Cohen's kappas (one ReliabilityData per pair, built
// beforehand, as NLTK's kappa() averages over pairs); the value is their mean.
struct Pairs {
  std::vector<ReliabilityData> data;
};
Pairs make_pairs(const std::vector<double>& values, std::size_t coders, std::size_t units) {
  Pairs p;
  for (std::size_t a = 0; a < coders; ++a) {
    for (std::size_t b = a + 1; b < coders; ++b) p.data.push_back(slice(values, coders, units, {a, b}));
  }
  return p;
}
double mean_kappa(const Pairs& p) {
  double s = 0;
  for (const auto& d : p.data) s += value_of(cohen_kappa(d));
  return s / p.data.size();
}

int run_table(int argc, char** argv) {
  std::size_t units = 1'000'000, coders = 3;
  std::vector<long> sizes;
  int runs = 5;
  std::size_t bootstrap = 1000;
  double missing = 0;
  std::uint64_t seed = 42;
  std::string csv;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--units") units = std::stoul(next());
    else if (a == "--coders") coders = std::stoul(next());
    else if (a == "--sizes") sizes = parse_list(next());
    else if (a == "--runs") runs = std::stoi(next());
    else if (a == "--bootstrap") bootstrap = std::stoul(next());
    else if (a == "--missing") missing = std::stod(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--csv") csv = next();
    else throw std::runtime_error("unknown argument " + a);
  }
  std::cout.precision(9);
  std::cout << "meta\tunits\t" << units << "\nmeta\tcoders\t" << coders << "\nmeta\tcategories\t"
            << kLabels.size() << "\nmeta\tmissing\t" << missing << "\nmeta\tseed\t" << seed
            << "\nmeta\truns\t" << runs << "\nmeta\tbootstrap\t" << bootstrap << '\n';

  auto start = Clock::now();
  const std::vector<double> values = make_table(units, coders, missing, seed);
  std::cout << "meta\tgenerate_s\t" << seconds_since(start) << '\n';
  if (!csv.empty()) {
    start = Clock::now();
    write_csv(csv, values, coders);
    std::cout << "meta\tcsv_bytes\t" << std::filesystem::file_size(csv) << "\nmeta\tcsv_write_s\t"
              << seconds_since(start) << '\n';
  }

  std::vector<std::size_t> all;
  for (std::size_t c = 0; c < coders; ++c) all.push_back(c);
  const ReliabilityData data = slice(values, coders, units, all);

  // The whole table.
  {
    double v = 0;
    auto t = time_calls(runs, [&] { v = value_of(krippendorff_alpha(data, Level::Nominal)); });
    emit("table", units, coders, "alpha_nominal", t, v);
    t = time_calls(runs, [&] { v = value_of(fleiss_kappa(data)); });
    emit("table", units, coders, "fleiss_kappa", t, v);
    const Pairs pairs = make_pairs(values, coders, units);
    t = time_calls(runs, [&] { v = mean_kappa(pairs); });
    emit("table", units, coders, "cohen_kappa_pairs", t, v);
    AgreementOptions options;
    options.bootstrap_samples = 0;
    std::size_t n = 0;
    t = time_calls(runs, [&] { n = compute_agreement(data, options).coefficients.size(); });
    emit("table", units, coders, "compute_agreement", t, static_cast<double>(n));
    if (bootstrap > 0) {
      // One run only when it is long (each sample is one pass over the data).
      const auto probe = Clock::now();
      auto c = krippendorff_alpha(data, Level::Nominal, std::max<std::size_t>(bootstrap / 50, 1), 1, 0.95);
      const double est = seconds_since(probe) * 50;
      const int brun = est > 20 ? 1 : runs;
      std::vector<double> bt;
      for (int r = 0; r < brun; ++r) {
        const auto s = Clock::now();
        c = krippendorff_alpha(data, Level::Nominal, bootstrap, 1, 0.95);
        bt.push_back(seconds_since(s));
      }
      emit("table", units, coders, "alpha_bootstrap", bt, value_of(c));
      if (c.interval) {
        std::cout << "meta\tbootstrap_interval\t" << c.interval->low << " - " << c.interval->high
                  << '\n';
      }
    }
    if (!csv.empty()) {
      TableOptions topt;
      topt.level = Level::Nominal;
      std::vector<double> rt;
      std::size_t got = 0;
      for (int r = 0; r < std::min(runs, 3); ++r) {
        const auto s = Clock::now();
        got = read_reliability_table(csv, topt).unit_count();
        rt.push_back(seconds_since(s));
      }
      emit("table", units, coders, "read_csv", rt, static_cast<double>(got));
    }
  }

  // Prefixes, at the sizes NLTK is timed on.
  for (long n : sizes) {
    // The whole table is timed above; n == units would only repeat it.
    if (n <= 0 || static_cast<std::size_t>(n) >= units) continue;
    const std::size_t un = static_cast<std::size_t>(n);
    const ReliabilityData d = slice(values, coders, un, all);
    const Pairs pairs = make_pairs(values, coders, un);
    double v = 0;
    auto t = time_calls(runs, [&] { v = value_of(krippendorff_alpha(d, Level::Nominal)); });
    emit("prefix", un, coders, "alpha_nominal", t, v);
    t = time_calls(runs, [&] { v = mean_kappa(pairs); });
    emit("prefix", un, coders, "cohen_kappa_pairs", t, v);
  }
  return 0;
}

// ---- unitized continua ---------------------------------------------------------

struct Generated {
  std::vector<Continuum> sources;
  Position length = 0;
  std::size_t segments[2] = {0, 0};
};

Generated make_continua(Position total, double spacing, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<Position> source_len(20'000, 100'000);
  std::uniform_int_distribution<Position> seg_len(50, 450);
  // Gap before a stretch: mean spacing - 250 (the mean stretch length).
  const double mean_gap = std::max(spacing - 250.0, 20.0);
  std::uniform_int_distribution<Position> gap(static_cast<Position>(mean_gap * 0.2),
                                              static_cast<Position>(mean_gap * 1.8));
  std::vector<double> code_weights;
  for (int k = 1; k <= 20; ++k) code_weights.push_back(1.0 / k);
  std::discrete_distribution<int> code(code_weights.begin(), code_weights.end());
  std::uniform_int_distribution<int> any_code(0, 19);
  std::uniform_real_distribution<double> u01(0, 1);
  std::normal_distribution<double> jitter(0, 15);
  auto jit = [&] { return static_cast<Position>(std::lround(jitter(rng))); };

  Generated g;
  while (g.length < total) {
    Continuum src;
    src.length = std::min(source_len(rng), total - g.length);
    src.coders.resize(2);
    Position prev_end[2] = {0, 0};
    Position p = 0;
    while (true) {
      const Position gap_start = p;
      p += gap(rng);
      const Position len = seg_len(rng);
      if (p + len > src.length) break;
      const int truth = code(rng);
      for (int c = 0; c < 2; ++c) {
        auto& segs = src.coders[c];
        // A spurious stretch in the gap before.
        if (u01(rng) < 0.05 && p - gap_start > 60) {
          const Position s = std::max(gap_start + 10, prev_end[c]);
          const Position e = std::min(s + 40, p - 10);
          if (e > s) {
            segs.push_back({s, e, any_code(rng)});
            prev_end[c] = e;
          }
        }
        if (u01(rng) >= 0.9) continue;  // this coder misses the stretch
        int value = truth;
        if (u01(rng) >= 0.85) {
          do value = any_code(rng); while (value == truth);
        }
        const Position s = std::max(p + jit(), prev_end[c]);
        const Position e = std::min(p + len + jit(), src.length);
        if (e - s < 1) continue;
        segs.push_back({s, e, value});
        prev_end[c] = e;
      }
      p += len;
    }
    g.length += src.length;
    g.segments[0] += src.coders[0].size();
    g.segments[1] += src.coders[1].size();
    g.sources.push_back(std::move(src));
  }
  return g;
}

int run_unitized(int argc, char** argv) {
  std::vector<long> mbs = {25, 50, 100};
  int runs = 5;
  double spacing = 500;
  std::uint64_t seed = 42;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--mb") mbs = parse_list(next());
    else if (a == "--runs") runs = std::stoi(next());
    else if (a == "--spacing") spacing = std::stod(next());
    else if (a == "--seed") seed = std::stoull(next());
    else throw std::runtime_error("unknown argument " + a);
  }
  std::cout.precision(9);
  std::cout << "meta\tspacing\t" << spacing << "\nmeta\tseed\t" << seed << "\nmeta\truns\t" << runs
            << '\n';
  for (long mb : mbs) {
    const auto start = Clock::now();
    const Generated g = make_continua(static_cast<Position>(mb) << 20, spacing, seed);
    const double gen_s = seconds_since(start);
    std::cout << "continua\t" << mb << '\t' << g.length << '\t' << g.sources.size() << '\t'
              << g.segments[0] << '\t' << g.segments[1] << '\t' << gen_s << '\n';
    auto emit_u = [&](const std::string& what, const std::vector<double>& t, double value) {
      for (std::size_t r = 0; r < t.size(); ++r) {
        std::cout << "unitized\t" << mb << '\t' << g.length << '\t' << what << '\t' << r + 1 << '\t'
                  << t[r] << '\t' << value << '\n';
      }
      std::cout.flush();
      std::cerr << "unitized " << mb << " MiB " << what << ": median " << median(t) * 1e3
                << " ms, value " << value << '\n';
    };
    double v = 0;
    auto t = time_calls(runs, [&] { v = unitized_alphas(g.sources).u.alpha; });
    emit_u("unitized_alphas", t, v);
    {
      const UnitizedAlphas ua = unitized_alphas(g.sources);
      std::cout << "alphas\t" << mb << "\tu\t" << ua.u.alpha << "\nalphas\t" << mb << "\tbinary\t"
                << ua.binary.alpha << "\nalphas\t" << mb << "\tcoding\t" << ua.coding.alpha << '\n';
    }
    t = time_calls(runs, [&] { v = character_alpha(g.sources).alpha.alpha; });
    emit_u("character_alpha", t, v);
    t = time_calls(runs, [&] { v = krippendorff_2004(g.sources).combined.alpha; });
    emit_u("krippendorff_2004", t, v);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "table") return run_table(argc, argv);
    if (mode == "unitized") return run_unitized(argc, argv);
    std::cerr << "usage: bench_agreement table|unitized [options] (see the top of "
                 "bench/bench_agreement.cpp)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bench_agreement: " << e.what() << '\n';
    return 1;
  }
}

// Deterministic generator of a prose-like English corpus for the benchmarks.
//
//   gen_corpus OUT_DIR TOTAL_MB SEED [--passages N] [--para MIN-MAX] [--dirs N]
//              [--file-kb MIN-MAX]
//
// Writes OUT_DIR/dir-00 ... dir-NN/fNNNNNN.txt (plain text, UTF-8), files of
// 50-200 KB spread round-robin over the directories, paragraphs (= passages)
// of MIN-MAX sentences separated by blank lines, sentences of 8-30 words with
// a capital and a full stop. Stops at TOTAL_MB MiB of text, or after N
// paragraphs with --passages (TOTAL_MB 0 = no size limit). Also writes
// OUT_DIR/cases.csv (id,outcome for cases A-M) and OUT_DIR/layout.tsv (one
// line per directory: dir, case, type, files, bytes, paragraphs) and prints a
// summary as key=value lines on stdout (files, bytes, paragraphs, ...).
//
// Reproducible: everything comes from splitmix64 and integer arithmetic (no
// std::random distributions, no floating point in sampling), so the same
// arguments give byte-identical output on every platform and library version.

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_layout.hpp"

namespace fs = std::filesystem;
using namespace casebook::bench;

namespace {

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (modulo bias is negligible and, above all, deterministic).
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + next() % (hi - lo + 1); }
  // True with probability num/den.
  bool chance(std::uint64_t num, std::uint64_t den) { return next() % den < num; }
};

// The most frequent English words, most frequent first (ranks 0..).
constexpr std::string_view kFunctionWords[] = {
    "the",    "of",     "and",   "to",      "a",       "in",      "that",    "is",     "for",
    "it",     "as",     "was",   "with",    "be",      "by",      "on",      "not",    "this",
    "are",    "or",     "from",  "at",      "which",   "but",     "have",    "an",     "had",
    "they",   "we",     "were",  "their",   "there",   "been",    "has",     "would",  "will",
    "all",    "if",     "can",   "more",    "when",    "who",     "so",      "no",     "its",
    "also",   "into",   "than",  "them",    "only",    "our",     "other",   "some",   "these",
    "may",    "about",  "could", "any",     "should",  "what",    "such",    "over",   "after",
    "most",   "those",  "each",  "between", "under",   "while",   "where",   "both",   "through",
    "before", "being",  "same",  "because", "against", "within",  "without", "during", "very",
    "then",   "new",    "said",  "people",  "time",    "year",    "years",   "work",   "way",
    "part",   "much",   "made",  "first",   "well",    "still",   "need",    "make",   "take",
    "point",  "think",  "now",   "just",    "there",   "however", "local",   "public", "further",
    "given",  "number", "level", "whether",
};

// Common content words mixed in among the domain words.
constexpr std::string_view kCommonWords[] = {
    "question",    "issue",      "problem",  "change",     "support",   "view",      "group",
    "area",        "result",     "position", "period",     "account",   "example",   "evidence",
    "information", "experience", "agreed",   "noted",      "raised",    "discussed", "explained",
    "suggested",   "argued",     "felt",     "concern",    "concerns",  "original",  "current",
    "previous",    "future",     "early",    "late",       "difficult", "important", "clear",
    "significant", "different",  "possible", "particular", "political", "financial", "operational",
    "practical",   "formal",     "informal", "senior",     "junior",    "external",  "internal",
    "national",    "regional",   "annual",   "monthly",    "weekly",    "always",    "never",
    "often",       "sometimes",  "already",  "again",      "together",  "across",    "around",
};

// Pseudo-words for the long tail of the vocabulary, built from syllables.
std::string pseudo_word(SplitMix64& rng) {
  static constexpr std::string_view kOnsets[] = {
      "b", "c", "d",  "f",  "g",  "h",  "l",  "m",  "n",  "p",  "r",  "s",  "t",
      "v", "w", "br", "cr", "dr", "gr", "pr", "st", "tr", "ch", "sh", "th", "pl"};
  static constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "ea", "ou", "ai", "io"};
  static constexpr std::string_view kCodas[] = {"",  "",   "",   "n",  "r",  "s",  "t",
                                                "l", "nd", "st", "rt", "ng", "ck", "m"};
  static constexpr std::string_view kSuffixes[] = {
      "", "", "", "", "ing", "ed", "s", "tion", "ment", "ness", "al", "ly", "er", "ity"};
  std::string w;
  const std::uint64_t syllables = rng.between(1, 3);
  for (std::uint64_t i = 0; i < syllables; ++i) {
    w += kOnsets[rng.next() % std::size(kOnsets)];
    w += kVowels[rng.next() % std::size(kVowels)];
    w += kCodas[rng.next() % std::size(kCodas)];
  }
  w += kSuffixes[rng.next() % std::size(kSuffixes)];
  return w;
}

// A vocabulary with Zipf-like frequencies, weight(rank) = K / (rank + 3) *
// 3000 / (rank + 3000), in integers. The word list itself does not depend on the corpus seed.
class Vocabulary {
 public:
  explicit Vocabulary(std::size_t tail_words) {
    for (auto w : kFunctionWords) add(std::string(w));
    // Domain and common words interleaved: two domain words, one common word.
    std::size_t d = 0, c = 0;
    while (d < std::size(kDomainWords) || c < std::size(kCommonWords)) {
      for (int k = 0; k < 2 && d < std::size(kDomainWords); ++k)
        add(std::string(kDomainWords[d++]));
      if (c < std::size(kCommonWords)) add(std::string(kCommonWords[c++]));
    }
    SplitMix64 rng{0x5EED0F7A11ULL};  // fixed: the vocabulary is part of the benchmark
    while (words_.size() < std::size(kFunctionWords) + std::size(kDomainWords) +
                               std::size(kCommonWords) + tail_words) {
      add(pseudo_word(rng));
    }
    std::uint64_t total = 0;
    for (std::size_t rank = 0; rank < words_.size(); ++rank) {
      // Zipf (exponent 1) at the head, steeper in the tail, so that, as in
      // English, the top 100 words make up about half of all tokens.
      total += (std::uint64_t{1} << 40) / (rank + 3) * 3000 / (rank + 3000);
      cumulative_.push_back(total);
    }
  }

  const std::string& sample(SplitMix64& rng) const {
    const std::uint64_t u = rng.next() % cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return words_[static_cast<std::size_t>(it - cumulative_.begin())];
  }
  std::size_t size() const { return words_.size(); }

 private:
  void add(std::string w) {
    // Pseudo-words may repeat or collide with real words: keep the first, so
    // each word has exactly one rank.
    if (!seen_.insert(w).second) return;
    words_.push_back(std::move(w));
  }
  std::vector<std::string> words_;
  std::set<std::string> seen_;
  std::vector<std::uint64_t> cumulative_;
};

struct Options {
  fs::path out;
  std::uint64_t total_bytes = 0;  // 0: no limit
  std::uint64_t seed = 0;
  std::uint64_t passages = 0;  // 0: no limit
  std::uint64_t para_min = 2, para_max = 6;
  std::uint64_t dirs = 13;
  std::uint64_t file_min = 50 << 10, file_max = 200 << 10;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "gen_corpus: " << why << "\n"
            << "usage: gen_corpus OUT_DIR TOTAL_MB SEED [--passages N] [--para MIN-MAX]"
               " [--dirs N] [--file-kb MIN-MAX]\n";
  std::exit(2);
}

std::uint64_t parse_u64(const std::string& s, const char* what) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0) usage(std::string("bad ") + what + ": " + s);
  return v;
}

std::pair<std::uint64_t, std::uint64_t> parse_range(const std::string& s, const char* what) {
  const auto dash = s.find('-');
  if (dash == std::string::npos) usage(std::string("bad ") + what + " (want MIN-MAX): " + s);
  auto lo = parse_u64(s.substr(0, dash), what), hi = parse_u64(s.substr(dash + 1), what);
  if (lo == 0 || hi < lo) usage(std::string("bad ") + what + " range: " + s);
  return {lo, hi};
}

Options parse_args(int argc, char** argv) {
  std::vector<std::string> pos;
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value for " + a);
      return argv[++i];
    };
    if (a == "--passages") {
      o.passages = parse_u64(value(), "--passages");
    } else if (a == "--para") {
      std::tie(o.para_min, o.para_max) = parse_range(value(), "--para");
    } else if (a == "--dirs") {
      o.dirs = parse_u64(value(), "--dirs");
      if (o.dirs == 0) usage("--dirs must be at least 1");
    } else if (a == "--file-kb") {
      auto [lo, hi] = parse_range(value(), "--file-kb");
      o.file_min = lo << 10;
      o.file_max = hi << 10;
    } else if (a == "-h" || a == "--help") {
      usage("help");
    } else if (!a.empty() && a[0] == '-') {
      usage("unknown option " + a);
    } else {
      pos.push_back(a);
    }
  }
  if (pos.size() != 3) usage("expected OUT_DIR TOTAL_MB SEED");
  o.out = pos[0];
  o.total_bytes = parse_u64(pos[1], "TOTAL_MB") << 20;
  o.seed = parse_u64(pos[2], "SEED");
  if (o.total_bytes == 0 && o.passages == 0) usage("give TOTAL_MB > 0 or --passages N");
  return o;
}

class Writer {
 public:
  Writer(const Options& o, const Vocabulary& vocab)
      : o_(o), vocab_(vocab), rng_{o.seed * 0x2545F4914F6CDD1DULL + 1} {}

  void run() {
    fs::create_directories(o_.out);
    stats_.resize(o_.dirs);
    for (std::uint64_t d = 0; d < o_.dirs; ++d) fs::create_directories(o_.out / dir_name(d));
    std::string file;
    while (!done()) {
      const std::uint64_t target = rng_.between(o_.file_min, o_.file_max);
      const bool wrapped = rng_.chance(1, 3);  // hard-wrapped lines, as in minutes
      file.clear();
      std::uint64_t file_paragraphs = 0;
      while (file.size() < target && !done_with(file.size())) {
        if (!file.empty()) file += "\n\n";
        paragraph(file, wrapped);
        ++file_paragraphs;
        ++paragraphs_;
      }
      file += '\n';
      const std::uint64_t dir = files_ % o_.dirs;
      char name[32];
      std::snprintf(name, sizeof name, "f%06llu.txt", static_cast<unsigned long long>(files_));
      write_file(o_.out / dir_name(dir) / name, file);
      stats_[dir].files += 1;
      stats_[dir].bytes += file.size();
      stats_[dir].paragraphs += file_paragraphs;
      bytes_ += file.size();
      ++files_;
    }
    write_side_files();
    std::cout << "files=" << files_ << "\nbytes=" << bytes_ << "\nparagraphs=" << paragraphs_
              << "\nsentences=" << sentences_ << "\nwords=" << words_
              << "\nvocabulary=" << vocab_.size() << "\ndirs=" << o_.dirs << "\nseed=" << o_.seed
              << "\ncorpus_version=" << kCorpusVersion << '\n';
  }

 private:
  struct DirStats {
    std::uint64_t files = 0, bytes = 0, paragraphs = 0;
  };

  bool done() const {
    return (o_.total_bytes && bytes_ >= o_.total_bytes) ||
           (o_.passages && paragraphs_ >= o_.passages);
  }
  // Stop mid-file once the limits are reached.
  bool done_with(std::uint64_t pending_bytes) const {
    return (o_.total_bytes && bytes_ + pending_bytes >= o_.total_bytes) ||
           (o_.passages && paragraphs_ >= o_.passages);
  }

  void paragraph(std::string& out, bool wrapped) {
    const std::uint64_t n = rng_.between(o_.para_min, o_.para_max);
    const std::size_t start = out.size();
    for (std::uint64_t s = 0; s < n; ++s) {
      if (s > 0) out += ' ';
      sentence(out);
      ++sentences_;
    }
    if (!wrapped) return;
    // Hard-wrap at 76 columns: turn the last space that fits into a line break.
    std::size_t line_start = start, last_space = std::string::npos;
    for (std::size_t i = start; i < out.size(); ++i) {
      if (out[i] == ' ') last_space = i;
      if (i - line_start >= 76 && last_space != std::string::npos && last_space > line_start) {
        out[last_space] = '\n';
        line_start = last_space + 1;
        last_space = std::string::npos;
      }
    }
  }

  void sentence(std::string& s) {
    const std::size_t first = s.size();
    const std::uint64_t target = rng_.between(8, 30);
    std::uint64_t n = 0;
    while (n < target) {
      if (n > 0) s += ' ';
      const std::uint64_t roll = rng_.next() % 1000;
      if (roll < 25) {  // collocation
        const auto c = kCollocations[rng_.next() % std::size(kCollocations)];
        s += c;
        n += 1 + static_cast<std::uint64_t>(std::count(c.begin(), c.end(), ' '));
      } else if (roll < 35) {  // a name
        const auto c = kNames[rng_.next() % std::size(kNames)];
        s += c;
        n += 1 + static_cast<std::uint64_t>(std::count(c.begin(), c.end(), ' '));
      } else if (roll < 41) {  // a figure, sometimes in pounds (non-ASCII)
        const std::uint64_t kind = rng_.next() % 3;
        if (kind == 0) {
          s += "\xC2\xA3" + std::to_string(rng_.between(1, 99)) + "." +
               std::to_string(rng_.between(0, 9)) + "m";
        } else if (kind == 1) {
          s += std::to_string(rng_.between(1995, 2024));
        } else {
          s += std::to_string(rng_.between(1, 99)) + "%";
        }
        ++n;
      } else {
        s += vocab_.sample(rng_);
        ++n;
      }
      words_ += 1;
      if (n < target && rng_.chance(1, 14)) s += ',';
      if (n < target && rng_.chance(1, 400)) s += " \xE2\x80\x93";  // en dash
    }
    // A capital at the start (the first byte is ASCII or the pound sign).
    if (s[first] >= 'a' && s[first] <= 'z') s[first] = static_cast<char>(s[first] - 'a' + 'A');
    if (s.back() == ',') s.pop_back();
    s += rng_.chance(1, 25) ? '?' : '.';
  }

  void write_file(const fs::path& path, const std::string& data) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(data.data(), 1, data.size(), f) != data.size() || std::fclose(f) != 0) {
      std::cerr << "gen_corpus: cannot write " << path << ": " << std::strerror(errno) << '\n';
      std::exit(1);
    }
  }

  void write_side_files() {
    std::ofstream cases(o_.out / "cases.csv");
    cases << "id,outcome\n";
    for (std::size_t i = 0; i < kCaseIds.size(); ++i) {
      cases << kCaseIds[i] << ',' << outcome_of_case(i) << '\n';
    }
    std::ofstream layout(o_.out / "layout.tsv");
    layout << "dir\tcase\ttype\tfiles\tbytes\tparagraphs\n";
    for (std::uint64_t d = 0; d < o_.dirs; ++d) {
      layout << dir_name(d) << '\t' << case_of_dir(d) << '\t' << type_of_dir(d) << '\t'
             << stats_[d].files << '\t' << stats_[d].bytes << '\t' << stats_[d].paragraphs << '\n';
    }
    if (!cases || !layout) {
      std::cerr << "gen_corpus: cannot write cases.csv / layout.tsv in " << o_.out << '\n';
      std::exit(1);
    }
  }

  const Options& o_;
  const Vocabulary& vocab_;
  SplitMix64 rng_;
  std::vector<DirStats> stats_;
  std::uint64_t files_ = 0, bytes_ = 0, paragraphs_ = 0, sentences_ = 0, words_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  const Vocabulary vocab(30000);
  Writer(options, vocab).run();
  return 0;
}

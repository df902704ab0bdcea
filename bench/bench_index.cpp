// Where indexing time goes: the passages of a generated corpus indexed in
// several ways, in one process, without the store, so each variant's cost
// can be compared with the engine's own IndexWriter.
//
//   bench_index CORPUS_DIR WORK_DIR [--mb N] [--flush-mb N] [--variants a,b,...]
//
// Reads up to N MiB (default 20) of the corpus's .txt files (sorted by path),
// splits them into paragraphs as the plain-text importer does, and then, for
// each variant, indexes all passages into a fresh Xapian database under
// WORK_DIR, committing every --flush-mb MiB of text (default 8, as
// CASEBOOK_INDEX_FLUSH_MB), and reports wall and CPU time, MB/s (per wall and
// per CPU second) and passages/s as TSV.
// XAPIAN_FLUSH_THRESHOLD in the environment applies as usual.
//
// Variants:
//   words      ICU word segmentation only (Segmenter::words)
//   terms      + NFKC_Casefold of each word (TermMaker::exact_term)
//   stems      + the stemmed term of each (TermMaker::indexed_stem, as the
//              engine indexes it: cached, none for words that are their own stem)
//   docs       + building the Xapian::Document the engine builds (not stored)
//   writer     the engine: index::IndexWriter::add_passage and commit
//   add        the same document through Xapian directly (add_document), with
//              commit time measured separately (commit_s)
//   allstems   add, with a "Z" term for every word, own stems included
//   docid      add, but replace_document(passage id as docid, doc)
//   nopos      add, but exact terms without positions (no phrase/NEAR search)
//   nostem     add, but without the stemmed "Z" terms
//   exactonly  add, no stemmed terms and no positions (a lower bound)
//   notermlist add, database created with Xapian::DB_NO_TERMLIST (no per-document
//              term lists: cheaper, but documents can then not be replaced or
//              deleted efficiently)
//   nosync     add, database opened with Xapian::DB_NO_SYNC (commits without fsync)
//   persource  one document per source file instead of per passage (passages as
//              position ranges with gaps; what passage-aware indexing would cost)

#include <time.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_layout.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/terms.hpp"
#include "engine/index/writer.hpp"
#include "engine/text/offsets.hpp"
#include "engine/text/segment.hpp"

namespace fs = std::filesystem;
using namespace casebook;
using Clock = std::chrono::steady_clock;

namespace {

struct Passage {
  std::int64_t id;
  std::int64_t source_id;
  std::size_t dir;
  std::string text;
};

// CPU time of this process: less disturbed than wall time by other work on
// a shared machine.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr
      << "bench_index: " << why << "\n"
      << "usage: bench_index CORPUS_DIR WORK_DIR [--mb N] [--flush-mb N] [--variants a,b,...]\n";
  std::exit(2);
}

std::vector<Passage> load(const fs::path& corpus, std::uint64_t max_bytes, std::uint64_t& bytes) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Passage> out;
  bytes = 0;
  std::int64_t source = 0;
  for (const auto& f : files) {
    if (bytes >= max_bytes) break;
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    bytes += text.size();
    ++source;
    const std::string dir_name = f.parent_path().filename().string();
    const std::size_t dir = dir_name.rfind("dir-", 0) == 0 ? std::stoul(dir_name.substr(4)) : 0;
    const text::OffsetMap offsets(text);
    for (const text::Span& span : text::paragraphs(text)) {
      out.push_back({static_cast<std::int64_t>(out.size() + 1), source, dir,
                     std::string(offsets.slice(span))});
    }
  }
  return out;
}

enum class Write { Add, DocId };

struct Shape {
  bool positions = true;
  bool stems = true;
  bool all_stems = false;  // a Z term even for words that are their own stem
};

// Adds the words of `text` to `doc` as IndexWriter::add_passage does, at
// positions after `pos` (which is left at the last one).
void add_words(Xapian::Document& doc, std::string_view text, text::Segmenter& seg,
               const index::TermMaker& terms, Shape shape, Xapian::termpos& pos) {
  seg.words(text, [&](const text::WordToken& w) {
    std::string exact = terms.exact_term(w.bytes);
    ++pos;
    if (exact.empty()) return;
    if (shape.positions) {
      doc.add_posting(exact, pos);
    } else {
      doc.add_term(exact);
    }
    if (shape.all_stems) {
      doc.add_term(terms.stemmed_term(exact));
    } else if (shape.stems) {
      std::string stemmed = terms.indexed_stem(exact);
      if (!stemmed.empty()) doc.add_term(stemmed);
    }
  });
}

void add_source_terms(Xapian::Document& doc, const Passage& p) {
  doc.add_boolean_term(index::source_id_term(p.source_id));
  doc.add_boolean_term(index::filter_term("source", "Doc-" + std::to_string(p.source_id)));
  doc.add_boolean_term(index::filter_term("type", bench::type_of_dir(p.dir)));
  doc.add_boolean_term(index::filter_term("case", bench::case_of_dir(p.dir)));
  doc.add_boolean_term(
      index::filter_term("outcome", bench::outcome_of_case(p.dir % bench::kCaseIds.size())));
}

// The document IndexWriter::add_passage builds (same terms, same order).
Xapian::Document make_doc(const Passage& p, text::Segmenter& seg, const index::TermMaker& terms,
                          Shape shape) {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  add_words(doc, p.text, seg, terms, shape, pos);
  doc.add_boolean_term(index::passage_id_term(p.id));
  add_source_terms(doc, p);
  doc.set_data(std::to_string(p.id));
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> pos;
  std::uint64_t max_mb = 20, flush_mb = 8;
  std::vector<std::string> variants = {"words", "terms",    "stems", "docs",   "writer",
                                       "add",   "allstems", "nopos", "nostem", "exactonly"};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value for " + a);
      return argv[++i];
    };
    if (a == "--mb") {
      max_mb = std::stoull(value());
    } else if (a == "--flush-mb") {
      flush_mb = std::stoull(value());
    } else if (a == "--variants") {
      variants.clear();
      std::stringstream ss(value());
      for (std::string v; std::getline(ss, v, ',');) variants.push_back(v);
    } else if (!a.empty() && a[0] == '-') {
      usage("unknown option " + a);
    } else {
      pos.push_back(a);
    }
  }
  if (pos.size() != 2) usage("expected CORPUS_DIR WORK_DIR");
  const fs::path work = pos[1];

  try {
    std::uint64_t bytes = 0;
    const std::vector<Passage> passages = load(pos[0], max_mb << 20, bytes);
    std::uint64_t passage_bytes = 0;
    for (const auto& p : passages) passage_bytes += p.text.size();
    const double mb = static_cast<double>(bytes) / (1 << 20);
    std::cout << "# corpus\t" << pos[0] << "\tfile_mb\t" << mb << "\tpassages\t" << passages.size()
              << "\tflush_mb\t" << flush_mb << "\txapian_flush_threshold\t"
              << (std::getenv("XAPIAN_FLUSH_THRESHOLD") ? std::getenv("XAPIAN_FLUSH_THRESHOLD")
                                                        : "default")
              << "\n";
    std::cout
        << "variant\twall_s\tcpu_s\tmb_per_s\tmb_per_cpu_s\tpassages_per_s\tdb_mb\tcommit_s\n";

    text::Segmenter seg;
    index::TermMaker terms;
    const std::size_t flush_bytes = static_cast<std::size_t>(flush_mb) << 20;
    for (const std::string& v : variants) {
      const fs::path db_dir = work / ("bench-index-" + v);
      fs::remove_all(db_dir);
      std::size_t sink = 0;
      double commit_s = 0;  // inside explicit commits (Xapian's own flushes are not seen)
      auto timed_commit = [&commit_s](Xapian::WritableDatabase& db) {
        const auto c0 = Clock::now();
        db.commit();
        commit_s += std::chrono::duration<double>(Clock::now() - c0).count();
      };
      const auto start = Clock::now();
      const double cpu_start = cpu_seconds();
      if (v == "words" || v == "terms" || v == "stems") {
        for (const auto& p : passages) {
          seg.words(p.text, [&](const text::WordToken& w) {
            if (v == "words") {
              sink += w.bytes.size();
              return;
            }
            std::string exact = terms.exact_term(w.bytes);
            sink += exact.size();
            if (v == "stems") sink += terms.indexed_stem(exact).size();
          });
        }
      } else if (v == "docs") {
        for (const auto& p : passages) sink += make_doc(p, seg, terms, Shape{}).termlist_count();
      } else if (v == "writer") {
        index::IndexWriter writer(db_dir);
        for (const auto& p : passages) {
          index::PassageDoc doc;
          doc.passage_id = p.id;
          doc.source_id = p.source_id;
          doc.text = p.text;
          doc.source_label = "Doc-" + std::to_string(p.source_id);
          doc.type = std::string(bench::type_of_dir(p.dir));
          doc.cases = {std::string(bench::case_of_dir(p.dir))};
          doc.outcomes = {std::string(bench::outcome_of_case(p.dir % bench::kCaseIds.size()))};
          writer.add_passage(doc);
          if (writer.uncommitted_bytes() >= flush_bytes) writer.commit();
        }
        writer.commit();
      } else if (v == "add" || v == "allstems" || v == "docid" || v == "nopos" || v == "nostem" ||
                 v == "exactonly" || v == "notermlist" || v == "nosync") {
        int flags = Xapian::DB_CREATE_OR_OPEN;
        if (v == "notermlist") flags |= Xapian::DB_NO_TERMLIST;
        if (v == "nosync") flags |= Xapian::DB_NO_SYNC;
        Xapian::WritableDatabase db(db_dir.string(), flags);
        Shape shape;
        shape.positions = !(v == "nopos" || v == "exactonly");
        shape.stems = !(v == "nostem" || v == "exactonly");
        shape.all_stems = v == "allstems";
        std::size_t pending = 0;
        for (const auto& p : passages) {
          Xapian::Document doc = make_doc(p, seg, terms, shape);
          if (v == "docid") {
            db.replace_document(static_cast<Xapian::docid>(p.id), doc);
          } else {
            db.add_document(doc);
          }
          pending += p.text.size();
          if (pending >= flush_bytes) {
            timed_commit(db);
            pending = 0;
          }
        }
        timed_commit(db);
      } else if (v == "persource") {
        // One document per source, its passages' words at increasing
        // positions with a gap between passages (so no phrase or NEAR spans
        // two), and each passage's first position kept in a value: what
        // passage-aware indexing would write, to see what one document per
        // passage costs.
        constexpr Xapian::termpos kPassageGap = 1000;
        Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE_OR_OPEN);
        std::size_t pending = 0;
        for (std::size_t i = 0; i < passages.size();) {
          const Passage& first = passages[i];
          Xapian::Document doc;
          Xapian::termpos pos = 0;
          std::string starts;
          for (; i < passages.size() && passages[i].source_id == first.source_id; ++i) {
            pos += kPassageGap;
            starts += std::to_string(pos) + ' ';
            add_words(doc, passages[i].text, seg, terms, Shape{}, pos);
            pending += passages[i].text.size();
          }
          add_source_terms(doc, first);
          doc.add_value(0, starts);
          db.add_document(doc);
          if (pending >= flush_bytes) {
            timed_commit(db);
            pending = 0;
          }
        }
        timed_commit(db);
      } else {
        usage("unknown variant " + v);
      }
      const double s = std::chrono::duration<double>(Clock::now() - start).count();
      const double cpu = cpu_seconds() - cpu_start;
      std::uintmax_t db_bytes = 0;
      if (fs::exists(db_dir)) {
        for (const auto& e : fs::recursive_directory_iterator(db_dir)) {
          if (e.is_regular_file()) db_bytes += e.file_size();
        }
        fs::remove_all(db_dir);
      }
      std::printf("%s\t%.3f\t%.3f\t%.2f\t%.2f\t%.0f\t%.1f\t%.3f\n", v.c_str(), s, cpu, mb / s,
                  mb / cpu, static_cast<double>(passages.size()) / s,
                  static_cast<double>(db_bytes) / (1 << 20), commit_s);
      std::fflush(stdout);
      if (sink == 1) std::cerr << "";
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "bench_index: Xapian: " << e.get_description() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_index: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

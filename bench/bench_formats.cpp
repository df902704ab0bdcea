// Import throughput per format: the importer alone (Importer::import_all on
// bytes already in memory: no store, no index, no disk reads), so each
// format's parsing cost can be compared and regressions found.
//
//   bench_formats [--quick] [--mb N] [--repeats N] [--testdata DIR]
//
// Inputs:
//   * text, markdown, html, webvtt, srt, survey (CSV): documents of --mb MiB
//     (default 4; --quick 1) generated here from a fixed seed;
//   * docx, odt: packages built in memory with libzip from generated
//     paragraphs (the same size of text);
//   * pdf: the multi-page PDFs of the shared test data (DIR/pdf/...,
//     default $CASEBOOK_TESTDATA or ../shared/testdata), in pages/s, with
//     `pdftotext` run on the same files in the same run, interleaved with the
//     imports, as the reference: the ratio casebook / pdftotext time is the
//     PDF importer's cost over the text a user would get from pdftotext
//     alone (target <= 1.3). The reference is plain text output (-enc UTF-8
//     -eol unix); the importer asks pdftotext for its layout
//     (-bbox-layout) to find paragraphs, which costs pdftotext itself more,
//     and that cost is part of the ratio.
//
// Every measurement is the median (and the minimum: less disturbed by other
// work on a shared machine) of --repeats runs (default 5; --quick 3) after
// one untimed warm-up run. Formats whose importer is not in the format table
// of this build are reported as "not available", so the benchmark builds
// and runs against whatever exists. Output: TSV on stdout (one row per
// measurement, '#' lines for the run's parameters), a summary on stderr.
// Rows "pdf-ratio" (per file and "all") hold casebook's median in median_s,
// pdftotext's median in min_s and casebook / pdftotext in rate; rows
// "pdf-total" and "pdftotext-total" sum the per-file medians.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/importer.hpp"

extern char** environ;

namespace fs = std::filesystem;
namespace ci = casebook::importers;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t kSeed = 42;

struct Options {
  bool quick = false;
  double mb = 4;
  int repeats = 5;
  fs::path testdata;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "bench_formats: " << why << "\n"
            << "usage: bench_formats [--quick] [--mb N] [--repeats N] [--testdata DIR]\n";
  std::exit(2);
}

fs::path default_testdata() {
  if (const char* env = std::getenv("CASEBOOK_TESTDATA")) return env;
  return "../shared/testdata";
}

Options parse_args(int argc, char** argv) {
  Options options;
  std::optional<double> mb;
  std::optional<int> repeats;
  options.testdata = default_testdata();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--quick") {
      options.quick = true;
    } else if (arg == "--mb") {
      mb = std::atof(value().c_str());
      if (*mb <= 0) usage("--mb must be positive");
    } else if (arg == "--repeats") {
      repeats = std::atoi(value().c_str());
      if (*repeats < 1) usage("--repeats must be at least 1");
    } else if (arg == "--testdata") {
      options.testdata = value();
    } else {
      usage("unknown argument " + arg);
    }
  }
  options.mb = mb.value_or(options.quick ? 1.0 : 4.0);
  options.repeats = repeats.value_or(options.quick ? 3 : 5);
  return options;
}

// ---- generated prose ----------------------------------------------------------

// SplitMix64: tiny, fast and the same on every platform (unlike std::
// distributions), so the inputs are identical from run to run.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// Council-paper vocabulary, with a few non-ASCII words so the UTF-8 and NFC
// paths are exercised as they are by real documents.
const std::vector<std::string> kWords = {
    "the",         "council",  "merger",       "shared",    "services", "staff",    "budget",
    "committee",   "report",   "officers",     "members",   "agreed",   "proposal", "savings",
    "of",          "and",      "to",           "in",        "a",        "was",      "for",
    "housing",     "planning", "consultation", "residents", "café",     "naïve",    "coöperation",
    "partnership", "review",   "decision",     "would",     "that",     "with",     "district",
    "county",      "board",    "programme",    "€2m",       "£400,000", "Müller",   "transition",
    "governance",  "risk",     "delivery",     "2019",      "on",       "by",       "options"};

class Prose {
 public:
  explicit Prose(std::uint64_t seed) : rng_(seed) {}

  std::string sentence() {
    const std::size_t words = 6 + rng_.below(18);
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
      std::string word = kWords[rng_.below(kWords.size())];
      if (i == 0 && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
      out += (i == 0 ? "" : " ") + word;
    }
    return out + ".";
  }

  std::string paragraph() {
    const std::size_t sentences = 2 + rng_.below(5);
    std::string out;
    for (std::size_t i = 0; i < sentences; ++i) out += (i == 0 ? "" : " ") + sentence();
    return out;
  }

  std::string words(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
      out += (i == 0 ? "" : " ") + kWords[rng_.below(kWords.size())];
    return out;
  }

  std::size_t below(std::size_t n) { return rng_.below(n); }

 private:
  Rng rng_;
};

// XML text escaping, for the generated paragraphs (they hold no markup
// characters, but "&" in a vocabulary change must not break the packages).
std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// Calls `add(i)` until the output reaches `bytes`.
std::string grow(std::size_t bytes, std::string head,
                 const std::function<std::string(std::size_t)>& add, const std::string& tail = {}) {
  std::string out = std::move(head);
  for (std::size_t i = 0; out.size() < bytes; ++i) out += add(i);
  return out + tail;
}

std::string gen_text(std::size_t bytes) {
  Prose p(kSeed);
  return grow(bytes, "", [&](std::size_t) { return p.paragraph() + "\n\n"; });
}

std::string gen_markdown(std::size_t bytes) {
  Prose p(kSeed + 1);
  return grow(bytes, "---\ntitle: Generated minutes\ndate: 2023-06-20\n---\n", [&](std::size_t i) {
    if (i % 12 == 0) return "# " + p.words(4) + "\n\n";
    if (i % 12 == 5) return "## " + p.words(5) + "\n\n";
    if (i % 12 == 8) return "- " + p.sentence() + "\n- *" + p.sentence() + "*\n\n";
    return p.paragraph() + " **" + p.words(2) + "**\n\n";
  });
}

std::string gen_html(std::size_t bytes) {
  Prose p(kSeed + 2);
  return grow(
      bytes,
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Generated "
      "report</title><style>p { margin: 0 }</style></head><body><nav><a href=\"/\">Home</a></nav>\n"
      "<main>\n",
      [&](std::size_t i) {
        if (i % 10 == 0) return "<h2>" + p.words(4) + "</h2>\n";
        if (i % 10 == 4)
          return "<ul><li>" + p.sentence() + "</li><li>" + p.sentence() + "</li></ul>\n";
        if (i % 10 == 7) {
          return "<table><tr><td>" + p.words(2) + "</td><td>" + p.words(3) + "</td></tr></table>\n";
        }
        return "<p>" + p.paragraph() + " <em>" + p.words(2) + "</em> &amp; more.</p>\n";
      },
      "</main></body></html>\n");
}

// "00:01:02.500" (WebVTT) or "00:01:02,500" (SRT).
std::string timestamp(std::size_t ms, char decimal) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02zu:%02zu:%02zu%c%03zu", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, decimal, ms % 1000);
  return buf;
}

const std::vector<std::string> kSpeakers = {"Interviewer", "Councillor Ahmed", "Chief Executive"};

std::string gen_webvtt(std::size_t bytes) {
  Prose p(kSeed + 3);
  return grow(bytes, "WEBVTT\n\n", [&](std::size_t i) {
    const std::size_t start = i * 4000;
    return timestamp(start, '.') + " --> " + timestamp(start + 3500, '.') + "\n<v " +
           kSpeakers[(i / 3) % kSpeakers.size()] + ">" + p.sentence() + "\n\n";
  });
}

std::string gen_srt(std::size_t bytes) {
  Prose p(kSeed + 4);
  return grow(bytes, "", [&](std::size_t i) {
    const std::size_t start = i * 4000;
    return std::to_string(i + 1) + "\n" + timestamp(start, ',') + " --> " +
           timestamp(start + 3500, ',') + "\n" + kSpeakers[(i / 3) % kSpeakers.size()] + ": " +
           p.sentence() + "\n\n";
  });
}

std::string gen_survey_csv(std::size_t bytes) {
  Prose p(kSeed + 5);
  const std::vector<std::string> councils = {"Northshire", "Southshire", "East Vale", "West Downs"};
  const std::vector<std::string> roles = {"officer", "member", "manager"};
  return grow(bytes,
              "id,Council,Role,Age band,What changed after the merger?,What would you do "
              "differently?,Anything else?\n",
              [&](std::size_t i) {
                // Answers with a comma, a doubled quote and a line break, as
                // survey tools export them.
                return "R" + std::to_string(i + 1) + "," + councils[i % councils.size()] + "," +
                       roles[i % roles.size()] + "," + std::to_string(25 + 10 * (i % 4)) + "-" +
                       std::to_string(34 + 10 * (i % 4)) + ",\"" + p.paragraph() + ", \"\"" +
                       p.words(2) + "\"\"\n" + p.sentence() + "\",\"" + p.paragraph() + "\"," +
                       (i % 3 == 0 ? "" : "\"" + p.sentence() + "\"") + "\n";
              });
}

// ---- ZIP packages (DOCX, ODT) built in memory -----------------------------------

struct ZipPart {
  std::string name;
  std::string content;
  bool stored = false;  // ODT's mimetype must be stored, uncompressed, first
};

[[noreturn]] void zip_fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("building a ZIP: " + what + ": " + zip_error_strerror(error));
}

std::string make_zip(const std::vector<ZipPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) zip_fail("buffer", &error);
  zip_source_keep(buffer);  // keep our reference: the bytes outlive zip_close
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> owned(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) zip_fail("open", &error);
  for (const ZipPart& part : parts) {
    zip_source_t* data = zip_source_buffer(archive, part.content.data(), part.content.size(), 0);
    const zip_int64_t index =
        data == nullptr ? -1 : zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (data != nullptr) zip_source_free(data);
      zip_fail("add " + part.name, zip_get_error(archive));
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) < 0) {
    zip_fail("close", zip_get_error(archive));
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
    zip_fail("read back", zip_source_error(buffer));
  }
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(buffer, bytes.data(), st.size);
  zip_source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    zip_fail("read back", zip_source_error(buffer));
  return bytes;
}

// DOCX and ODT get about `text_bytes` of paragraph text (the XML around it
// is several times larger, as in real documents); rates are per MB of file.
std::string gen_docx(std::size_t text_bytes) {
  Prose p(kSeed + 6);
  std::string body;
  std::size_t text = 0;
  for (std::size_t i = 0; text < text_bytes; ++i) {
    const std::string para = i % 10 == 0 ? p.words(4) : p.paragraph();
    text += para.size();
    const std::string style =
        i % 10 == 0 ? "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" : std::string();
    body += "<w:p>" + style +
            "<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">" +
            xml_escape(para) + "</w:t></w:r></w:p>";
  }
  return make_zip({
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
           body + "</w:body></w:document>"},
  });
}

std::string gen_odt(std::size_t text_bytes) {
  Prose p(kSeed + 7);
  std::string body;
  std::size_t text = 0;
  for (std::size_t i = 0; text < text_bytes; ++i) {
    const std::string para = i % 10 == 0 ? p.words(4) : p.paragraph();
    text += para.size();
    body += i % 10 == 0 ? "<text:h text:outline-level=\"1\">" + xml_escape(para) + "</text:h>"
                        : "<text:p text:style-name=\"Standard\">" + xml_escape(para) + "</text:p>";
  }
  const std::string mimetype = "application/vnd.oasis.opendocument.text";
  return make_zip({
      {"mimetype", mimetype, true},
      {"META-INF/manifest.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
       "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
       "manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" "
       "manifest:media-type=\"" +
           mimetype +
           "\"/><manifest:file-entry manifest:full-path=\"content.xml\" "
           "manifest:media-type=\"text/xml\"/></manifest:manifest>"},
      {"content.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
       "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
       "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
       "<office:body><office:text>" +
           body + "</office:text></office:body></office:document-content>"},
  });
}

// ---- timing -----------------------------------------------------------------------

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Stats {
  double median = 0;
  double min = 0;
};

Stats stats_of(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  const std::size_t n = samples.size();
  const double median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  return {median, samples.front()};
}

// One import: the importer alone, as the ingest path calls it.
struct ImportResult {
  std::size_t sources = 0;
  std::size_t passages = 0;
  int max_page = 0;
};

ImportResult import_once(const ci::Importer& importer, const ci::InputFile& file) {
  ImportResult result;
  for (const ci::ImportedSource& source : importer.import_all(file)) {
    ++result.sources;
    result.passages += source.passages.size();
    for (const ci::ImportedPassage& p : source.passages)
      result.max_page = std::max(result.max_page, p.page);
  }
  return result;
}

const ci::FormatEntry* find_format(const std::string& name) {
  try {
    return &ci::format_named(name);
  } catch (const casebook::Error&) {
    return nullptr;
  }
}

// ---- output --------------------------------------------------------------------------

void print_header() {
  std::cout << "format\tinput\tbytes\tpages\truns\tmedian_s\tmin_s\trate\tunit\tpassages\tsources\t"
               "status\n";
}

struct Row {
  std::string format;
  std::string input;
  std::size_t bytes = 0;
  int pages = 0;
  int runs = 0;
  Stats time;
  std::size_t passages = 0;
  std::size_t sources = 0;
  std::string status = "ok";

  // MB/s for documents, pages/s for PDFs (and their reference).
  double rate() const {
    if (time.median <= 0) return 0;
    return pages > 0 ? pages / time.median : static_cast<double>(bytes) / 1048576.0 / time.median;
  }
  const char* unit() const { return pages > 0 ? "pages/s" : "MB/s"; }
};

void print_row(const Row& r) {
  std::printf("%s\t%s\t%zu\t%d\t%d\t%.6f\t%.6f\t%.3f\t%s\t%zu\t%zu\t%s\n", r.format.c_str(),
              r.input.c_str(), r.bytes, r.pages, r.runs, r.time.median, r.time.min, r.rate(),
              r.unit(), r.passages, r.sources, r.status.c_str());
  std::fflush(stdout);
  if (r.status == "ok") {
    std::fprintf(stderr, "  %-9s %-44s %8.2f %s (median of %d, %.1f MB, %zu passages)\n",
                 r.format.c_str(), r.input.c_str(), r.rate(), r.unit(), r.runs,
                 static_cast<double>(r.bytes) / 1048576.0, r.passages);
  } else {
    std::fprintf(stderr, "  %-9s %-44s %s\n", r.format.c_str(), r.input.c_str(), r.status.c_str());
  }
}

// A status cell: one line, no tabs.
std::string one_line(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s.size() > 200 ? s.substr(0, 200) + "..." : s;
}

// ---- generated documents ---------------------------------------------------------------

struct Generated {
  std::string format;
  std::string name;  // the file name the importer sees (extension included)
  std::function<std::string(std::size_t)> make;
};

Row measure_generated(const Generated& g, std::size_t bytes, int repeats) {
  Row row;
  row.format = g.format;
  row.input = g.name;
  const ci::FormatEntry* entry = find_format(g.format);
  if (entry == nullptr) {
    row.status = "not available";
    return row;
  }
  ci::InputFile file{g.name, g.make(bytes), std::nullopt, std::nullopt};
  row.bytes = file.bytes.size();
  const std::unique_ptr<ci::Importer> importer = entry->make();
  try {
    const ImportResult warm = import_once(*importer, file);  // also checks it imports at all
    row.passages = warm.passages;
    row.sources = warm.sources;
    std::vector<double> samples;
    for (int r = 0; r < repeats; ++r) {
      const auto t0 = Clock::now();
      import_once(*importer, file);
      samples.push_back(seconds_since(t0));
    }
    row.runs = repeats;
    row.time = stats_of(samples);
  } catch (const std::exception& e) {
    row.status = "failed: " + one_line(e.what());
  }
  return row;
}

// ---- PDF against pdftotext ---------------------------------------------------------------

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `argv` with stdout and stderr to /dev/null; the wall time in seconds,
// or nullopt when it could not be started or failed.
std::optional<double> time_command(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto t0 = Clock::now();
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return std::nullopt;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  const double elapsed = seconds_since(t0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return elapsed;
}

// The page count from pdfinfo, or 0 when it cannot tell.
int pdfinfo_pages(const fs::path& pdf) {
  const std::string command = "pdfinfo '" + pdf.string() + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return 0;
  char line[512];
  while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
    int pages = 0;
    if (std::sscanf(line, "Pages: %d", &pages) == 1) return pages;
  }
  return 0;
}

// The multi-page PDFs of the test data, sorted by path.
std::vector<fs::path> multi_page_pdfs(const fs::path& testdata) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(testdata / "pdf", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".pdf" &&
        pdfinfo_pages(it->path()) >= 2) {
      out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The importer and pdftotext alternate on each file, so load on the machine
// affects both alike.
void measure_pdfs(const Options& options) {
  const ci::FormatEntry* entry = find_format("pdf");
  const std::vector<fs::path> pdfs = multi_page_pdfs(options.testdata);
  if (pdfs.empty()) {
    Row row;
    row.format = "pdf";
    row.input = (options.testdata / "pdf").string();
    row.status = "no multi-page PDFs found (pdfinfo missing or wrong --testdata)";
    print_row(row);
    return;
  }
  const std::unique_ptr<ci::Importer> importer = entry != nullptr ? entry->make() : nullptr;
  double casebook_total = 0, reference_total = 0;
  int pages_total = 0;
  for (const fs::path& pdf : pdfs) {
    Row ours, ref;
    ours.format = "pdf";
    ref.format = "pdftotext";
    ours.input = ref.input = fs::relative(pdf, options.testdata).string();
    ci::InputFile file{pdf.filename(), read_file(pdf), std::nullopt, std::nullopt};
    ours.bytes = ref.bytes = file.bytes.size();
    ours.pages = ref.pages = pdfinfo_pages(pdf);
    const std::vector<std::string> command = {"pdftotext", "-enc",       "UTF-8", "-eol",
                                              "unix",      pdf.string(), "-"};
    std::vector<double> our_samples, ref_samples;
    try {
      if (!importer) throw std::runtime_error("not available");
      const ImportResult warm = import_once(*importer, file);
      ours.passages = warm.passages;
      ours.sources = warm.sources;
    } catch (const std::exception& e) {
      ours.status = std::string(e.what()) == "not available" ? "not available"
                                                             : "failed: " + one_line(e.what());
    }
    if (!time_command(command)) ref.status = "failed: pdftotext did not run or failed";
    for (int r = 0; r < options.repeats; ++r) {
      if (ours.status == "ok") {
        const auto t0 = Clock::now();
        import_once(*importer, file);
        our_samples.push_back(seconds_since(t0));
      }
      if (ref.status == "ok") {
        if (const auto t = time_command(command)) ref_samples.push_back(*t);
      }
    }
    if (!our_samples.empty()) {
      ours.runs = static_cast<int>(our_samples.size());
      ours.time = stats_of(our_samples);
    }
    if (!ref_samples.empty()) {
      ref.runs = static_cast<int>(ref_samples.size());
      ref.time = stats_of(ref_samples);
    }
    print_row(ours);
    print_row(ref);
    if (ours.status == "ok" && ref.status == "ok") {
      casebook_total += ours.time.median;
      reference_total += ref.time.median;
      pages_total += ours.pages;
      std::printf("pdf-ratio\t%s\t%zu\t%d\t%d\t%.6f\t%.6f\t%.3f\tratio\t0\t0\tok\n",
                  ours.input.c_str(), ours.bytes, ours.pages, ours.runs, ours.time.median,
                  ref.time.median, ours.time.median / ref.time.median);
    }
  }
  if (reference_total > 0) {
    // Totals over the files both could read: sums of the per-file medians.
    std::printf("pdf-total\tall\t0\t%d\t%d\t%.6f\t%.6f\t%.3f\tpages/s\t0\t0\tok\n", pages_total,
                options.repeats, casebook_total, reference_total, pages_total / casebook_total);
    std::printf("pdftotext-total\tall\t0\t%d\t%d\t%.6f\t%.6f\t%.3f\tpages/s\t0\t0\tok\n",
                pages_total, options.repeats, reference_total, reference_total,
                pages_total / reference_total);
    std::printf("pdf-ratio\tall\t0\t%d\t%d\t%.6f\t%.6f\t%.3f\tratio\t0\t0\tok\n", pages_total,
                options.repeats, casebook_total, reference_total, casebook_total / reference_total);
    std::fprintf(stderr,
                 "  pdf total: %d pages, casebook %.1f pages/s, pdftotext %.1f pages/s, ratio %.2f "
                 "(target <= 1.3)\n",
                 pages_total, pages_total / casebook_total, pages_total / reference_total,
                 casebook_total / reference_total);
  }
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  const auto bytes = static_cast<std::size_t>(options.mb * 1048576.0);
  std::cout << "# bench_formats date=" << utc_now() << " quick=" << options.quick
            << " mb=" << options.mb << " repeats=" << options.repeats
            << " testdata=" << options.testdata.string() << "\n";
  print_header();
  std::cerr << "bench_formats: importer throughput, " << options.mb << " MB inputs, median of "
            << options.repeats << " runs\n";

  const std::vector<Generated> generated = {
      {"text", "generated.txt", gen_text},  {"markdown", "generated.md", gen_markdown},
      {"html", "generated.html", gen_html}, {"webvtt", "generated.vtt", gen_webvtt},
      {"srt", "generated.srt", gen_srt},    {"survey", "generated-survey.csv", gen_survey_csv},
      {"docx", "generated.docx", gen_docx}, {"odt", "generated.odt", gen_odt},
  };
  for (const Generated& g : generated) print_row(measure_generated(g, bytes, options.repeats));
  measure_pdfs(options);
  return 0;
}

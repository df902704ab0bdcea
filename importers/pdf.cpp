// PDF (committee papers, reports, minutes): text from poppler's pdftotext,
// run as a separate, limited process so a malformed or hostile PDF can at
// worst fail its own import. One run of `pdftotext -bbox-layout` gives the
// text (in reading order, so multi-column pages come out column by column),
// its layout blocks, and the document information (title, author, creation
// date), keeping the cost of an import close to pdftotext's own.
//
// Each layout block -- a heading, a paragraph, an item of a list of members
// present -- becomes one "paragraph" passage carrying its page number.
// (pdftotext's plain text output separates blocks by a blank line only
// where the gap between them is large, so ordinary minutes would come out
// as one passage per page.) Running headers and footers -- lines at the top
// or bottom of most pages that differ only in their digits ("Page 3 of 12")
// -- and bare page numbers are left out, so they neither clutter coding nor
// match searches.

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/ascii_text.hpp"
#include "importers/formats.hpp"
#include "importers/subprocess.hpp"
#include "importers/text_builder.hpp"

namespace casebook::importers {
namespace {

constexpr std::string_view kMagic = "%PDF-";
// The PDF spec requires the header at the start, but readers accept it
// within the first 1024 bytes (some generators prepend junk).
constexpr std::size_t kMagicWindow = 1024;

// Limits for pdftotext. Text is far smaller than the PDF that holds it, but
// compressed content streams can legitimately expand a lot: allow 64 times
// the file plus 64 MiB, and never more than 1 GiB.
constexpr int kWallSeconds = 60;
constexpr std::uint64_t kAddressSpaceBytes = 1ull << 30;
constexpr std::size_t kMinOutputCap = 64u << 20;
constexpr std::size_t kMaxOutputCap = 1u << 30;
constexpr std::size_t kOutputPerInputByte = 64;

// Header/footer detection looks at this many non-blank lines at each end of
// a page, and needs the document to have this many pages to speak of
// "repeating".
constexpr std::size_t kEdgeLines = 5;
constexpr std::size_t kMinPagesForRepetition = 3;

const char* const kInstallHint =
    "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; Fedora: dnf install "
    "poppler-utils; macOS: brew install poppler), then import the file again";
const char* const kHostileHint =
    "open the file in a PDF viewer; if it looks right, print or save it as a new PDF and "
    "import that instead";

bool has_pdf_header(std::string_view bytes) {
  return bytes.substr(0, kMagicWindow).find(kMagic) != std::string_view::npos;
}

// ---- the private temporary copy pdftotext reads ----------------------------

class TempPdf {
 public:
  TempPdf(const std::filesystem::path& source, std::string_view bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "casebook-pdf-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());  // mode 0600: private to us
    if (fd < 0) fail(source, "create", pattern);
    path_ = pattern;
    const bool written = write_all(fd, bytes);
    const int write_errno = errno;
    if (::close(fd) != 0 || !written) {
      errno = written ? errno : write_errno;
      fail(source, "write", pattern);
    }
  }
  ~TempPdf() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempPdf(const TempPdf&) = delete;
  TempPdf& operator=(const TempPdf&) = delete;

  const std::string& path() const { return path_; }

 private:
  static bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  [[noreturn]] void fail(const std::filesystem::path& source, const char* what,
                         const std::string& temp) {
    const std::string reason = std::strerror(errno);
    if (!path_.empty()) ::unlink(path_.c_str());
    path_.clear();
    throw_io(source.string() + ": cannot " + what + " the temporary copy " + temp +
                 " for pdftotext: " + reason,
             "make sure the temporary directory (TMPDIR) exists, is writable and has free "
             "space");
  }

  std::string path_;
};

// ---- running pdftotext and reading its answer -------------------------------

SubprocessLimits pdftotext_limits(std::size_t input_bytes) {
  SubprocessLimits limits;
  limits.wall_time = std::chrono::seconds(kWallSeconds);
  limits.cpu_seconds = kWallSeconds;
  limits.address_space_bytes = kAddressSpaceBytes;
  const std::size_t proportional = input_bytes > kMaxOutputCap / kOutputPerInputByte
                                       ? kMaxOutputCap
                                       : input_bytes * kOutputPerInputByte;
  limits.stdout_cap_bytes = std::min(kMaxOutputCap, kMinOutputCap + proportional);
  return limits;
}

// The first line of pdftotext's diagnostics that says what went wrong,
// without the warnings it prints about recoverable problems.
std::string first_error_line(const std::string& err) {
  std::size_t pos = 0;
  std::string fallback;
  while (pos < err.size()) {
    const std::size_t end = std::min(err.find('\n', pos), err.size());
    const std::string line = err.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.rfind("Syntax Warning", 0) == 0) continue;
    if (line.find("Error") != std::string::npos) return line;
    if (fallback.empty()) fallback = line;
  }
  return fallback;
}

[[noreturn]] void throw_pdftotext_failure(const std::filesystem::path& path,
                                          const SubprocessResult& r,
                                          const SubprocessLimits& limits) {
  const std::string file = path.string();
  if (r.exec_failed) {
    throw_data(
        file + ": cannot import PDF files: pdftotext (from poppler-utils) " +
            (r.exec_errno == ENOENT ? "is not installed or not on PATH"
                                    : std::string("cannot be run: ") + std::strerror(r.exec_errno)),
        kInstallHint);
  }
  if (r.timed_out || r.cpu_limit_hit) {
    throw_data(file + ": pdftotext did not finish reading this PDF within " +
                   std::to_string(kWallSeconds) +
                   " seconds and was stopped; the file may be malformed or hostile",
               kHostileHint);
  }
  if (r.memory_limit_hit) {
    throw_data(file + ": pdftotext ran out of memory (limit " +
                   std::to_string(limits.address_space_bytes >> 20) +
                   " MiB) reading this PDF; the file may be malformed or hostile",
               kHostileHint);
  }
  if (r.output_cap_hit) {
    throw_data(file + ": pdftotext produced more than " +
                   std::to_string(limits.stdout_cap_bytes >> 20) +
                   " MiB of text from this PDF and was stopped; the file may be malformed or "
                   "hostile",
               kHostileHint);
  }
  if (r.err.find("Incorrect password") != std::string::npos) {
    throw_data(file +
                   ": the PDF is password-protected (encrypted with a password needed to "
                   "open it)",
               "remove the password (for example `qpdf --decrypt --password=PASSWORD in.pdf "
               "out.pdf`, or print it to a new PDF from a viewer that knows the password), "
               "then import the decrypted file");
  }
  if (r.exit_code == 3) {
    throw_data(file + ": the PDF's permissions do not allow its text to be extracted",
               "remove the restrictions (for example `qpdf --decrypt in.pdf out.pdf`), then "
               "import the new file");
  }
  const std::string detail = first_error_line(r.err);
  const std::string how =
      r.term_signal ? "pdftotext crashed (signal " + std::to_string(*r.term_signal) + ") reading it"
                    : "pdftotext could not read it";
  throw_data(file + ": the PDF appears to be damaged: " + how +
                 (detail.empty() ? std::string() : " (" + detail + ")"),
             kHostileHint);
}

std::string unescape_html(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {{"&amp;", '&'},   {"&lt;", '<'},
                                                                {"&gt;", '>'},    {"&quot;", '"'},
                                                                {"&apos;", '\''}, {"&#39;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, ch] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out += ch;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i];
  }
  return out;
}

// The text between `open` and `close` in the head, unescaped; empty if absent.
std::string head_value(std::string_view head, std::string_view open, std::string_view close) {
  const std::size_t start = head.find(open);
  if (start == std::string_view::npos) return {};
  const std::size_t from = start + open.size();
  const std::size_t end = head.find(close, from);
  if (end == std::string_view::npos) return {};
  return unescape_html(head.substr(from, end - from));
}

std::string meta_value(std::string_view head, const std::string& name) {
  return head_value(head, "<meta name=\"" + name + "\" content=\"", "\"/>");
}

// "2023-06-21" from pdftotext's "2023-06-21T09:30:27-04"; empty when the
// value is not an ISO date.
std::string iso_date_of(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return {};
  if (!is_digits(value.substr(0, 4)) || !is_digits(value.substr(5, 2)) ||
      !is_digits(value.substr(8, 2))) {
    return {};
  }
  const int month = std::stoi(std::string(value.substr(5, 2)));
  const int day = std::stoi(std::string(value.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return std::string(value.substr(0, 10));
}

// Producers often fill the title with the name of the file they printed
// ("10811.exe", "report.docx") or a placeholder: not a title.
bool is_placeholder_title(const std::string& title) {
  static const std::regex kFileName(R"(^[^\s/\\]+\.[A-Za-z0-9]{2,4}$)");
  std::string lower(title);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "untitled" || std::regex_match(title, kFileName);
}

void read_document_info(std::string_view head, std::size_t pages, ImportedSource& out) {
  const std::string title = head_value(head, "<title>", "</title>");
  if (!title.empty() && is_placeholder_title(title)) {
    out.notes.push_back("the PDF's title '" + title + "' looks like a placeholder and was ignored");
  } else {
    out.title = title;
  }
  const std::string author = meta_value(head, "Author");
  if (!author.empty()) out.metadata["author"] = author;
  out.date = iso_date_of(meta_value(head, "CreationDate"));
  out.metadata["pages"] = std::to_string(pages);
}

// ---- pages and lines --------------------------------------------------------

using Lines = std::vector<std::string>;

// Control characters other than tab and newline, C1 controls included
// (some fonts map bullets to U+0088), become spaces, and invalid UTF-8 becomes U+FFFD, so what a
// damaged font encoding yields is still text.
std::string clean_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(raw.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
      out += ' ';
    } else {
      out.append(raw.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// What `pdftotext -bbox-layout` printed: an XHTML head with the document
// information, then pages of flows of blocks of lines of words, one element
// per output line. Read line by line (the output of a big PDF is large, and
// its format is pdftotext's own), into pages of trimmed text lines with an
// empty line after each block.
struct LayoutText {
  std::string head;
  std::vector<Lines> pages;
};

std::string_view element_text(std::string_view line, std::string_view close) {
  const std::size_t open_end = line.find('>');
  const std::size_t close_at = line.rfind(close);
  if (open_end == std::string_view::npos || close_at == std::string_view::npos ||
      close_at < open_end) {
    return {};
  }
  return line.substr(open_end + 1, close_at - open_end - 1);
}

LayoutText read_bbox_layout(std::string_view out) {
  LayoutText layout;
  const std::size_t body = out.find("<body>");
  layout.head = std::string(out.substr(0, body));
  if (body == std::string_view::npos) return layout;
  std::string line_text;
  std::size_t pos = body;
  while (pos < out.size()) {
    const std::size_t end = std::min(out.find('\n', pos), out.size());
    const std::string_view line = trim_spaces_and_tabs(out.substr(pos, end - pos));
    pos = end + 1;
    if (line.rfind("<page ", 0) == 0) {
      layout.pages.emplace_back();
    } else if (layout.pages.empty()) {
      continue;
    } else if (line.rfind("<word ", 0) == 0) {
      if (!line_text.empty()) line_text += ' ';
      line_text += clean_text(unescape_html(element_text(line, "</word>")));
    } else if (line == "</line>") {
      const std::string_view trimmed = trim_spaces_and_tabs(line_text);
      if (!trimmed.empty()) layout.pages.back().emplace_back(trimmed);
      line_text.clear();
    } else if (line == "</block>") {
      layout.pages.back().emplace_back();
    }
  }
  return layout;
}

bool page_has_text(const Lines& page) {
  return std::any_of(page.begin(), page.end(), [](const std::string& l) { return !l.empty(); });
}

// ---- running headers and footers ------------------------------------------

// The line with every run of digits as '#', spaces collapsed and ASCII
// lower case: "Page 3 of 12" and "Page 4 of 12" become the same key.
std::string repetition_key(std::string_view line) {
  std::string key;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += static_cast<char>(std::tolower(c));
    }
  }
  return key;
}

// "3", "- 3 -", "– 3 –", "Page 3", "page 3 of 12", "3 of 12", "3/12".
bool is_page_number_line(const std::string& line) {
  static const std::regex kPageNumber(
      R"(^(?:page\s*)?(?:-|–|—)?\s*\d{1,5}\s*(?:-|–|—)?(?:\s*(?:of|/)\s*\d{1,5})?$)",
      std::regex::icase);
  return line.size() <= 40 && std::regex_match(line, kPageNumber);
}

// Indices of the first (or last) kEdgeLines non-blank lines of a page.
std::vector<std::size_t> edge_lines(const Lines& page, bool from_top) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < page.size() && out.size() < kEdgeLines; ++k) {
    const std::size_t i = from_top ? k : page.size() - 1 - k;
    if (!page[i].empty()) out.push_back(i);
  }
  return out;
}

// Keys of the lines that appear on most pages: more than half of them, and
// at least kMinPagesForRepetition. Every line of a page counts, not just its
// edges, because reading order can put a running header or footer in the
// middle of a page (a footer set beside a figure), yet it repeats all the
// same.
std::unordered_set<std::string> running_keys(const std::vector<Lines>& pages) {
  std::unordered_set<std::string> out;
  if (pages.size() < kMinPagesForRepetition) return out;
  std::unordered_map<std::string, std::size_t> pages_with_key;
  for (const Lines& page : pages) {
    std::unordered_set<std::string> keys;
    for (const std::string& line : page) {
      if (!line.empty()) keys.insert(repetition_key(line));
    }
    for (const std::string& key : keys) ++pages_with_key[key];
  }
  const std::size_t needed = std::max(kMinPagesForRepetition, pages.size() / 2 + 1);
  for (const auto& [key, count] : pages_with_key) {
    if (count >= needed) out.insert(key);
  }
  return out;
}

// Blanks the running lines and page numbers among the first and last
// kEdgeLines non-blank lines of a page. Running lines go wherever they are
// in that window (the repetition is strong evidence); a bare number goes
// only while nothing but furniture lies between it and the edge, since a
// number inside the text (a list, a table, a line number) is content.
// Returns how many lines it removed; a page that would lose every line (a
// page of nothing but numbers) is left as it is.
std::size_t strip_page_edges(Lines& page, const std::unordered_set<std::string>& running) {
  std::vector<std::size_t> doomed;
  for (bool top : {true, false}) {
    bool at_edge = true;
    for (std::size_t i : edge_lines(page, top)) {
      if (running.count(repetition_key(page[i])) > 0) {
        doomed.push_back(i);
      } else if (at_edge && is_page_number_line(page[i])) {
        doomed.push_back(i);
      } else {
        at_edge = false;
      }
    }
  }
  std::sort(doomed.begin(), doomed.end());
  doomed.erase(std::unique(doomed.begin(), doomed.end()), doomed.end());
  const std::size_t non_blank =
      std::count_if(page.begin(), page.end(), [](const std::string& l) { return !l.empty(); });
  if (doomed.size() >= non_blank) return 0;
  for (std::size_t i : doomed) page[i].clear();
  return doomed.size();
}

std::size_t strip_headers_and_footers(std::vector<Lines>& pages) {
  const std::unordered_set<std::string> running = running_keys(pages);
  std::size_t removed = 0;
  for (Lines& page : pages) removed += strip_page_edges(page, running);
  return removed;
}

// ---- paragraphs ------------------------------------------------------------

UChar32 last_code_point(std::string_view s) {
  if (s.empty()) return -1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(bytes, 0, i, c);
  return c;
}

UChar32 first_code_point(std::string_view s) {
  if (s.empty()) return -1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(std::min<std::size_t>(s.size(), 8)), c);
  return c;
}

// True when `line` ends a sentence or a clause that can end a block: a
// full stop, question or exclamation mark, colon or semicolon, perhaps
// followed by a closing quote or bracket.
bool ends_clause(std::string_view line) {
  while (!line.empty()) {
    const UChar32 c = last_code_point(line);
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
    if (!(u_charType(c) == U_FINAL_PUNCTUATION || c == ')' || c == ']' || c == '"' || c == '\'')) {
      return false;
    }
    line.remove_suffix(U8_LENGTH(c));
  }
  return false;
}

// pdftotext sometimes breaks one sentence into two layout blocks (a change
// of line spacing or font inside a paragraph). A block that ends mid-clause
// followed by one that starts with a lower-case letter is the same
// paragraph, so the break between them goes.
void join_continued_blocks(std::vector<Lines>& pages) {
  for (Lines& page : pages) {
    for (std::size_t i = 1; i + 1 < page.size(); ++i) {
      if (!page[i].empty() || page[i - 1].empty() || page[i + 1].empty()) continue;
      if (ends_clause(page[i - 1]) || !u_islower(first_code_point(page[i + 1]))) continue;
      page.erase(page.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
}

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// Appends one line of a paragraph. A hyphen at the end of the line that
// splits a lower-case word ("commit-" + "ment") is removed; one inside a
// compound or name ("Huggins-" + "Daines") is kept without a space; a soft
// hyphen always goes. Otherwise the lines are joined by a space.
void append_line(std::string& paragraph, std::string_view line) {
  if (paragraph.empty()) {
    paragraph.assign(line);
    return;
  }
  const std::size_t n = paragraph.size();
  if (n >= kSoftHyphen.size() && paragraph.compare(n - 2, 2, kSoftHyphen) == 0) {
    paragraph.resize(n - 2);
  } else if (paragraph.back() == '-' && n >= 2) {
    const UChar32 before = last_code_point(std::string_view(paragraph).substr(0, n - 1));
    const UChar32 after = first_code_point(line);
    if (u_islower(before) && u_islower(after)) {
      paragraph.pop_back();
    } else if (!u_isalnum(before)) {
      paragraph += ' ';
    }
  } else {
    paragraph += ' ';
  }
  paragraph.append(line);
}

void add_page_paragraphs(const Lines& page, int page_number, TextBuilder& builder) {
  std::string paragraph;
  const auto flush = [&] {
    if (paragraph.empty()) return;
    builder.begin_passage("paragraph", {}, page_number);
    builder.append(paragraph);
    builder.end_passage();
    paragraph.clear();
  };
  for (const std::string& line : page) {
    if (line.empty()) {
      flush();
    } else {
      append_line(paragraph, line);
    }
  }
  flush();
}

// ---- the importer ------------------------------------------------------------

void check_is_pdf(const InputFile& file) {
  if (file.bytes.empty()) {
    throw_data(file.path.string() + ": the file is empty (0 bytes), so it holds no PDF",
               "check that the file was saved or downloaded completely, then import it again");
  }
  if (!has_pdf_header(file.bytes)) {
    throw_data(file.path.string() + ": is not a PDF (no %PDF- header in its first 1024 bytes)",
               "check the file; if it is another format, import it without --format pdf");
  }
}

[[noreturn]] void throw_no_text_layer(const std::filesystem::path& path, std::size_t pages) {
  throw_data(path.string() + ": none of the PDF's " + std::to_string(pages) + " page" +
                 (pages == 1 ? "" : "s") +
                 " has any text; it looks like a scanned image (OCR is out of scope for "
                 "casebook)",
             "run OCR on it first (for example `ocrmypdf in.pdf out.pdf`), then import the "
             "new PDF");
}

class PdfImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    check_is_pdf(file);
    LayoutText layout = read_bbox_layout(run_pdftotext(file));
    std::vector<Lines> pages = std::move(layout.pages);
    if (std::none_of(pages.begin(), pages.end(), page_has_text)) {
      throw_no_text_layer(file.path, pages.size());
    }
    const std::size_t removed = strip_headers_and_footers(pages);
    join_continued_blocks(pages);

    TextBuilder builder(file.path);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      add_page_paragraphs(pages[i], static_cast<int>(i + 1), builder);
    }
    ImportedSource out = builder.finish();
    out.format = "pdf";
    out.encoding = "UTF-8";  // of the text layer, as pdftotext -enc UTF-8 gives it
    read_document_info(layout.head, pages.size(), out);
    if (removed > 0) {
      out.notes.push_back("left out " + std::to_string(removed) +
                          " running header, footer and page-number line" +
                          (removed == 1 ? "" : "s"));
    }
    return out;
  }

 private:
  static std::string run_pdftotext(const InputFile& file) {
    const TempPdf temp(file.path, file.bytes);
    const SubprocessLimits limits = pdftotext_limits(file.bytes.size());
    SubprocessResult r = run_subprocess(
        {"pdftotext", "-bbox-layout", "-enc", "UTF-8", "-eol", "unix", temp.path(), "-"}, limits);
    if (!r.succeeded()) throw_pdftotext_failure(file.path, r, limits);
    return std::move(r.out);
  }
};

}  // namespace

bool sniff_pdf(std::string_view bytes) {
  return has_pdf_header(bytes);
}

std::unique_ptr<Importer> make_pdf_importer() {
  return std::make_unique<PdfImporter>();
}

}  // namespace casebook::importers

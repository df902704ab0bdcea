// LaTeX for pdflatex with T1 fonts and utf8 input: a complete article
// (standalone) or only the content, to \input into a paper (fragment).
// Tables are booktabs longtables whose p{} columns share the line width by
// Column::width and whose header repeats on every page.
//
// Every character is made safe for pdflatex: TeX specials are escaped,
// typographic punctuation (curly quotes, dashes, ellipsis, NBSP, bullets,
// currency signs...) becomes LaTeX commands, accented Latin letters of
// Latin-1 and Latin Extended-A pass through as UTF-8, other accented Latin
// letters become accent commands (ǎ -> \v{a}), and anything the fonts cannot
// show (emoji, CJK, unsupported marks, control characters) becomes a visible
// placeholder such as \texttt{[U+1F600]}.

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>

#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::exporting {
namespace {

// ---- characters ----

struct Replacement {
  char32_t cp;
  const char* latex;
};

template <std::size_t N>
const char* replacement_for(const Replacement (&table)[N], char32_t cp) {
  for (const Replacement& r : table) {
    if (r.cp == cp) return r.latex;
  }
  return nullptr;
}

// Commands for characters outside ASCII that the input encoding would
// otherwise reject or that read better as a command.
constexpr Replacement kSymbolCommands[] = {
    {0x00A0, "~"},  // no-break space
    {0x00A3, "\\pounds{}"},
    {0x00A7, "\\S{}"},
    {0x00A9, "\\textcopyright{}"},
    {0x00AB, "\\guillemotleft{}"},
    {0x00AD, "\\-"},  // soft hyphen: a hyphenation point
    {0x00AE, "\\textregistered{}"},
    {0x00B0, "\\textdegree{}"},
    {0x00B1, "\\textpm{}"},
    {0x00B6, "\\P{}"},
    {0x00B7, "\\textperiodcentered{}"},
    {0x00BB, "\\guillemotright{}"},
    {0x00D7, "\\texttimes{}"},
    {0x00F7, "\\textdiv{}"},
    {0x2002, "\\enspace{}"},
    {0x2003, "\\quad{}"},
    {0x2009, "\\,"},            // thin space
    {0x200B, "\\hspace{0pt}"},  // zero-width space: a break point
    {0x2010, "-"},
    {0x2011, "\\mbox{-}"},  // non-breaking hyphen
    {0x2012, "\\textendash{}"},
    {0x2013, "\\textendash{}"},
    {0x2014, "\\textemdash{}"},
    {0x2015, "\\textemdash{}"},
    {0x2018, "\\textquoteleft{}"},
    {0x2019, "\\textquoteright{}"},
    {0x201A, "\\quotesinglbase{}"},
    {0x201C, "\\textquotedblleft{}"},
    {0x201D, "\\textquotedblright{}"},
    {0x201E, "\\quotedblbase{}"},
    {0x2020, "\\textdagger{}"},
    {0x2021, "\\textdaggerdbl{}"},
    {0x2022, "\\textbullet{}"},
    {0x2026, "\\textellipsis{}"},
    {0x202F, "\\,"},  // narrow no-break space (French punctuation)
    {0x2030, "\\textperthousand{}"},
    {0x2039, "\\guilsinglleft{}"},
    {0x203A, "\\guilsinglright{}"},
    {0x20AC, "\\texteuro{}"},
    {0x2116, "\\textnumero{}"},
    {0x2122, "\\texttrademark{}"},
    {0x2190, "\\textleftarrow{}"},
    {0x2192, "\\textrightarrow{}"},
    {0x2212, "\\textminus{}"},
};

// TeX's special characters, and characters T1 fonts would turn into
// something else ('`' is a left quote, '"' may be curly).
constexpr Replacement kAsciiCommands[] = {
    {'\\', "\\textbackslash{}"},
    {'{', "\\{"},
    {'}', "\\}"},
    {'$', "\\$"},
    {'&', "\\&"},
    {'#', "\\#"},
    {'%', "\\%"},
    {'_', "\\_"},
    {'^', "\\textasciicircum{}"},
    {'~', "\\textasciitilde{}"},
    {'`', "\\textasciigrave{}"},
    {'"', "\\textquotedbl{}"},
    // Braced so that the optional argument of a "\\" row end ("\\[2pt]")
    // never swallows text that starts the next row.
    {'[', "{[}"},
    {']', "{]}"},
};

// Pairs that T1 fonts join into one glyph ("--" en dash, "<<" guillemet,
// ",," low quotes, "''" closing quote): a "{}" between keeps both.
bool forms_ligature(char32_t cp, char32_t next) {
  return cp == next && (cp == '-' || cp == '<' || cp == '>' || cp == ',' || cp == '\'');
}

// Letters of Latin-1 Supplement and Latin Extended-A that utf8 inputenc
// with T1 typesets; the few it does not know (Ħ, ĸ, Ŀ, ŉ, Ŧ, ſ, ...) are
// left out.
bool passes_through(char32_t cp) {
  static constexpr char32_t kUnknownToT1[] = {0x126, 0x127, 0x138, 0x13F, 0x140,
                                              0x149, 0x166, 0x167, 0x17F};
  return cp >= 0xA0 && cp <= 0x17F &&
         std::find(std::begin(kUnknownToT1), std::end(kUnknownToT1), cp) == std::end(kUnknownToT1);
}

// Text accent commands for combining marks.
constexpr Replacement kAccentCommands[] = {
    {0x0300, "\\`"}, {0x0301, "\\'"}, {0x0302, "\\^"},  {0x0303, "\\~"}, {0x0304, "\\="},
    {0x0306, "\\u"}, {0x0307, "\\."}, {0x0308, "\\\""}, {0x030A, "\\r"}, {0x030B, "\\H"},
    {0x030C, "\\v"}, {0x0323, "\\d"}, {0x0327, "\\c"},  {0x0328, "\\k"}, {0x0331, "\\b"},
};

bool is_accent_below(char32_t mark) {
  return mark == 0x0323 || mark == 0x0327 || mark == 0x0328 || mark == 0x0331;
}

bool is_variation_selector(char32_t cp) {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_ascii_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool is_combining_mark(char32_t cp) {
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(cp)));
  return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
         category == U_ENCLOSING_MARK;
}

// An ASCII letter with accents as nested accent commands (\^{\d{e}} for
// ệ), or "" when some mark has no command. An i or j under an accent above
// loses its dot (\v{\i}).
std::string accented_letter(char32_t base, const std::vector<char32_t>& marks) {
  if (!is_ascii_letter(base) || marks.empty()) return "";
  std::string result(1, static_cast<char>(base));
  if ((base == 'i' || base == 'j') && !is_accent_below(marks.front())) {
    result = base == 'i' ? "\\i" : "\\j";
  }
  for (char32_t mark : marks) {
    const char* command = replacement_for(kAccentCommands, mark);
    if (command == nullptr) return "";
    result = std::string(command) + "{" + result + "}";
  }
  return result;
}

// A precomposed letter outside the pass-through ranges, through its
// canonical decomposition (ǎ = a + caron -> \v{a}); "" when that fails.
std::string decomposed_letter(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
    return "";
  }
  std::vector<char32_t> parts;
  for (int32_t i = 0; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
    parts.push_back(static_cast<char32_t>(decomposition.char32At(i)));
  }
  if (parts.size() < 2) return "";
  return accented_letter(parts.front(), std::vector<char32_t>(parts.begin() + 1, parts.end()));
}

std::string placeholder(char32_t cp) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "\\texttt{[U+%04X]}", static_cast<unsigned>(cp));
  return buffer;
}

enum class LineBreaks { NewLine, Space };

// Words longer than this get extra break points (URLs, file paths,
// identifiers) so they do not run out of a narrow column.
constexpr std::size_t kLongWord = 16;
constexpr std::size_t kLongWordStretch = 8;

bool is_break_friendly(char32_t cp) {
  return cp < 0x80 && cp != 0 && std::strchr("/.-_:?&=#,;", static_cast<int>(cp)) != nullptr;
}

class LatexEscaper {
 public:
  LatexEscaper(std::string_view text, LineBreaks breaks) : breaks_(breaks) {
    // NFC first: a letter and its accent written apart usually compose into
    // one character that passes through.
    std::string clean;
    for (std::size_t pos = 0; pos < text.size();) {
      text::utf8::append_utf8(clean, text::utf8::next_code_point(text, pos));
    }
    cps_ = text::utf8::code_points(text::to_nfc(clean));
    mark_long_words();
  }

  std::string str() {
    for (std::size_t i = 0; i < cps_.size();) i = emit_cluster(i);
    return std::move(out_);
  }

 private:
  bool is_space(std::size_t i) const { return cps_[i] == ' ' || cps_[i] == '\n'; }

  bool is_letter(std::size_t i) const {
    return u_isalpha(static_cast<UChar32>(cps_[i])) || is_combining_mark(cps_[i]);
  }

  // Whether the word [start, end) is letters only, punctuation around it
  // aside ("Donaudampfschifffahrt." is; "example.org/path" and "0123" are
  // not).
  bool is_plain_word(std::size_t start, std::size_t end) const {
    while (start < end && !is_letter(start)) ++start;
    while (end > start && !is_letter(end - 1)) --end;
    if (start == end) return false;  // no letters at all: digits, symbols
    for (std::size_t i = start; i < end; ++i) {
      if (!is_letter(i)) return false;
    }
    return true;
  }

  // For each character, whether it lies in a long word that TeX could not
  // hyphenate: one with digits or punctuation inside (URLs, paths,
  // identifiers). Long plain words are left to TeX's hyphenation.
  void mark_long_words() {
    in_long_word_.assign(cps_.size(), false);
    for (std::size_t start = 0; start < cps_.size();) {
      std::size_t end = start;
      while (end < cps_.size() && !is_space(end)) ++end;
      if (end - start > kLongWord && !is_plain_word(start, end)) {
        std::fill(in_long_word_.begin() + start, in_long_word_.begin() + end, true);
      }
      start = end + 1;
    }
  }

  // A character with the combining marks after it; returns the next index.
  std::size_t emit_cluster(std::size_t i) {
    // A line may break between a placeholder and the text after it.
    if (after_placeholder_ && !is_space(i)) allow_break();
    after_placeholder_ = false;
    std::size_t end = i + 1;
    while (end < cps_.size() && is_combining_mark(cps_[end])) ++end;
    if (end > i + 1 && !is_combining_mark(cps_[i])) {
      const std::vector<char32_t> marks(cps_.begin() + i + 1, cps_.begin() + end);
      const std::string accented = accented_letter(cps_[i], marks);
      if (!accented.empty()) {
        out_ += accented;
        return end;
      }
      emit_char(i);
      for (char32_t mark : marks) {
        if (!is_variation_selector(mark)) emit_placeholder(mark);
      }
      return end;
    }
    emit_char(i);
    return i + 1;
  }

  void emit_char(std::size_t i) {
    const char32_t cp = cps_[i];
    const char32_t next = i + 1 < cps_.size() ? cps_[i + 1] : 0;
    if (cp == '\n') {
      out_ += breaks_ == LineBreaks::NewLine ? "\\newline " : " ";
    } else if (cp == '\t' || cp == '\r') {
      out_ += ' ';
    } else if (is_variation_selector(cp)) {
      // Only a choice of glyph (text or emoji style): nothing to show.
    } else if (const char* command = replacement_for(kAsciiCommands, cp)) {
      out_ += command;
    } else if (cp >= 0x20 && cp < 0x7F) {
      out_ += static_cast<char>(cp);
      if (forms_ligature(cp, next)) out_ += "{}";
    } else if (const char* symbol = replacement_for(kSymbolCommands, cp)) {
      out_ += symbol;
      // A line may break after a dash ("1990–2000", "yes—no"), as after '-'.
      if ((cp == 0x2013 || cp == 0x2014 || cp == 0x2015) && next != 0 && next != ' ' &&
          next != '\n') {
        allow_break();
      }
    } else if (passes_through(cp)) {
      text::utf8::append_utf8(out_, cp);
    } else if (std::string letter = decomposed_letter(cp); !letter.empty()) {
      out_ += letter;
    } else {
      // Placeholders can be broken around: CJK text has no spaces and would
      // otherwise be one unbreakable run of them.
      if (i > 0 && !is_space(i - 1)) allow_break();
      emit_placeholder(cp);
      return;
    }
    allow_breaks_after(i);
  }

  // A break point, once.
  void allow_break() {
    static constexpr std::string_view kBreak = "\\allowbreak{}";
    if (out_.size() < kBreak.size() ||
        out_.compare(out_.size() - kBreak.size(), kBreak.size(), kBreak) != 0) {
      out_ += kBreak;
    }
  }

  void emit_placeholder(char32_t cp) {
    out_ += placeholder(cp);
    after_placeholder_ = true;
    stretch_ = 0;
  }

  // Inside long words: a break point after punctuation, and at least every
  // kLongWordStretch characters.
  void allow_breaks_after(std::size_t i) {
    if (!in_long_word_[i]) {
      stretch_ = 0;
      return;
    }
    const bool last_of_word = i + 1 >= cps_.size() || !in_long_word_[i + 1];
    ++stretch_;
    if (!last_of_word && (is_break_friendly(cps_[i]) || stretch_ >= kLongWordStretch)) {
      allow_break();
      stretch_ = 0;
    }
  }

  LineBreaks breaks_;
  std::vector<char32_t> cps_;
  std::vector<bool> in_long_word_;
  std::size_t stretch_ = 0;
  bool after_placeholder_ = false;
  std::string out_;
};

std::string escape(std::string_view text, LineBreaks breaks = LineBreaks::Space) {
  return LatexEscaper(text, breaks).str();
}

std::string escape_line(std::string_view text) {
  return escape(detail::one_line(text));
}

// ---- blocks ----

std::string paragraph_latex(const Paragraph& paragraph) {
  std::string out;
  for (const Span& span : detail::tidy(paragraph)) {
    const std::string text = escape(span.text, LineBreaks::NewLine);
    switch (span.style) {
      case Style::Plain:
        out += text;
        break;
      case Style::Emphasis:
        out += "\\emph{" + text + "}";
        break;
      case Style::Strong:
        out += "\\textbf{" + text + "}";
        break;
    }
  }
  return out;
}

// Paragraphs of a cell, separated by \par with a little space (one quote
// per paragraph reads better apart).
std::string cell_latex(const Cell& cell) {
  std::string out;
  for (const Paragraph& paragraph : cell.paragraphs) {
    const std::string text = paragraph_latex(paragraph);
    if (text.empty()) continue;
    if (!out.empty()) out += "\\par\\smallskip ";
    out += text;
  }
  // After "\\" LaTeX looks for '*' (the starred row end): keep it literal.
  if (!out.empty() && out.front() == '*') out.insert(0, "{}");
  return out;
}

// p{} columns sharing \linewidth by Column::width, less the \tabcolsep
// padding on both sides of every column, so the table is exactly as wide as
// the text. Left columns are ragged right (narrow justified columns leave
// holes); \hspace{0pt} lets TeX hyphenate a cell's first word.
std::string column_spec(const std::vector<Column>& columns) {
  const std::vector<double> fractions = detail::width_fractions(columns);
  const double padding_count = 2.0 * static_cast<double>(columns.size());
  std::string spec;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const char* ragged = columns[i].align == Align::Right ? "\\raggedleft" : "\\raggedright";
    spec += std::string(">{") + ragged + "\\arraybackslash\\hspace{0pt}}p{\\dimexpr " +
            detail::fixed_decimal(fractions[i], 4) + "\\linewidth-" +
            detail::fixed_decimal(fractions[i] * padding_count, 4) + "\\tabcolsep\\relax}";
  }
  return spec;
}

std::string header_row(const std::vector<Column>& columns) {
  std::string row;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) row += " & ";
    row += "\\textbf{" + escape_line(columns[i].header) + "}";
  }
  return row + " \\\\\n";
}

std::string body_row(const std::vector<Cell>& cells, std::size_t column_count) {
  std::string row;
  for (std::size_t i = 0; i < column_count; ++i) {
    if (i > 0) row += " & ";
    if (i < cells.size()) row += cell_latex(cells[i]);
  }
  return row + " \\\\\n";
}

void append_longtable(std::string& out, const Table& table, const std::string& anchor) {
  const std::size_t n = table.columns.size();
  const std::string caption = escape_line(table.caption);
  const std::string header = header_row(table.columns);
  out += "\\begin{longtable}{" + column_spec(table.columns) + "}\n";
  if (!caption.empty()) out += "\\caption{" + caption + "}\\label{tab:" + anchor + "}\\\\\n";
  out += "\\toprule\n" + header + "\\midrule\n\\endfirsthead\n";
  if (!caption.empty()) out += "\\caption[]{" + caption + " (continued)}\\\\\n";
  out += "\\toprule\n" + header + "\\midrule\n\\endhead\n";
  out += "\\midrule\n\\multicolumn{" + std::to_string(n) +
         "}{r}{\\footnotesize\\emph{continued on next page}}\\\\\n\\endfoot\n";
  out += "\\bottomrule\n\\endlastfoot\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (r > 0) out += "\\addlinespace[2pt]\n";
    out += body_row(table.rows[r], n);
  }
  out += "\\end{longtable}\n";
}

void append_table(std::string& out, const Table& table, const std::string& anchor,
                  const WriteOptions& options) {
  if (table.columns.empty()) return;
  // A standalone document is landscape throughout (geometry); a fragment
  // turns only its tables' pages.
  const bool turn_pages = options.landscape && !options.standalone;
  if (turn_pages) out += "\\begin{landscape}\n";
  append_longtable(out, table, anchor);
  for (const std::string& note : table.notes) {
    const std::string text = paragraph_latex({Span{note, Style::Plain}});
    if (!text.empty()) out += "{\\small\\noindent " + text + "\\par}\n";
  }
  if (turn_pages) out += "\\end{landscape}\n";
}

std::string body(const Document& document, const WriteOptions& options) {
  const std::vector<std::string> anchors = detail::table_anchors(document);
  std::size_t table_index = 0;
  std::string out;
  for (const Block& block : document.blocks) {
    std::string part;
    std::visit(
        detail::Overloaded{
            [&](const Heading& heading) {
              part = std::string(heading.level <= 1 ? "\\section{" : "\\subsection{") +
                     escape_line(heading.text) + "}\n";
            },
            [&](const Paragraph& paragraph) {
              const std::string text = paragraph_latex(paragraph);
              if (!text.empty()) part = text + "\n";
            },
            [&](const Table& table) { append_table(part, table, anchors[table_index++], options); },
        },
        block);
    if (part.empty()) continue;
    if (!out.empty()) out += '\n';
    out += part;
  }
  return out;
}

constexpr const char* kPackages =
    "\\usepackage[T1]{fontenc}\n"
    "\\usepackage[utf8]{inputenc}\n"
    "\\usepackage{textcomp}\n"
    "\\usepackage{array}\n"
    "\\usepackage{booktabs}\n"
    "\\usepackage{longtable}\n";

std::string standalone(const Document& document, const WriteOptions& options) {
  std::string out = "\\documentclass[11pt]{article}\n";
  out += kPackages;
  // Latin Modern gives vector fonts where it is installed; without it T1
  // falls back to the EC fonts, so the document compiles either way.
  out += "\\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{}\n";
  out += std::string("\\usepackage[a4paper,margin=2.5cm") +
         (options.landscape ? ",landscape" : "") + "]{geometry}\n";
  out += "\\setlength{\\LTcapwidth}{\\linewidth}\n";
  // Lets TeX stretch spaces a little more before it lets a line stick out
  // (long words in quotes).
  out += "\\setlength{\\emergencystretch}{3em}\n";
  if (!document.title.empty()) {
    out += "\\title{" + escape_line(document.title) + "}\n\\author{}\n\\date{}\n";
  }
  out += "\n\\begin{document}\n";
  if (!document.title.empty()) out += "\\maketitle\n";
  out += "\n" + body(document, options) + "\n\\end{document}\n";
  return out;
}

// The packages a fragment needs, as comments at its top.
std::string fragment(const Document& document, const WriteOptions& options) {
  std::string out = "% ";
  out += document.title.empty() ? std::string("casebook export") : escape_line(document.title);
  out += "\n% LaTeX fragment written by casebook: \\input it into a document whose preamble has\n";
  std::string packages = kPackages;
  if (options.landscape) packages += "\\usepackage{pdflscape}\n";
  for (std::size_t start = 0; start < packages.size();) {
    const std::size_t end = packages.find('\n', start);
    out += "%   " + packages.substr(start, end - start) + "\n";
    start = end + 1;
  }
  out += "% Characters the fonts cannot show are written as \\texttt{[U+XXXX]}.\n\n";
  out += body(document, options);
  return out;
}

}  // namespace

std::string write_latex(const Document& document, const WriteOptions& options) {
  return options.standalone ? standalone(document, options) : fragment(document, options);
}

}  // namespace casebook::exporting

// Markdown for Pandoc: "# " title, "##"/"###" headings, paragraphs wrapped
// at 100 columns, tables as grid tables (cells hold several paragraphs,
// which pipe tables cannot), "Table: caption" before each table and its
// notes as paragraphs after it. Every character Markdown could read as markup
// is backslash-escaped (Pandoc's all_symbols_escapable), so quotes print
// exactly as spoken.

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::exporting {
namespace {

// Paragraph lines and whole table lines aim at this many columns.
constexpr std::size_t kLineWidth = 100;
constexpr std::size_t kMinColumnWidth = 3;

// Punctuation with a meaning anywhere in a Pandoc Markdown line: escapes,
// code, emphasis, links and spans, raw HTML and autolinks, tables and line
// blocks, TeX math, super- and subscript, strikeout, citations, entities,
// attributes.
bool always_escaped(char32_t cp) {
  return cp < 0x80 && cp != 0 && std::strchr("\\`*_[]<>|$^~@&{}", static_cast<int>(cp)) != nullptr;
}

// Text with Markdown specials escaped and characters no reader wants
// (control characters) dropped. "--" keeps both hyphens: Pandoc's smart
// typography would make it a dash.
std::string escape_inline(std::string_view text) {
  const std::vector<char32_t> cps = text::utf8::code_points(text);
  std::string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || !detail::is_xml_char(cp);
    if (control) continue;
    const bool dash_pair = cp == '-' && i > 0 && cps[i - 1] == '-';
    if (always_escaped(cp) || dash_pair) out += '\\';
    text::utf8::append_utf8(out, cp);
  }
  return out;
}

// A paragraph's spans as Markdown source, one string per stretch between
// hard line breaks. Emphasis markers hug the text (Pandoc ignores "* x *"),
// so spaces at a span's edges stay outside them.
std::vector<std::string> marked_up_stretches(const Paragraph& paragraph) {
  std::vector<std::string> stretches(1);
  for (const Span& span : detail::tidy(paragraph)) {
    const char* marker = span.style == Style::Strong     ? "**"
                         : span.style == Style::Emphasis ? "*"
                                                         : "";
    std::size_t start = 0;
    while (true) {
      const std::size_t end = std::min(span.text.find('\n', start), span.text.size());
      const std::string_view part = std::string_view(span.text).substr(start, end - start);
      const std::size_t first = part.find_first_not_of(' ');
      if (first == std::string_view::npos) {
        stretches.back() += part;
      } else {
        const std::size_t last = part.find_last_not_of(' ');
        stretches.back() += std::string(part.substr(0, first)) + marker +
                            escape_inline(part.substr(first, last - first + 1)) + marker +
                            std::string(part.substr(last + 1));
      }
      if (end == span.text.size()) break;
      stretches.emplace_back();  // a hard line break
      start = end + 1;
    }
  }
  return stretches;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.emplace_back(text.substr(start, end - start));
    pos = end;
  }
  return words;
}

// Greedy fill: as many words per line as fit in `width`; a word longer than
// `width` gets a line of its own (breaking it would insert a space).
std::vector<std::string> fill(const std::vector<std::string>& words, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  for (const std::string& word : words) {
    const std::size_t word_width = detail::display_width(word);
    if (!line.empty() && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

bool is_list_number(std::string_view body) {
  if (body.empty()) return false;
  const bool digits =
      std::all_of(body.begin(), body.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool one_letter = body.size() == 1 && ((body[0] >= 'a' && body[0] <= 'z') ||
                                               (body[0] >= 'A' && body[0] <= 'Z'));
  const bool roman = std::all_of(
      body.begin(), body.end(), [](char c) { return std::strchr("ivxlcdmIVXLCDM", c) != nullptr; });
  return digits || one_letter || roman;
}

// Escapes what would make a line start a block: headers, block quotes, list
// items ("-", "+", "12.", "a)", "(iv)"), setext underlines and rules,
// definitions (":"), title blocks ("%") and table captions ("Table:").
std::string escape_line_start(std::string line) {
  if (line.empty()) return line;
  if (std::strchr("#>+-=:%", line[0]) != nullptr) return "\\" + line;
  if (line.size() >= 6 &&
      (line.compare(0, 6, "Table:") == 0 || line.compare(0, 6, "table:") == 0)) {
    return line.insert(5, "\\");
  }
  const std::size_t word_end = std::min(line.find(' '), line.size());
  const std::string_view word(line.data(), word_end);
  if (word.size() >= 2 && (word.back() == '.' || word.back() == ')')) {
    const bool parenthesised = word.front() == '(' && word.back() == ')';
    const std::string_view body =
        parenthesised ? word.substr(1, word.size() - 2) : word.substr(0, word.size() - 1);
    if (is_list_number(body)) return line.insert(parenthesised ? 0 : word_end - 1, "\\");
  }
  return line;
}

// A paragraph as Markdown lines at most `width` wide (wider only for a word
// that is), hard line breaks as a trailing backslash.
std::vector<std::string> paragraph_lines(const Paragraph& paragraph, std::size_t width) {
  const std::vector<std::string> stretches = marked_up_stretches(paragraph);
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < stretches.size(); ++i) {
    std::vector<std::string> filled = fill(words_of(stretches[i]), width);
    if (filled.empty()) continue;
    if (i + 1 < stretches.size()) filled.back() += '\\';
    for (std::string& line : filled) lines.push_back(escape_line_start(std::move(line)));
  }
  return lines;
}

Paragraph plain(const std::string& text) {
  return {Span{text, Style::Plain}};
}

void append_lines(std::string& out, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) out += line + '\n';
}

// ---- grid tables ----

// A cell's lines: its paragraphs, separated by blank lines.
std::vector<std::string> cell_lines(const Cell& cell, std::size_t width) {
  std::vector<std::string> lines;
  for (const Paragraph& paragraph : cell.paragraphs) {
    std::vector<std::string> more = paragraph_lines(paragraph, width);
    if (more.empty()) continue;
    if (!lines.empty()) lines.emplace_back();
    lines.insert(lines.end(), more.begin(), more.end());
  }
  return lines;
}

// Target content widths: the line budget shared out by Column::width.
std::vector<std::size_t> target_widths(const std::vector<Column>& columns) {
  const std::size_t borders = 3 * columns.size() + 1;  // "| " and " |" around every cell
  const std::size_t budget = kLineWidth > borders ? kLineWidth - borders : 0;
  std::vector<std::size_t> widths;
  for (double fraction : detail::width_fractions(columns)) {
    widths.push_back(std::max(kMinColumnWidth, static_cast<std::size_t>(budget * fraction)));
  }
  return widths;
}

using RowLines = std::vector<std::vector<std::string>>;  // per cell, its lines

class GridTable {
 public:
  explicit GridTable(const Table& table) : table_(table), widths_(target_widths(table.columns)) {
    std::vector<Cell> header;
    for (const Column& column : table.columns) header.emplace_back(column.header);
    header_ = render_row(header);
    for (const auto& row : table.rows) body_.push_back(render_row(row));
    // Pandoc (2.17) reads a grid table without body rows as a headerless
    // table followed by a stray line; one empty row keeps the header a header.
    if (body_.empty()) body_.push_back(RowLines(widths_.size()));
  }

  std::string str() const {
    std::string out = rule('-', false);
    append_row(out, header_);
    out += rule('=', true);
    for (const RowLines& row : body_) {
      append_row(out, row);
      out += rule('-', false);
    }
    return out;
  }

 private:
  // Renders a row at the target widths, widening a column when a word does
  // not fit.
  RowLines render_row(const std::vector<Cell>& cells) {
    RowLines row;
    for (std::size_t i = 0; i < widths_.size(); ++i) {
      row.push_back(i < cells.size() ? cell_lines(cells[i], widths_[i])
                                     : std::vector<std::string>{});
      for (const std::string& line : row.back())
        widths_[i] = std::max(widths_[i], detail::display_width(line));
    }
    return row;
  }

  // "+-----+----+", or the header separator "+=====+===:+" whose colons mark
  // right-aligned columns.
  std::string rule(char fill, bool alignments) const {
    std::string line = "+";
    for (std::size_t i = 0; i < widths_.size(); ++i) {
      std::string segment(widths_[i] + 2, fill);
      if (alignments && table_.columns[i].align == Align::Right) segment.back() = ':';
      line += segment + "+";
    }
    return line + "\n";
  }

  void append_row(std::string& out, const RowLines& row) const {
    std::size_t height = 1;
    for (const auto& lines : row) height = std::max(height, lines.size());
    for (std::size_t l = 0; l < height; ++l) {
      std::string line = "|";
      for (std::size_t i = 0; i < widths_.size(); ++i) {
        const std::string text = l < row[i].size() ? row[i][l] : std::string();
        line += " " + text + std::string(widths_[i] - detail::display_width(text), ' ') + " |";
      }
      out += line + "\n";
    }
  }

  const Table& table_;
  std::vector<std::size_t> widths_;
  RowLines header_;
  std::vector<RowLines> body_;
};

void append_table(std::string& out, const Table& table) {
  if (table.columns.empty()) return;  // nothing to show, as in every format
  if (!table.caption.empty()) {
    const std::string prefix = "Table: ";
    std::vector<std::string> lines =
        paragraph_lines(plain(detail::one_line(table.caption)), kLineWidth - prefix.size());
    if (!lines.empty()) {
      lines.front() = prefix + lines.front();
      append_lines(out, lines);
      out += '\n';
    }
  }
  out += GridTable(table).str();
  for (const std::string& note : table.notes) {
    const std::vector<std::string> lines = paragraph_lines(plain(note), kLineWidth);
    if (lines.empty()) continue;
    out += '\n';
    append_lines(out, lines);
  }
}

// Heading text: one line, and every '#' escaped, since trailing ones would
// be read as the heading's closing sequence.
std::string heading_text(const std::string& text) {
  std::string out;
  for (char c : escape_inline(detail::one_line(text))) {
    if (c == '#') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string write_markdown(const Document& document, const WriteOptions& /*options*/) {
  std::vector<std::string> blocks;
  if (!document.title.empty()) blocks.push_back("# " + heading_text(document.title) + "\n");
  for (const Block& block : document.blocks) {
    std::string out;
    std::visit(detail::Overloaded{
                   [&](const Heading& heading) {
                     out = std::string(heading.level <= 1 ? "## " : "### ") +
                           heading_text(heading.text) + "\n";
                   },
                   [&](const Paragraph& paragraph) {
                     append_lines(out, paragraph_lines(paragraph, kLineWidth));
                   },
                   [&](const Table& table) { append_table(out, table); },
               },
               block);
    if (!out.empty()) blocks.push_back(std::move(out));
  }
  std::string out;
  for (const std::string& block : blocks) {
    if (!out.empty()) out += '\n';
    out += block;
  }
  return out;
}

}  // namespace casebook::exporting

// Markdown: parsed with libcmark-gfm (CommonMark with GitHub tables), so the text is what a reader
// sees -- heading markers, emphasis, link targets and HTML are dropped -- and
// each leaf block (heading, paragraph, list item, quote, code block) becomes
// one passage. YAML front matter supplies the title and date and is left out
// of the text.

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/text_builder.hpp"

namespace casebook::importers {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

// GitHub's extensions: tables are common in council papers written in
// Markdown; strikethrough and bare links should read as their text.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink"};

// Extension nodes (tables) have types assigned at run time: match by name.
bool is_node(cmark_node* node, std::string_view type_name) {
  const char* name = cmark_node_get_type_string(node);
  return name != nullptr && type_name == name;
}

// The header row of a table is a "table_header" node, the others "table_row".
bool is_table_row(cmark_node* node) {
  return is_node(node, "table_row") || is_node(node, "table_header");
}

// ---- YAML front matter -----------------------------------------------------
// Only the two keys casebook uses are read, from top-level `key: value`
// lines; a full YAML parser would be a dependency for two scalars.

struct FrontMatter {
  std::string title;
  std::string date;
  std::vector<std::string> notes;
};

struct SplitDocument {
  std::optional<std::string_view> front_matter;  // the lines between the fences
  std::string_view body;                         // the Markdown after them
};

std::string_view trim_ascii(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

// One line of `text` starting at `pos` (without its LF), advancing `pos`.
std::string_view next_line(std::string_view text, std::size_t& pos) {
  const std::size_t end = std::min(text.find('\n', pos), text.size());
  const std::string_view line = text.substr(pos, end - pos);
  pos = end < text.size() ? end + 1 : end;
  return line;
}

// Front matter is a "---" line at the very start, closed by "---" or "...";
// without the closing fence the "---" is ordinary Markdown (a rule).
SplitDocument split_front_matter(std::string_view text) {
  std::size_t pos = 0;
  const std::string_view opening = next_line(text, pos);
  if (opening.substr(0, 3) != "---" || trim_ascii(opening) != "---") return {std::nullopt, text};
  const std::size_t inner_start = pos;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const std::string_view fence = trim_ascii(next_line(text, pos));
    if (fence == "---" || fence == "...") {
      return {text.substr(inner_start, line_start - inner_start), text.substr(pos)};
    }
  }
  return {std::nullopt, text};
}

// A YAML scalar: quotes removed, or a trailing " # comment" when unquoted.
std::string yaml_scalar(std::string_view value) {
  value = trim_ascii(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return std::string(value.substr(1, value.size() - 2));
  }
  const auto comment = value.find(" #");
  return std::string(trim_ascii(value.substr(0, comment)));
}

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "2023-06-20", also from "2023-06-20T10:00:00Z" or "2023-06-20 10:00";
// nullopt unless the value starts with a plausible ISO 8601 calendar date.
std::optional<std::string> iso_date(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return std::nullopt;
  const std::string_view y = value.substr(0, 4), m = value.substr(5, 2), d = value.substr(8, 2);
  if (!is_digits(y) || !is_digits(m) || !is_digits(d)) return std::nullopt;
  const int month = std::stoi(std::string(m)), day = std::stoi(std::string(d));
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return std::string(value.substr(0, 10));
}

void read_front_matter_line(std::string_view line, FrontMatter& out) {
  if (line.empty() || line.front() == ' ' || line.front() == '\t') return;  // nested
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view key = trim_ascii(line.substr(0, colon));
  const std::string value = yaml_scalar(line.substr(colon + 1));
  if (key == "title") {
    out.title = value;
  } else if (key == "date" && !value.empty()) {
    if (auto date = iso_date(value)) {
      out.date = *date;
    } else {
      out.notes.push_back("front matter date '" + value +
                          "' is not an ISO date (YYYY-MM-DD); it was ignored");
    }
  }
}

FrontMatter parse_front_matter(std::string_view block) {
  FrontMatter out;
  std::size_t pos = 0;
  while (pos < block.size()) read_front_matter_line(next_line(block, pos), out);
  return out;
}

// ---- the CommonMark tree ---------------------------------------------------

// A paragraph's kind comes from its nearest enclosing list item or quote.
std::string paragraph_kind(cmark_node* paragraph) {
  for (cmark_node* p = cmark_node_parent(paragraph); p != nullptr; p = cmark_node_parent(p)) {
    if (cmark_node_get_type(p) == CMARK_NODE_ITEM) return "list-item";
    if (cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE) return "quote";
  }
  return "paragraph";
}

std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal != nullptr ? std::string_view(literal) : std::string_view();
}

// Turns the events of a cmark_iter walk into TextBuilder passages.
class PassageWalker {
 public:
  explicit PassageWalker(const std::filesystem::path& path) : builder_(path) {}

  void walk(cmark_node* document) {
    IterPtr iter(cmark_iter_new(document));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event == CMARK_EVENT_ENTER) enter(node);
      if (event == CMARK_EVENT_EXIT) exit(node);
    }
  }

  // The text and passages; `h1_title` is the text of the first level-1
  // heading, or empty.
  ImportedSource finish(std::string& h1_title) {
    ImportedSource out = builder_.finish();
    if (title_passage_) {
      const text::OffsetMap map(out.text);
      h1_title = std::string(map.slice(out.passages[*title_passage_].span));
    }
    return out;
  }

 private:
  void enter(cmark_node* node) {
    // A table row is one passage, its cells separated by tabs.
    if (is_table_row(node)) {
      begin("table-row");
      return;
    }
    if (is_node(node, "table_cell")) {
      if (cmark_node_previous(node) != nullptr) append("\t");
      return;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        // Its own heading path is that of the headings above its level.
        close_headings_from(cmark_node_get_heading_level(node));
        begin("heading");
        heading_text_.emplace();
        break;
      case CMARK_NODE_PARAGRAPH:
        begin(paragraph_kind(node));
        break;
      case CMARK_NODE_CODE_BLOCK:  // a leaf: entered, never exited
        begin("code");
        builder_.append(literal_of(node));
        builder_.end_passage();
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        append(literal_of(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        append("\n");
        break;
      default:  // HTML, rules, and markup whose children carry the text
        break;
    }
  }

  void exit(cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (is_table_row(node)) {
      builder_.end_passage();
      return;
    }
    if (type != CMARK_NODE_HEADING && type != CMARK_NODE_PARAGRAPH) return;
    const std::size_t index = builder_.passage_count();
    builder_.end_passage();
    const bool kept = builder_.passage_count() > index;
    if (type == CMARK_NODE_HEADING) {
      if (kept)
        open_headings_.push_back({cmark_node_get_heading_level(node), collapsed(*heading_text_)});
      heading_text_.reset();
    }
    if (kept && !title_passage_ && type == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(node) == 1) {
      title_passage_ = index;
    }
  }

  // Inline text outside a heading or paragraph cannot occur in CommonMark,
  // but guard so a surprising tree loses text rather than aborting.
  void append(std::string_view utf8) {
    if (!builder_.in_passage()) return;
    builder_.append(utf8);
    if (heading_text_) *heading_text_ += utf8;
  }

  // Opens a passage under the headings open at this point.
  void begin(std::string kind) {
    ImportedPassage attributes;
    attributes.kind = std::move(kind);
    for (const auto& [level, text] : open_headings_) {
      if (!attributes.heading_path.empty()) attributes.heading_path += " > ";
      attributes.heading_path += text;
    }
    builder_.begin_passage(std::move(attributes));
  }

  // A heading of `level` closes every open heading at that level or below.
  void close_headings_from(int level) {
    while (!open_headings_.empty() && open_headings_.back().first >= level) {
      open_headings_.pop_back();
    }
  }

  // Runs of whitespace (line breaks inside a heading) become one space.
  static std::string collapsed(std::string_view text) {
    std::string out;
    for (char c : text) {
      const bool space = c == ' ' || c == '\t' || c == '\n';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  TextBuilder builder_;
  std::optional<std::size_t> title_passage_;
  std::vector<std::pair<int, std::string>> open_headings_;  // level, text
  std::optional<std::string> heading_text_;                 // the open heading's text so far
};

NodePtr parse(std::string_view markdown, const std::filesystem::path& path) {
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (!parser) throw_internal(path.string() + ": the Markdown parser failed (out of memory?)");
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr document(cmark_parser_finish(parser.get()));
  if (!document) throw_internal(path.string() + ": the Markdown parser failed (out of memory?)");
  return document;
}

class MarkdownImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    CanonicalText canonical = decode_canonical(file);
    const SplitDocument split = split_front_matter(canonical.text);
    FrontMatter meta = split.front_matter ? parse_front_matter(*split.front_matter) : FrontMatter{};

    const NodePtr document = parse(split.body, file.path);
    PassageWalker walker(file.path);
    walker.walk(document.get());
    std::string h1_title;
    ImportedSource out = walker.finish(h1_title);
    if (out.passages.empty()) throw_no_text(file.path);

    out.format = "markdown";
    out.encoding = std::move(canonical.encoding);
    // Front matter is the author's explicit metadata, so it beats the heading.
    out.title = !meta.title.empty() ? std::move(meta.title) : std::move(h1_title);
    out.date = std::move(meta.date);
    out.notes = std::move(canonical.notes);
    out.notes.insert(out.notes.end(), meta.notes.begin(), meta.notes.end());
    return out;
  }
};

}  // namespace

std::unique_ptr<Importer> make_markdown_importer() {
  return std::make_unique<MarkdownImporter>();
}

}  // namespace casebook::importers

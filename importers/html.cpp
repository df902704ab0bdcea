// HTML and XHTML pages, parsed with gumbo (the HTML5 parsing algorithm, so
// broken markup reads as a browser would show it). What a reader sees
// becomes the text: page furniture (scripts, navigation, forms, banners,
// hidden elements) is dropped, and each block -- heading, paragraph, list
// item, quote, preformatted block, table row -- becomes one passage.
// Hansard-style debates (a paragraph opening with a bold "Name (Seat)
// (Party):" label) become speaker turns; Hansard's column markers become the
// passages' page numbers instead of text.

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/encoding.hpp"
#include "importers/ascii_text.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/moderngov.hpp"
#include "importers/text_builder.hpp"

namespace casebook::importers {
namespace {

// Deeper markup is flattened before parsing: gumbo's tree construction
// scans the stack of open elements for each tag, so pathological nesting
// (100000 <div>s) would take minutes, and its tree is freed recursively.
constexpr std::size_t kMaxDepth = 512;
// How many leading bytes may declare the charset (<meta charset>).
constexpr std::size_t kCharsetScanBytes = 4096;
// A bold opening longer than this is emphasis, not a speaker label.
constexpr std::size_t kMaxLabelBytes = 300;

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':' || c == '_';
}

// ---- sniffing ----------------------------------------------------------------

// Skips a UTF-8 BOM, whitespace and comments from `pos`.
std::size_t skip_prolog_noise(std::string_view head, std::size_t pos) {
  for (;;) {
    while (pos < head.size() && is_ascii_whitespace(head[pos])) ++pos;
    if (!starts_with(head.substr(pos), "<!--")) return pos;
    const std::size_t end = head.find("-->", pos);
    if (end == std::string_view::npos) return head.size();
    pos = end + 3;
  }
}

bool opens_html(std::string_view rest) {
  const std::string lower = ascii_lower(rest.substr(0, 16));
  if (starts_with(lower, "<!doctype html")) return true;
  return starts_with(lower, "<html") && lower.size() > 5 && !is_name_char(lower[5]);
}

// ---- charset -------------------------------------------------------------------

// The value after `key` ("charset=") in `text` at `pos`, unquoted.
std::string attribute_value_after(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_ascii_whitespace(text[pos])) ++pos;
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) ++pos;
  std::size_t end = pos;
  while (end < text.size() && !is_ascii_whitespace(text[end]) && text[end] != '"' &&
         text[end] != '\'' && text[end] != ';' && text[end] != '>' && text[end] != '/')
    ++end;
  return std::string(text.substr(pos, end - pos));
}

// The charset a <meta charset>, <meta http-equiv="Content-Type"> or XML
// declaration names in the first bytes, as written; empty when none.
std::string declared_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, kCharsetScanBytes));
  if (starts_with(head, "<?xml")) {
    const std::size_t decl_end = head.find("?>");
    const std::size_t enc = head.find("encoding=");
    if (enc != std::string::npos && enc < decl_end) return attribute_value_after(head, enc + 9);
  }
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const std::size_t end = std::min(head.find('>', meta), head.size());
    const std::size_t cs = head.find("charset=", meta);
    if (cs != std::string::npos && cs < end) return attribute_value_after(head, cs + 8);
  }
  return {};
}

// What the HTML standard says a declared label means for a page: Latin-1
// and ASCII labels are windows-1252, and a UTF-16 label on bytes that were
// readable as ASCII is UTF-8.
std::string effective_charset(const std::string& label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" ||
      label == "iso8859-1" || label == "l1") {
    return "windows-1252";
  }
  if (starts_with(label, "utf-16") || starts_with(label, "utf16")) return "UTF-8";
  return label;
}

bool has_bom(std::string_view bytes) {
  return starts_with(bytes, "\xEF\xBB\xBF") || starts_with(bytes, "\xFF\xFE") ||
         starts_with(bytes, "\xFE\xFF");
}

text::DecodedText decode_html(const InputFile& file, std::vector<std::string>& notes) {
  const std::string what = file.path.string();
  if (has_bom(file.bytes)) return text::decode_to_utf8(file.bytes, what);
  if (file.encoding) return text::decode_to_utf8(file.bytes, what, file.encoding);
  const std::string label = declared_charset(file.bytes);
  if (!label.empty()) {
    try {
      const std::string name = text::require_known_encoding(effective_charset(label));
      return text::decode_to_utf8(file.bytes, what, name);
    } catch (const Error&) {
      // An unknown or wrong declaration: browsers fall back to sniffing, so do we.
      notes.push_back("the page declares charset \"" + label +
                      "\", which does not decode it; the encoding was detected instead");
    }
  }
  text::DecodedText decoded = text::decode_to_utf8(file.bytes, what);
  if (decoded.detected) {
    notes.push_back("encoding detected as " + decoded.encoding + " (confidence " +
                    std::to_string(decoded.confidence) +
                    "%); pass --encoding if the text looks wrong");
  }
  return decoded;
}

// ---- flattening pathological nesting -------------------------------------

bool is_void_tag(std::string_view name) {
  static constexpr std::string_view kVoid[] = {
      "area", "base",  "br",     "col",   "embed", "hr",       "img",     "input", "link",
      "meta", "param", "source", "track", "wbr",   "basefont", "bgsound", "frame", "keygen"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose content is not markup: their text must not be scanned for tags.
bool is_raw_text_tag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "plaintext";
}

// The index just past the '>' closing the tag at `pos`, respecting quotes.
std::size_t tag_end(std::string_view html, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Tracks the nesting of the markup and drops start and end tags beyond
// kMaxDepth (their text is kept), so gumbo never sees deeper trees.
class NestingLimiter {
 public:
  std::string run(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t pos = 0;
    while (pos < html.size()) {
      const std::size_t lt = html.find('<', pos);
      if (lt == std::string_view::npos) {
        out.append(html.substr(pos));
        break;
      }
      out.append(html.substr(pos, lt - pos));
      pos = handle_markup(html, lt, out);
    }
    return out;
  }

 private:
  std::vector<std::string> open_;  // names of the kept open elements, at most kMaxDepth
  std::size_t dropped_ = 0;        // start tags dropped and not yet closed

  std::size_t handle_markup(std::string_view html, std::size_t lt, std::string& out) {
    const std::string_view rest = html.substr(lt);
    std::size_t end = 0;
    if (starts_with(rest, "<!--")) {
      const std::size_t close = html.find("-->", lt + 4);
      end = close == std::string_view::npos ? html.size() : close + 3;
      out.append(html.substr(lt, end - lt));
      return end;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const std::size_t name_at = lt + (closing ? 2 : 1);
    std::size_t name_end = name_at;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_at || !std::isalpha(static_cast<unsigned char>(html[name_at]))) {
      // "<!DOCTYPE", "<?xml", or a lone "<" in text: pass through as is.
      end = rest.size() > 1 && (rest[1] == '!' || rest[1] == '?') ? tag_end(html, lt) : lt + 1;
      out.append(html.substr(lt, end - lt));
      return end;
    }
    const std::string name = ascii_lower(html.substr(name_at, name_end - name_at));
    end = tag_end(html, lt);
    const bool self_closing = end >= 2 && html[end - 2] == '/';
    if (closing) {
      if (close(name)) out.append(html.substr(lt, end - lt));
      return end;
    }
    if (is_void_tag(name) || self_closing) {
      out.append(html.substr(lt, end - lt));
      return end;
    }
    if (open_.size() >= kMaxDepth) {
      ++dropped_;
    } else {
      open_.push_back(name);
      out.append(html.substr(lt, end - lt));
    }
    if (is_raw_text_tag(name)) return copy_raw_text(html, end, name, out);
    return end;
  }

  // Whether the end tag is kept: it closes a kept element (and the unclosed
  // ones inside it), or else it is taken to close a dropped one.
  bool close(const std::string& name) {
    const auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it != open_.rend()) {
      open_.erase(std::prev(it.base()), open_.end());
      return true;
    }
    if (dropped_ > 0) {
      --dropped_;
      return false;
    }
    return true;  // a stray end tag: gumbo ignores it
  }

  std::size_t copy_raw_text(std::string_view html, std::size_t from, const std::string& name,
                            std::string& out) {
    const std::string lower = ascii_lower(html.substr(from));
    const std::size_t close = lower.find("</" + name);
    const std::size_t end = close == std::string::npos ? html.size() : from + close;
    out.append(html.substr(from, end - from));
    return end;
  }
};

// ---- gumbo -----------------------------------------------------------------------

class ParsedHtml {
 public:
  explicit ParsedHtml(const std::string& utf8) {
    options_.max_errors = 100;  // errors are not reported; don't collect millions
    output_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
  }
  ~ParsedHtml() {
    if (output_ != nullptr) gumbo_destroy_output(&options_, output_);
  }
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  const GumboNode* root() const { return output_ == nullptr ? nullptr : output_->root; }

 private:
  GumboOptions options_ = kGumboDefaultOptions;
  GumboOutput* output_ = nullptr;
};

std::string_view tag_of(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  if (node->v.element.tag == GUMBO_TAG_UNKNOWN) return {};
  return gumbo_normalized_tagname(node->v.element.tag);
}

// An attribute's value, trimmed, as written.
std::string raw_attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string() : std::string(trim_ascii_whitespace(attr->value));
}

// An attribute's value, trimmed and lower-cased, for comparing keywords.
std::string attribute(const GumboNode* node, const char* name) {
  return ascii_lower(raw_attribute(node, name));
}

bool is_heading_tag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// A class or id naming navigation ("navLinks", "breadcrumb", "skip-link").
bool names_navigation(const std::string& value) {
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t end = value.find(' ', pos);
    if (end == std::string::npos) end = value.size();
    const std::string_view token = std::string_view(value).substr(pos, end - pos);
    if (starts_with(token, "nav") || starts_with(token, "breadcrumb") || token == "skip-link" ||
        token == "skiplink" || token == "skip-links") {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

bool parent_is_body(const GumboNode* node) {
  return node->parent != nullptr && tag_of(node->parent) == "body";
}

// A page's header or footer: the banner or contentinfo of the page, not the
// header of an article inside it.
bool is_page_banner(const GumboNode* node, std::string_view tag) {
  if (tag != "header" && tag != "footer") return false;
  return parent_is_body(node) || (node->parent != nullptr && parent_is_body(node->parent));
}

bool is_dropped(const GumboNode* node) {
  static constexpr std::string_view kDropped[] = {
      "head", "script", "style",  "noscript", "template", "nav",    "aside",
      "form", "button", "select", "svg",      "iframe",   "object", "textarea"};
  const std::string_view tag = tag_of(node);
  if (std::find(std::begin(kDropped), std::end(kDropped), tag) != std::end(kDropped)) return true;
  if (is_page_banner(node, tag)) return true;
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
  if (attribute(node, "aria-hidden") == "true") return true;
  const std::string role = attribute(node, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo") return true;
  return names_navigation(attribute(node, "class")) || names_navigation(attribute(node, "id"));
}

// Block elements: each starts and ends a run of text. Unknown elements
// (and <a>, <span>, <b> ...) are inline.
bool is_block_tag(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "html",   "body",     "p",          "div",     "section", "article",    "main",
      "header", "footer",   "li",         "ul",      "ol",      "dl",         "dt",
      "dd",     "pre",      "blockquote", "table",   "thead",   "tbody",      "tfoot",
      "tr",     "td",       "th",         "caption", "figure",  "figcaption", "address",
      "center", "fieldset", "details",    "summary", "dialog",  "hr",         "menu",
      "h1",     "h2",       "h3",         "h4",      "h5",      "h6",         "hgroup"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

// A table row is one passage when its cells hold only inline content; a
// layout table whose cells hold paragraphs is read as the paragraphs.
bool is_simple_row(const GumboNode* row) {
  std::vector<const GumboNode*> todo{row};
  while (!todo.empty()) {
    const GumboNode* node = todo.back();
    todo.pop_back();
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      const std::string_view tag = tag_of(child);
      if (tag != "td" && tag != "th" && is_block_tag(tag)) return false;
      todo.push_back(child);
    }
  }
  return true;
}

// ---- blocks of text --------------------------------------------------------------

struct Block {
  std::string kind;
  std::string text;
  std::string speaker;  // from a bold "Name:" label, before turn assignment
  std::string heading_path;
  int heading_level = 0;  // 1-6 for headings
};

// The text being collected for the innermost block element.
struct Run {
  std::string text;
  bool pending_space = false;
  // The bold label the run opens with ("Mr Hague:"), as byte offsets.
  std::optional<std::size_t> label_start;
  std::optional<std::size_t> label_end;
  bool label_possible = true;
};

// An open block element: what kind of passage its own text makes.
struct BlockContext {
  std::string kind;
  int heading_level = 0;
  bool keep_whitespace = false;
  bool row = false;  // a simple table row: cells are tab-separated
  int cells = 0;     // cells seen in the row so far
};

// A question number ("1.", "T2.") may come before a Hansard speaker label.
bool is_question_number(const std::string& text) {
  std::string t(trim_ascii_whitespace(text));
  if (t.empty()) return true;
  if (t.front() == 'T') t.erase(0, 1);
  if (!t.empty() && t.back() == '.') t.pop_back();
  return !t.empty() &&
         std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

class BlockCollector {
 public:
  std::vector<Block> collect(const GumboNode* root) {
    walk(root);
    flush();
    return std::move(blocks_);
  }
  const std::string& first_h1() const { return first_h1_; }
  const std::string& first_heading() const { return first_heading_; }

 private:
  std::vector<Block> blocks_;
  std::vector<BlockContext> contexts_;
  std::vector<std::pair<int, std::string>> headings_;  // level, text: the open sections
  Run run_;
  int quote_depth_ = 0;
  int pre_depth_ = 0;
  std::string first_h1_;
  std::string first_heading_;

  // An explicit stack instead of recursion: depth is bounded by kMaxDepth
  // anyway, but the walker should not depend on that.
  struct Frame {
    const GumboNode* node;
    unsigned next_child = 0;
    bool block = false;
    bool label = false;  // this bold element is capturing a speaker label
  };

  void walk(const GumboNode* root) {
    if (root == nullptr) return;
    std::vector<Frame> stack;
    stack.push_back(enter(root));
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector* children = child_vector(frame.node);
      if (children != nullptr && frame.next_child < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA) {
          append_text(child->v.text.text);
        } else if ((child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) &&
                   !is_dropped(child)) {
          stack.push_back(enter(child));
        }
        continue;
      }
      const Frame done = frame;
      stack.pop_back();
      leave(done);
    }
  }

  static const GumboVector* child_vector(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
    return nullptr;
  }

  Frame enter(const GumboNode* node) {
    Frame frame{node};
    const std::string_view tag = tag_of(node);
    if (node->type != GUMBO_NODE_ELEMENT) return frame;
    if (tag == "br") {
      line_break();
      return frame;
    }
    if ((tag == "td" || tag == "th") && in_row()) {
      if (contexts_.back().cells++ > 0) cell_break();
      return frame;
    }
    if (tag == "b" || tag == "strong") {
      frame.label = start_label();
      return frame;
    }
    if (pre_depth_ > 0 || !is_block_tag(tag)) return frame;
    flush();
    frame.block = true;
    contexts_.push_back(context_for(node, tag));
    if (tag == "blockquote") ++quote_depth_;
    if (tag == "pre") ++pre_depth_;
    return frame;
  }

  void leave(const Frame& frame) {
    const std::string_view tag = frame.node->type == GUMBO_NODE_ELEMENT ? tag_of(frame.node) : "";
    if (frame.label) run_.label_end = run_.text.size();
    if (!frame.block) return;
    flush();
    contexts_.pop_back();
    if (tag == "blockquote") --quote_depth_;
    if (tag == "pre") --pre_depth_;
  }

  bool in_row() const { return !contexts_.empty() && contexts_.back().row; }

  BlockContext context_for(const GumboNode* node, std::string_view tag) const {
    BlockContext c;
    if (is_heading_tag(tag)) {
      c.kind = "heading";
      c.heading_level = tag[1] - '0';
    } else if (tag == "li" || tag == "dt" || tag == "dd") {
      c.kind = "list-item";
    } else if (tag == "blockquote") {
      c.kind = "quote";
    } else if (tag == "pre") {
      c.kind = quote_depth_ > 0 ? "quote" : "code";
      c.keep_whitespace = true;
    } else if (tag == "tr" && is_simple_row(node)) {
      c.kind = "table-row";
      c.row = true;
    } else {
      c.kind = quote_depth_ > 0 ? "quote" : "paragraph";
    }
    return c;
  }

  bool keeping_whitespace() const { return pre_depth_ > 0; }

  void append_text(std::string_view text) {
    if (keeping_whitespace()) {
      run_.text.append(text);
      return;
    }
    for (char c : text) {
      if (is_ascii_whitespace(c)) {
        run_.pending_space = true;
        continue;
      }
      if (run_.pending_space && !run_.text.empty() && run_.text.back() != '\n' &&
          run_.text.back() != '\t') {
        run_.text += ' ';
      }
      run_.pending_space = false;
      run_.text += c;
    }
  }

  void trim_trailing_spaces() {
    while (!run_.text.empty() && run_.text.back() == ' ') run_.text.pop_back();
  }

  void line_break() {
    trim_trailing_spaces();
    run_.text += '\n';
    run_.pending_space = false;
  }

  void cell_break() {
    trim_trailing_spaces();
    run_.text += '\t';
    run_.pending_space = false;
  }

  // Starts capturing a bold label when the run has no text yet but perhaps
  // a question number; only the first bold element of a run can be one.
  bool start_label() {
    if (!run_.label_possible || keeping_whitespace()) return false;
    run_.label_possible = false;
    if (!is_question_number(run_.text)) return false;
    if (run_.pending_space && !run_.text.empty()) run_.text += ' ';
    run_.pending_space = false;
    run_.label_start = run_.text.size();
    return true;
  }

  // The speaker named by the run's opening bold label, or "".
  std::string label_speaker() const {
    if (!run_.label_start || !run_.label_end || *run_.label_end <= *run_.label_start) return {};
    std::string label(trim_ascii_whitespace(std::string_view(run_.text).substr(
        *run_.label_start, *run_.label_end - *run_.label_start)));
    if (label.size() > kMaxLabelBytes || label.find('\n') != std::string::npos) return {};
    if (!label.empty() && label.back() == ':') {
      label.pop_back();
      return std::string(trim_ascii_whitespace(label));
    }
    // "<b>Name</b>: text" -- the colon right after the bold text.
    const std::string after(
        trim_ascii_whitespace(std::string_view(run_.text).substr(*run_.label_end)));
    return !label.empty() && starts_with(after, ":") ? label : std::string();
  }

  std::string heading_path() const {
    std::string out;
    for (const auto& [level, text] : headings_) {
      if (!out.empty()) out += " > ";
      out += text;
    }
    return out;
  }

  void flush() {
    const std::string text =
        keeping_whitespace() || (!contexts_.empty() && contexts_.back().keep_whitespace)
            ? trim_blank_lines(run_.text)
            : std::string(trim_ascii_whitespace(run_.text));
    if (!text.empty()) {
      Block block;
      const BlockContext* context = contexts_.empty() ? nullptr : &contexts_.back();
      block.kind = context == nullptr ? "paragraph" : context->kind;
      block.text = text;
      block.heading_level = context == nullptr ? 0 : context->heading_level;
      if (block.kind == "paragraph") block.speaker = label_speaker();
      if (block.heading_level > 0) close_sections(block.heading_level);
      block.heading_path = heading_path();
      if (block.heading_level > 0) open_section(block);
      blocks_.push_back(std::move(block));
    }
    run_ = Run{};
  }

  // A heading closes the sections at its level and below ...
  void close_sections(int level) {
    while (!headings_.empty() && headings_.back().first >= level) headings_.pop_back();
  }

  // ... and opens its own.
  void open_section(const Block& heading) {
    std::string one_line = heading.text;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    headings_.emplace_back(heading.heading_level, one_line);
    if (first_heading_.empty()) first_heading_ = one_line;
    if (first_h1_.empty() && heading.heading_level == 1) first_h1_ = one_line;
  }

  // Preformatted text keeps its spaces, but not blank lines around it.
  static std::string trim_blank_lines(const std::string& s) {
    std::size_t b = 0;
    while (b < s.size()) {
      const std::size_t nl = s.find('\n', b);
      if (nl == std::string::npos ||
          !trim_ascii_whitespace(std::string_view(s).substr(b, nl - b)).empty())
        break;
      b = nl + 1;
    }
    std::size_t e = s.size();
    while (e > b && is_ascii_whitespace(s[e - 1])) --e;
    return s.substr(b, e - b);
  }
};

// ---- Hansard: column markers, split paragraphs, speaker turns ---------------

// "19 July 2011 : Column 183WH" -> 183; nullopt for other text.
std::optional<int> hansard_column(const std::string& text) {
  const std::size_t at = text.rfind(" : Column ");
  if (at == std::string::npos || at == 0 || text.size() > 60) return std::nullopt;
  std::size_t pos = at + 10;
  int number = 0;
  std::size_t digits = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) && digits < 6) {
    number = number * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
  if (pos != text.size()) return std::nullopt;
  return number;
}

bool ends_sentence(const std::string& text) {
  if (text.empty()) return true;
  static constexpr std::string_view kEnds[] = {".",  "?", "!", ":",      ";",
                                               "\"", ")", "]", "\u201D", "\u2019"};
  for (std::string_view end : kEnds) {
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0)
      return true;
  }
  return false;
}

bool starts_lower_case(const std::string& text) {
  return !text.empty() && std::islower(static_cast<unsigned char>(text.front())) != 0;
}

struct Passage {
  Block block;
  int page = 0;
};

// Drops column markers (their number becomes the page of what follows) and
// rejoins a paragraph that a column break cut in two.
std::vector<Passage> apply_columns(std::vector<Block> blocks) {
  std::vector<Passage> out;
  int page = 0;
  bool after_break = false;
  for (Block& block : blocks) {
    if (block.kind == "paragraph") {
      if (const std::optional<int> column = hansard_column(block.text)) {
        page = *column;
        after_break = true;
        continue;
      }
    }
    const bool continues = after_break && !out.empty() && block.speaker.empty() &&
                           block.kind == "paragraph" && out.back().block.kind == "paragraph" &&
                           !ends_sentence(out.back().block.text) && starts_lower_case(block.text);
    after_break = false;
    if (continues) {
      out.back().block.text += " " + block.text;
      continue;
    }
    out.push_back({std::move(block), page});
  }
  return out;
}

// A debate: paragraphs opening with a speaker label become turns, and the
// unlabelled paragraphs after them continue the same speaker's turn until
// the next heading. Needs two labels, so one bold "Note:" does not turn a
// whole page into a speech.
void assign_turns(std::vector<Passage>& passages) {
  const auto labelled = std::count_if(passages.begin(), passages.end(),
                                      [](const Passage& p) { return !p.block.speaker.empty(); });
  if (labelled < 2) {
    for (Passage& p : passages) p.block.speaker.clear();
    return;
  }
  std::string speaker;
  for (Passage& p : passages) {
    if (p.block.kind == "heading") {
      speaker.clear();
      continue;
    }
    if (p.block.kind != "paragraph") continue;
    if (!p.block.speaker.empty()) speaker = p.block.speaker;
    if (speaker.empty()) continue;
    p.block.kind = "turn";
    p.block.speaker = speaker;
  }
}

// ---- metadata --------------------------------------------------------------------

std::string element_text(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> todo{node};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        todo.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  std::string collapsed;
  for (char c : out) {
    if (is_ascii_whitespace(c)) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  return std::string(trim_ascii_whitespace(collapsed));
}

struct PageMetadata {
  std::string title;
  std::string date;
};

bool is_date_meta(const std::string& name) {
  return name == "dc.date" || name == "dcterms.date" || name == "date" ||
         name == "article:published_time" || name == "dc.date.issued" || name == "dcterms.issued" ||
         name == "dcterms.created";
}

// <title> and the first date <meta>, found in the whole tree (pages put
// <meta> in the body too), walked with an explicit stack.
PageMetadata page_metadata(const GumboNode* root) {
  PageMetadata out;
  if (root == nullptr) return out;
  std::vector<const GumboNode*> todo{root};
  while (!todo.empty()) {
    const GumboNode* node = todo.back();
    todo.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const std::string_view tag = tag_of(node);
      if (tag == "title" && out.title.empty()) out.title = element_text(node);
      if (tag == "meta" && out.date.empty()) {
        std::string name = attribute(node, "name");
        if (name.empty()) name = attribute(node, "property");
        if (is_date_meta(name)) out.date = moderngov::iso_date(raw_attribute(node, "content"));
      }
      if (tag == "body" || tag == "script" || tag == "style") continue;  // metadata is in head
      children = &node->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned i = 0; i < children->length; ++i) {
      todo.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  return out;
}

std::string extension_of(const std::filesystem::path& path) {
  std::string ext = ascii_lower(path.extension().string());
  if (!ext.empty() && ext.front() == '.') ext.erase(0, 1);
  return ext;
}

class HtmlImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    // An HTML page saved under a .xml name is almost always a web service's
    // error page (ModernGov, SharePoint): say so rather than import it.
    if (extension_of(file.path) == "xml") moderngov::reject_non_xml(file.path.string(), file.bytes);

    std::vector<std::string> notes;
    const text::DecodedText decoded = decode_html(file, notes);
    const std::string html = NestingLimiter().run(decoded.utf8);
    const ParsedHtml parsed(html);

    BlockCollector collector;
    std::vector<Passage> passages = apply_columns(collector.collect(parsed.root()));
    assign_turns(passages);

    TextBuilder builder(file.path);
    for (const Passage& p : passages) {
      ImportedPassage attributes;
      attributes.kind = p.block.kind;
      attributes.speaker = p.block.speaker;
      attributes.page = p.page;
      attributes.heading_path = p.block.heading_path;
      builder.begin_passage(std::move(attributes));
      builder.append(p.block.text);
      builder.end_passage();
    }
    ImportedSource out = builder.finish();
    if (out.passages.empty()) throw_no_text(file.path);

    const PageMetadata meta = page_metadata(parsed.root());
    out.format = "html";
    out.encoding = decoded.encoding;
    out.title = !meta.title.empty()             ? meta.title
                : !collector.first_h1().empty() ? collector.first_h1()
                                                : collector.first_heading();
    out.date = meta.date;
    out.notes = std::move(notes);
    return out;
  }
};

}  // namespace

bool sniff_html(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kCharsetScanBytes);
  std::size_t pos = starts_with(head, "\xEF\xBB\xBF") ? 3 : 0;
  pos = skip_prolog_noise(head, pos);
  if (starts_with(head.substr(pos), "<?xml")) {
    const std::size_t end = head.find("?>", pos);
    if (end == std::string_view::npos) return false;
    pos = skip_prolog_noise(head, end + 2);
  }
  return opens_html(head.substr(pos));
}

std::unique_ptr<Importer> make_html_importer() {
  return std::make_unique<HtmlImporter>();
}

}  // namespace casebook::importers

// WebVTT: the W3C file parsing and cue text parsing algorithms, followed step
// by step so that browsers, caption tools and casebook read a file the same
// way (tests/unit/importers/webvtt_wpt_test.cpp runs the web-platform-tests),
// and the importer that turns cues into speaker turns.
//
// The parser works on UTF-8 bytes: every character the algorithms test for is
// ASCII, so byte positions serve as character positions.

#include "importers/webvtt.hpp"

#include <gumbo.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/ascii_text.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/text_builder.hpp"
#include "importers/transcript.hpp"

namespace casebook::importers::webvtt {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kArrow = "-->";
// Deeper markup than this is flattened: the tree is walked recursively, and
// no real caption nests more than a handful of spans.
constexpr std::size_t kMaxDepth = 64;

// ---- Preprocessing: UTF-8 decode, NUL and newlines --------------------------

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t n = b0 >= 0xC2 && b0 <= 0xDF   ? 2
                  : b0 >= 0xE0 && b0 <= 0xEF ? 3
                  : b0 >= 0xF0 && b0 <= 0xF4 ? 4
                                             : 0;
  if (n == 0 || i + n > s.size()) return 0;
  return text::is_valid_utf8(s.substr(i, n)) ? n : 0;
}

// The spec's decoding and preprocessing: BOM dropped, invalid bytes and NUL
// become U+FFFD, CRLF and CR become LF.
std::string preprocess(std::string_view bytes, bool& replaced_invalid) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\0') {
      out += kReplacement;
      ++i;
    } else if (c == '\r') {
      out += '\n';
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
    } else if (const std::size_t n = valid_sequence_length(bytes, i); n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
    } else {
      out += kReplacement;
      replaced_invalid = true;
      ++i;
    }
  }
  return out;
}

// ---- Timestamps --------------------------------------------------------------

std::string_view collect_digits(std::string_view s, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  return s.substr(start, pos - start);
}

// Digits as a number; nullopt past 12 digits (hours beyond any recording),
// so arithmetic cannot overflow.
std::optional<std::int64_t> digits_value(std::string_view digits) {
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The spec's "collect a WebVTT timestamp", advancing `pos`.
std::optional<std::int64_t> collect_timestamp(std::string_view s, std::size_t& pos) {
  bool hours_first = false;
  if (pos >= s.size() || !is_digit(s[pos])) return std::nullopt;
  const std::string_view d1 = collect_digits(s, pos);
  auto v1 = digits_value(d1);
  if (!v1) return std::nullopt;
  if (d1.size() != 2 || *v1 > 59) hours_first = true;
  if (pos >= s.size() || s[pos] != ':') return std::nullopt;
  ++pos;
  const std::string_view d2 = collect_digits(s, pos);
  if (d2.size() != 2) return std::nullopt;
  std::int64_t v2 = *digits_value(d2), v3 = 0;
  if (hours_first || (pos < s.size() && s[pos] == ':')) {
    if (pos >= s.size() || s[pos] != ':') return std::nullopt;
    ++pos;
    const std::string_view d3 = collect_digits(s, pos);
    if (d3.size() != 2) return std::nullopt;
    v3 = *digits_value(d3);
  } else {
    v3 = v2;
    v2 = *v1;
    v1 = 0;
  }
  if (pos >= s.size() || s[pos] != '.') return std::nullopt;
  ++pos;
  const std::string_view d4 = collect_digits(s, pos);
  if (d4.size() != 3) return std::nullopt;
  if (v2 > 59 || v3 > 59) return std::nullopt;
  return ((*v1 * 60 + v2) * 60 + v3) * 1000 + *digits_value(d4);
}

// Older Teams exports write "0:0:5.32": one-digit fields and short
// fractions, invalid WebVTT. Hours optional, minutes and seconds 1-2 digits
// (at most 59), fraction 1-3 digits read as a decimal fraction.
std::optional<std::int64_t> collect_lenient_timestamp(std::string_view s, std::size_t& pos) {
  std::vector<std::int64_t> fields;
  while (fields.size() < 3) {
    const std::string_view d = collect_digits(s, pos);
    const auto v = digits_value(d);
    if (!v || (!fields.empty() && (d.size() > 2 || *v > 59))) return std::nullopt;
    fields.push_back(*v);
    if (pos >= s.size() || s[pos] != ':') break;
    ++pos;
  }
  if (fields.size() < 2 || pos >= s.size() || s[pos] != '.') return std::nullopt;
  ++pos;
  std::string_view fraction = collect_digits(s, pos);
  if (fraction.empty() || fraction.size() > 3) return std::nullopt;
  std::int64_t ms = *digits_value(fraction);
  for (std::size_t i = fraction.size(); i < 3; ++i) ms *= 10;
  if (fields.size() == 2) fields.insert(fields.begin(), 0);
  if (fields[1] > 59) return std::nullopt;
  return ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + ms;
}

using TimestampCollector = std::optional<std::int64_t> (*)(std::string_view, std::size_t&);

void skip_whitespace(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && is_ascii_whitespace(s[pos])) ++pos;
}

// The spec's "collect WebVTT cue timings and settings"; the settings are
// kept raw (they place captions on screen, which an importer ignores).
bool parse_timing_line(std::string_view line, TimestampCollector collect, Cue& cue) {
  std::size_t pos = 0;
  skip_whitespace(line, pos);
  const auto start = collect(line, pos);
  if (!start) return false;
  skip_whitespace(line, pos);
  if (line.substr(pos, kArrow.size()) != kArrow) return false;
  pos += kArrow.size();
  skip_whitespace(line, pos);
  const auto end = collect(line, pos);
  if (!end) return false;
  skip_whitespace(line, pos);
  cue.start_ms = *start;
  cue.end_ms = *end;
  cue.settings = std::string(line.substr(pos));
  return true;
}

// ---- Blocks --------------------------------------------------------------------

bool starts_block_keyword(std::string_view line, std::string_view keyword) {
  if (line.substr(0, keyword.size()) != keyword) return false;
  return line.size() == keyword.size() || line[keyword.size()] == ' ' ||
         line[keyword.size()] == '\t';
}

// Comments, style sheets and region definitions: blocks the spec reads
// without making cues, which the user need not hear about.
bool is_known_non_cue_block(std::string_view first_line) {
  return starts_block_keyword(first_line, "NOTE") || starts_block_keyword(first_line, "STYLE") ||
         starts_block_keyword(first_line, "REGION");
}

class FileParser {
 public:
  FileParser(std::string input, const ParseOptions& options)
      : in_(std::move(input)), options_(options) {
    for (std::size_t i = 0; i < in_.size(); ++i) {
      if (in_[i] == '\n') line_feeds_.push_back(i);
    }
  }

  std::optional<ParsedFile> run() {
    if (!has_signature()) return std::nullopt;
    next_line();  // the signature line; the rest of it is free text
    if (pos_ >= in_.size()) return std::move(out_);
    collect_block(true);  // header lines (metadata) are ignored
    skip_line_feeds();
    while (pos_ < in_.size()) {
      collect_block(false);
      skip_line_feeds();
    }
    return std::move(out_);
  }

  ParsedFile& result() { return out_; }

 private:
  bool has_signature() const {
    if (in_.size() < 6 || in_.compare(0, 6, "WEBVTT") != 0) return false;
    return in_.size() == 6 || in_[6] == ' ' || in_[6] == '\t' || in_[6] == '\n';
  }

  std::size_t line_number(std::size_t pos) const {
    return 1 +
           static_cast<std::size_t>(std::lower_bound(line_feeds_.begin(), line_feeds_.end(), pos) -
                                    line_feeds_.begin());
  }

  // Collects up to the next LF (not included) and steps over the LF.
  std::string_view next_line() {
    const std::size_t lf = std::min(in_.find('\n', pos_), in_.size());
    const std::string_view line = std::string_view(in_).substr(pos_, lf - pos_);
    pos_ = lf < in_.size() ? lf + 1 : lf;
    return line;
  }

  void skip_line_feeds() {
    while (pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
  }

  bool parse_timing(std::string_view line, Cue& cue) {
    if (parse_timing_line(line, collect_timestamp, cue)) return true;
    if (options_.lenient_timings && parse_timing_line(line, collect_lenient_timestamp, cue)) {
      ++out_.lenient_timing_lines;
      return true;
    }
    return false;
  }

  // The spec's "collect a WebVTT block"; appends a cue when the block is one.
  void collect_block(bool in_header) {
    std::size_t line_count = 0;
    std::size_t previous_position = pos_;
    const std::size_t block_line = line_number(pos_);
    std::string buffer;
    std::string first_line;
    bool seen_arrow = false, bad_timing = false;
    std::optional<Cue> cue;
    while (true) {
      const std::size_t line_start = pos_;
      const bool at_end_before = pos_ >= in_.size();
      const std::string_view line = next_line();
      ++line_count;
      const bool seen_eof = at_end_before || pos_ >= in_.size();
      if (line_count == 1) first_line = std::string(line);
      if (line.find(kArrow) != std::string_view::npos) {
        if (!in_header && (line_count == 1 || (line_count == 2 && !seen_arrow))) {
          seen_arrow = true;
          previous_position = pos_;
          Cue candidate;
          candidate.id = buffer;
          candidate.line = line_number(line_start);
          if (parse_timing(line, candidate)) {
            cue = std::move(candidate);
            buffer.clear();
          } else {
            bad_timing = true;
            if (line_count == 2) first_line = std::string(line);
          }
        } else {
          pos_ = previous_position;
          break;
        }
      } else if (line.empty()) {
        break;
      } else {
        if (!buffer.empty()) buffer += '\n';
        buffer.append(line);
        previous_position = pos_;
      }
      if (seen_eof) break;
    }
    if (cue) {
      cue->text = std::move(buffer);
      out_.cues.push_back(std::move(*cue));
    } else if (!in_header && (bad_timing || !is_known_non_cue_block(first_line))) {
      out_.dropped.push_back({block_line, first_line, bad_timing});
    }
  }

  std::string in_;
  ParseOptions options_;
  std::vector<std::size_t> line_feeds_;  // positions of every LF, for line numbers
  std::size_t pos_ = 0;
  ParsedFile out_;
};

// ---- Cue text: HTML character references --------------------------------------

bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void gather_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      gather_text(static_cast<const GumboNode*>(children.data[i]), out);
    }
  }
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

// HTML's named references are a 2,231-entry table with legacy rules
// (&amp without ';', &notit; read as &not + "it;"); the HTML parser we
// already link applies them exactly, so a reference is decoded by parsing
// it as the text of a paragraph.
std::string decode_with_html_parser(const std::string& reference) {
  const std::string html = "<p>" + reference;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  std::string out;
  if (output) gather_text(output->root, out);
  return out;
}

// The longest run after '&' that can belong to a character reference.
std::size_t reference_run_length(std::string_view s, std::size_t pos) {
  constexpr std::size_t kLongestName = 40;  // "&CounterClockwiseContourIntegral;" is 33
  std::size_t end = pos;
  if (end < s.size() && s[end] == '#') ++end;
  while (end < s.size() && end - pos < kLongestName && is_ascii_alnum(s[end])) ++end;
  if (end < s.size() && s[end] == ';') ++end;
  return end - pos;
}

class CueTextParser {
 public:
  explicit CueTextParser(std::string_view text) : s_(text) {}

  Node run() {
    Node root;
    std::vector<Node*> open{&root};
    while (pos_ < s_.size()) {
      Token token = next_token();
      apply(token, open);
    }
    return root;
  }

 private:
  enum class TokenType { String, StartTag, EndTag, Timestamp };
  struct Token {
    TokenType type = TokenType::String;
    std::string value;  // the string, or the tag name, or the timestamp text
    std::vector<std::string> classes;
    std::string annotation;
  };

  // After a '&' at pos_ - 1: the decoded reference, or nullopt when the
  // characters there cannot start one (the '&' is then literal).
  std::optional<std::string> consume_reference(char additional_allowed) {
    if (pos_ >= s_.size()) return std::nullopt;
    const char c = s_[pos_];
    if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' ||
        c == additional_allowed) {
      return std::nullopt;
    }
    const std::size_t n = reference_run_length(s_, pos_);
    if (n == 0) return std::nullopt;
    const std::string reference = "&" + std::string(s_.substr(pos_, n));
    pos_ += n;
    auto cached = cache_.find(reference);
    if (cached == cache_.end()) {
      cached = cache_.emplace(reference, decode_with_html_parser(reference)).first;
    }
    return cached->second;
  }

  void append_reference(std::string& to, char additional_allowed) {
    if (auto decoded = consume_reference(additional_allowed)) {
      to += *decoded;
    } else {
      to += '&';
    }
  }

  Token next_token();
  Token string_token();
  Token tag_token();
  void apply(Token& token, std::vector<Node*>& open) const;

  std::string_view s_;
  std::size_t pos_ = 0;
  std::map<std::string, std::string> cache_;  // reference -> decoded text
};

// The tokenizer's data state.
CueTextParser::Token CueTextParser::string_token() {
  Token token;
  while (pos_ < s_.size() && s_[pos_] != '<') {
    const char c = s_[pos_++];
    if (c == '&') {
      append_reference(token.value, '\0');
    } else {
      token.value += c;
    }
  }
  return token;
}

// The tag, start tag, start tag class, start tag annotation, end tag and
// timestamp tag states, entered after a '<'.
CueTextParser::Token CueTextParser::tag_token() {
  Token token;
  token.type = TokenType::StartTag;
  enum class State { Tag, StartTag, Class, Annotation, EndTag, Timestamp } state = State::Tag;
  std::string buffer;
  auto finish_class = [&] {
    token.classes.push_back(buffer);
    buffer.clear();
  };
  while (pos_ < s_.size()) {
    const char c = s_[pos_++];
    const bool space = c == '\t' || c == '\f' || c == ' ';
    switch (state) {
      case State::Tag:
        if (space || c == '\n') {
          state = State::Annotation;
          if (c == '\n') buffer = "\n";
        } else if (c == '.') {
          state = State::Class;
        } else if (c == '/') {
          state = State::EndTag;
          token.type = TokenType::EndTag;
        } else if (is_digit(c)) {
          token.value = c;
          state = State::Timestamp;
          token.type = TokenType::Timestamp;
        } else if (c == '>') {
          return token;
        } else {
          token.value = c;
          state = State::StartTag;
        }
        break;
      case State::StartTag:
        if (space || c == '\n') {
          state = State::Annotation;
          if (c == '\n') buffer = "\n";
        } else if (c == '.') {
          state = State::Class;
        } else if (c == '>') {
          return token;
        } else {
          token.value += c;
        }
        break;
      case State::Class:
        if (space || c == '\n') {
          finish_class();
          if (c == '\n') buffer = "\n";
          state = State::Annotation;
        } else if (c == '.') {
          finish_class();
        } else if (c == '>') {
          finish_class();
          return token;
        } else {
          buffer += c;
        }
        break;
      case State::Annotation:
        if (c == '&') {
          append_reference(buffer, '>');
        } else if (c == '>') {
          token.annotation = collapse_ascii_whitespace(buffer);
          return token;
        } else {
          buffer += c;
        }
        break;
      case State::EndTag:
      case State::Timestamp:
        if (c == '>') return token;
        token.value += c;
        break;
    }
  }
  // End of input inside a tag: the spec emits the token as it stands.
  if (state == State::Class) finish_class();
  if (state == State::Annotation) token.annotation = collapse_ascii_whitespace(buffer);
  return token;
}

CueTextParser::Token CueTextParser::next_token() {
  if (s_[pos_] == '<') {
    ++pos_;
    return tag_token();
  }
  return string_token();
}

std::optional<NodeKind> start_tag_kind(std::string_view name) {
  static const std::pair<std::string_view, NodeKind> kTags[] = {
      {"c", NodeKind::Class},     {"i", NodeKind::Italic},     {"b", NodeKind::Bold},
      {"u", NodeKind::Underline}, {"ruby", NodeKind::Ruby},    {"rt", NodeKind::RubyText},
      {"v", NodeKind::Voice},     {"lang", NodeKind::Language}};
  for (const auto& [tag, kind] : kTags) {
    if (tag == name) return kind;
  }
  return std::nullopt;
}

// The spec's tree building: start tags open a node under the current one,
// an end tag closes the current node only when it names it (or closes
// <rt> and <ruby> together for </ruby>), other tags are ignored.
void CueTextParser::apply(Token& token, std::vector<Node*>& open) const {
  Node& current = *open.back();
  switch (token.type) {
    case TokenType::String: {
      Node text;
      text.kind = NodeKind::Text;
      text.text = std::move(token.value);
      current.children.push_back(std::move(text));
      break;
    }
    case TokenType::Timestamp: {
      if (const auto ms = parse_timestamp(token.value)) {
        Node stamp;
        stamp.kind = NodeKind::Timestamp;
        stamp.timestamp_ms = *ms;
        current.children.push_back(std::move(stamp));
      }
      break;
    }
    case TokenType::StartTag: {
      const auto kind = start_tag_kind(token.value);
      if (!kind || open.size() > kMaxDepth) break;
      if (*kind == NodeKind::RubyText && current.kind != NodeKind::Ruby) break;
      Node element;
      element.kind = *kind;
      for (auto& cls : token.classes) {
        if (!cls.empty()) element.classes.push_back(std::move(cls));
      }
      if (*kind == NodeKind::Voice || *kind == NodeKind::Language) {
        element.annotation = std::move(token.annotation);
      }
      current.children.push_back(std::move(element));
      open.push_back(&current.children.back());
      break;
    }
    case TokenType::EndTag: {
      const auto kind = start_tag_kind(token.value);
      if (!kind || open.size() < 2) break;
      if (*kind == current.kind) {
        open.pop_back();
      } else if (*kind == NodeKind::Ruby && current.kind == NodeKind::RubyText) {
        open.pop_back();
        open.pop_back();
      }
      break;
    }
  }
}

void append_plain(const Node& node, std::string& out) {
  if (node.kind == NodeKind::Text) out += node.text;
  for (const Node& child : node.children) append_plain(child, out);
}

}  // namespace

std::optional<ParsedFile> parse_file(std::string_view bytes, const ParseOptions& options) {
  bool replaced = false;
  std::string input = preprocess(bytes, replaced);
  FileParser parser(std::move(input), options);
  std::optional<ParsedFile> out = parser.run();
  if (out) out->replaced_invalid_utf8 = replaced;
  return out;
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  std::size_t pos = 0;
  const auto ms = collect_timestamp(text, pos);
  if (!ms || pos != text.size()) return std::nullopt;
  return ms;
}

Node parse_cue_text(std::string_view text) {
  return CueTextParser(text).run();
}

std::string plain_text(const Node& root) {
  std::string out;
  append_plain(root, out);
  return out;
}

std::vector<VoicePart> voice_parts(const Node& root) {
  std::vector<VoicePart> parts;
  for (const Node& child : root.children) {
    const bool voiced = child.kind == NodeKind::Voice;
    std::string text;
    append_plain(child, text);
    if (voiced || parts.empty() || parts.back().voiced) {
      parts.push_back({voiced, voiced ? child.annotation : std::string(), std::move(text)});
    } else {
      parts.back().text += text;
    }
  }
  return parts;
}

}  // namespace casebook::importers::webvtt

namespace casebook::importers {
namespace {

// A pause this long between unlabelled cues starts a new paragraph.
constexpr std::int64_t kParagraphPauseMs = 2000;
// Past this many code points a paragraph of unlabelled cues ends at the next
// sentence end, so long monologues still become retrievable units.
constexpr std::size_t kParagraphTargetLength = 600;

bool ends_sentence(std::string_view text) {
  if (text.empty()) return false;
  const char last = text.back();
  const bool ellipsis = text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xA6";
  return last == '.' || last == '!' || last == '?' || ellipsis;
}

// A Zoom-style "Name: " at the start of `text`: 1-5 words, starting with a
// letter, without sentence punctuation. Returns the name, or empty.
std::string name_prefix(std::string_view text) {
  const auto colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return {};
  const std::string_view name = trim_spaces_tabs_and_lfs(text.substr(0, colon));
  const auto first = static_cast<unsigned char>(name.empty() ? ' ' : name[0]);
  const bool starts_with_letter =
      (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0x80;
  if (!starts_with_letter) return {};
  if (name.find_first_of(".,;!?\"()[]<>") != std::string_view::npos) return {};
  const auto words = 1 + std::count(name.begin(), name.end(), ' ');
  if (words > 5) return {};
  return std::string(name);
}

// One paragraph or turn being assembled from cues.
struct Group {
  TimedText cue;
  bool open = false;
};

bool joins_group(const Group& group, const TimedText& cue) {
  if (!group.open || group.cue.speaker != cue.speaker) return false;
  if (!cue.speaker.empty()) return true;
  const bool paused = group.cue.end_ms >= 0 && cue.start_ms >= 0 &&
                      cue.start_ms - group.cue.end_ms >= kParagraphPauseMs;
  const bool long_enough = text::count_code_points(group.cue.text) >= kParagraphTargetLength &&
                           ends_sentence(group.cue.text);
  return !paused && !long_enough;
}

}  // namespace

void take_name_prefixes(std::vector<TimedText>& cues) {
  std::size_t unlabelled = 0, prefixed = 0;
  std::set<std::string> names;
  for (const TimedText& cue : cues) {
    if (!cue.speaker.empty()) continue;
    ++unlabelled;
    const std::string name = name_prefix(cue.text);
    if (name.empty()) continue;
    ++prefixed;
    names.insert(name);
  }
  // Prose in captions ("Note: ...") must not become speakers: most cues need
  // the prefix, and names must repeat unless every cue has one.
  const bool transcript = prefixed >= 1 && prefixed * 2 >= unlabelled &&
                          (names.size() < prefixed || prefixed == unlabelled);
  if (!transcript) return;
  for (TimedText& cue : cues) {
    if (!cue.speaker.empty()) continue;
    std::string name = name_prefix(cue.text);
    if (name.empty()) continue;
    cue.text = std::string(
        trim_spaces_tabs_and_lfs(std::string_view(cue.text).substr(cue.text.find(": ") + 2)));
    cue.speaker = std::move(name);
  }
}

ImportedSource build_subtitle_source(const std::filesystem::path& path,
                                     const std::vector<TimedText>& cues) {
  std::vector<SpeakerTurn> turns;
  Group group;
  auto flush = [&] {
    if (group.open) {
      turns.push_back({group.cue.speaker, group.cue.start_ms, group.cue.end_ms, group.cue.text});
    }
    group.open = false;
  };
  bool any_speaker = false;
  for (const TimedText& cue : cues) {
    if (trim_spaces_tabs_and_lfs(cue.text).empty()) continue;
    any_speaker = any_speaker || !cue.speaker.empty();
    if (joins_group(group, cue)) {
      group.cue.text += " " + cue.text;
      group.cue.end_ms = std::max(group.cue.end_ms, cue.end_ms);
    } else {
      flush();
      group.cue = cue;
      group.open = true;
    }
  }
  flush();
  if (turns.empty()) {
    throw_data(path.string() + ": has cues, but none of them holds any text",
               "check that this is the subtitle file you meant to import");
  }
  TextBuilder builder(path);
  append_turns(builder, turns);
  ImportedSource out = builder.finish();
  if (any_speaker) {
    out.suggested_type = "interview";
    out.notes.push_back(transcript_note(turns, ""));
  }
  return out;
}

namespace {

// At most 60 bytes of `line`, cut at a character boundary.
std::string shortened(const std::string& line) {
  std::size_t n = std::min<std::size_t>(line.size(), 60);
  while (n < line.size() && n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
  return line.substr(0, n) + (n < line.size() ? "..." : "");
}

std::string describe_lines(const std::vector<webvtt::DroppedBlock>& blocks) {
  std::string out;
  constexpr std::size_t kShown = 3;
  for (std::size_t i = 0; i < blocks.size() && i < kShown; ++i) {
    out += (i == 0 ? "line " : ", line ") + std::to_string(blocks[i].line) + " \"" +
           shortened(blocks[i].first_line) + "\"";
  }
  if (blocks.size() > kShown) out += ", ...";
  return out;
}

std::string count_of(std::size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

void note_dropped(const webvtt::ParsedFile& parsed, std::vector<std::string>& notes) {
  std::vector<webvtt::DroppedBlock> bad, untimed;
  for (const auto& block : parsed.dropped) (block.bad_timing ? bad : untimed).push_back(block);
  if (!bad.empty()) {
    notes.push_back("skipped " + count_of(bad.size(), "cue", "cues") +
                    " whose timing line is not valid WebVTT (" + describe_lines(bad) + ")");
  }
  if (!untimed.empty()) {
    notes.push_back("ignored " + count_of(untimed.size(), "block", "blocks") +
                    " of text without a timing line (" + describe_lines(untimed) + ")");
  }
  if (parsed.lenient_timing_lines > 0) {
    notes.push_back("accepted " +
                    count_of(parsed.lenient_timing_lines, "timing line", "timing lines") +
                    " with unpadded times such as \"0:0:5.32\" (older Microsoft Teams exports), "
                    "which WebVTT does not allow");
  }
  if (parsed.replaced_invalid_utf8) {
    notes.push_back(
        "bytes that are not UTF-8 were replaced by U+FFFD (WebVTT files are always UTF-8)");
  }
}

std::vector<TimedText> timed_texts(const webvtt::ParsedFile& parsed) {
  std::vector<TimedText> out;
  for (const webvtt::Cue& cue : parsed.cues) {
    const webvtt::Node root = webvtt::parse_cue_text(cue.text);
    for (webvtt::VoicePart& part : webvtt::voice_parts(root)) {
      out.push_back({cue.start_ms, std::max(cue.start_ms, cue.end_ms),
                     collapse_whitespace_except_cr(part.speaker),
                     collapse_whitespace_except_cr(part.text)});
    }
  }
  return out;
}

class WebVttImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    if (file.bytes.empty()) throw_no_text(file.path);
    webvtt::ParseOptions options;
    options.lenient_timings = true;
    const auto parsed = webvtt::parse_file(file.bytes, options);
    if (!parsed) {
      throw_data(file.path.string() +
                     ": is not a WebVTT file: its first line must be WEBVTT (optionally followed "
                     "by a space or tab and a title)",
                 "if it is SubRip (.srt) or another subtitle format, rename it or pass --format");
    }
    if (parsed->cues.empty()) {
      throw_data(file.path.string() +
                     ": has no cues (no timing lines such as \"00:00:01.000 "
                     "--> 00:00:04.000\" followed by text)",
                 "check that this is the subtitle file you meant to import");
    }
    std::vector<TimedText> cues = timed_texts(*parsed);
    take_name_prefixes(cues);
    ImportedSource out = build_subtitle_source(file.path, cues);
    out.format = "webvtt";
    out.encoding = "UTF-8";
    note_dropped(*parsed, out.notes);
    return out;
  }
};

}  // namespace

bool sniff_webvtt(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 6) != "WEBVTT") return false;
  if (bytes.size() == 6) return true;
  const char c = bytes[6];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::unique_ptr<Importer> make_webvtt_importer() {
  return std::make_unique<WebVttImporter>();
}

}  // namespace casebook::importers

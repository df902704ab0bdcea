// SubRip (.srt) and YouTube's SubViewer (.sbv) subtitles: blocks of an
// optional index, a timing line and text lines, separated by blank lines.
// Neither format has a specification beyond common practice, so the readers
// accept what players accept (missing index numbers, CRLF, any encoding) and
// refuse, naming the line, what no player could time. Cue text goes through
// the WebVTT cue text parser, which reads SRT's <i>/<b> tags, <v Name> and
// character references alike.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/ascii_text.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/webvtt.hpp"

namespace casebook::importers {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\f\v");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\f\v") - first + 1);
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 9 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::size_t take_digits(std::string_view s, std::size_t& pos, std::size_t max) {
  const std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max) ++pos;
  return pos - start;
}

std::int64_t digits_value(std::string_view s) {
  std::int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "H:MM:SS<sep>mmm" at `pos` (hours 1-3 digits, fraction 1-3 digits read as
// a decimal fraction); advances `pos`.
std::optional<std::int64_t> take_time(std::string_view s, std::size_t& pos, char separator) {
  std::int64_t fields[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    const std::size_t start = pos;
    const std::size_t n = take_digits(s, pos, i == 0 ? 3 : 2);
    if (n == 0 || (i > 0 && n != 2)) return std::nullopt;
    fields[i] = digits_value(s.substr(start, n));
    if (i > 0 && fields[i] > 59) return std::nullopt;
    if (i < 2) {
      if (pos >= s.size() || s[pos] != ':') return std::nullopt;
      ++pos;
    }
  }
  if (pos >= s.size() || s[pos] != separator) return std::nullopt;
  ++pos;
  const std::size_t start = pos;
  const std::size_t n = take_digits(s, pos, 3);
  if (n == 0) return std::nullopt;
  std::int64_t ms = digits_value(s.substr(start, n));
  for (std::size_t i = n; i < 3; ++i) ms *= 10;
  return ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + ms;
}

struct Timing {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};

// SRT: "00:00:01,000 --> 00:00:04,000", optionally followed by position
// coordinates ("X1:40 X2:600 ...") that players may ignore.
std::optional<Timing> srt_timing(std::string_view line) {
  line = trim(line);
  std::size_t pos = 0;
  const auto start = take_time(line, pos, ',');
  if (!start) return std::nullopt;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  if (line.substr(pos, 3) != "-->") return std::nullopt;
  pos += 3;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  const auto end = take_time(line, pos, ',');
  if (!end || (pos < line.size() && line[pos] != ' ')) return std::nullopt;
  return Timing{*start, *end};
}

// SBV: "0:00:00.378,0:00:11.378" and nothing else.
std::optional<Timing> sbv_timing(std::string_view line) {
  line = trim(line);
  std::size_t pos = 0;
  const auto start = take_time(line, pos, '.');
  if (!start || pos >= line.size() || line[pos] != ',') return std::nullopt;
  ++pos;
  const auto end = take_time(line, pos, '.');
  if (!end || pos != line.size()) return std::nullopt;
  return Timing{*start, *end};
}

struct Line {
  std::size_t number;  // 1-based
  std::string_view text;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t lf = std::min(text.find('\n', pos), text.size());
    lines.push_back({lines.size() + 1, text.substr(pos, lf - pos)});
    pos = lf + 1;
  }
  return lines;
}

// ASS override codes some SRT writers leave in the text: "{\an8}".
std::string drop_override_codes(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("{\\", pos);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    pos = close + 1;
  }
  return out;
}

void add_cue(const Timing& timing, std::string_view raw_text, std::vector<TimedText>& out) {
  const webvtt::Node root = webvtt::parse_cue_text(drop_override_codes(raw_text));
  for (webvtt::VoicePart& part : webvtt::voice_parts(root)) {
    out.push_back({timing.start_ms, std::max(timing.start_ms, timing.end_ms),
                   collapse_whitespace_except_cr(part.speaker),
                   collapse_whitespace_except_cr(part.text)});
  }
}

struct Dialect {
  std::string_view format;   // "srt", "sbv"
  std::string_view name;     // for messages: "SubRip (.srt)"
  std::string_view example;  // a valid timing line
  bool numbered;             // blocks may open with an index line
  std::optional<Timing> (*timing)(std::string_view);
};

constexpr Dialect kSrt{"srt", "SubRip (.srt)", "00:00:01,000 --> 00:00:04,000", true, srt_timing};
constexpr Dialect kSbv{"sbv", "SubViewer (.sbv)", "0:00:01.000,0:00:04.000", false, sbv_timing};

[[noreturn]] void throw_bad_line(const std::filesystem::path& path, const Dialect& dialect,
                                 const Line& line, const std::string& expected) {
  const std::string found =
      line.text.empty() ? "the end of the file" : "\"" + std::string(trim(line.text)) + "\"";
  throw_data(path.string() + ": line " + std::to_string(line.number) + ": expected " + expected +
                 ", found " + found + "; this is not a valid " + std::string(dialect.name) +
                 " file",
             "correct the line (times look like \"" + std::string(dialect.example) +
                 "\") or leave the file out");
}

std::vector<TimedText> read_blocks(const std::filesystem::path& path, const Dialect& dialect,
                                   std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  const std::string timing_line = "a timing line such as \"" + std::string(dialect.example) + "\"";
  std::vector<TimedText> cues;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (trim(lines[i].text).empty()) {
      ++i;
      continue;
    }
    // Optional index line: players ignore the numbers, so gaps and missing
    // numbers are fine.
    std::optional<Timing> timing = dialect.timing(lines[i].text);
    if (!timing && dialect.numbered && all_digits(trim(lines[i].text))) {
      const Line index = lines[i++];
      const std::string expected =
          timing_line + " after subtitle number " + std::string(trim(index.text));
      if (i >= lines.size()) throw_bad_line(path, dialect, {index.number + 1, {}}, expected);
      timing = dialect.timing(lines[i].text);
      if (!timing) throw_bad_line(path, dialect, lines[i], expected);
    }
    if (!timing) {
      throw_bad_line(path, dialect, lines[i],
                     dialect.numbered ? "a subtitle number or " + timing_line : timing_line);
    }
    ++i;
    std::string cue_text;
    while (i < lines.size() && !trim(lines[i].text).empty()) {
      // A block that follows without a blank line still starts a new cue.
      if (dialect.timing(lines[i].text)) break;
      if (dialect.numbered && all_digits(trim(lines[i].text)) && i + 1 < lines.size() &&
          dialect.timing(lines[i + 1].text)) {
        break;
      }
      if (!cue_text.empty()) cue_text += '\n';
      cue_text.append(lines[i].text);
      ++i;
    }
    add_cue(*timing, cue_text, cues);
  }
  return cues;
}

class SubtitleImporter final : public Importer {
 public:
  explicit SubtitleImporter(const Dialect& dialect) : dialect_(dialect) {}

  ImportedSource import(const InputFile& file) const override {
    CanonicalText canonical = decode_canonical(file);
    std::vector<TimedText> cues = read_blocks(file.path, dialect_, canonical.text);
    if (cues.empty()) throw_no_text(file.path);
    take_name_prefixes(cues);
    ImportedSource out = build_subtitle_source(file.path, cues);
    out.format = std::string(dialect_.format);
    out.encoding = std::move(canonical.encoding);
    out.notes = std::move(canonical.notes);
    return out;
  }

 private:
  const Dialect& dialect_;
};

std::string_view first_line(std::string_view bytes, std::size_t& pos) {
  const std::size_t lf = std::min(bytes.find('\n', pos), bytes.size());
  std::string_view line = bytes.substr(pos, lf - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = lf + 1;
  return line;
}

}  // namespace

bool sniff_srt(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  bytes = bytes.substr(0, 256);
  std::size_t pos = 0;
  const std::string_view index = first_line(bytes, pos);
  if (!all_digits(trim(index)) || pos >= bytes.size()) return false;
  return srt_timing(first_line(bytes, pos)).has_value();
}

std::unique_ptr<Importer> make_srt_importer() {
  return std::make_unique<SubtitleImporter>(kSrt);
}
std::unique_ptr<Importer> make_sbv_importer() {
  return std::make_unique<SubtitleImporter>(kSbv);
}

}  // namespace casebook::importers

// Interview transcripts written as paragraphs: speaker labels at the start
// of a paragraph, or Teams' "timing / speaker / text" paragraphs. The test
// for "is this a transcript?" is deliberately strict, because council papers
// are full of "Note:" and "Recommendation:" lines: most paragraphs must be
// labelled and the labels must repeat, as speakers do.

#include "importers/transcript.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>

#include "importers/ascii_text.hpp"

namespace casebook::importers {
namespace {

// Labels are short: "Interviewer", "Respondent 3", "Dr Jane Smith".
constexpr std::size_t kMaxLabelBytes = 40;
constexpr std::size_t kMaxLabelWords = 5;
// Share of non-empty paragraphs that must open with a label, in percent.
constexpr std::size_t kMinLabelledPercent = 60;
constexpr std::size_t kMinLabelledParagraphs = 3;

// Single words that open document lines with a colon but never name a
// speaker, so minutes and reports are not read as transcripts.
constexpr std::array<std::string_view, 78> kNotSpeakers{"note",
                                                        "notes",
                                                        "nb",
                                                        "ps",
                                                        "resolved",
                                                        "resolution",
                                                        "recommendation",
                                                        "recommendations",
                                                        "recommended",
                                                        "agenda",
                                                        "item",
                                                        "items",
                                                        "date",
                                                        "time",
                                                        "venue",
                                                        "location",
                                                        "place",
                                                        "present",
                                                        "apologies",
                                                        "attendees",
                                                        "absent",
                                                        "action",
                                                        "actions",
                                                        "decision",
                                                        "decisions",
                                                        "subject",
                                                        "re",
                                                        "ref",
                                                        "reference",
                                                        "summary",
                                                        "background",
                                                        "purpose",
                                                        "title",
                                                        "author",
                                                        "status",
                                                        "outcome",
                                                        "minutes",
                                                        "proposed",
                                                        "seconded",
                                                        "moved",
                                                        "motion",
                                                        "reason",
                                                        "reasons",
                                                        "comment",
                                                        "comments",
                                                        "update",
                                                        "tel",
                                                        "telephone",
                                                        "email",
                                                        "e-mail",
                                                        "phone",
                                                        "fax",
                                                        "address",
                                                        "website",
                                                        "url",
                                                        "source",
                                                        "warning",
                                                        "important",
                                                        "example",
                                                        "conclusion",
                                                        "conclusions",
                                                        "introduction",
                                                        "objective",
                                                        "objectives",
                                                        "aim",
                                                        "aims",
                                                        "result",
                                                        "results",
                                                        "total",
                                                        "cost",
                                                        "budget",
                                                        "issue",
                                                        "issues",
                                                        "risk",
                                                        "risks",
                                                        "contact",
                                                        "keywords",
                                                        "abstract"};

// "00:12:31", "0:00", "1:02:03.5", "00:12:31,250": hours optional, fields
// after the first two digits. Milliseconds, or nullopt.
std::optional<std::int64_t> parse_clock(std::string_view s, bool allow_short_fields = false) {
  std::vector<std::int64_t> fields;
  std::size_t pos = 0;
  while (fields.size() < 3) {
    const std::size_t start = pos;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < 3) ++pos;
    const std::size_t n = pos - start;
    const bool first = fields.empty();
    if (n == 0 || (!first && n != 2 && !(allow_short_fields && n == 1))) return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t i = start; i < pos; ++i) v = v * 10 + (s[i] - '0');
    if (!first && v > 59) return std::nullopt;
    fields.push_back(v);
    if (pos >= s.size() || s[pos] != ':') break;
    ++pos;
  }
  if (fields.size() < 2) return std::nullopt;
  std::int64_t ms = 0;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    std::size_t digits = 0;
    for (; pos < s.size() && is_digit(s[pos]) && digits < 3; ++pos, ++digits) {
      ms = ms * 10 + (s[pos] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) ms *= 10;
  }
  if (pos != s.size()) return std::nullopt;
  if (fields.size() == 2) fields.insert(fields.begin(), 0);
  return ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + ms;
}

// A clock in brackets or parentheses: "[00:12:31]", "(00:12:31)".
std::optional<std::int64_t> parse_bracketed_clock(std::string_view s) {
  if (s.size() < 3) return std::nullopt;
  const bool brackets = s.front() == '[' && s.back() == ']';
  const bool parens = s.front() == '(' && s.back() == ')';
  if (!brackets && !parens) return std::nullopt;
  return parse_clock(trim_spaces_tabs_and_lfs(s.substr(1, s.size() - 2)));
}

bool is_name_char(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == ' ' ||
         c == '.' || c == '-' || c == '\'' || c == '_';
}

// A speaker label: 1-5 words of letters, digits, ". - ' _", starting with a
// letter, and not a word documents use for headings ("Note", "Resolved").
bool is_speaker_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxLabelBytes) return false;
  const auto first = static_cast<unsigned char>(name.front());
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first >= 0x80)) {
    return false;
  }
  if (!std::all_of(name.begin(), name.end(), [](char c) { return is_name_char(c); })) return false;
  std::size_t words = 1;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (name[i] == ' ' && name[i - 1] != ' ') ++words;
  }
  if (words > kMaxLabelWords) return false;
  const std::string lower = ascii_lower(name);
  return std::find(kNotSpeakers.begin(), kNotSpeakers.end(), lower) == kNotSpeakers.end();
}

// What a paragraph's label says.
struct Label {
  std::string speaker;
  std::int64_t start_ms = -1;
  std::string rest;  // the paragraph after the label, trimmed
};

// "Name [00:12:31]" or "Name (00:12:31)" or "Name": splits off the clock.
std::optional<Label> name_with_optional_clock(std::string_view part) {
  part = trim_spaces_tabs_and_lfs(part);
  Label label;
  const char close = part.empty() ? '\0' : part.back();
  if (close == ']' || close == ')') {
    const auto open = part.rfind(close == ']' ? '[' : '(');
    if (open == std::string_view::npos) return std::nullopt;
    const auto clock = parse_bracketed_clock(part.substr(open));
    if (!clock) return std::nullopt;
    label.start_ms = *clock;
    part = trim_spaces_tabs_and_lfs(part.substr(0, open));
  }
  if (!is_speaker_name(part)) return std::nullopt;
  label.speaker = std::string(part);
  return label;
}

// "[00:12:31] ", "(00:12:31) " or "00:12:31 " at the start: the clock, and
// `s` advanced past it.
std::optional<std::int64_t> take_leading_clock(std::string_view& s) {
  const auto space = s.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view token = s.substr(0, space);
  auto clock = parse_bracketed_clock(token);
  if (!clock) clock = parse_clock(token);
  if (clock) s = trim_spaces_tabs_and_lfs(s.substr(space));
  return clock;
}

// The first ':' outside brackets and parentheses (a clock has colons too).
std::size_t label_colon(std::string_view p) {
  int depth = 0;
  for (std::size_t i = 0; i < p.size() && i <= kMaxLabelBytes + 12; ++i) {
    if (p[i] == '[' || p[i] == '(') ++depth;
    if ((p[i] == ']' || p[i] == ')') && depth > 0) --depth;
    if (p[i] == ':' && depth == 0) return i;
  }
  return std::string_view::npos;
}

// "Name: text", "Name [00:12:31]: text", "[00:12:31] Name: text".
std::optional<Label> colon_label(std::string_view p) {
  const auto leading_clock = take_leading_clock(p);
  const auto colon = label_colon(p);
  if (colon == std::string_view::npos || colon > kMaxLabelBytes + 12) return std::nullopt;
  if (colon + 1 < p.size() && !is_space_or_tab(p[colon + 1]) && p[colon + 1] != '\n')
    return std::nullopt;
  auto label = name_with_optional_clock(p.substr(0, colon));
  if (!label) return std::nullopt;
  if (leading_clock) label->start_ms = *leading_clock;
  label->rest = std::string(trim_spaces_tabs_and_lfs(p.substr(colon + 1)));
  return label;
}

// "[id1] text" (QualCoder) or "[Interviewer] text".
std::optional<Label> bracket_label(std::string_view p) {
  if (p.empty() || p.front() != '[') return std::nullopt;
  const auto close = p.find(']');
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view name = trim_spaces_tabs_and_lfs(p.substr(1, close - 1));
  if (!is_speaker_name(name)) return std::nullopt;
  return Label{std::string(name), -1, std::string(trim_spaces_tabs_and_lfs(p.substr(close + 1)))};
}

// "Name 00:12:31" (or "Speaker 1  0:00", as Otter writes) alone on the
// first line, the words on the following lines or paragraphs.
std::optional<Label> name_clock_line(std::string_view p) {
  const auto lf = p.find('\n');
  const std::string_view line = trim_spaces_tabs_and_lfs(p.substr(0, lf));
  const auto space = line.find_last_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  const auto clock = parse_clock(line.substr(space + 1));
  if (!clock) return std::nullopt;
  const std::string_view name = trim_spaces_tabs_and_lfs(line.substr(0, space));
  if (!is_speaker_name(name)) return std::nullopt;
  const std::string_view rest = lf == std::string_view::npos ? std::string_view() : p.substr(lf);
  return Label{std::string(name), *clock, std::string(trim_spaces_tabs_and_lfs(rest))};
}

std::optional<Label> read_label(std::string_view paragraph) {
  const std::string_view p = trim_spaces_tabs_and_lfs(paragraph);
  if (auto label = name_clock_line(p)) return label;
  if (auto label = bracket_label(p)) return label;
  return colon_label(p);
}

// Speakers compared without case or spacing differences ("INT" = "Int").
std::string speaker_key(std::string_view speaker) {
  std::string key;
  for (char c : ascii_lower(speaker)) {
    if (!is_space_or_tab(c)) key += c;
  }
  return key;
}

// Fills in unknown end times with the next turn's start.
void fill_end_times(std::vector<SpeakerTurn>& turns) {
  for (std::size_t i = 0; i + 1 < turns.size(); ++i) {
    if (turns[i].start_ms >= 0 && turns[i].end_ms < 0 && turns[i + 1].start_ms >= 0) {
      turns[i].end_ms = turns[i + 1].start_ms;
    }
  }
}

void continue_turn(std::vector<SpeakerTurn>& turns, std::string_view text) {
  if (text.empty()) return;
  if (turns.empty()) turns.emplace_back();
  std::string& to = turns.back().text;
  if (!to.empty()) to += '\n';
  to.append(text);
}

// ---- Teams: "0:0:0.0 --> 0:0:1.510", then the speaker, then the words ------

std::optional<std::pair<std::int64_t, std::int64_t>> teams_timing(std::string_view line) {
  line = trim_spaces_tabs_and_lfs(line);
  const auto arrow = line.find("-->");
  if (arrow == std::string_view::npos) return std::nullopt;
  const auto start = parse_clock(trim_spaces_tabs_and_lfs(line.substr(0, arrow)), true);
  const auto end = parse_clock(trim_spaces_tabs_and_lfs(line.substr(arrow + 3)), true);
  if (!start || !end) return std::nullopt;
  return std::make_pair(*start, *end);
}

std::vector<std::string_view> lines_of(const std::vector<std::string>& paragraphs) {
  std::vector<std::string_view> lines;
  for (const std::string& p : paragraphs) {
    std::size_t pos = 0;
    while (pos <= p.size()) {
      const std::size_t lf = std::min(p.find('\n', pos), p.size());
      const std::string_view line =
          trim_spaces_tabs_and_lfs(std::string_view(p).substr(pos, lf - pos));
      if (!line.empty()) lines.push_back(line);
      pos = lf + 1;
    }
  }
  return lines;
}

std::optional<std::vector<SpeakerTurn>> teams_turns(const std::vector<std::string>& paragraphs,
                                                    bool force) {
  const std::vector<std::string_view> lines = lines_of(paragraphs);
  std::size_t timings = 0;
  for (std::string_view line : lines) timings += teams_timing(line).has_value();
  // Each turn is three lines: a third of the lines are timings in a real
  // export; a quarter leaves room for multi-line turns.
  if (timings == 0 || timings * 4 < lines.size() || (!force && timings < kMinLabelledParagraphs)) {
    return std::nullopt;
  }
  std::vector<SpeakerTurn> turns;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto timing = teams_timing(lines[i]);
    if (!timing) {
      continue_turn(turns, lines[i]);
      continue;
    }
    SpeakerTurn turn;
    turn.start_ms = timing->first;
    turn.end_ms = timing->second;
    if (i + 1 < lines.size() && !teams_timing(lines[i + 1]) && is_speaker_name(lines[i + 1])) {
      turn.speaker = std::string(lines[++i]);
    }
    turns.push_back(std::move(turn));
  }
  return turns;
}

// ---- Labelled paragraphs -------------------------------------------------------

bool looks_like_transcript(const std::vector<std::string>& paragraphs,
                           const std::vector<std::optional<Label>>& labels) {
  std::size_t non_empty = 0, labelled = 0, covered = 0;
  std::set<std::string> speakers;
  bool previous_was_bare_label = false;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (trim_spaces_tabs_and_lfs(paragraphs[i]).empty()) continue;
    ++non_empty;
    if (labels[i]) {
      ++labelled;
      ++covered;
      speakers.insert(speaker_key(labels[i]->speaker));
      previous_was_bare_label = labels[i]->rest.empty();
    } else {
      // The words of a "Name 00:12:31" line often sit in the next paragraph.
      if (previous_was_bare_label) ++covered;
      previous_was_bare_label = false;
    }
  }
  const bool mostly_labelled =
      labelled >= kMinLabelledParagraphs && covered * 100 >= non_empty * kMinLabelledPercent;
  // Speakers take turns: labels repeat, and there are few of them.
  const bool labels_repeat =
      speakers.size() < labelled && speakers.size() <= std::max<std::size_t>(2, (labelled + 1) / 2);
  return mostly_labelled && labels_repeat;
}

}  // namespace

std::optional<std::vector<SpeakerTurn>> find_speaker_turns(
    const std::vector<std::string>& paragraphs, bool force) {
  if (auto turns = teams_turns(paragraphs, force)) return turns;

  std::vector<std::optional<Label>> labels;
  labels.reserve(paragraphs.size());
  bool any = false;
  for (const std::string& p : paragraphs) {
    labels.push_back(read_label(p));
    any = any || labels.back().has_value();
  }
  if (!any) return std::nullopt;
  if (!force && !looks_like_transcript(paragraphs, labels)) return std::nullopt;

  std::vector<SpeakerTurn> turns;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (labels[i]) {
      SpeakerTurn turn;
      turn.speaker = std::move(labels[i]->speaker);
      turn.start_ms = labels[i]->start_ms;
      turn.text = std::move(labels[i]->rest);
      turns.push_back(std::move(turn));
    } else {
      continue_turn(turns, trim_spaces_tabs_and_lfs(paragraphs[i]));
    }
  }
  fill_end_times(turns);
  return turns;
}

void append_turns(TextBuilder& builder, const std::vector<SpeakerTurn>& turns) {
  for (std::size_t i = 0; i < turns.size();) {
    SpeakerTurn merged = turns[i];
    std::size_t next = i + 1;
    while (!merged.speaker.empty() && next < turns.size() &&
           turns[next].speaker == merged.speaker) {
      if (!turns[next].text.empty()) {
        merged.text += (merged.text.empty() ? "" : "\n") + turns[next].text;
      }
      if (turns[next].end_ms >= 0) merged.end_ms = turns[next].end_ms;
      ++next;
    }
    ImportedPassage attributes;
    attributes.kind = merged.speaker.empty() ? "paragraph" : "turn";
    attributes.speaker = merged.speaker;
    attributes.start_ms = merged.start_ms;
    attributes.end_ms = merged.end_ms;
    builder.begin_passage(std::move(attributes));
    builder.append(merged.text);
    builder.end_passage();
    i = next;
  }
}

std::string transcript_note(const std::vector<SpeakerTurn>& turns, const std::string& how_to_undo) {
  std::size_t turn_count = 0;
  std::set<std::string> speakers;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    if (turns[i].speaker.empty()) continue;
    speakers.insert(turns[i].speaker);
    if (i == 0 || turns[i - 1].speaker != turns[i].speaker) ++turn_count;  // as append_turns merges
  }
  std::string note = "recognised as a transcript: " + std::to_string(turn_count) + " turns, " +
                     std::to_string(speakers.size()) + " speakers";
  if (!how_to_undo.empty()) note += "; " + how_to_undo;
  return note;
}

}  // namespace casebook::importers

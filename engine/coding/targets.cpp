#include "engine/coding/targets.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "engine/core/error.hpp"
#include "engine/search/searcher.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/segment.hpp"

namespace casebook::coding {
namespace {

// Quotes shown in errors are cut to this many code points.
constexpr std::size_t kShownQuote = 60;
// An ambiguous quote error lists at most this many places.
constexpr std::size_t kListedOccurrences = 5;

std::string shorten(const std::string& s) {
  const text::OffsetMap map(s);
  if (map.code_points() <= kShownQuote) return s;
  return std::string(map.slice({0, kShownQuote})) + "...";
}

std::optional<std::size_t> parse_index(std::string_view s) {
  std::size_t value = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

void check_character_boundary(const SourceText& source, std::size_t cp, const std::string& what) {
  if (!text::is_character_boundary(source.text, cp)) {
    throw_usage(
        what + " " + std::to_string(cp) + " splits a character in " + source.label +
            " (a letter and its accent, or an emoji sequence, are one character)",
        "move it by one or two; 'casebook show " + source.label + " --json' gives passage offsets");
  }
}

// ---- quote matching ----------------------------------------------------

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Text reduced for lenient matching: whitespace runs become one space, curly
// quotes and apostrophes straight ones, with the byte offset in the original
// of each byte kept.
struct Loose {
  std::string text;
  std::vector<std::size_t> origin;  // origin[i]: byte in the original of text[i]
};

// Replacement for a typographic quote starting at `at`, with its length.
std::optional<std::pair<char, std::size_t>> straight_quote(std::string_view s, std::size_t at) {
  static constexpr std::pair<std::string_view, char> kQuotes[] = {
      {"\u2018", '\''}, {"\u2019", '\''}, {"\u201C", '"'}, {"\u201D", '"'}, {"\u00A0", ' '}};
  for (const auto& [from, to] : kQuotes) {
    if (s.substr(at, from.size()) == from) return std::make_pair(to, from.size());
  }
  return std::nullopt;
}

Loose loosen(std::string_view s) {
  Loose out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto quote = straight_quote(s, i);
    const char c = quote ? quote->first : s[i];
    const std::size_t width = quote ? quote->second : 1;
    if (is_ascii_space(c)) {
      if (out.text.empty() || out.text.back() != ' ') {
        out.text.push_back(' ');
        out.origin.push_back(i);
      }
    } else {
      out.text.push_back(c);
      out.origin.push_back(i);
    }
    i += width;
  }
  return out;
}

std::string trim_spaces(std::string s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

// Byte spans [start, end) of every occurrence of `needle` in `hay`.
std::vector<std::pair<std::size_t, std::size_t>> find_all(std::string_view hay,
                                                          std::string_view needle) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (auto at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    out.emplace_back(at, at + needle.size());
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> find_loosely(std::string_view text,
                                                              const std::string& quote) {
  const Loose hay = loosen(text);
  const std::string needle = trim_spaces(loosen(quote).text);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (needle.empty()) return out;
  for (const auto& [start, end] : find_all(hay.text, needle)) {
    // The match ends after the original bytes of its last reduced byte.
    const std::size_t last = hay.origin[end - 1];
    const auto quote_len = straight_quote(text, last);
    out.emplace_back(hay.origin[start], last + (quote_len ? quote_len->second : 1));
  }
  return out;
}

std::string where_list(const SourceText& source, const text::OffsetMap& map,
                       const std::vector<std::pair<std::size_t, std::size_t>>& found) {
  std::string out;
  for (std::size_t i = 0; i < found.size() && i < kListedOccurrences; ++i) {
    out += (i ? ", " : "") + std::to_string(map.cp_of_byte(found[i].first)) + ":" +
           std::to_string(map.cp_of_byte(found[i].second));
  }
  if (found.size() > kListedOccurrences) out += ", ...";
  (void)source;
  return out;
}

// ---- search, speakers, headings -----------------------------------------

Target passage_row_target(const SQLite::Statement& q) {
  Target t;
  t.source_id = q.getColumn(0).getInt64();
  t.source_label = q.getColumn(1).getString();
  t.span = {static_cast<std::size_t>(q.getColumn(2).getInt64()),
            static_cast<std::size_t>(q.getColumn(3).getInt64())};
  return t;
}

// The sentences among `sentences` overlapping any of `matches` (absolute code points).
std::vector<text::Span> sentences_holding(const std::vector<text::Span>& sentences,
                                          const std::vector<text::Span>& matches) {
  std::vector<text::Span> out;
  for (const text::Span& s : sentences) {
    const bool hit = std::any_of(matches.begin(), matches.end(), [&](const text::Span& m) {
      return m.start < s.end && m.end > s.start;
    });
    if (hit) out.push_back(s);
  }
  return out;
}

std::vector<std::string> split_heading_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (auto at = path.find(" > "); at != std::string::npos; at = path.find(" > ", from)) {
    parts.push_back(path.substr(from, at - from));
    from = at + 3;
  }
  parts.push_back(path.substr(from));
  return parts;
}

}  // namespace

SourceText load_source_text(store::Store& store, const std::string& label) {
  const store::SourceInfo info = store::require_source(store, label);
  SourceText source;
  source.id = info.id;
  source.label = info.label;
  source.text = store::load_text(store, info.id);
  source.code_points = text::count_code_points(source.text);
  return source;
}

Target passage_target(store::Store& store, const SourceText& source, int n) {
  const auto passages = store::load_passages(store, source.id);
  if (n < 1 || static_cast<std::size_t>(n) > passages.size()) {
    throw_usage("--passage " + std::to_string(n) + ": " + source.label + " has passages 1 to " +
                    std::to_string(passages.size()),
                "'casebook show " + source.label + "' numbers its passages");
  }
  const auto& p = passages[n - 1];
  return {source.id, source.label, p.span, "passage"};
}

Target sentence_target(store::Store& store, const SourceText& source, int n) {
  const auto sentences = store::load_sentences(store, source.id);
  if (n < 1 || static_cast<std::size_t>(n) > sentences.size()) {
    throw_usage("--sentence " + std::to_string(n) + ": " + source.label + " has sentences 1 to " +
                    std::to_string(sentences.size()),
                "'casebook show " + source.label + " --sentences' numbers its sentences");
  }
  return {source.id, source.label, sentences[n - 1], "sentence"};
}

Target range_target(const SourceText& source, const std::string& range) {
  const auto colon = range.find(':');
  const auto start =
      colon == std::string::npos ? std::nullopt : parse_index(range.substr(0, colon));
  const auto end = colon == std::string::npos ? std::nullopt : parse_index(range.substr(colon + 1));
  if (!start || !end) {
    throw_usage("--range '" + range + "' is not START:END",
                "give code point offsets, half-open, e.g. --range 120:245");
  }
  if (*end <= *start) {
    throw_usage("--range " + range + " is empty or reversed",
                "END must be greater than START (the span is [START, END))");
  }
  if (*end > source.code_points) {
    throw_usage("--range " + range + " ends past the end of " + source.label + " (" +
                    std::to_string(source.code_points) + " characters)",
                "offsets are code points from 0 on the source text");
  }
  check_character_boundary(source, *start, "--range start");
  check_character_boundary(source, *end, "--range end");
  return {source.id, source.label, {*start, *end}, "range"};
}

Target match_target(const SourceText& source, const std::string& quote,
                    std::optional<int> occurrence) {
  const std::string needle = text::to_nfc(text::normalize_line_endings(quote));
  if (trim_spaces(loosen(needle).text).empty()) {
    throw_usage("--match is empty", "paste the exact words to code, e.g. --match \"a real slog\"");
  }
  auto found = find_all(source.text, needle);
  if (found.empty()) found = find_loosely(source.text, needle);
  if (found.empty()) {
    throw_data("--match: \"" + shorten(quote) + "\" does not occur in " + source.label,
               "check the wording (matching is exact, except for whitespace and curly quotes), "
               "or search for it: casebook search '\"...\" source:" +
                   source.label + "'");
  }
  const text::OffsetMap map(source.text);
  if (occurrence) {
    if (*occurrence < 1 || static_cast<std::size_t>(*occurrence) > found.size()) {
      throw_usage("--occurrence " + std::to_string(*occurrence) + ": the quote occurs " +
                      std::to_string(found.size()) + " time(s) in " + source.label,
                  "give a number from 1 to " + std::to_string(found.size()));
    }
    found = {found[*occurrence - 1]};
  }
  if (found.size() > 1) {
    throw_data("--match: \"" + shorten(quote) + "\" occurs " + std::to_string(found.size()) +
                   " times in " + source.label + " (at " + where_list(source, map, found) + ")",
               "quote more words so it is unique, add --occurrence N, or use --range START:END");
  }
  return {source.id,
          source.label,
          {map.cp_of_byte(found[0].first), map.cp_of_byte(found[0].second)},
          "match"};
}

Unit parse_unit(const std::string& name) {
  if (name == "passage") return Unit::Passage;
  if (name == "sentence") return Unit::Sentence;
  throw_usage("--unit '" + name + "' is not a unit", "use --unit passage or --unit sentence");
}

std::vector<WeightedTarget> targets_of_hits(store::Store& store, const search::SearchResult& result,
                                            Unit unit, const std::string& unit_name) {
  std::vector<WeightedTarget> out;
  std::map<std::int64_t, std::vector<text::Span>> sentences;  // per source, loaded once
  for (const auto& hit : result.hits) {
    const auto passage = store::find_passage(store, hit.passage_id);
    if (!passage) continue;  // removed since the index was written
    const std::int64_t source_id = passage->source_id;
    if (unit == Unit::Passage) {
      out.push_back({{source_id, hit.source_label, hit.span, unit_name}, hit.weight});
      continue;
    }
    std::vector<text::Span> matches;
    for (const auto& m : hit.matches) {
      matches.push_back({hit.span.start + m.start, hit.span.start + m.end});
    }
    auto [cached, fresh] = sentences.try_emplace(source_id);
    if (fresh) cached->second = store::load_sentences(store, source_id);
    for (const auto& s : sentences_holding(cached->second, matches)) {
      out.push_back({{source_id, hit.source_label, s, unit_name}, hit.weight});
    }
  }
  // A sentence crossing two matched passages is reached twice: keep one,
  // with the higher weight.
  std::sort(out.begin(), out.end(), [](const WeightedTarget& a, const WeightedTarget& b) {
    return std::make_tuple(a.target.source_id, a.target.span.start, a.target.span.end, -a.weight) <
           std::make_tuple(b.target.source_id, b.target.span.start, b.target.span.end, -b.weight);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const WeightedTarget& a, const WeightedTarget& b) {
                          return a.target.source_id == b.target.source_id &&
                                 a.target.span == b.target.span;
                        }),
            out.end());
  return out;
}

std::vector<Target> passages_by_id(store::Store& store, const std::vector<std::int64_t>& ids,
                                   const std::string& unit_name) {
  SQLite::Statement q(store.db(),
                      "SELECT p.source_id, s.label, p.start_cp, p.end_cp FROM passages p "
                      "JOIN sources s ON s.id = p.source_id WHERE p.id = ?");
  std::vector<Target> out;
  out.reserve(ids.size());
  for (auto id : ids) {
    q.reset();
    q.bind(1, id);
    if (!q.executeStep()) continue;
    out.push_back(passage_row_target(q));
    out.back().unit = unit_name;
  }
  return out;
}

std::vector<Target> query_targets(project::Project& project, const std::string& query, Unit unit,
                                  const std::optional<std::string>& only_coder) {
  search::SearchOptions options;
  options.limit = search::kAllHits;
  options.visible_coder = only_coder;
  if (unit == Unit::Passage) {
    // Only the passage ids are needed: no text is loaded.
    return passages_by_id(project.store(), search::matching_passages(project, query, options),
                          "query");
  }
  const search::SearchResult result = search::search(project, query, options);
  std::vector<Target> out;
  for (auto& t : targets_of_hits(project.store(), result, unit, "query")) {
    out.push_back(std::move(t.target));
  }
  return out;
}

std::vector<Target> speaker_targets(store::Store& store, const std::string& speaker) {
  SQLite::Statement q(store.db(),
                      "SELECT p.source_id, s.label, p.start_cp, p.end_cp FROM passages p "
                      "JOIN sources s ON s.id = p.source_id "
                      "LEFT JOIN speakers sp ON sp.name = p.speaker "
                      "WHERE p.speaker = ?1 COLLATE NOCASE OR sp.informant = ?1 COLLATE NOCASE "
                      "ORDER BY p.source_id, p.n");
  q.bind(1, speaker);
  std::vector<Target> out;
  while (q.executeStep()) {
    out.push_back(passage_row_target(q));
    out.back().unit = "speaker";
  }
  if (out.empty()) {
    throw_not_found("--speaker '" + speaker + "': no transcript turn has this speaker",
                    "'casebook speakers' lists the speakers and their informant labels");
  }
  return out;
}

std::vector<Target> heading_targets(store::Store& store, const std::string& heading) {
  const std::string wanted = text::fold_for_index(heading);
  if (wanted.empty()) throw_usage("--heading is empty", "give the heading's text");
  SQLite::Statement q(store.db(),
                      "SELECT p.source_id, s.label, p.start_cp, p.end_cp, p.heading_path "
                      "FROM passages p JOIN sources s ON s.id = p.source_id "
                      "WHERE p.heading_path IS NOT NULL AND p.heading_path <> '' "
                      "ORDER BY p.source_id, p.n");
  std::vector<Target> exact, containing;
  while (q.executeStep()) {
    bool equal = false, contains = false;
    for (const auto& part : split_heading_path(q.getColumn(4).getString())) {
      const std::string folded = text::fold_for_index(part);
      equal = equal || folded == wanted;
      contains = contains || folded.find(wanted) != std::string::npos;
    }
    if (equal || contains) {
      Target t = passage_row_target(q);
      t.unit = "heading";
      (equal ? exact : containing).push_back(t);
    }
  }
  if (!exact.empty()) return exact;
  if (containing.empty()) {
    throw_not_found("--heading '" + heading + "': no passage sits under such a heading",
                    "'casebook show SOURCE' prints each passage's headings");
  }
  return containing;
}

}  // namespace casebook::coding

#pragma once
// Private to importers/: WebVTT (W3C "WebVTT: The Web Video Text Tracks
// Format"), as a parser usable on its own -- the file parsing algorithm and
// the cue text parsing algorithm, checked against the web-platform-tests in
// tests/unit/importers/webvtt_wpt_test.cpp -- plus the pieces the subtitle
// importers (webvtt.cpp, srt.cpp) share: turning timed cues into speaker
// turns or paragraphs.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace casebook::importers::webvtt {

// ---- File parsing ----------------------------------------------------------

struct Cue {
  std::string id;  // the cue identifier, empty when none
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  std::string settings;  // the raw cue settings after the end time
  std::string text;      // the raw cue text (lines joined by LF, markup kept)
  std::size_t line = 0;  // 1-based line of the timing line
};

// A block the spec's parser drops, kept so an importer can tell the user.
struct DroppedBlock {
  std::size_t line = 0;  // 1-based line where it starts
  std::string first_line;
  bool bad_timing = false;  // a "-->" line that is not valid timing; else text without timing
};

struct ParsedFile {
  std::vector<Cue> cues;
  std::vector<DroppedBlock> dropped;
  // Timing lines accepted only because ParseOptions::lenient_timings was set.
  std::size_t lenient_timing_lines = 0;
  bool replaced_invalid_utf8 = false;  // bytes that were not UTF-8 became U+FFFD
};

struct ParseOptions {
  // Off: exactly the spec. On: also accept timestamps with one-digit
  // minutes or seconds and one- to three-digit fractions ("0:0:5.32"), which
  // older Microsoft Teams exports write.
  bool lenient_timings = false;
};

// Parses a whole file (bytes, decoded as UTF-8 as the spec requires). Returns
// nullopt when the file lacks the "WEBVTT" signature (the spec's "fail").
// Never throws for any input; memory is linear in the input.
std::optional<ParsedFile> parse_file(std::string_view bytes, const ParseOptions& options = {});

// The spec's "collect a WebVTT timestamp" applied to the whole of `text`:
// milliseconds, or nullopt unless `text` is exactly one valid timestamp.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// ---- Cue text parsing ------------------------------------------------------

enum class NodeKind {
  Root,
  Text,
  Class,
  Italic,
  Bold,
  Underline,
  Ruby,
  RubyText,
  Voice,
  Language,
  Timestamp
};

// A node of the WebVTT Node Object tree the cue text parser builds.
struct Node {
  NodeKind kind = NodeKind::Root;
  std::string text;                  // Text: the characters
  std::vector<std::string> classes;  // internal nodes: the classes after "."
  std::string annotation;            // Voice: the speaker; Language: the language tag
  std::int64_t timestamp_ms = 0;     // Timestamp
  std::vector<Node> children;
};

// The spec's cue text parsing rules (tokenizer and tree building, HTML
// character references included). Never throws.
Node parse_cue_text(std::string_view text);

// The cue's text with all markup removed.
std::string plain_text(const Node& root);

// The cue's text split at voice spans: one part per <v> span (speaker = its
// annotation, `voiced` true) and per stretch of text outside any.
struct VoicePart {
  bool voiced = false;
  std::string speaker;
  std::string text;
};
std::vector<VoicePart> voice_parts(const Node& root);

}  // namespace casebook::importers::webvtt

namespace casebook::importers {

// One cue (or part of one) ready to become part of a turn or paragraph.
struct TimedText {
  std::int64_t start_ms = -1;
  std::int64_t end_ms = -1;
  std::string speaker;  // empty when unlabelled
  std::string text;     // plain text; line breaks become spaces
};

// Speaker labels in the cue text, as Zoom writes them ("Jane Doe: Hello"):
// when most labelled-looking cues carry such a prefix, it is moved from the
// text to `speaker` (for cues that have no speaker yet).
void take_name_prefixes(std::vector<TimedText>& cues);

// Builds a subtitle file's source: consecutive cues of the same speaker merge
// into one "turn" (joined by a space); unlabelled cues merge into
// "paragraph"s that break at a pause of 2 s or more, or at a sentence end once
// past about 600 characters. Sets suggested_type "interview" when any cue has
// a speaker. Throws Error(Data) naming `path` when no cue has text.
ImportedSource build_subtitle_source(const std::filesystem::path& path,
                                     const std::vector<TimedText>& cues);

}  // namespace casebook::importers

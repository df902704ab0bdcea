#pragma once
// Private to importers/: interview transcripts that arrive as paragraphs of
// text (a plain-text or DOCX file from a transcription service, a Teams DOCX
// export) rather than as subtitles. Recognises speaker labels at the start
// of a paragraph ("Interviewer:", "Int-7:", "[00:12:31] Name:", "Name
// 00:12:31", label variants in case and spacing) and Teams' "timing line /
// speaker line / text" paragraphs, and turns them into speaker turns.
// Implemented in transcript.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/text_builder.hpp"

namespace casebook::importers {

// One speaker's turn. Times are milliseconds from the start of the
// recording, -1 when unknown.
struct SpeakerTurn {
  std::string speaker;  // as written, trimmed; empty for unlabelled text
  std::int64_t start_ms = -1;
  std::int64_t end_ms = -1;
  std::string text;  // UTF-8, may hold several paragraphs joined by "\n"
};

// The turns in `paragraphs` (each one paragraph of text, in order), or
// nullopt when they do not look like a transcript (most non-empty
// paragraphs must open with a speaker label). With `force` the test is
// skipped: every paragraph that opens with a label starts a turn and the
// others continue the turn before them.
std::optional<std::vector<SpeakerTurn>> find_speaker_turns(
    const std::vector<std::string>& paragraphs, bool force);

// Appends `turns` to `builder` as "turn" passages, merging consecutive turns
// of the same speaker into one (texts joined by "\n"; the merged turn keeps
// the first start and the last end time). Turns without a speaker become
// "paragraph" passages and are never merged.
void append_turns(TextBuilder& builder, const std::vector<SpeakerTurn>& turns);

// The note every transcript import gives: the speaker turns as append_turns
// makes them (unlabelled text, such as an opening description, is not a
// turn) and the distinct speakers. `how_to_undo` ends it, if not empty.
std::string transcript_note(const std::vector<SpeakerTurn>& turns, const std::string& how_to_undo);

}  // namespace casebook::importers

#pragma once
// How codes and codings are shown to people deciding about them: the code's
// criteria beside a suggestion or a coding under review, a span marked in
// its context, and the words of an interactive answer.

#include <optional>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/store/store.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::cli {

// The code's name, definition, inclusion and exclusion criteria and the
// dimensions it takes; nothing when the key is unknown.
void print_code_criteria(store::Store& store, const std::string& key);

// `span` of `text` marked (reverse video on a terminal, [[brackets]]
// otherwise), with up to `context` code points either side, cut at a line
// break where there is one.
std::string marked_in_context(const std::string& text, text::Span span, std::size_t context);

// An error in an interactive walk (a missing reason, a wrong value): said on
// standard output, next to the prompt, so the walk can ask again.
void print_answer_error(const Error& e);

// Prints `prompt` and reads one answer from standard input as words (empty
// for a blank line); nullopt at the end of input.
std::optional<std::vector<std::string>> read_answer(const std::string& prompt);

// "a direction=negative strength=strong" -> its words.
std::vector<std::string> words_of(const std::string& line);

}  // namespace casebook::cli

#pragma once
// How codes and codings are shown to people deciding about them: the code's
// criteria beside a suggestion or a coding under review, a span marked in
// its context, and the words of an interactive answer.

#include <string>
#include <vector>

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

// "a direction=negative strength=strong" -> its words.
std::vector<std::string> words_of(const std::string& line);

}  // namespace casebook::cli

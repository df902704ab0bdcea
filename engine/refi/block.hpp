#pragma once
// The "casebook:" block: what REFI-QDA has no element for (a code's key,
// dimensions, queries; a coding's dimension values and review) travels at
// the end of a <Description> as lines a later import can read back:
//
//   Human-readable text ...
//
//   casebook:
//     key: expost.queuing
//     dimension: direction required
//
// One field per line, two spaces, name, colon, space, value. Values are on
// one line: a backslash is written "\\" and a line break "\n". A field may
// repeat; order is kept. docs/refi-qda.md lists the fields.

#include <string>
#include <utility>
#include <vector>

namespace casebook::refi {

struct Block {
  std::vector<std::pair<std::string, std::string>> fields;
  void add(std::string name, std::string value) {
    fields.emplace_back(std::move(name), std::move(value));
  }
  // Adds the field only when `value` is not empty.
  void add_if(std::string name, std::string value) {
    if (!value.empty()) add(std::move(name), std::move(value));
  }
  bool empty() const { return fields.empty(); }
};

// `text`, a blank line and the block (just the block when `text` is empty,
// just `text` when the block is empty).
std::string with_block(const std::string& text, const Block& block);

// The human text and the block of a description written by with_block; a
// description without a block is all text.
std::pair<std::string, Block> split_block(const std::string& description);

}  // namespace casebook::refi

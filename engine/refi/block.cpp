#include "engine/refi/block.hpp"

namespace casebook::refi {
namespace {

constexpr const char* kHeader = "casebook:\n";
constexpr const char* kIndent = "  ";

std::string escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

std::string unescape(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    } else {
      out += value[i];
    }
  }
  return out;
}

// Where the block's header line starts, or npos.
std::size_t block_start(const std::string& description) {
  if (description.rfind(kHeader, 0) == 0) return 0;
  const std::size_t at = description.rfind(std::string("\n\n") + kHeader);
  return at == std::string::npos ? at : at + 2;
}

}  // namespace

std::string with_block(const std::string& text, const Block& block) {
  if (block.empty()) return text;
  std::string out = text.empty() ? std::string() : text + "\n\n";
  out += kHeader;
  for (const auto& [name, value] : block.fields) {
    out += kIndent + name + ": " + escape(value) + "\n";
  }
  return out;
}

std::pair<std::string, Block> split_block(const std::string& description) {
  const std::size_t start = block_start(description);
  if (start == std::string::npos) return {description, {}};
  std::string text = description.substr(0, start == 0 ? 0 : start - 2);
  Block block;
  std::size_t line_start = start + std::string(kHeader).size();
  while (line_start < description.size()) {
    std::size_t line_end = description.find('\n', line_start);
    if (line_end == std::string::npos) line_end = description.size();
    const std::string line = description.substr(line_start, line_end - line_start);
    const std::size_t colon = line.find(": ");
    if (line.rfind(kIndent, 0) == 0 && colon != std::string::npos) {
      block.add(line.substr(2, colon - 2), unescape(line.substr(colon + 2)));
    }
    line_start = line_end + 1;
  }
  return {std::move(text), std::move(block)};
}

}  // namespace casebook::refi

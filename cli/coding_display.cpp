#include "cli/coding_display.hpp"

#include <algorithm>
#include <iostream>

#include "cli/context.hpp"
#include "engine/codebook/store_sync.hpp"

namespace casebook::cli {

void print_code_criteria(store::Store& store, const std::string& key) {
  const auto code = codebook::find_code(store, key);
  if (!code) return;
  const codebook::Code& c = code->code;
  std::cout << "code " << c.key << " (" << c.name << ")\n";
  if (!c.definition.empty()) std::cout << "  definition: " << c.definition << "\n";
  if (!c.inclusion.empty()) std::cout << "  include:    " << c.inclusion << "\n";
  if (!c.exclusion.empty()) std::cout << "  exclude:    " << c.exclusion << "\n";
  for (const auto& d : c.dimensions) {
    std::cout << "  dimension:  " << d.dimension << (d.required ? " (required)" : "") << "\n";
  }
}

std::string marked_in_context(const std::string& text, text::Span span, std::size_t context) {
  const text::OffsetMap map(text);
  const std::size_t n = map.code_points();
  span.end = std::min(span.end, n);
  span.start = std::min(span.start, span.end);
  std::size_t from = span.start > context ? span.start - context : 0;
  std::size_t to = std::min(n, span.end + context);
  // Start and end at a line break inside the window, so the context reads
  // as whole paragraphs where they are short enough.
  const std::string_view before = map.slice({from, span.start});
  if (const auto nl = before.rfind('\n'); nl != std::string_view::npos) {
    from += text::count_code_points(before.substr(0, nl + 1));
  }
  const std::string_view after = map.slice({span.end, to});
  if (const auto nl = after.find('\n'); nl != std::string_view::npos) {
    to = span.end + text::count_code_points(after.substr(0, nl));
  }
  const bool tty = stdout_is_terminal();
  std::string out = from > 0 ? "..." : "";
  out += map.slice({from, span.start});
  out += tty ? "\033[7m" : "[[";
  out += map.slice(span);
  out += tty ? "\033[0m" : "]]";
  out += map.slice({span.end, to});
  if (to < n) out += "...";
  return out;
}

void print_answer_error(const Error& e) {
  std::cout << "casebook: " << e.what() << (e.hint().empty() ? "" : "\n  hint: " + e.hint())
            << "\n";
}

std::optional<std::vector<std::string>> read_answer(const std::string& prompt) {
  std::cout << prompt << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cout << "\n";
    return std::nullopt;
  }
  return words_of(line);
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> out;
  std::string word;
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

}  // namespace casebook::cli

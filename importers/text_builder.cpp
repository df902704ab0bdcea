#include "importers/text_builder.hpp"

#include <utility>

#include "engine/core/error.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::importers {
namespace {

// The blank line between passages, and its length in code points.
constexpr std::string_view kSeparator = "\n\n";
constexpr std::size_t kSeparatorCodePoints = 2;

// Unicode's White_Space property (PropList.txt), which is a short, stable
// list; structured formats often leave no-break or ideographic spaces at the
// edges of a paragraph, and those should not start or end a passage.
bool is_white_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The code point whose encoding starts at s[0]; `s` is valid UTF-8.
char32_t decode_at(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  std::size_t extra = b0 < 0x80 ? 0 : b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? b0 : extra == 1 ? (b0 & 0x1F) : extra == 2 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t i = 1; i <= extra; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

// Length in bytes of the character that ends `s`.
std::size_t last_char_bytes(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && is_continuation(s[s.size() - n])) ++n;
  return n;
}

std::size_t first_char_bytes(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && is_continuation(s[n])) ++n;
  return n;
}

// White_Space, and U+FEFF: invisible, it is a byte-order mark left inside a
// file (two files joined, a BOM after indentation) or the deprecated
// zero-width no-break space, and carries nothing at a passage's edge. Left
// there it could also start the source's text, which must not begin with a
// byte-order mark (importers::validate; found by fuzz.markdown).
bool is_trimmed(char32_t cp) {
  return is_white_space(cp) || cp == 0xFEFF;
}

// `s` without leading and trailing White_Space and U+FEFF; `s` is valid UTF-8.
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_trimmed(decode_at(s))) s.remove_prefix(first_char_bytes(s));
  while (!s.empty()) {
    const std::size_t n = last_char_bytes(s);
    if (!is_trimmed(decode_at(s.substr(s.size() - n)))) break;
    s.remove_suffix(n);
  }
  return s;
}

}  // namespace

TextBuilder::TextBuilder(std::filesystem::path path) : path_(std::move(path)) {}

void TextBuilder::begin_passage(std::string kind, std::string speaker, int page) {
  ImportedPassage attributes;
  attributes.kind = std::move(kind);
  attributes.speaker = std::move(speaker);
  attributes.page = page;
  begin_passage(std::move(attributes));
}

void TextBuilder::begin_passage(ImportedPassage attributes) {
  if (open_) {
    throw_internal(path_.string() + ": TextBuilder::begin_passage called inside a passage");
  }
  open_ = true;
  buffer_.clear();
  pending_ = std::move(attributes);
  pending_.span = text::Span{};
}

void TextBuilder::append(std::string_view utf8) {
  if (!open_) throw_internal(path_.string() + ": TextBuilder::append called outside a passage");
  buffer_.append(utf8);
}

void TextBuilder::end_passage() {
  if (!open_) throw_internal(path_.string() + ": TextBuilder::end_passage without a passage");
  open_ = false;
  std::size_t bad_at = 0;
  if (!text::is_valid_utf8(buffer_, &bad_at)) {
    throw_data(path_.string() + ": invalid UTF-8 in the text of a " + pending_.kind + " (byte " +
                   std::to_string(bad_at) + " of the passage)",
               "check that the file is not damaged; re-save it from the program that made it");
  }
  // Canonicalise before trimming: NFC can turn one space into another (U+2000
  // -> U+2002), and trimming a canonical string leaves it canonical.
  const std::string canonical = text::canonicalize(buffer_);
  const std::string_view passage = trim(canonical);
  if (passage.empty()) return;

  if (!out_.passages.empty()) {
    out_.text.append(kSeparator);
    text_code_points_ += kSeparatorCodePoints;
  }
  const std::size_t start = text_code_points_;
  out_.text.append(passage);
  text_code_points_ += text::count_code_points(passage);
  pending_.span = text::Span{start, text_code_points_};
  out_.passages.push_back(std::move(pending_));
}

ImportedSource TextBuilder::finish() {
  if (open_) throw_internal(path_.string() + ": TextBuilder::finish inside an open passage");
  ImportedSource result = std::move(out_);
  out_ = ImportedSource{};
  text_code_points_ = 0;
  return result;
}

}  // namespace casebook::importers

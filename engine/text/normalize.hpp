#pragma once
// Unicode normalisation. Canonical source text is NFC with LF line endings;
// index and query terms are NFKC_Casefold of single tokens, so "ﬁle", "File"
// and "FILE" meet. Never casefold stored text: it changes lengths.

#include <string>
#include <string_view>

namespace casebook::text {

// NFC of valid UTF-8. Cheap when the input is already NFC (the common case).
std::string to_nfc(std::string_view utf8);

// NFKC_Casefold of valid UTF-8: the form of every index and query term.
std::string fold_for_index(std::string_view utf8);

// CRLF and lone CR become LF; leading U+FEFFs (BOMs) are dropped.
std::string normalize_line_endings(std::string_view utf8);

// The full canonical form of decoded text: line endings, then NFC.
std::string canonicalize(std::string_view utf8);

}  // namespace casebook::text

#pragma once
// A source's text with its coded passages marked, for sources/LABEL.html.
// Highlights may overlap: the text is cut at every highlight boundary and
// each piece is one <mark> naming all the codes that cover it, coloured with
// one band per code, so nothing is nested across paragraph ends and every
// piece says exactly which codings it belongs to.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "engine/report/html.hpp"
#include "engine/report/model.hpp"

namespace casebook::report {

// The codebook's names and colours by key, with a fallback for keys the
// model does not list (shown by key, in grey) so a stray coding still shows.
class CodeTable {
 public:
  explicit CodeTable(const std::vector<CodeStyle>& codes);

  std::string name(const std::string& key) const;
  html::Rgb colour(const std::string& key) const;
  // Position in the codebook; codes it does not list come after all others.
  std::size_t rank(const std::string& key) const;

 private:
  std::vector<CodeStyle> codes_;
  std::map<std::string, std::size_t> index_;
};

// The text as HTML: <p> per paragraph ("\n\n" and longer runs of line breaks
// separate paragraphs; a single "\n" stays in the text, kept by the style
// sheet's pre-wrap), coded pieces in <mark data-codes="k1 k2" title="...">.
// Highlight positions are code points; out-of-range ends are clipped and
// empty highlights ignored.
std::string highlighted_text(const SourcePage& source, const CodeTable& codes);

}  // namespace casebook::report

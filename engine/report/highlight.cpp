#include "engine/report/highlight.hpp"

#include <algorithm>
#include <set>

#include "engine/text/utf8.hpp"

namespace casebook::report {

namespace utf8 = text::utf8;

namespace {

constexpr html::Rgb kUnknownCodeColour{136, 136, 136};
// Enough to tint the text without hurting its contrast.
constexpr double kHighlightAlpha = 0.32;

struct Clipped {
  std::size_t start = 0;
  std::size_t end = 0;
  const Highlight* highlight = nullptr;
};

std::vector<Clipped> clip(const std::vector<Highlight>& highlights, std::size_t length) {
  std::vector<Clipped> out;
  for (const Highlight& h : highlights) {
    const std::size_t start = std::min(h.start, length);
    const std::size_t end = std::min(h.end, length);
    if (start < end) out.push_back({start, end, &h});
  }
  std::stable_sort(out.begin(), out.end(), [](const Clipped& a, const Clipped& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

// For each code point: does it belong to a run of two or more line breaks
// (a paragraph separator)?
std::vector<bool> paragraph_breaks(std::string_view text, const std::vector<std::size_t>& offsets) {
  const std::size_t count = offsets.size() - 1;
  std::vector<bool> in_break(count, false);
  std::size_t i = 0;
  while (i < count) {
    std::size_t j = i;
    while (j < count && text[offsets[j]] == '\n') ++j;
    if (j - i >= 2) std::fill(in_break.begin() + i, in_break.begin() + j, true);
    i = std::max(j, i + 1);
  }
  return in_break;
}

// Every position where a highlight or a paragraph separator starts or ends.
std::vector<std::size_t> boundaries(const std::vector<Clipped>& highlights,
                                    const std::vector<bool>& in_break) {
  std::set<std::size_t> at{0, in_break.size()};
  for (const Clipped& h : highlights) {
    at.insert(h.start);
    at.insert(h.end);
  }
  for (std::size_t i = 0; i < in_break.size(); ++i) {
    if (in_break[i] && (i == 0 || !in_break[i - 1])) at.insert(i);
    if (in_break[i] && (i + 1 == in_break.size() || !in_break[i + 1])) at.insert(i + 1);
  }
  return {at.begin(), at.end()};
}

// The codes covering one piece, in codebook order, each with its coders.
struct PieceCode {
  std::string key;
  std::vector<std::string> coders;
};

std::vector<PieceCode> piece_codes(const std::vector<const Highlight*>& active,
                                   const CodeTable& codes) {
  std::vector<PieceCode> out;
  for (const Highlight* h : active) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const PieceCode& c) { return c.key == h->code_key; });
    if (it == out.end()) it = out.insert(out.end(), PieceCode{h->code_key, {}});
    const bool known =
        std::find(it->coders.begin(), it->coders.end(), h->coder) != it->coders.end();
    if (!h->coder.empty() && !known) it->coders.push_back(h->coder);
  }
  std::stable_sort(out.begin(), out.end(), [&](const PieceCode& a, const PieceCode& b) {
    const std::size_t ra = codes.rank(a.key), rb = codes.rank(b.key);
    return ra != rb ? ra < rb : a.key < b.key;
  });
  return out;
}

std::string mark_title(const std::vector<PieceCode>& piece, const CodeTable& codes) {
  std::string title;
  for (const PieceCode& code : piece) {
    if (!title.empty()) title += "; ";
    title += codes.name(code.key);
    if (!code.coders.empty()) {
      title += " (";
      for (std::size_t i = 0; i < code.coders.size(); ++i) {
        title += (i > 0 ? ", " : "") + code.coders[i];
      }
      title += ")";
    }
  }
  return title;
}

// One code: a tint of its colour. Several: one horizontal band per code, so
// an overlap shows every colour involved.
std::string mark_style(const std::vector<PieceCode>& piece, const CodeTable& codes) {
  if (piece.size() == 1) {
    const html::Rgb colour = codes.colour(piece.front().key);
    return "background-color:" + html::rgba(colour, kHighlightAlpha) +
           ";border-bottom-color:" + html::hex(colour);
  }
  std::string gradient = "background-image:linear-gradient(";
  const double band = 100.0 / static_cast<double>(piece.size());
  for (std::size_t i = 0; i < piece.size(); ++i) {
    const std::string colour = html::rgba(codes.colour(piece[i].key), kHighlightAlpha + 0.08);
    if (i > 0) gradient += ",";
    gradient += colour + " " + html::number(band * static_cast<double>(i), 2) + "% " +
                html::number(band * static_cast<double>(i + 1), 2) + "%";
  }
  return gradient + ")";
}

std::string open_mark(const std::vector<PieceCode>& piece, const CodeTable& codes) {
  std::string keys;
  for (const PieceCode& code : piece) keys += (keys.empty() ? "" : " ") + code.key;
  std::string out = "<mark";
  if (piece.size() > 1) out += " class=\"overlap\"";
  out += " data-codes=\"" + html::escape(keys) + "\" title=\"" +
         html::escape(mark_title(piece, codes)) + "\" style=\"" + mark_style(piece, codes) + "\">";
  return out;
}

// Appends text to the current paragraph, opening one if needed.
class ParagraphWriter {
 public:
  void write(std::string_view html) {
    if (!open_) out_ += "<p>";
    open_ = true;
    out_ += html;
  }
  void end_paragraph() {
    if (open_) out_ += "</p>\n";
    open_ = false;
  }
  std::string finish() {
    end_paragraph();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool open_ = false;
};

}  // namespace

CodeTable::CodeTable(const std::vector<CodeStyle>& codes) : codes_(codes) {
  for (std::size_t i = 0; i < codes_.size(); ++i) index_.emplace(codes_[i].key, i);
}

std::string CodeTable::name(const std::string& key) const {
  const auto it = index_.find(key);
  if (it == index_.end() || codes_[it->second].name.empty()) return key;
  return codes_[it->second].name;
}

html::Rgb CodeTable::colour(const std::string& key) const {
  const auto it = index_.find(key);
  if (it == index_.end()) return kUnknownCodeColour;
  return html::parse_colour(codes_[it->second].colour).value_or(kUnknownCodeColour);
}

std::size_t CodeTable::rank(const std::string& key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? codes_.size() : it->second;
}

std::string highlighted_text(const SourcePage& source, const CodeTable& codes) {
  const std::string_view text = source.text;
  const std::vector<std::size_t> offsets = utf8::code_point_offsets(text);
  const std::vector<bool> in_break = paragraph_breaks(text, offsets);
  const std::vector<Clipped> highlights = clip(source.highlights, in_break.size());
  const std::vector<std::size_t> cuts = boundaries(highlights, in_break);

  ParagraphWriter out;
  std::size_t next = 0;  // the first highlight not yet active
  std::vector<const Clipped*> active;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::size_t begin = cuts[k], end = cuts[k + 1];
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](const Clipped* h) { return h->end <= begin; }),
                 active.end());
    while (next < highlights.size() && highlights[next].start <= begin) {
      active.push_back(&highlights[next++]);
    }
    if (in_break[begin]) {
      out.end_paragraph();
      continue;
    }
    const std::string piece =
        html::escape(text.substr(offsets[begin], offsets[end] - offsets[begin]));
    if (active.empty()) {
      out.write(piece);
      continue;
    }
    std::vector<const Highlight*> covering;
    for (const Clipped* h : active) covering.push_back(h->highlight);
    out.write(open_mark(piece_codes(covering, codes), codes) + piece + "</mark>");
  }
  return out.finish();
}

}  // namespace casebook::report

// Pseudonymising documents and refusing to write what would leak a name.

#include <algorithm>

#include "engine/core/error.hpp"
#include "engine/publish/publish.hpp"

namespace casebook::publish {
namespace {

void pseudonymise_paragraph(exporting::Paragraph& p, const pseudonyms::Pseudonymiser& map) {
  // Spans are joined before replacing, so a name split over two spans of
  // one style change ("Borough of " + bold "Aldbury") is still found; the
  // paragraph keeps the first span's style in that rare case.
  std::string joined;
  for (const exporting::Span& s : p) joined += s.text;
  const std::string replaced = map.apply(joined);
  if (replaced == joined) return;
  bool per_span_ok = true;
  std::string rebuilt;
  std::vector<std::string> replaced_spans;
  for (const exporting::Span& s : p) {
    replaced_spans.push_back(map.apply(s.text));
    rebuilt += replaced_spans.back();
  }
  per_span_ok = rebuilt == replaced;
  if (per_span_ok) {
    for (std::size_t i = 0; i < p.size(); ++i) p[i].text = replaced_spans[i];
  } else {
    p = {{replaced, p.empty() ? exporting::Style::Plain : p.front().style}};
  }
}

void pseudonymise_cell(exporting::Cell& c, const pseudonyms::Pseudonymiser& map) {
  for (exporting::Paragraph& p : c.paragraphs) pseudonymise_paragraph(p, map);
}

}  // namespace

void pseudonymise(exporting::Document& document, const pseudonyms::Pseudonymiser& map) {
  document.title = map.apply(document.title);
  for (exporting::Block& block : document.blocks) {
    if (auto* h = std::get_if<exporting::Heading>(&block)) {
      h->text = map.apply(h->text);
    } else if (auto* p = std::get_if<exporting::Paragraph>(&block)) {
      pseudonymise_paragraph(*p, map);
    } else if (auto* t = std::get_if<exporting::Table>(&block)) {
      t->id = map.apply(t->id);  // ids become sheet names and anchors
      t->caption = map.apply(t->caption);
      for (exporting::Column& c : t->columns) c.header = map.apply(c.header);
      for (auto& row : t->rows) {
        for (exporting::Cell& cell : row) pseudonymise_cell(cell, map);
      }
      for (std::string& n : t->notes) n = map.apply(n);
    }
  }
}

void refuse_leaks(const std::vector<std::string>& texts, const pseudonyms::Pseudonymiser& map,
                  const std::string& what) {
  std::vector<pseudonyms::Leak> leaks;
  for (const std::string& t : texts) {
    for (pseudonyms::Leak& leak : map.find_leaks(t)) {
      const bool known = std::any_of(leaks.begin(), leaks.end(), [&](const pseudonyms::Leak& l) {
        return l.name == leak.name;
      });
      if (!known) leaks.push_back(std::move(leak));
    }
  }
  if (leaks.empty()) return;
  throw_conflict(what + " would disclose " + std::to_string(leaks.size()) +
                     " real name(s); nothing was written:\n" + pseudonyms::describe_leaks(leaks),
                 "add pseudonyms for them (casebook pseudonyms add \"REAL NAME\" \"PSEUDONYM\"), "
                 "or, for private use only, export with --no-pseudonyms");
}

std::string render(exporting::Document document, const exporting::Format& format,
                   const exporting::WriteOptions& options, const pseudonyms::Pseudonymiser* map,
                   const std::string& what) {
  if (map != nullptr) {
    pseudonymise(document, *map);
    refuse_leaks(exporting::all_text(document), *map, what);
  }
  std::string bytes = format.write(document, options);
  // The rendered text is checked too: a writer that adds text (a title, a
  // caption prefix) must not bring a name back in.
  if (map != nullptr && !format.binary) refuse_leaks({bytes}, *map, what);
  return bytes;
}

}  // namespace casebook::publish

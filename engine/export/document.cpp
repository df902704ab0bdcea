#include "engine/export/document.hpp"

#include <utility>

#include "engine/export/detail.hpp"

namespace casebook::exporting {

Cell::Cell(std::string text) {
  if (!text.empty()) paragraphs.push_back({Span{std::move(text), Style::Plain}});
}

Cell Cell::of(std::vector<Paragraph> paragraphs) {
  Cell cell;
  cell.paragraphs = std::move(paragraphs);
  return cell;
}

namespace {

std::string paragraph_text(const Paragraph& paragraph) {
  std::string text;
  for (const Span& span : paragraph) text += span.text;
  return text;
}

}  // namespace

std::string Cell::plain_text() const {
  std::string text;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) text += '\n';
    text += paragraph_text(paragraphs[i]);
  }
  return text;
}

namespace {

void add_if_shown(std::vector<std::string>& out, std::string text) {
  if (!text.empty()) out.push_back(std::move(text));
}

void add_table_text(std::vector<std::string>& out, const Table& table) {
  // The id is shown too: it names the XLSX sheet and the HTML anchor.
  add_if_shown(out, table.id);
  add_if_shown(out, table.caption);
  for (const Column& column : table.columns) add_if_shown(out, column.header);
  for (const auto& row : table.rows) {
    for (const Cell& cell : row) add_if_shown(out, cell.plain_text());
  }
  for (const std::string& note : table.notes) add_if_shown(out, note);
}

}  // namespace

std::vector<std::string> all_text(const Document& document) {
  std::vector<std::string> out;
  add_if_shown(out, document.title);
  for (const Block& block : document.blocks) {
    std::visit(
        detail::Overloaded{
            [&](const Heading& heading) { add_if_shown(out, heading.text); },
            [&](const Paragraph& paragraph) { add_if_shown(out, paragraph_text(paragraph)); },
            [&](const Table& table) { add_table_text(out, table); },
        },
        block);
  }
  return out;
}

}  // namespace casebook::exporting

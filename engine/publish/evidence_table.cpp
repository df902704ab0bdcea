// The evidence table: per proposition and group of cases, the counts behind
// the verdict and the exemplar quotes, in a paper's reading layout or a data
// layout for spreadsheets.

#include <algorithm>

#include "engine/evidence/quotes.hpp"
#include "engine/publish/publish.hpp"

namespace casebook::publish {
namespace {

using exporting::Align;
using exporting::Cell;
using exporting::Column;
using exporting::Paragraph;
using exporting::Span;
using exporting::Style;
using exporting::Table;

std::string quoted(const std::string& text) {
  return "\u201C" + text + "\u201D";
}

// “...quite a slog” (Int-7)
Paragraph quote_paragraph(const evidence::EvidenceCoding& c, std::size_t max_words,
                          const std::string& lead = {}) {
  Paragraph p;
  if (!lead.empty()) p.push_back({lead, Style::Strong});
  p.push_back({quoted(evidence::quote_text(c, max_words)) + " (" + c.citation + ")"});
  return p;
}

// The exemplar quotes of a cell (the rule in engine/evidence/quotes.hpp),
// one paragraph each, then one of counter-evidence where there is some.
std::vector<Paragraph> exemplar_paragraphs(const evidence::EvidenceSet& e,
                                           const evidence::TriangulationCell& cell,
                                           const EvidenceTableOptions& o) {
  std::vector<Paragraph> quotes;
  for (std::size_t i : evidence::choose_exemplars(e, cell.supporting, o.quotes, o.max_words))
    quotes.push_back(quote_paragraph(e.codings[i], o.max_words));
  if (o.counter_quotes && !cell.contradicting.empty()) {
    for (std::size_t i : evidence::choose_exemplars(e, cell.contradicting, 1, o.max_words))
      quotes.push_back(quote_paragraph(e.codings[i], o.max_words, "Against: "));
  }
  return quotes;
}

std::string cases_text(const evidence::TriangulationCell& cell) {
  return std::to_string(cell.cases_with_evidence.size()) + "/" +
         std::to_string(cell.cases_in_group);
}

std::string types_text(const evidence::TriangulationCell& cell) {
  std::string out;
  for (const std::string& t : cell.source_types) out += (out.empty() ? "" : ", ") + t;
  return out;
}

std::string group_heading(const std::string& by) {
  if (by == "outcome") return "Outcome";
  if (by == "sub-outcome") return "Sub-outcome";
  if (by == "case") return "Case";
  return by;
}

std::string notes_of_rules(const evidence::TriangulationOptions& o) {
  return "Verdicts: corroborated = at least " + std::to_string(o.min_sources) +
         " supporting sources of at least " + std::to_string(o.min_types) +
         " types (interview, document, press), or at least " + std::to_string(o.min_informants) +
         " informants from " + std::to_string(o.min_councils) +
         " councils; single-source = one source; single-type = several sources of one type; "
         "contested = at least " +
         std::to_string(std::max<std::size_t>(o.min_contradicting, 1)) +
         " coding(s) of counter-evidence; absent = no coded evidence.";
}

std::string provenance_note(const evidence::EvidenceSet& e) {
  std::string note = "Reviewed evidence: " + std::to_string(e.codings.size()) + " codings";
  if (e.left_out_unreviewed > 0)
    note += "; " + std::to_string(e.left_out_unreviewed) + " unreviewed codings left out";
  if (e.left_out_rejected > 0)
    note += "; " + std::to_string(e.left_out_rejected) + " rejected codings left out";
  if (e.merged_duplicates > 0)
    note += "; " + std::to_string(e.merged_duplicates) + " double-coded duplicates counted once";
  return note + ".";
}

Table verdict_matrix(const evidence::Triangulation& t) {
  Table table;
  table.id = "verdicts";
  table.caption = "Triangulation verdicts by proposition and " + t.grouping.by;
  table.in_csv = false;
  table.columns.push_back({"Proposition", Align::Left, 1.0});
  for (const std::string& g : t.grouping.groups) table.columns.push_back({g, Align::Left, 1.0});
  for (const evidence::TriangulationRow& row : t.rows) {
    std::vector<Cell> cells{Cell(row.proposition)};
    for (const evidence::TriangulationCell& cell : row.cells) {
      cells.push_back(Cell::of({{{evidence::to_string(cell.verdict), Style::Strong}},
                                {{cases_text(cell) + " cases, " +
                                  std::to_string(cell.supporting_sources.size()) + " sources"}}}));
    }
    table.rows.push_back(std::move(cells));
  }
  table.notes.push_back(notes_of_rules(t.options));
  return table;
}

Table reading_table(const evidence::EvidenceSet& e, const evidence::Triangulation& t,
                    const EvidenceTableOptions& o) {
  Table table;
  table.id = "evidence";
  table.caption = "Evidence by proposition and " + t.grouping.by;
  table.columns = {{"Proposition", Align::Left, 0.8},
                   {group_heading(t.grouping.by), Align::Left, 0.9},
                   {"Evidence", Align::Left, 1.4},
                   {"Verdict", Align::Left, 1.3},
                   {"Exemplar quotes", Align::Left, 4.0}};
  for (const evidence::TriangulationRow& row : t.rows) {
    for (std::size_t g = 0; g < row.cells.size(); ++g) {
      const evidence::TriangulationCell& cell = row.cells[g];
      std::vector<Paragraph> counts{
          {{"Cases " + cases_text(cell)}},
          {{"Codings " + std::to_string(cell.supporting.size()) + " for, " +
            std::to_string(cell.contradicting.size()) + " against"}}};
      if (!cell.sources.empty()) {
        counts.push_back({{"Sources " + std::to_string(cell.sources.size()) + " (" +
                           evidence::cite_together(cell.sources) + ")"}});
        counts.push_back({{"Informants " + std::to_string(cell.informants.size()) + ", councils " +
                           std::to_string(cell.councils.size())}});
        counts.push_back({{"Types: " + types_text(cell)}});
      }
      table.rows.push_back(
          {Cell(g == 0 ? row.proposition : std::string()), Cell(t.grouping.groups[g]),
           Cell::of(counts),
           Cell::of({{{evidence::to_string(cell.verdict), Style::Strong}}, {{cell.reason}}}),
           Cell::of(exemplar_paragraphs(e, cell, o))});
    }
  }
  table.notes.push_back(notes_of_rules(t.options));
  table.notes.push_back(provenance_note(e));
  return table;
}

Table data_table(const evidence::EvidenceSet& e, const evidence::Triangulation& t,
                 const EvidenceTableOptions& o) {
  Table table;
  table.id = "evidence";
  table.caption = "Evidence by proposition and " + t.grouping.by;
  const std::vector<std::pair<std::string, Align>> columns{
      {"proposition", Align::Left},     {"proposition_text", Align::Left},
      {t.grouping.by, Align::Left},     {"cases_with_evidence", Align::Right},
      {"cases_in_group", Align::Right}, {"codings", Align::Right},
      {"supporting", Align::Right},     {"contradicting", Align::Right},
      {"sources", Align::Right},        {"source_labels", Align::Left},
      {"source_types", Align::Left},    {"informants", Align::Right},
      {"councils", Align::Right},       {"verdict", Align::Left},
      {"reason", Align::Left},          {"quotes", Align::Left}};
  for (const auto& [name, align] : columns)
    table.columns.push_back(
        {name, align, name == "quotes" || name == "proposition_text" ? 4.0 : 1.0});
  for (const evidence::TriangulationRow& row : t.rows) {
    for (std::size_t g = 0; g < row.cells.size(); ++g) {
      const evidence::TriangulationCell& cell = row.cells[g];
      table.rows.push_back(
          {Cell(row.proposition), Cell(row.text), Cell(t.grouping.groups[g]),
           Cell(std::to_string(cell.cases_with_evidence.size())),
           Cell(std::to_string(cell.cases_in_group)), Cell(std::to_string(cell.codings())),
           Cell(std::to_string(cell.supporting.size())),
           Cell(std::to_string(cell.contradicting.size())),
           Cell(std::to_string(cell.sources.size())), Cell(evidence::cite_together(cell.sources)),
           Cell(types_text(cell)), Cell(std::to_string(cell.informants.size())),
           Cell(std::to_string(cell.councils.size())), Cell(evidence::to_string(cell.verdict)),
           Cell(cell.reason), Cell::of(exemplar_paragraphs(e, cell, o))});
    }
  }
  return table;
}

}  // namespace

exporting::Document evidence_document(const evidence::EvidenceSet& evidence,
                                      const evidence::Triangulation& triangulation,
                                      const EvidenceTableOptions& options) {
  exporting::Document doc;
  doc.title = "Evidence by proposition and " + triangulation.grouping.by;
  if (options.data_layout) {
    doc.blocks.push_back(data_table(evidence, triangulation, options));
    return doc;
  }
  for (const evidence::TriangulationRow& row : triangulation.rows) {
    doc.blocks.push_back(Paragraph{{row.proposition + ": ", Style::Strong}, {row.text}});
  }
  doc.blocks.push_back(verdict_matrix(triangulation));
  doc.blocks.push_back(reading_table(evidence, triangulation, options));
  return doc;
}

}  // namespace casebook::publish

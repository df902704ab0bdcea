// The other export tables: codings, matrices, the codebook appendix, cases.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "engine/publish/publish.hpp"

namespace casebook::publish {
namespace {

using exporting::Align;
using exporting::Cell;
using exporting::Column;
using exporting::Paragraph;
using exporting::Style;
using exporting::Table;

std::string joined(const std::vector<std::string>& items, const std::string& sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> attribute_names(const evidence::EvidenceSet& e) {
  std::set<std::string> names;
  for (const evidence::CaseRecord& c : e.cases) {
    for (const auto& [name, value] : c.attributes) names.insert(name);
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> dimension_names(const evidence::EvidenceSet& e) {
  std::vector<std::string> names;
  for (const codebook::Dimension& d : e.codebook.dimensions) names.push_back(d.name);
  for (const evidence::EvidenceCoding& c : e.codings) {
    for (const auto& [name, value] : c.dims) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return names;
}

// Values of one attribute (or outcome) over the coding's cases, joined.
std::string over_cases(const evidence::EvidenceSet& e, const evidence::EvidenceCoding& c,
                       const std::string& attribute) {
  std::vector<std::string> values;
  for (const std::string& label : c.cases) {
    const evidence::CaseRecord* r = e.find_case(label);
    if (r == nullptr) continue;
    std::string v;
    if (attribute == "outcome") {
      v = r->outcome;
    } else if (const auto it = r->attributes.find(attribute); it != r->attributes.end()) {
      v = it->second;
    }
    if (!v.empty() && std::find(values.begin(), values.end(), v) == values.end())
      values.push_back(v);
  }
  return joined(values, "; ");
}

}  // namespace

std::string format_count(double value) {
  if (std::fabs(value - std::round(value)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(value)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

exporting::Document codings_document(const evidence::EvidenceSet& e) {
  std::size_t depth = 1;
  for (const evidence::EvidenceCoding& c : e.codings) depth = std::max(depth, c.code_path.size());
  const auto attributes = attribute_names(e);
  const auto dimensions = dimension_names(e);

  Table table;
  table.id = "codings";
  table.caption = "Codings";
  for (const char* name : {"coding", "source", "type", "date", "council", "cases", "outcome"})
    table.columns.push_back(
        {name, std::string(name) == "coding" ? Align::Right : Align::Left, 1.0});
  for (const std::string& a : attributes) table.columns.push_back({a, Align::Left, 1.0});
  for (std::size_t level = 1; level <= depth; ++level)
    table.columns.push_back({"code_level_" + std::to_string(level), Align::Left, 1.2});
  table.columns.push_back({"code", Align::Left, 1.2});
  for (const std::string& d : dimensions) table.columns.push_back({d, Align::Left, 1.0});
  for (const char* name : {"coder", "review_status", "informants", "citation"})
    table.columns.push_back({name, Align::Left, 1.0});
  table.columns.push_back({"text", Align::Left, 5.0});

  for (const evidence::EvidenceCoding& c : e.codings) {
    std::vector<Cell> row{Cell(std::to_string(c.id)),
                          Cell(c.source_label),
                          Cell(c.source_type),
                          Cell(c.date),
                          Cell(c.council),
                          Cell(joined(c.cases, "; ")),
                          Cell(over_cases(e, c, "outcome"))};
    for (const std::string& a : attributes) row.emplace_back(over_cases(e, c, a));
    for (std::size_t level = 0; level < depth; ++level)
      row.emplace_back(level < c.code_path.size() ? c.code_path[level] : std::string());
    row.emplace_back(c.code);
    for (const std::string& d : dimensions) {
      const std::string* v = c.dim(d);
      row.emplace_back(v ? *v : std::string());
    }
    std::vector<std::string> coders{c.coder};
    coders.insert(coders.end(), c.also_coded_by.begin(), c.also_coded_by.end());
    row.emplace_back(joined(coders, "; "));
    row.emplace_back(c.review_status);
    row.emplace_back(joined(c.informants, "; "));
    row.emplace_back(c.citation);
    row.emplace_back(c.quote);
    table.rows.push_back(std::move(row));
  }
  exporting::Document doc;
  doc.title = "Codings";
  table.notes.push_back(
      std::to_string(e.codings.size()) + " codings" +
      (e.left_out_unreviewed ? ", " + std::to_string(e.left_out_unreviewed) + " unreviewed left out"
                             : std::string()) +
      (e.left_out_rejected ? ", " + std::to_string(e.left_out_rejected) + " rejected left out"
                           : std::string()) +
      ".");
  doc.blocks.push_back(std::move(table));
  return doc;
}

exporting::Document matrix_document(const evidence::EvidenceSet& e, const evidence::MatrixResult& m,
                                    const evidence::MatrixSpec& spec) {
  (void)e;
  Table table;
  table.id = "matrix";
  const std::string what =
      std::string(evidence::to_string(spec.count)) + (spec.per_source ? " per source" : "");
  table.caption = m.row_axis + " by " + m.column_axis + " (" + what + ")";
  table.columns.push_back({m.row_axis, Align::Left, 2.0});
  for (const std::string& c : m.columns) table.columns.push_back({c, Align::Right, 1.0});
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const std::string label =
        m.row_names[r] == m.rows[r] ? m.rows[r] : m.row_names[r] + " (" + m.rows[r] + ")";
    std::vector<Cell> row{Cell(label)};
    for (double v : m.values[r]) row.emplace_back(format_count(v));
    table.rows.push_back(std::move(row));
  }
  if (spec.per_source) {
    std::vector<Cell> row{Cell::of({{{"sources", Style::Emphasis}}})};
    for (std::size_t n : m.column_sources) row.emplace_back(std::to_string(n));
    table.rows.push_back(std::move(row));
    table.notes.push_back(
        "Each value is divided by the number of sources of the column's cases "
        "(last row).");
  }
  if (m.row_axis == "codes" && m.column_axis == "codes") {
    table.notes.push_back(
        "Co-occurrence: a coding of the row's code overlapping a coding of the "
        "column's code in the same source; the diagonal counts the code itself.");
  }
  if (spec.include_sub_codes && (m.row_axis == "codes" || m.column_axis == "codes")) {
    table.notes.push_back("A code's row includes the codings of its sub-codes.");
  }
  exporting::Document doc;
  doc.title = table.caption;
  doc.blocks.push_back(std::move(table));
  return doc;
}

exporting::Document codebook_document(const codebook::Codebook& book) {
  exporting::Document doc;
  doc.title = book.name.empty() ? "Codebook" : "Codebook: " + book.name;
  if (!book.description.empty()) doc.blocks.push_back(Paragraph{{book.description}});

  Table codes;
  codes.id = "codes";
  codes.caption = "Codes";
  codes.columns = {{"Code", Align::Left, 1.5},
                   {"Definition and criteria", Align::Left, 4.0},
                   {"Examples", Align::Left, 3.0}};
  for (const codebook::Code& c : book.codes) {
    std::size_t depth = 0;
    for (const codebook::Code* p = book.find_code(c.parent); p != nullptr && depth < 16;
         p = book.find_code(p->parent))
      ++depth;
    const std::string indent(depth * 2, ' ');
    std::vector<Paragraph> name{{{c.name, depth == 0 ? Style::Strong : Style::Plain}},
                                {{c.key, Style::Emphasis}}};
    if (c.origin == codebook::Origin::Inductive) name.push_back({{"inductive"}});
    if (depth > 0) name.front().front().text = std::string(depth, '-') + " " + c.name;
    std::vector<Paragraph> criteria;
    if (!c.definition.empty()) criteria.push_back({{c.definition}});
    if (!c.inclusion.empty()) criteria.push_back({{"Include: ", Style::Strong}, {c.inclusion}});
    if (!c.exclusion.empty()) criteria.push_back({{"Exclude: ", Style::Strong}, {c.exclusion}});
    std::vector<std::string> dims;
    for (const codebook::CodeDimension& d : c.dimensions)
      dims.push_back(d.dimension + (d.required ? " (required)" : ""));
    if (!dims.empty()) criteria.push_back({{"Dimensions: ", Style::Strong}, {joined(dims)}});
    std::vector<Paragraph> examples;
    for (const std::string& x : c.typical_examples) examples.push_back({{"\u201C" + x + "\u201D"}});
    for (const std::string& x : c.atypical_examples)
      examples.push_back({{"Atypical: ", Style::Emphasis}, {"\u201C" + x + "\u201D"}});
    codes.rows.push_back({Cell::of(name), Cell::of(criteria), Cell::of(examples)});
  }
  doc.blocks.push_back(std::move(codes));

  if (!book.dimensions.empty()) {
    Table dims;
    dims.id = "dimensions";
    dims.caption = "Dimensions";
    dims.columns = {
        {"Dimension", Align::Left, 1.0}, {"Level", Align::Left, 0.8}, {"Values", Align::Left, 4.0}};
    for (const codebook::Dimension& d : book.dimensions) {
      std::vector<Paragraph> values;
      if (!d.description.empty()) values.push_back({{d.description, Style::Emphasis}});
      for (const codebook::DimensionValue& v : d.values) {
        Paragraph p{{v.value, Style::Strong}};
        if (!v.description.empty()) p.push_back({": " + v.description});
        values.push_back(std::move(p));
      }
      if (d.min || d.max) {
        values.push_back({{"from " + (d.min ? codebook::format_number(*d.min) : std::string("-")) +
                           " to " + (d.max ? codebook::format_number(*d.max) : std::string("-"))}});
      }
      dims.rows.push_back({Cell(d.name), Cell(codebook::to_string(d.level)), Cell::of(values)});
    }
    doc.blocks.push_back(std::move(dims));
  }

  if (!book.propositions.empty()) {
    Table props;
    props.id = "propositions";
    props.caption = "Propositions and the evidence that bears on them";
    props.columns = {{"Proposition", Align::Left, 0.8},
                     {"Statement", Align::Left, 3.0},
                     {"Evidence", Align::Left, 3.0}};
    for (const codebook::Proposition& p : book.propositions) {
      std::vector<Paragraph> links;
      for (const codebook::PropositionLink& l : p.links) {
        std::string text = l.code;
        if (!l.dimension.empty()) text += " with " + l.dimension + " = " + l.value;
        Paragraph para{{std::string(codebook::to_string(l.bearing)) + ": ", Style::Strong}, {text}};
        if (!l.note.empty()) para.push_back({" (" + l.note + ")", Style::Emphasis});
        links.push_back(std::move(para));
      }
      props.rows.push_back({Cell(p.key), Cell(p.text), Cell::of(links)});
    }
    doc.blocks.push_back(std::move(props));
  }
  return doc;
}

exporting::Document cases_document(const evidence::EvidenceSet& e) {
  const auto attributes = attribute_names(e);
  Table table;
  table.id = "cases";
  table.caption = "Cases";
  table.columns = {
      {"Case", Align::Left, 0.6}, {"Outcome", Align::Left, 1.0}, {"Sub-outcome", Align::Left, 1.0}};
  for (const std::string& a : attributes) table.columns.push_back({a, Align::Left, 1.0});
  table.columns.push_back({"Sources", Align::Right, 0.6});
  table.columns.push_back({"Codings", Align::Right, 0.6});
  for (const evidence::CaseRecord& c : e.cases) {
    std::vector<Cell> row{Cell(c.label), Cell(c.outcome), Cell(c.sub_outcome)};
    for (const std::string& a : attributes) {
      const auto it = c.attributes.find(a);
      row.emplace_back(it == c.attributes.end() ? std::string() : it->second);
    }
    row.emplace_back(std::to_string(c.sources.size()));
    const auto codings = std::count_if(e.codings.begin(), e.codings.end(), [&](const auto& x) {
      return std::find(x.cases.begin(), x.cases.end(), c.label) != x.cases.end();
    });
    row.emplace_back(std::to_string(codings));
    table.rows.push_back(std::move(row));
  }
  exporting::Document doc;
  doc.title = "Cases";
  doc.blocks.push_back(std::move(table));
  return doc;
}

}  // namespace casebook::publish

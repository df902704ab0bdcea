#include "engine/publish/report_model.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/core/error.hpp"
#include "engine/evidence/matrix.hpp"
#include "engine/evidence/quotes.hpp"
#include "engine/intercoder/intercoder.hpp"
#include "engine/publish/publish.hpp"
#include "engine/series/series.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::publish {
namespace {

using exporting::Align;
using exporting::Cell;

std::string summary_of(const evidence::TriangulationCell& cell) {
  std::string s = std::to_string(cell.cases_with_evidence.size()) + "/" +
                  std::to_string(cell.cases_in_group) + " cases \u00B7 " +
                  std::to_string(cell.supporting.size()) + " for, " +
                  std::to_string(cell.contradicting.size()) + " against \u00B7 " +
                  std::to_string(cell.sources.size()) + " sources";
  if (!cell.source_types.empty()) {
    s += " \u00B7 ";
    for (std::size_t i = 0; i < cell.source_types.size(); ++i)
      s += (i ? ", " : "") + cell.source_types[i];
  }
  return s;
}

report::Quote quote_of(const evidence::EvidenceCoding& c, bool against) {
  return {evidence::quote_text(c, 0), c.citation, c.code, c.source_label, against};
}

report::Matrix matrix_of(const evidence::EvidenceSet& e, const evidence::Triangulation& t,
                         const ReportOptions& o) {
  report::Matrix m;
  m.title = "Propositions by " + t.grouping.by;
  m.column_labels = t.grouping.groups;
  for (const evidence::TriangulationRow& row : t.rows) {
    m.row_labels.push_back(row.proposition);
    m.row_details.push_back(row.text);
    std::vector<report::MatrixCell> cells;
    for (const evidence::TriangulationCell& cell : row.cells) {
      report::MatrixCell out{evidence::to_string(cell.verdict), cell.reason, summary_of(cell), {}};
      for (std::size_t i : cell.supporting) {
        if (out.quotes.size() < o.max_quotes_per_cell)
          out.quotes.push_back(quote_of(e.codings[i], false));
      }
      for (std::size_t i : cell.contradicting) {
        if (out.quotes.size() < o.max_quotes_per_cell)
          out.quotes.push_back(quote_of(e.codings[i], true));
      }
      const std::size_t total = cell.supporting.size() + cell.contradicting.size();
      if (total > out.quotes.size()) {
        out.reason += " (" + std::to_string(out.quotes.size()) + " of " + std::to_string(total) +
                      " quotes shown)";
      }
      cells.push_back(std::move(out));
    }
    m.cells.push_back(std::move(cells));
  }
  m.notes.push_back("Reviewed codings only: " + std::to_string(e.codings.size()) + " codings; " +
                    std::to_string(e.left_out_unreviewed) + " unreviewed and " +
                    std::to_string(e.left_out_rejected) + " rejected left out.");
  return m;
}

// A fixed palette for codes without a colour in the codebook (colour-blind
// safe, after Okabe and Ito), assigned in codebook order so it is stable.
const std::vector<std::string>& palette() {
  static const std::vector<std::string> p{"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                          "#0072B2", "#D55E00", "#CC79A7", "#999999"};
  return p;
}

std::vector<report::CodeStyle> code_styles(const evidence::EvidenceSet& e) {
  std::vector<report::CodeStyle> out;
  std::size_t next = 0;
  for (const codebook::Code& c : e.codebook.codes) {
    out.push_back(
        {c.key, c.name, c.colour.empty() ? palette()[next++ % palette().size()] : c.colour});
  }
  for (const evidence::EvidenceCoding& c : e.codings) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& s) { return s.key == c.code; }))
      out.push_back({c.code, c.code, palette()[next++ % palette().size()]});
  }
  return out;
}

std::vector<report::SourcePage> source_pages(store::Store& store, const evidence::EvidenceSet& e) {
  std::map<std::int64_t, std::vector<const evidence::EvidenceCoding*>> by_source;
  for (const evidence::EvidenceCoding& c : e.codings) by_source[c.source_id].push_back(&c);
  std::vector<report::SourcePage> pages;
  for (const store::SourceInfo& s : store::list_sources(store)) {
    const auto it = by_source.find(s.id);
    if (it == by_source.end()) continue;  // only sources with evidence: the report stays small
    report::SourcePage page;
    page.label = s.label;
    page.title = s.title;
    page.facts = {{"type", s.type}};
    if (!s.date.empty()) page.facts.push_back({"date", s.date});
    if (!s.council.empty()) page.facts.push_back({"council", s.council});
    std::string cases;
    for (const std::string& c : s.cases) cases += (cases.empty() ? "" : ", ") + c;
    if (!cases.empty()) page.facts.push_back({"cases", cases});
    page.facts.push_back({"coded passages", std::to_string(it->second.size())});
    page.text = store::load_text(store, s.id);
    for (const evidence::EvidenceCoding* c : it->second)
      page.highlights.push_back({c->span.start, c->span.end, c->code, c->coder});
    std::sort(page.highlights.begin(), page.highlights.end(), [](const auto& a, const auto& b) {
      return std::tie(a.start, a.end, a.code_key) < std::tie(b.start, b.end, b.code_key);
    });
    pages.push_back(std::move(page));
  }
  return pages;
}

report::Heatmap heatmap_of(const evidence::EvidenceSet& e) {
  report::Heatmap h;
  h.title = "Codes by case, cases grouped by outcome";
  h.value_label = "codings per source of the case";
  const evidence::Grouping g = evidence::group_cases(e, "outcome");
  evidence::MatrixSpec spec;
  spec.rows = "codes";
  spec.columns = "cases";
  const evidence::MatrixResult m = evidence::build_matrix(e, spec);
  std::vector<std::size_t> column_order;
  for (const std::string& group : g.groups) {
    report::Heatmap::Group hg{group, g.cases_in(group)};
    for (const std::string& label : hg.cases) {
      const auto at = std::find(m.columns.begin(), m.columns.end(), label);
      column_order.push_back(static_cast<std::size_t>(at - m.columns.begin()));
    }
    h.groups.push_back(std::move(hg));
  }
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    std::vector<double> values;
    bool any = false;
    for (std::size_t c : column_order) {
      double v = 0;
      if (c < m.columns.size()) {
        const evidence::CaseRecord* rec = e.find_case(m.columns[c]);
        const std::size_t sources = rec ? rec->sources.size() : 0;
        v = sources == 0 ? 0.0 : m.values[r][c] / static_cast<double>(sources);
      }
      any = any || v > 0;
      values.push_back(v);
    }
    if (!any) continue;  // codes never used would only add blank rows
    h.row_labels.push_back(m.row_names[r]);
    h.values.push_back(std::move(values));
  }
  return h;
}

std::map<std::string, series::ActiveYears> active_years(const evidence::EvidenceSet& e,
                                                        const ReportOptions& o) {
  std::map<std::string, series::ActiveYears> out;
  for (const evidence::CaseRecord& c : e.cases)
    out[c.label] = series::active_years(c.attributes, o.start_attribute, o.end_attribute);
  return out;
}

std::vector<report::CaseLife> timeline_of(const evidence::EvidenceSet& e, const ReportOptions& o) {
  std::vector<report::CaseLife> out;
  const evidence::Grouping g = evidence::group_cases(e, "outcome");
  for (const std::string& group : g.groups) {
    for (const std::string& label : g.cases_in(group)) {
      const evidence::CaseRecord* c = e.find_case(label);
      const series::ActiveYears years =
          series::active_years(c->attributes, o.start_attribute, o.end_attribute);
      report::CaseLife life{label, c->outcome, years.from, years.to, {}};
      for (const auto& [name, value] : c->attributes) {
        if (text::ascii_iequals(name, o.events_attribute)) life.events = parse_events(value);
      }
      if (life.start || life.end || !life.events.empty()) out.push_back(std::move(life));
    }
  }
  return out;
}

std::vector<report::Series> series_of(store::Store& store, const evidence::EvidenceSet& e,
                                      const ReportOptions& o) {
  const auto active = active_years(e, o);
  std::map<std::pair<std::string, std::string>, report::Series> by_key;  // (metric, case)
  for (const series::Point& p : series::list_series(store)) {
    report::Series& s = by_key[{p.metric, p.case_label}];
    if (s.metric.empty()) {
      const evidence::CaseRecord* c = e.find_case(p.case_label);
      s.case_label = p.case_label;
      s.metric = p.metric;
      s.outcome = c ? c->outcome : std::string();
      const auto a = active.find(p.case_label);
      if (a != active.end()) {
        s.active_from = a->second.from;
        s.active_to = a->second.to;
      }
    }
    s.points.push_back({*series::decimal_year(p.period), p.value, p.council});
  }
  std::vector<report::Series> out;
  for (auto& [key, s] : by_key) {
    std::stable_sort(s.points.begin(), s.points.end(),
                     [](const auto& a, const auto& b) { return a.at < b.at; });
    out.push_back(std::move(s));
  }
  return out;
}

std::string fixed(std::optional<double> v) {
  if (!v) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

exporting::Document agreement_document(store::Store& store) {
  exporting::Document doc;
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT coder FROM codings WHERE removed_at IS NULL ORDER BY coder");
  std::vector<std::string> coders;
  while (q.executeStep()) coders.push_back(q.getColumn(0).getString());
  if (coders.size() < 2) return doc;
  intercoder::Scope scope;
  scope.coders = coders;
  const intercoder::ProjectCodings codings = intercoder::load_codings(store, scope);
  intercoder::Options options;
  options.coefficients.bootstrap_samples = 0;
  const intercoder::UnitAgreement ua =
      intercoder::unit_agreement(store, codings, intercoder::Unit::Passage, options);
  doc.title = "Agreement between coders";
  std::string who;
  for (const std::string& c : codings.coders) who += (who.empty() ? "" : ", ") + c;
  doc.blocks.push_back(exporting::Paragraph{
      {"Coders " + who + ", by passage (" + std::to_string(ua.units) +
       " passages of the sources they coded); every coding the coders made counts, "
       "including those rejected in review."}});
  exporting::Table t;
  t.id = "agreement";
  t.caption = "Agreement by code (presence of the code on a passage)";
  const std::vector<std::string> ids{"percent_agreement",
                                     coders.size() == 2 ? "cohen_kappa" : "fleiss_kappa",
                                     "krippendorff_alpha_nominal"};
  t.columns = {{"Code", Align::Left, 2.0}, {"Units", Align::Right, 0.6}};
  for (const std::string& id : ids) t.columns.push_back({id, Align::Right, 1.0});
  auto row_of = [&](const intercoder::CodeAgreement& ca) {
    std::vector<Cell> row{Cell(ca.code.empty() ? "all codes (pooled)" : ca.code),
                          Cell(std::to_string(ca.report.units))};
    for (const std::string& id : ids) {
      std::optional<double> v;
      for (const agreement::Coefficient& c : ca.report.coefficients) {
        if (c.id == id) v = c.value;
      }
      row.emplace_back(fixed(v));
    }
    return row;
  };
  for (const intercoder::CodeAgreement& ca : ua.codes) t.rows.push_back(row_of(ca));
  t.rows.push_back(row_of(ua.pooled));
  doc.blocks.push_back(std::move(t));
  return doc;
}

void apply_to_document(exporting::Document& d, const pseudonyms::Pseudonymiser& map) {
  pseudonymise(d, map);
}

void collect(const exporting::Document& d, std::vector<std::string>& out) {
  for (std::string& s : exporting::all_text(d)) out.push_back(std::move(s));
}

}  // namespace

std::vector<report::CaseLife::Event> parse_events(const std::string& value) {
  std::vector<report::CaseLife::Event> events;
  std::size_t start = 0;
  while (start <= value.size()) {
    const std::size_t end = std::min(value.find(';', start), value.size());
    std::string item = value.substr(start, end - start);
    start = end + 1;
    // The first four-digit number is the year; the rest is the label.
    for (std::size_t i = 0; i + 4 <= item.size(); ++i) {
      const bool digits = std::all_of(item.begin() + static_cast<long>(i),
                                      item.begin() + static_cast<long>(i + 4), ::isdigit);
      const bool alone =
          (i == 0 || !std::isdigit(static_cast<unsigned char>(item[i - 1]))) &&
          (i + 4 == item.size() || !std::isdigit(static_cast<unsigned char>(item[i + 4])));
      if (!digits || !alone) continue;
      const double year = std::stoi(item.substr(i, 4));
      std::string label = item.substr(0, i) + item.substr(i + 4);
      const std::string strip = " \t:()-,";
      const auto a = label.find_first_not_of(strip);
      const auto b = label.find_last_not_of(strip);
      label = a == std::string::npos ? std::string() : label.substr(a, b - a + 1);
      events.push_back({year, label});
      break;
    }
    if (end == value.size()) break;
  }
  return events;
}

report::ReportModel report_model(store::Store& store, const evidence::EvidenceSet& evidence,
                                 const evidence::Triangulation& triangulation,
                                 const ReportOptions& options, const std::string& title) {
  report::ReportModel m;
  m.title = title;
  m.generated_by = std::string("casebook ") + CASEBOOK_VERSION;
  m.intro.push_back("Evidence from " + std::to_string(evidence.codings.size()) +
                    " reviewed codings in " + std::to_string(evidence.cases.size()) +
                    " cases, grouped by " + triangulation.grouping.by + ".");
  m.triangulation = matrix_of(evidence, triangulation, options);
  m.codes = code_styles(evidence);
  m.sources = source_pages(store, evidence);
  m.codebook = codebook_document(evidence.codebook);
  m.agreement = agreement_document(store);
  m.cases = cases_document(evidence);
  m.heatmap = heatmap_of(evidence);
  m.timeline = timeline_of(evidence, options);
  m.series = series_of(store, evidence, options);
  return m;
}

void pseudonymise_report(report::ReportModel& m, const pseudonyms::Pseudonymiser& map) {
  auto ap = [&](std::string& s) { s = map.apply(s); };
  ap(m.title);
  for (std::string& s : m.intro) ap(s);
  auto& t = m.triangulation;
  ap(t.title);
  for (auto* v : {&t.row_labels, &t.row_details, &t.column_labels, &t.notes}) {
    for (std::string& s : *v) ap(s);
  }
  for (auto& row : t.cells) {
    for (report::MatrixCell& c : row) {
      ap(c.reason);
      ap(c.summary);
      for (report::Quote& q : c.quotes) ap(q.text);
    }
  }
  for (report::CodeStyle& c : m.codes) ap(c.name);
  for (report::SourcePage& page : m.sources) {
    ap(page.title);
    for (auto& [k, v] : page.facts) ap(v);
    std::vector<std::size_t> positions;
    page.text = map.apply(page.text, positions);
    std::vector<report::Highlight> kept;
    for (report::Highlight h : page.highlights) {
      if (h.end >= positions.size()) continue;
      h.start = positions[h.start];
      h.end = positions[h.end];
      if (h.start < h.end) kept.push_back(h);
    }
    page.highlights = std::move(kept);
  }
  apply_to_document(m.codebook, map);
  apply_to_document(m.agreement, map);
  apply_to_document(m.cases, map);
  ap(m.heatmap.title);
  for (std::string& s : m.heatmap.row_labels) ap(s);
  for (auto& g : m.heatmap.groups) {
    ap(g.label);
    for (std::string& s : g.cases) ap(s);
  }
  for (report::CaseLife& life : m.timeline) {
    ap(life.outcome);
    for (auto& e : life.events) ap(e.text);
  }
  for (report::Series& s : m.series) {
    ap(s.metric);
    ap(s.outcome);
    for (auto& p : s.points) ap(p.council);
  }

  std::vector<std::string> all{m.title};
  all.insert(all.end(), m.intro.begin(), m.intro.end());
  for (auto* v : {&t.row_labels, &t.row_details, &t.column_labels, &t.notes}) {
    all.insert(all.end(), v->begin(), v->end());
  }
  for (const auto& row : t.cells) {
    for (const report::MatrixCell& c : row) {
      all.push_back(c.reason);
      all.push_back(c.summary);
      for (const report::Quote& q : c.quotes) all.push_back(q.text);
    }
  }
  for (const report::SourcePage& page : m.sources) {
    all.push_back(page.title);
    all.push_back(page.text);
    for (const auto& [k, v] : page.facts) all.push_back(v);
  }
  collect(m.codebook, all);
  collect(m.agreement, all);
  collect(m.cases, all);
  for (const std::string& s : m.heatmap.row_labels) all.push_back(s);
  for (const report::CaseLife& life : m.timeline) {
    for (const auto& e : life.events) all.push_back(e.text);
  }
  for (const report::Series& s : m.series) {
    all.push_back(s.metric);
    for (const auto& p : s.points) all.push_back(p.council);
  }
  refuse_leaks(all, map, "the report");
}

}  // namespace casebook::publish

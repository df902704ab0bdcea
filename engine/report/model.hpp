#pragma once
// What `casebook report` shows, as plain data already filled in (and already
// pseudonymised) by the caller: the triangulation matrix with the quotes
// behind each cell, the sources with their coded passages, the codebook,
// agreement results, a heatmap of codes by case, the cases' life cycles and
// the quantitative series. engine/report turns it into a self-contained
// static site (site.hpp) with SVG charts (charts.hpp); it knows nothing of
// projects or stores.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/export/document.hpp"

namespace casebook::report {

struct Quote {
  std::string text;          // the quote as it should appear (already cut and pseudonymised)
  std::string citation;      // "Int-7", "Doc-12"
  std::string code;          // code key
  std::string source_label;  // the source page it links to ("" = no link)
  bool contradicts = false;  // counter-evidence
};

struct MatrixCell {
  std::string verdict;  // corroborated, single-source, single-type, contested, absent
  std::string reason;   // why, in words
  std::string summary;  // "3/5 cases · 7 codings · 4 sources · interview, minutes"
  std::vector<Quote> quotes;
};

struct Matrix {
  std::string title;                     // "Sub-propositions by outcome"
  std::vector<std::string> row_labels;   // "P3a"
  std::vector<std::string> row_details;  // what the proposition says
  std::vector<std::string> column_labels;
  std::vector<std::vector<MatrixCell>> cells;  // rows x columns
  std::vector<std::string> notes;
};

struct CodeStyle {
  std::string key;
  std::string name;
  std::string colour;  // #rrggbb
};

// A coded span of a source's text, in code points, half-open.
struct Highlight {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string code_key;
  std::string coder;
};

struct SourcePage {
  std::string label;  // "Int-7": the page's name and title
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // type, date, council, cases ...
  std::string text;                                        // the canonical text (pseudonymised)
  std::vector<Highlight> highlights;                       // may overlap; sorted by start, then end
};

// Codes by case, cases grouped by outcome.
struct Heatmap {
  std::string title;
  std::string value_label;              // "codings per source"
  std::vector<std::string> row_labels;  // codes
  struct Group {
    std::string label;               // outcome
    std::vector<std::string> cases;  // case labels
  };
  std::vector<Group> groups;
  std::vector<std::vector<double>> values;  // rows x (all cases, in group order)
};

// A case's life cycle: start, governance changes, end.
struct CaseLife {
  std::string label;
  std::string outcome;
  std::optional<double> start;  // decimal year (2008.5 = mid 2008)
  std::optional<double> end;    // none: still running
  struct Event {
    double at = 0;
    std::string text;  // "lead authority", "joint committee"
  };
  std::vector<Event> events;
};

// A quantitative series of one case and metric, with the partnership's
// active years to shade.
struct Series {
  std::string case_label;
  std::string outcome;
  std::string metric;
  struct Point {
    double at = 0;  // decimal year
    double value = 0;
    std::string council;  // "" when the value is the case's
  };
  std::vector<Point> points;  // sorted by `at`
  std::optional<double> active_from;
  std::optional<double> active_to;
};

struct ReportModel {
  std::string title;               // the project's name
  std::string generated_by;        // "casebook 0.1.0" (no clock: output is deterministic)
  std::vector<std::string> intro;  // paragraphs for the front page
  Matrix triangulation;
  std::vector<CodeStyle> codes;  // colours for highlights and legends
  std::vector<SourcePage> sources;
  exporting::Document codebook;   // rendered as the codebook page
  exporting::Document agreement;  // rendered as the agreement page (may be empty)
  exporting::Document cases;      // the case table
  Heatmap heatmap;
  std::vector<CaseLife> timeline;
  std::vector<Series> series;
};

}  // namespace casebook::report

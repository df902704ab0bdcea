#pragma once
// Helpers for the report tests: XML checks through xmllint (a tool the test
// suite already requires, see tests/CMakeLists.txt), counting substrings,
// the texts of <mark> elements, and a small but complete ReportModel.

#include <stdio.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "engine/report/model.hpp"
#include "test_support.hpp"

namespace casebook::report::testing {

// Runs a shell command, returning its standard output.
inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

// xmllint's complaints about `markup` ("" when it is well-formed XML).
inline std::string xml_errors(const std::string& markup) {
  const casebook::testing::TempDir dir("report-xml");
  casebook::testing::write_file(dir / "doc.xml", markup);
  const std::string file = (dir / "doc.xml").string();
  return run("xmllint --noout '" + file + "' 2>&1 || echo 'xmllint failed'");
}

// The value of an XPath expression (with no single quotes) over `markup`.
inline std::string xpath(const std::string& markup, const std::string& expression) {
  if (expression.find('\'') != std::string::npos) throw std::logic_error("quote in XPath");
  const casebook::testing::TempDir dir("report-xpath");
  casebook::testing::write_file(dir / "doc.xml", markup);
  std::string out =
      run("xmllint --xpath '" + expression + "' '" + (dir / "doc.xml").string() + "' 2>&1");
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// count(...) of SVG elements called `name` with `class` containing `css_class`.
inline int count_svg(const std::string& markup, const std::string& name,
                     const std::string& css_class) {
  const std::string e = "count(//*[local-name()=\"" + name +
                        "\" and contains(concat(\" \", @class, \" \"), \" " + css_class + " \")])";
  return std::atoi(xpath(markup, e).c_str());
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The contents of every <mark ...>...</mark>, in order.
inline std::vector<std::string> marked(const std::string& html) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = html.find("<mark", at)) != std::string::npos) {
    const std::size_t open_end = html.find('>', at) + 1;
    const std::size_t close = html.find("</mark>", open_end);
    out.push_back(html.substr(open_end, close - open_end));
    at = close;
  }
  return out;
}

// The title attributes of every <mark>, in order.
inline std::vector<std::string> mark_titles(const std::string& html) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = html.find("<mark", at)) != std::string::npos) {
    const std::size_t title = html.find("title=\"", at) + 7;
    out.push_back(html.substr(title, html.find('"', title) - title));
    at = title;
  }
  return out;
}

inline exporting::Cell cell(const std::string& text) {
  exporting::Cell c;
  c.paragraphs = {{{text}}};
  return c;
}

// A small model with every part filled in: 2 outcomes, 3 cases, 2 sources.
inline ReportModel sample_model() {
  ReportModel m;
  m.title = "Shared services study";
  m.generated_by = "casebook test";
  m.intro = {"Why some shared-service partnerships last."};
  m.codes = {{"gov", "Governance", "#1f77b4"}, {"trust", "Trust", "#ff7f0e"}};

  m.triangulation.title = "Propositions by outcome";
  m.triangulation.row_labels = {"P1", "P2"};
  m.triangulation.row_details = {"Joint committees help", "Trust matters"};
  m.triangulation.column_labels = {"lasting", "ended"};
  MatrixCell corroborated{"corroborated", "three sources agree", "2/2 cases", {}};
  corroborated.quotes = {{"We met every month.", "Int-1", "gov", "Int-1", false},
                         {"It never met.", "Doc-2", "gov", "Doc-2", true}};
  MatrixCell absent{"absent", "no evidence", "0/1 cases", {}};
  m.triangulation.cells = {{corroborated, absent}, {absent, corroborated}};
  m.triangulation.notes = {"Counts are codings."};

  m.sources = {{"Int-1",
                "Interview with the chief executive",
                {{"type", "interview"}},
                "We met every month.\n\nTrust grew.",
                {{0, 6, "gov", "a"}, {3, 18, "trust", "b"}}},
               {"Doc-2", "Committee minutes", {{"type", "minutes"}}, "It never met.", {}}};

  exporting::Table table;
  table.id = "codes";
  table.caption = "Codes";
  table.columns = {{"Code", exporting::Align::Left, 1}, {"Uses", exporting::Align::Right, 1}};
  table.rows = {{cell("Governance"), cell("3")}};
  m.codebook.title = "Codebook";
  m.codebook.blocks = {exporting::Heading{1, "Codes"}, table};
  m.cases.title = "Cases";
  m.cases.blocks = {exporting::Paragraph{{"Three cases."}}};

  m.heatmap.title = "Codes by case";
  m.heatmap.value_label = "codings";
  m.heatmap.row_labels = {"Governance", "Trust"};
  m.heatmap.groups = {{"lasting", {"A", "B"}}, {"ended", {"C"}}};
  m.heatmap.values = {{1, 2, 0}, {3, 0, 1}};

  m.timeline = {{"A", "lasting", 2008, std::nullopt, {{2012, "joint committee"}}},
                {"B", "lasting", 2010.5, 2020, {}},
                {"C", "ended", 2009, 2013, {}}};
  m.series = {{"A", "lasting", "Spending", {{2008, 10, ""}, {2009, 12, ""}}, 2008, std::nullopt},
              {"C",
               "ended",
               "Spending",
               {{2008, 5, "North"}, {2009, 6, "North"}, {2008, 7, "South"}},
               2009,
               2013}};
  return m;
}

}  // namespace casebook::report::testing

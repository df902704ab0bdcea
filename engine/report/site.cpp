#include "engine/report/site.hpp"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/core/temp_dir.hpp"
#include "engine/report/charts.hpp"
#include "engine/report/highlight.hpp"
#include "engine/report/html.hpp"

namespace casebook::report {

namespace fs = std::filesystem;
using html::escape;

namespace {

constexpr const char* kMarkerName = ".casebook-report";
constexpr const char* kSourcesDir = "sources";

// ---- links to source pages ----

// Source labels become file names under sources/: made safe and unique once,
// so every link to a source points at the page written for it.
class SourceLinks {
 public:
  explicit SourceLinks(const std::vector<SourcePage>& sources) {
    std::vector<std::string> labels;
    for (const SourcePage& s : sources) labels.push_back(s.label);
    stems_ = html::safe_file_stems(labels, {"index"});
    for (std::size_t i = 0; i < sources.size(); ++i) by_label_.emplace(sources[i].label, stems_[i]);
  }

  // The page of the i-th source, relative to sources/.
  std::string file(std::size_t i) const { return stems_[i] + ".html"; }
  // The page of the source called `label`, relative to the site's root;
  // "" when there is no such page.
  std::string from_root(const std::string& label) const {
    const auto it = by_label_.find(label);
    return it == by_label_.end() ? "" : std::string(kSourcesDir) + "/" + it->second + ".html";
  }

 private:
  std::vector<std::string> stems_;
  std::map<std::string, std::string> by_label_;  // the first source of a label wins
};

html::Frame frame(const ReportModel& model, std::string page_title, html::Page current,
                  std::string root = "") {
  return {model.title.empty() ? "Casebook report" : model.title, std::move(page_title),
          std::move(root), current, model.generated_by};
}

std::string swatch(const html::Rgb& colour, double alpha = 1) {
  const std::string fill = alpha >= 1 ? html::hex(colour) : html::rgba(colour, alpha);
  return "<span class=\"swatch\" style=\"background-color:" + fill + "\"></span>";
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- the triangulation matrix ----

// Verdicts the engine gives, in the order of the legend; others follow.
constexpr const char* kVerdictOrder[] = {"corroborated", "single-source", "single-type",
                                         "contested", "absent"};

std::string verdict_class(const std::string& verdict) {
  const std::string slug = html::slug(verdict);
  for (const char* known : kVerdictOrder) {
    if (slug == known) return "verdict-" + slug;
  }
  return "verdict-other";
}

std::string verdict_legend(const Matrix& matrix) {
  std::vector<std::string> verdicts;
  for (const char* known : kVerdictOrder) {
    for (const auto& row : matrix.cells) {
      for (const MatrixCell& cell : row) {
        const bool listed = std::find(verdicts.begin(), verdicts.end(), known) != verdicts.end();
        if (!listed && html::slug(cell.verdict) == known) verdicts.push_back(known);
      }
    }
  }
  if (verdicts.empty()) return "";
  std::string out = "<ul class=\"verdict-legend\" aria-label=\"Verdicts\">";
  for (const std::string& v : verdicts) {
    out += "<li><span class=\"chip " + verdict_class(v) + "\">" + escape(v) + "</span></li>";
  }
  return out + "</ul>\n";
}

std::string quote_item(const Quote& quote, const CodeTable& codes, const SourceLinks& links) {
  std::string out =
      std::string("<li class=\"quote") + (quote.contradicts ? " counter" : "") + "\">";
  out += "<blockquote>\xE2\x80\x9C" + escape(quote.text) + "\xE2\x80\x9D</blockquote>";
  out += "<p class=\"quote-meta\">";
  if (quote.contradicts) out += "<span class=\"badge\">counter-evidence</span> ";
  const std::string href = links.from_root(quote.source_label);
  if (!quote.citation.empty()) {
    out += href.empty()
               ? "<cite>" + escape(quote.citation) + "</cite>"
               : "<cite><a href=\"" + escape(href) + "\">" + escape(quote.citation) + "</a></cite>";
  }
  if (!quote.code.empty()) {
    if (!quote.citation.empty()) out += " \xC2\xB7 ";
    out += "<span class=\"code-tag\" title=\"code " + escape(quote.code) + "\">" +
           swatch(codes.colour(quote.code)) + escape(codes.name(quote.code)) + "</span>";
  }
  return out + "</p></li>";
}

std::string matrix_cell(const MatrixCell& cell, const CodeTable& codes, const SourceLinks& links) {
  std::string out = "<td class=\"verdict " + verdict_class(cell.verdict) + "\">";
  out += "<span class=\"verdict-word\">" +
         escape(cell.verdict.empty() ? "\xE2\x80\x94" : cell.verdict) + "</span>";
  if (!cell.summary.empty()) out += "<span class=\"summary\">" + escape(cell.summary) + "</span>";
  if (!cell.reason.empty() || !cell.quotes.empty()) {
    std::size_t counter = 0;
    for (const Quote& q : cell.quotes) counter += q.contradicts ? 1 : 0;
    std::string label = cell.quotes.empty() ? "Why" : plural(cell.quotes.size(), "quote", "quotes");
    if (counter > 0) label += " (" + std::to_string(counter) + " against)";
    out += "<details><summary>" + escape(label) + "</summary>";
    if (!cell.reason.empty()) out += "<p class=\"reason\">" + escape(cell.reason) + "</p>";
    if (!cell.quotes.empty()) {
      out += "<ul class=\"quotes\">";
      for (const Quote& q : cell.quotes) out += quote_item(q, codes, links);
      out += "</ul>";
    }
    out += "</details>";
  }
  return out + "</td>";
}

std::string matrix_section(const Matrix& matrix, const CodeTable& codes, const SourceLinks& links) {
  const std::string title = matrix.title.empty() ? "Triangulation matrix" : matrix.title;
  std::string out = "<section id=\"matrix\">\n<h2>" + escape(title) + "</h2>\n";
  if (matrix.row_labels.empty() || matrix.column_labels.empty()) {
    return out + "<p class=\"no-data\">No propositions to show yet.</p>\n</section>\n";
  }
  out +=
      "<p class=\"explain\">Each row is a proposition, each column a group of cases. A cell "
      "gives the verdict on the evidence and how much there is; open it to read the quotes "
      "behind it. Quotes marked counter-evidence speak against the proposition.</p>\n";
  out += verdict_legend(matrix);
  out +=
      "<div class=\"table-wrap\"><table class=\"matrix\">\n<thead><tr>"
      "<th scope=\"col\" class=\"proposition-head\">Proposition</th>";
  for (const std::string& column : matrix.column_labels) {
    out += "<th scope=\"col\">" + escape(column) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < matrix.row_labels.size(); ++r) {
    out += "<tr><th scope=\"row\"><span class=\"prop-label\">" + escape(matrix.row_labels[r]) +
           "</span>";
    if (r < matrix.row_details.size() && !matrix.row_details[r].empty()) {
      out += "<span class=\"prop-text\">" + escape(matrix.row_details[r]) + "</span>";
    }
    out += "</th>";
    for (std::size_t c = 0; c < matrix.column_labels.size(); ++c) {
      const bool present = r < matrix.cells.size() && c < matrix.cells[r].size();
      out += present ? matrix_cell(matrix.cells[r][c], codes, links) : "<td></td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  for (const std::string& note : matrix.notes)
    out += "<p class=\"note\">" + escape(note) + "</p>\n";
  return out + "</section>\n";
}

// ---- charts ----

std::string figure(const std::string& id, const std::string& heading, const std::string& explain,
                   const std::string& chart) {
  return "<section id=\"" + id + "\">\n<h3>" + escape(heading) + "</h3>\n<p class=\"explain\">" +
         escape(explain) + "</p>\n<figure class=\"chart-figure\">\n" + chart +
         "</figure>\n</section>\n";
}

std::string series_section(const ReportModel& model, const OutcomeColours& colours) {
  std::string out =
      "<section id=\"series\">\n<h3>Quantitative series</h3>\n<p class=\"explain\">One small chart "
      "per case and metric, all on the same scales so cases can be compared. The shaded band "
      "marks the years the partnership was active; where values are reported per council, each "
      "council has its own line.</p>\n";
  const std::vector<std::string> metrics = series_metrics(model.series);
  if (metrics.empty()) out += "<p class=\"no-data\">No quantitative series recorded yet.</p>\n";
  std::map<std::string, int> used_ids;
  for (const std::string& metric : metrics) {
    std::string id = "series-" + html::slug(metric);
    if (++used_ids[id] > 1) id += "-" + std::to_string(used_ids[id]);
    out += "<figure class=\"chart-figure\" id=\"" + id + "\">\n<figcaption>" + escape(metric) +
           "</figcaption>\n" + series_chart(model.series, metric, colours) + "</figure>\n";
  }
  return out + "</section>\n";
}

std::string charts_section(const ReportModel& model) {
  const OutcomeColours colours(outcomes_in_order(model));
  std::string out = "<section id=\"charts\">\n<h2>Charts</h2>\n";
  const std::string value =
      model.heatmap.value_label.empty() ? std::string("codings") : model.heatmap.value_label;
  out += figure("heatmap", model.heatmap.title.empty() ? "Codes by case" : model.heatmap.title,
                "Each cell shows the " + value +
                    " for one code (row) in one case (column); darker cells mean more. Cases are "
                    "grouped by outcome. Hover over a cell for its exact value.",
                heatmap_chart(model.heatmap, colours));
  out += figure("timeline", "Case life cycles",
                "Each bar runs from a case's start to its end, coloured by outcome; a bar fading "
                "into an arrow is still running. Diamonds mark changes of governance.",
                timeline_chart(model.timeline, colours));
  out += series_section(model, colours);
  return out + "</section>\n";
}

// ---- pages ----

std::string page_cards(const ReportModel& model) {
  struct Card {
    const char* href;
    const char* title;
    std::string text;
  };
  const Card cards[] = {
      {"sources/index.html", "Sources",
       plural(model.sources.size(), "source", "sources") + " with their coded passages"},
      {"codebook.html", "Codebook", "The codes, their definitions and examples"},
      {"agreement.html", "Agreement",
       model.agreement.blocks.empty() ? std::string("Not measured yet")
                                      : std::string("How far coders agree")},
      {"cases.html", "Cases", "The cases and their attributes"},
  };
  std::string out = "<ul class=\"cards\">";
  for (const Card& card : cards) {
    out += std::string("<li><a href=\"") + card.href + "\"><strong>" + card.title +
           "</strong><span>" + escape(card.text) + "</span></a></li>";
  }
  return out + "</ul>\n";
}

std::string index_page(const ReportModel& model, const CodeTable& codes, const SourceLinks& links) {
  std::string body =
      "<h1>" + escape(model.title.empty() ? "Casebook report" : model.title) + "</h1>\n";
  if (!model.intro.empty()) {
    body += "<div class=\"intro\">\n";
    for (const std::string& paragraph : model.intro) body += "<p>" + escape(paragraph) + "</p>\n";
    body += "</div>\n";
  }
  body +=
      "<p class=\"toc\">On this page: <a href=\"#matrix\">Triangulation matrix</a>"
      "<a href=\"#heatmap\">Codes by case</a><a href=\"#timeline\">Case life cycles</a>"
      "<a href=\"#series\">Quantitative series</a></p>\n";
  body += page_cards(model);
  body += matrix_section(model.triangulation, codes, links);
  body += charts_section(model);
  return html::page(frame(model, "", html::Page::Overview), body);
}

std::string document_page(const ReportModel& model, const exporting::Document& document,
                          const std::string& fallback_title, html::Page current,
                          const std::string& when_empty) {
  const std::string title = document.title.empty() ? fallback_title : document.title;
  std::string body = "<h1>" + escape(title) + "</h1>\n";
  body += document.blocks.empty() ? "<p class=\"no-data\">" + escape(when_empty) + "</p>\n"
                                  : html::document_body(document);
  return html::page(frame(model, title, current), body);
}

std::string facts_text(const SourcePage& source) {
  std::string out;
  for (const auto& [name, value] : source.facts) {
    if (value.empty()) continue;
    if (!out.empty()) out += " \xC2\xB7 ";
    out += name + ": " + value;
  }
  return out;
}

std::string sources_index_page(const ReportModel& model, const SourceLinks& links) {
  std::string body = "<h1>Sources</h1>\n";
  if (model.sources.empty()) {
    body += "<p class=\"no-data\">No sources in this report.</p>\n";
    return html::page(frame(model, "Sources", html::Page::Sources, "../"), body);
  }
  body += "<p class=\"explain\">" + escape(plural(model.sources.size(), "source", "sources")) +
          ". Each page shows the source's text with its coded passages highlighted in the "
          "colour of their code.</p>\n";
  body +=
      "<div class=\"table-wrap\"><table class=\"data\">\n<thead><tr><th scope=\"col\">Source</th>"
      "<th scope=\"col\">Title</th><th scope=\"col\">Details</th>"
      "<th scope=\"col\" class=\"num\">Coded passages</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    const SourcePage& source = model.sources[i];
    body += "<tr><td><a href=\"" + escape(links.file(i)) + "\">" + escape(source.label) +
            "</a></td><td>" + escape(source.title) + "</td><td>" + escape(facts_text(source)) +
            "</td><td class=\"num\">" + std::to_string(source.highlights.size()) + "</td></tr>\n";
  }
  body += "</tbody>\n</table></div>\n";
  return html::page(frame(model, "Sources", html::Page::Sources, "../"), body);
}

std::string code_legend(const SourcePage& source, const CodeTable& codes) {
  std::vector<std::pair<std::string, std::size_t>> counts;  // code key, passages
  for (const Highlight& h : source.highlights) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == h.code_key; });
    if (it == counts.end()) it = counts.insert(counts.end(), {h.code_key, 0});
    ++it->second;
  }
  if (counts.empty()) return "<p class=\"explain\">No passages of this source are coded.</p>\n";
  std::stable_sort(counts.begin(), counts.end(), [&](const auto& a, const auto& b) {
    const std::size_t ra = codes.rank(a.first), rb = codes.rank(b.first);
    return ra != rb ? ra < rb : a.first < b.first;
  });
  std::string out = "<ul class=\"code-legend\" aria-label=\"Codes in this source\">";
  for (const auto& [key, n] : counts) {
    out += "<li>" + swatch(codes.colour(key), 0.45) + escape(codes.name(key)) +
           " <span class=\"count\">" + std::to_string(n) + "</span></li>";
  }
  out +=
      "</ul>\n<p class=\"note\">Point at a highlighted passage to see its codes and coders. "
      "A passage with several codes shows one band of colour per code.</p>\n";
  return out;
}

std::string source_pager(const ReportModel& model, const SourceLinks& links, std::size_t i) {
  std::string out = "<nav class=\"pager\" aria-label=\"Other sources\"><span>";
  if (i > 0) {
    out += "<a href=\"" + escape(links.file(i - 1)) + "\">\xE2\x86\x90 " +
           escape(model.sources[i - 1].label) + "</a>";
  }
  out += "</span><a href=\"index.html\">All sources</a><span>";
  if (i + 1 < model.sources.size()) {
    out += "<a href=\"" + escape(links.file(i + 1)) + "\">" + escape(model.sources[i + 1].label) +
           " \xE2\x86\x92</a>";
  }
  return out + "</span></nav>\n";
}

std::string source_page(const ReportModel& model, const CodeTable& codes, const SourceLinks& links,
                        std::size_t i) {
  const SourcePage& source = model.sources[i];
  std::string body = "<p class=\"breadcrumb\"><a href=\"index.html\">Sources</a> \xE2\x80\xBA " +
                     escape(source.label) + "</p>\n";
  body += "<h1>" + escape(source.label);
  if (!source.title.empty() && source.title != source.label) {
    body += "<span class=\"subtitle\">" + escape(source.title) + "</span>";
  }
  body += "</h1>\n";
  if (!source.facts.empty()) {
    body += "<table class=\"facts\"><tbody>\n";
    for (const auto& [name, value] : source.facts) {
      body +=
          "<tr><th scope=\"row\">" + escape(name) + "</th><td>" + escape(value) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  body += "<h2>Codes</h2>\n" + code_legend(source, codes);
  body += "<h2>Text</h2>\n";
  const std::string text = highlighted_text(source, codes);
  body += text.empty() ? "<p class=\"no-data\">This source has no text.</p>\n"
                       : "<div class=\"source-text\">\n" + text + "</div>\n";
  body += source_pager(model, links, i);
  return html::page(frame(model, source.label, html::Page::Sources, "../"), body);
}

// ---- the site in memory ----

struct SiteFile {
  fs::path path;  // relative to the site's root
  std::string content;
};

std::vector<SiteFile> build_site(const ReportModel& model) {
  const CodeTable codes(model.codes);
  const SourceLinks links(model.sources);
  std::vector<SiteFile> files;
  files.push_back({"index.html", index_page(model, codes, links)});
  files.push_back({"codebook.html", document_page(model, model.codebook, "Codebook",
                                                  html::Page::Codebook, "The codebook is empty.")});
  files.push_back({"agreement.html",
                   document_page(model, model.agreement, "Agreement", html::Page::Agreement,
                                 "Agreement between coders has not been measured for this project "
                                 "yet.")});
  files.push_back({"cases.html", document_page(model, model.cases, "Cases", html::Page::Cases,
                                               "No cases are recorded.")});
  files.push_back({fs::path(kSourcesDir) / "index.html", sources_index_page(model, links)});
  for (std::size_t i = 0; i < model.sources.size(); ++i) {
    files.push_back({fs::path(kSourcesDir) / links.file(i), source_page(model, codes, links, i)});
  }
  files.push_back({"style.css", std::string(html::stylesheet())});
  return files;
}

// ---- writing it ----

std::string describe(const std::error_code& ec) {
  return ec.message();
}

void write_file(const fs::path& path, std::string_view content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) throw_io("cannot create " + path.parent_path().string() + ": " + describe(ec));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                       &std::fclose);
  if (!file) throw_io("cannot write " + path.string() + ": " + std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), file.get()) == content.size();
  const int close_result = std::fclose(file.release());
  if (!written || close_result != 0) {
    throw_io("cannot write " + path.string() + ": " + std::strerror(errno));
  }
}

// `dir` as an absolute path without a trailing separator, so that
// dir + ".tmp-XXXXXX" is a sibling, not a child.
fs::path normalised(const fs::path& dir) {
  if (dir.empty()) throw_usage("no directory given for the report");
  std::error_code ec;
  fs::path out = fs::absolute(dir, ec);
  if (ec) throw_io("cannot resolve " + dir.string() + ": " + describe(ec));
  out = out.lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

enum class Target { Missing, Empty, EarlierReport };

// What `dir` holds now; throws Error(Conflict) when it holds something that
// is not ours to replace.
Target inspect(const fs::path& dir) {
  const std::string hint =
      "Choose an empty or new directory for the report: casebook replaces only directories it "
      "wrote itself (they hold a " +
      std::string(kMarkerName) + " file).";
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    throw_io("cannot inspect " + dir.string() + ": " + describe(ec));
  }
  if (!fs::exists(status)) return Target::Missing;
  if (!fs::is_directory(status))
    throw_conflict(dir.string() + " exists and is not a directory (a file or a link)", hint);
  if (fs::exists(dir / kMarkerName, ec)) return Target::EarlierReport;
  const bool empty = fs::is_empty(dir, ec);
  if (ec) throw_io("cannot read " + dir.string() + ": " + describe(ec));
  if (!empty) {
    throw_conflict(dir.string() + " is not empty and does not hold an earlier casebook report",
                   hint);
  }
  return Target::Empty;
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw_io("cannot move " + from.string() + " to " + to.string() + ": " + describe(ec));
}

// Puts the finished `staging` directory in the place of `dir`. An earlier
// report is first moved aside, and moved back if the new one cannot take
// its place, so a failure never leaves `dir` without a report.
void replace(const fs::path& dir, Target target, TempDirectory& staging) {
  if (target != Target::EarlierReport) {
    // rename(2) replaces an empty directory in one step.
    rename_or_throw(staging.path(), dir);
    staging.release();
    return;
  }
  TempDirectory old = TempDirectory::beside(dir, ".old");
  rename_or_throw(dir, old.path());  // replaces the empty directory mkdtemp made
  std::error_code ec;
  fs::rename(staging.path(), dir, ec);
  if (!ec) {
    staging.release();
    return;  // `old` takes the earlier report with it
  }
  std::error_code back;
  fs::rename(old.path(), dir, back);
  if (back) {
    const fs::path kept = old.path();
    old.release();  // keep the only copy of the earlier report
    throw_io("cannot move the new report to " + dir.string() + ": " + describe(ec),
             "The earlier report is in " + kept.string() + ".");
  }
  throw_io("cannot move the new report to " + dir.string() + ": " + describe(ec));
}

// mkdtemp makes a private (0700) directory: give the report the permissions
// of the one it replaces, or the usual 0755.
void set_permissions(const fs::path& staging, const fs::path& dir, Target target) {
  std::error_code ec;
  fs::perms perms = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                    fs::perms::others_read | fs::perms::others_exec;
  if (target != Target::Missing) {
    const fs::file_status status = fs::status(dir, ec);
    if (!ec) perms = status.permissions();
  }
  fs::permissions(staging, perms, ec);
  if (ec) throw_io("cannot set permissions of " + staging.string() + ": " + describe(ec));
}

}  // namespace

std::vector<fs::path> write_site(const ReportModel& model, const fs::path& dir) {
  const fs::path target = normalised(dir);
  const Target state = inspect(target);
  const std::vector<SiteFile> files = build_site(model);

  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw_io("cannot create " + target.parent_path().string() + ": " + describe(ec));

  TempDirectory staging = TempDirectory::beside(target, ".tmp");
  std::vector<fs::path> written;
  for (const SiteFile& file : files) {
    write_file(staging.path() / file.path, file.content);
    written.push_back(file.path);
  }
  write_file(staging.path() / kMarkerName,
             "This directory holds a report written by casebook; casebook replaces it when the "
             "report is written again.\n");
  set_permissions(staging.path(), target, state);
  replace(target, state, staging);
  return written;
}

}  // namespace casebook::report

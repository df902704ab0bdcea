#pragma once
// The small pieces every report page and chart is built from: escaping,
// locale-independent numbers, UTF-8 aware truncation, colours, safe file
// names, the page frame shared by all pages, and exporting::Document blocks
// as HTML. Pages are written as polyglot markup (void elements closed with
// "/>", no named entities but XML's), so they parse as HTML5 and as XML:
// the tests check them with an XML parser.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/export/document.hpp"

namespace casebook::report::html {

// `text` with & < > " ' escaped, fit for element content and quoted attribute
// values in HTML and XML. Bytes that are not valid UTF-8 become U+FFFD and
// control characters other than tab, CR and LF are dropped, so any string
// gives well-formed output.
std::string escape(std::string_view text);

// `value` with exactly `decimals` digits after the point, always with '.'
// whatever the locale; NaN and infinities give "0" (charts never show them).
std::string fixed(double value, int decimals);
// `value` with at most `max_decimals` digits, trailing zeros dropped
// ("12", "12.5"): coordinates and tick labels.
std::string number(double value, int max_decimals = 2);

// Number of code points in UTF-8 text.
std::size_t length(std::string_view utf8);
// The first `max_code_points` code points of `utf8`, ending in "…" when
// anything was cut; never cuts between a character and its combining marks.
std::string truncate(std::string_view utf8, std::size_t max_code_points);

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
};
// "#rrggbb" or "#rgb" (case-insensitive); nothing for anything else, so a
// colour from the model can never inject CSS.
std::optional<Rgb> parse_colour(std::string_view text);
std::string hex(const Rgb& colour);                 // "#1f77b4"
std::string rgba(const Rgb& colour, double alpha);  // "rgba(31,119,180,0.35)"

// A token for ids and class names: lower-case ASCII letters, digits and '-'
// ("Single source" -> "single-source"); "x" when nothing is left.
std::string slug(std::string_view text);

// One file name stem per label, in the same order: only [A-Za-z0-9._-]
// (others become '_'), not starting with '.', at most 80 bytes, never
// `reserved` (compared case-insensitively), and unique even on a
// case-insensitive file system (a suffix "-2", "-3" ... is added).
std::vector<std::string> safe_file_stems(const std::vector<std::string>& labels,
                                         const std::vector<std::string>& reserved);

// exporting::Document content as HTML: headings one level below the page's
// <h1> (level 1 -> <h2>), paragraphs with <em>/<strong>, a <table> per Table
// with its caption and notes. The document's title is not rendered (the page
// frame shows it).
std::string document_body(const exporting::Document& document);
std::string paragraph_content(const exporting::Paragraph& paragraph);

// The navigation entries of every page, in order.
enum class Page { Overview, Sources, Codebook, Agreement, Cases, Other };

struct Frame {
  std::string site_title;  // the project's name
  std::string page_title;  // shown in the browser tab ("" = the site title alone)
  std::string root;        // relative path to the site's root: "" or "../"
  Page current = Page::Other;
  std::string generated_by;  // footer
};

// A complete page: doctype, head (charset, viewport, style.css, an empty
// inline favicon so browsers request nothing), the header with navigation,
// `body` inside <main>, and the footer.
std::string page(const Frame& frame, std::string_view body);

// The shared style sheet (style.css).
std::string_view stylesheet();

}  // namespace casebook::report::html

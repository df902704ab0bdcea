#include "engine/report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "engine/report/html.hpp"

namespace casebook::report {

namespace {

using html::escape;

// ---- shared drawing helpers ----

constexpr const char* kFontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
// Average glyph width as a fraction of the font size: enough to size label
// columns and decide where to truncate without measuring text.
constexpr double kGlyphWidth = 0.6;
constexpr const char* kInk = "#1f2933";
constexpr const char* kMutedInk = "#52606d";
constexpr const char* kAxis = "#9aa5b1";
constexpr const char* kGrid = "#e4e7eb";
constexpr const char* kUnknownOutcome = "#8a8a8a";

// Coordinates with one decimal at most: enough for screens, short in files.
std::string at(double v) {
  return html::number(v, 1);
}

std::size_t chars_fitting(double width, double font_size) {
  if (width <= 0) return 0;
  return static_cast<std::size_t>(width / (font_size * kGlyphWidth));
}

double text_width(std::string_view text, double font_size) {
  return static_cast<double>(html::length(text)) * font_size * kGlyphWidth;
}

std::string svg_open(const std::string& kind, double width, double height, const std::string& title,
                     const std::string& description) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + kind + "\" viewBox=\"0 0 " +
         at(width) + " " + at(height) + "\" width=\"100%\" style=\"max-width:" + at(width) +
         "px\" font-family=\"" + escape(kFontFamily) + "\" font-size=\"12\" fill=\"" + kInk +
         "\">\n<title>" + escape(title) + "</title>\n<desc>" + escape(description) + "</desc>\n";
}

std::string no_data(const std::string& what) {
  return "<p class=\"no-data\">" + escape(what) + "</p>\n";
}

struct TextStyle {
  double size = 12;
  std::string anchor = "start";  // start, middle, end
  std::string weight;            // "" or "600"
  std::string colour;            // "" = inherited
  std::string extra;             // further attributes, already escaped
};

// A label cut to `max_chars` (with "…"); when cut, the full text is its
// tooltip.
std::string label(double x, double y, std::string_view full, std::size_t max_chars,
                  const TextStyle& style = {}) {
  const std::string shown = html::truncate(full, std::max<std::size_t>(max_chars, 1));
  std::string out = "<text x=\"" + at(x) + "\" y=\"" + at(y) + "\"";
  if (style.size != 12) out += " font-size=\"" + at(style.size) + "\"";
  if (style.anchor != "start") out += " text-anchor=\"" + style.anchor + "\"";
  if (!style.weight.empty()) out += " font-weight=\"" + style.weight + "\"";
  if (!style.colour.empty()) out += " fill=\"" + style.colour + "\"";
  if (!style.extra.empty()) out += " " + style.extra;
  out += ">" + escape(shown);
  if (shown != full) out += "<title>" + escape(full) + "</title>";
  return out + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& stroke,
                 const std::string& extra = "") {
  return "<line x1=\"" + at(x1) + "\" y1=\"" + at(y1) + "\" x2=\"" + at(x2) + "\" y2=\"" + at(y2) +
         "\" stroke=\"" + stroke + "\"" + (extra.empty() ? "" : " " + extra) + "/>\n";
}

// Maps a domain [d0, d1] onto a range [r0, r1]; the domain is never empty.
class Scale {
 public:
  Scale(double d0, double d1, double r0, double r1)
      : d0_(d0), d1_(d1 > d0 ? d1 : d0 + 1), r0_(r0), r1_(r1) {}
  double operator()(double v) const { return r0_ + (v - d0_) / (d1_ - d0_) * (r1_ - r0_); }
  double clamped(double v) const { return (*this)(std::clamp(v, d0_, d1_)); }
  double lo() const { return d0_; }
  double hi() const { return d1_; }

 private:
  double d0_, d1_, r0_, r1_;
};

// A round step (1, 2 or 5 times a power of ten) giving at most `max_ticks`
// intervals over `span`.
double nice_step(double span, int max_ticks) {
  if (!(span > 0)) return 1;
  const double raw = span / std::max(max_ticks, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

// Whole years between ticks: 1, 2, 5, 10, 20, 50 ...
double year_step(double span, int max_ticks) {
  return std::max(1.0, nice_step(span, max_ticks));
}

std::vector<double> ticks(double lo, double hi, double step) {
  std::vector<double> out;
  // Counted in whole steps from zero, so no rounding error builds up.
  const double first = std::ceil(lo / step - 1e-9);
  const double last = std::floor(hi / step + 1e-9);
  for (double i = first; i <= last && out.size() <= 200; ++i) {
    out.push_back(i == 0 ? 0.0 : i * step);
  }
  return out;
}

// A domain of whole years around [lo, hi], at least one year wide.
std::pair<double, double> year_domain(double lo, double hi) {
  double from = std::floor(lo), to = std::ceil(hi);
  if (to <= from) to = from + 1;
  return {from, to};
}

// A decimal year for people: 2008 -> "2008", 2008.5 -> "Jul 2008".
std::string year_text(double year) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const double whole = std::floor(year);
  const auto month = std::clamp(static_cast<int>(std::floor((year - whole) * 12 + 1e-6)), 0, 11);
  const std::string y = html::number(whole, 0);
  return month == 0 ? y : std::string(kMonths[month]) + " " + y;
}

// Tick labels for values: decimals as the step needs, "k"/"M" for large numbers.
std::string value_text(double value, double step) {
  double divisor = 1;
  std::string suffix;
  if (std::abs(value) >= 1e6 || step >= 1e6) {
    divisor = 1e6, suffix = "M";
  } else if (std::abs(value) >= 1e4 || step >= 1e4) {
    divisor = 1e3, suffix = "k";
  }
  const double scaled_step = step / divisor;
  const int decimals =
      scaled_step >= 1
          ? 0
          : std::clamp(static_cast<int>(std::ceil(-std::log10(scaled_step) - 1e-9)), 0, 6);
  return html::fixed(value / divisor, decimals) + suffix;
}

// A value as a person reads it in a tooltip: up to two decimals.
std::string value_text(double value) {
  return html::number(value, 2);
}

// Linear interpolation between two colours.
html::Rgb mix(const html::Rgb& a, const html::Rgb& b, double t) {
  const auto channel = [t](int x, int y) {
    return static_cast<int>(std::lround(x + (y - x) * std::clamp(t, 0.0, 1.0)));
  };
  return {channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}

// A sequential blue scale (after ColorBrewer "Blues"), starting from a light
// grey-blue so that zero cells still show the grid.
html::Rgb sequential(double t) {
  static constexpr html::Rgb kStops[] = {
      {240, 244, 248}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};
  constexpr int kLast = static_cast<int>(std::size(kStops)) - 1;
  t = std::clamp(t, 0.0, 1.0) * kLast;
  const int i = std::min(static_cast<int>(std::floor(t)), kLast - 1);
  return mix(kStops[i], kStops[i + 1], t - i);
}

bool finite(double v) {
  return std::isfinite(v);
}

// A horizontal legend of outcome colours from (x, y), stopping before max_x.
std::string outcome_legend(const std::vector<std::pair<std::string, std::string>>& entries,
                           double x, double y, double max_x) {
  std::string out = "<g class=\"legend\">\n";
  for (const auto& [outcome, colour] : entries) {
    const std::string shown = html::truncate(outcome, 24);
    const double width = 16 + text_width(shown, 11) + 18;
    if (x + width > max_x) break;
    out += "<rect x=\"" + at(x) + "\" y=\"" + at(y - 9) +
           "\" width=\"12\" height=\"10\" rx=\"2\" fill=\"" + colour + "\"/>\n";
    out += label(x + 16, y, outcome, 24, {11, "start", "", kMutedInk, ""});
    x += width;
  }
  return out + "</g>\n";
}

// The outcomes that occur in `wanted`, with their colours, in palette order.
std::vector<std::pair<std::string, std::string>> used_outcomes(
    const OutcomeColours& colours, const std::vector<std::string>& wanted) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : colours.entries()) {
    if (std::find(wanted.begin(), wanted.end(), entry.first) != wanted.end()) out.push_back(entry);
  }
  for (const std::string& outcome : wanted) {
    const bool listed = std::any_of(out.begin(), out.end(),
                                    [&](const auto& entry) { return entry.first == outcome; });
    if (!listed) out.emplace_back(outcome, colours.of(outcome));
  }
  return out;
}

// ---- heatmap ----

struct HeatmapLayout {
  static constexpr double kCellWidth = 46;
  static constexpr double kCellHeight = 30;
  static constexpr double kGroupGap = 10;
  static constexpr double kFont = 12;
  static constexpr std::size_t kMaxRowLabel = 34;
  static constexpr std::size_t kMaxCaseLabel = 18;

  double left = 0;  // x of the first column
  double top = 0;   // y of the first row
  double grid_width = 0;
  double grid_height = 0;
  double width = 0;
  double height = 0;
  std::vector<double> column_x;       // per case
  std::vector<std::size_t> group_of;  // per case
};

HeatmapLayout layout_heatmap(const Heatmap& heatmap) {
  HeatmapLayout layout;
  std::size_t longest_row = 4, longest_case = 4;
  for (const std::string& row : heatmap.row_labels) {
    longest_row = std::max(longest_row, std::min(html::length(row), HeatmapLayout::kMaxRowLabel));
  }
  for (const Heatmap::Group& group : heatmap.groups) {
    for (const std::string& c : group.cases) {
      longest_case =
          std::max(longest_case, std::min(html::length(c), HeatmapLayout::kMaxCaseLabel));
    }
  }
  // Case labels are turned 45°: they need their length times sin 45° above the grid.
  const double case_label_extent = static_cast<double>(longest_case) * 11 * kGlyphWidth * 0.7071;
  layout.left = static_cast<double>(longest_row) * HeatmapLayout::kFont * kGlyphWidth + 16;
  layout.top = 40 + case_label_extent + 8;

  double x = layout.left;
  for (std::size_t g = 0; g < heatmap.groups.size(); ++g) {
    if (g > 0 && !heatmap.groups[g].cases.empty()) x += HeatmapLayout::kGroupGap;
    for (std::size_t c = 0; c < heatmap.groups[g].cases.size(); ++c) {
      layout.column_x.push_back(x);
      layout.group_of.push_back(g);
      x += HeatmapLayout::kCellWidth;
    }
  }
  layout.grid_width = x - layout.left;
  layout.grid_height = static_cast<double>(heatmap.row_labels.size()) * HeatmapLayout::kCellHeight;
  layout.width = std::max(x + case_label_extent + 16, layout.left + 320);
  layout.height = layout.top + layout.grid_height + 64;
  return layout;
}

struct ValueRange {
  double lo = 0;
  double hi = 1;
  bool integers = true;  // every value is a whole number: cells show no decimals
  bool any_missing = false;
};

double cell_value(const Heatmap& heatmap, std::size_t row, std::size_t column) {
  if (row >= heatmap.values.size() || column >= heatmap.values[row].size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return heatmap.values[row][column];
}

ValueRange heatmap_range(const Heatmap& heatmap, std::size_t cases) {
  ValueRange range;
  bool any = false;
  double lo = 0, hi = 0;
  for (std::size_t r = 0; r < heatmap.row_labels.size(); ++r) {
    for (std::size_t c = 0; c < cases; ++c) {
      const double v = cell_value(heatmap, r, c);
      if (!finite(v)) {
        range.any_missing = true;
        continue;
      }
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
      if (v != std::floor(v)) range.integers = false;
    }
  }
  // Counts and rates start at zero; a scale starting at the smallest value
  // would make the smallest count look like none.
  range.lo = std::min(0.0, lo);
  range.hi = hi > range.lo ? hi : range.lo + 1;
  return range;
}

std::string heatmap_defs(const std::string& prefix) {
  std::string out = "<defs>\n";
  out += "<linearGradient id=\"" + prefix + "-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">";
  for (int i = 0; i <= 4; ++i) {
    out += "<stop offset=\"" + at(i * 25.0) + "%\" stop-color=\"" + html::hex(sequential(i / 4.0)) +
           "\"/>";
  }
  out += "</linearGradient>\n";
  out += "<pattern id=\"" + prefix +
         "-missing\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f5f7fa\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#cbd2d9\" "
         "stroke-width=\"2\"/></pattern>\n";
  return out + "</defs>\n";
}

std::string heatmap_groups(const Heatmap& heatmap, const HeatmapLayout& layout,
                           const OutcomeColours& colours) {
  std::string out = "<g class=\"groups\">\n";
  std::size_t first = 0;
  for (std::size_t g = 0; g < heatmap.groups.size(); ++g) {
    const std::size_t count = heatmap.groups[g].cases.size();
    if (count == 0) continue;
    const double x0 = layout.column_x[first];
    const double x1 = layout.column_x[first + count - 1] + HeatmapLayout::kCellWidth;
    const std::string& outcome = heatmap.groups[g].label;
    out += "<rect class=\"group-bar\" x=\"" + at(x0 + 1) + "\" y=\"26\" width=\"" +
           at(x1 - x0 - 2) + "\" height=\"4\" rx=\"2\" fill=\"" + colours.of(outcome) +
           "\"><title>" + escape(outcome) + "</title></rect>\n";
    // The label may use the gaps beside its group.
    out += label((x0 + x1) / 2, 18, outcome, chars_fitting(x1 - x0 + HeatmapLayout::kGroupGap, 12),
                 {12, "middle", "600", "", "class=\"group-label\""});
    if (g > 0) {
      const double gap_x = x0 - HeatmapLayout::kGroupGap / 2;
      out += line(gap_x, 26, gap_x, layout.top + layout.grid_height, kAxis,
                  "class=\"separator\" stroke-dasharray=\"3 3\"");
    }
    first += count;
  }
  return out + "</g>\n";
}

std::string heatmap_labels(const Heatmap& heatmap, const std::vector<std::string>& cases,
                           const HeatmapLayout& layout) {
  std::string out = "<g class=\"case-labels\">\n";
  for (std::size_t c = 0; c < cases.size(); ++c) {
    const double x = layout.column_x[c] + HeatmapLayout::kCellWidth / 2;
    const double y = layout.top - 6;
    out += label(
        0, 0, cases[c], HeatmapLayout::kMaxCaseLabel,
        {11, "start", "", "", "transform=\"translate(" + at(x) + "," + at(y) + ") rotate(-45)\""});
  }
  out += "</g>\n<g class=\"row-labels\">\n";
  for (std::size_t r = 0; r < heatmap.row_labels.size(); ++r) {
    const double y = layout.top + (static_cast<double>(r) + 0.5) * HeatmapLayout::kCellHeight + 4;
    out += label(layout.left - 8, y, heatmap.row_labels[r], HeatmapLayout::kMaxRowLabel,
                 {12, "end", "", "", ""});
  }
  return out + "</g>\n";
}

std::string heatmap_cells(const Heatmap& heatmap, const std::vector<std::string>& cases,
                          const HeatmapLayout& layout, const ValueRange& range,
                          const std::string& prefix) {
  const Scale shade(range.lo, range.hi, 0, 1);
  std::string out = "<g class=\"cells\">\n";
  for (std::size_t r = 0; r < heatmap.row_labels.size(); ++r) {
    const double y = layout.top + static_cast<double>(r) * HeatmapLayout::kCellHeight;
    for (std::size_t c = 0; c < cases.size(); ++c) {
      const double x = layout.column_x[c];
      const double v = cell_value(heatmap, r, c);
      const std::string where = heatmap.row_labels[r] + " \xC2\xB7 " + cases[c] + " (" +
                                heatmap.groups[layout.group_of[c]].label + "): ";
      const std::string geometry = "x=\"" + at(x + 1) + "\" y=\"" + at(y + 1) + "\" width=\"" +
                                   at(HeatmapLayout::kCellWidth - 2) + "\" height=\"" +
                                   at(HeatmapLayout::kCellHeight - 2) + "\" rx=\"2\"";
      if (!finite(v)) {
        out += "<rect class=\"cell missing\" " + geometry + " fill=\"url(#" + prefix +
               "-missing)\"><title>" + escape(where + "no value") + "</title></rect>\n";
        continue;
      }
      const double t = shade(v);
      out += "<rect class=\"cell\" " + geometry + " fill=\"" + html::hex(sequential(t)) +
             "\"><title>" + escape(where + value_text(v) + " " + heatmap.value_label) +
             "</title></rect>\n";
      const std::string shown = html::fixed(v, range.integers ? 0 : 1);
      out += "<text x=\"" + at(x + HeatmapLayout::kCellWidth / 2) + "\" y=\"" +
             at(y + HeatmapLayout::kCellHeight / 2 + 4) +
             "\" font-size=\"11\" text-anchor=\"middle\" pointer-events=\"none\" fill=\"" +
             (t > 0.55 ? "#ffffff" : kInk) + "\">" + shown + "</text>\n";
    }
  }
  return out + "</g>\n";
}

std::string heatmap_legend(const Heatmap& heatmap, const HeatmapLayout& layout,
                           const ValueRange& range, const std::string& prefix) {
  const double y = layout.top + layout.grid_height + 24;
  const double x = layout.left;
  constexpr double kBarWidth = 180;
  std::string out = "<g class=\"legend\">\n";
  const std::string caption = heatmap.value_label.empty() ? "value" : heatmap.value_label;
  out += "<rect x=\"" + at(x) + "\" y=\"" + at(y) + "\" width=\"" + at(kBarWidth) +
         "\" height=\"10\" fill=\"url(#" + prefix + "-scale)\" stroke=\"" + kGrid + "\"/>\n";
  const Scale position(range.lo, range.hi, x, x + kBarWidth);
  for (double t : {range.lo, range.hi}) {
    out += line(position(t), y + 10, position(t), y + 14, kAxis);
    out += label(position(t), y + 25, value_text(t), 12, {10, "middle", "", kMutedInk, ""});
  }
  out += label(x + kBarWidth + 12, y + 9, caption, 40, {11, "start", "", kMutedInk, ""});
  if (range.any_missing) {
    const double mx = x + kBarWidth + 24 + text_width(html::truncate(caption, 40), 11);
    out += "<rect x=\"" + at(mx) + "\" y=\"" + at(y) +
           "\" width=\"14\" height=\"10\" fill=\"url(#" + prefix + "-missing)\" stroke=\"" + kGrid +
           "\"/>\n";
    out += label(mx + 18, y + 9, "no value", 12, {11, "start", "", kMutedInk, ""});
  }
  return out + "</g>\n";
}

// ---- timeline ----

struct TimelineLayout {
  static constexpr double kWidth = 980;
  static constexpr double kRowHeight = 40;
  static constexpr double kGroupHeight = 26;
  static constexpr double kBarHeight = 12;
  static constexpr double kBarOffset = 15;  // from a row's top to its bar's top
  static constexpr double kAxisHeight = 26;
  static constexpr double kLegendHeight = 26;
  static constexpr double kArrow = 10;
  static constexpr std::size_t kMaxCaseLabel = 26;

  double plot_left = 0;
  double plot_right = 0;
};

// The smallest and largest finite values seen.
struct Extent {
  std::optional<double> lo, hi;
  bool any_open = false;  // timeline: some case has no end
  void add(double t) {
    if (!finite(t)) return;
    lo = lo ? std::min(*lo, t) : t;
    hi = hi ? std::max(*hi, t) : t;
  }
};

Extent timeline_extent(const std::vector<CaseLife>& cases) {
  Extent extent;
  for (const CaseLife& c : cases) {
    if (c.start) extent.add(*c.start);
    if (c.end) extent.add(*c.end);
    for (const CaseLife::Event& e : c.events) extent.add(e.at);
    if (!c.end || !finite(*c.end)) extent.any_open = true;
  }
  return extent;
}

std::optional<double> known(const std::optional<double>& t) {
  return (t && finite(*t)) ? t : std::nullopt;
}

// Gradient ids for bars that fade: one per outcome colour and direction.
std::string fade_id(const std::string& prefix, const std::string& colour, bool fade_out) {
  return prefix + (fade_out ? "-fade-out-" : "-fade-in-") + colour.substr(1);
}

std::string timeline_defs(const std::vector<CaseLife>& cases, const OutcomeColours& colours,
                          const std::string& prefix) {
  std::vector<std::string> done;
  std::string out = "<defs>\n";
  for (const CaseLife& c : cases) {
    const std::string colour = colours.of(c.outcome);
    if (std::find(done.begin(), done.end(), colour) != done.end()) continue;
    done.push_back(colour);
    for (bool fade_out : {true, false}) {
      out += "<linearGradient id=\"" + fade_id(prefix, colour, fade_out) +
             "\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">";
      out += "<stop offset=\"0%\" stop-color=\"" + colour + "\" stop-opacity=\"" +
             (fade_out ? "1" : "0.1") + "\"/>";
      out += "<stop offset=\"55%\" stop-color=\"" + colour + "\" stop-opacity=\"" +
             (fade_out ? "0.85" : "0.6") + "\"/>";
      out += "<stop offset=\"100%\" stop-color=\"" + colour + "\" stop-opacity=\"" +
             (fade_out ? "0.15" : "1") + "\"/>";
      out += "</linearGradient>\n";
    }
  }
  return out + "</defs>\n";
}

// Year gridlines from `top` to `bottom`, labelled above and below: a long
// timeline can be read at either end.
std::string timeline_axis(const Scale& x, double top, double bottom) {
  const double step = year_step(x.hi() - x.lo(), 12);
  std::string out = "<g class=\"axis\">\n";
  for (double t : ticks(x.lo(), x.hi(), step)) {
    const std::string year = html::number(t, 0);
    out += line(x(t), top, x(t), bottom, kGrid);
    out += label(x(t), top - 6, year, 8, {11, "middle", "", kMutedInk, ""});
    out += label(x(t), bottom + 14, year, 8, {11, "middle", "", kMutedInk, ""});
  }
  return out + "</g>\n";
}

std::string life_span_text(const CaseLife& c) {
  const auto start = known(c.start), end = known(c.end);
  std::string out = c.label + " \xE2\x80\x94 " + c.outcome + ": ";
  out += start ? year_text(*start) : std::string("start unknown");
  out += " \xE2\x80\x93 ";
  out += end ? year_text(*end) : std::string("still running");
  return out;
}

std::string timeline_bar(const CaseLife& c, const Scale& x, const TimelineLayout& layout, double y,
                         const std::string& colour, const std::string& prefix) {
  const auto start = known(c.start), end = known(c.end);
  const double bar_y = y + TimelineLayout::kBarOffset;
  const std::string title = "<title>" + escape(life_span_text(c)) + "</title>";
  if (!start && !end && c.events.empty()) {
    // Nothing dated: an outline across the whole axis, so the case is not
    // silently missing from the chart.
    return "<rect class=\"bar undated\" x=\"" + at(layout.plot_left) + "\" y=\"" + at(bar_y) +
           "\" width=\"" + at(layout.plot_right - layout.plot_left) + "\" height=\"" +
           at(TimelineLayout::kBarHeight) + "\" rx=\"3\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-dasharray=\"4 3\">" + title + "</rect>\n" +
           label((layout.plot_left + layout.plot_right) / 2, bar_y + 10, "dates not recorded", 30,
                 {10, "middle", "", kMutedInk, ""});
  }
  const double x0 = start ? x.clamped(*start) : layout.plot_left;
  double x1 = end ? x.clamped(*end) : layout.plot_right;
  x1 = std::max(x1, x0 + 3);  // a case that starts and ends in the same month still shows
  std::string fill = colour;
  if (!end) fill = "url(#" + fade_id(prefix, colour, true) + ")";
  if (!start && end) fill = "url(#" + fade_id(prefix, colour, false) + ")";
  std::string out = "<rect class=\"bar\" x=\"" + at(x0) + "\" y=\"" + at(bar_y) + "\" width=\"" +
                    at(x1 - x0) + "\" height=\"" + at(TimelineLayout::kBarHeight) +
                    "\" rx=\"3\" fill=\"" + fill + "\">" + title + "</rect>\n";
  if (!end) {
    const double mid = bar_y + TimelineLayout::kBarHeight / 2;
    out += "<path class=\"open-end\" d=\"M" + at(x1) + " " + at(mid - 7) + " L" +
           at(x1 + TimelineLayout::kArrow) + " " + at(mid) + " L" + at(x1) + " " + at(mid + 7) +
           " Z\" fill=\"" + colour + "\" fill-opacity=\"0.35\"><title>" +
           escape(c.label + ": still running") + "</title></path>\n";
  }
  return out;
}

// Event markers with labels above the bar, or below it when the label above
// would run into the previous one.
std::string timeline_events(const CaseLife& c, const Scale& x, double y) {
  std::vector<const CaseLife::Event*> events;
  for (const CaseLife::Event& e : c.events) {
    if (finite(e.at)) events.push_back(&e);
  }
  std::stable_sort(
      events.begin(), events.end(),
      [](const CaseLife::Event* a, const CaseLife::Event* b) { return a->at < b->at; });
  std::string out;
  double free_above = -1e9, free_below = -1e9;  // where each lane's last label ended
  const double mid = y + TimelineLayout::kBarOffset + TimelineLayout::kBarHeight / 2;
  for (const CaseLife::Event* e : events) {
    const double ex = x.clamped(e->at);
    out += "<path class=\"event\" d=\"M" + at(ex) + " " + at(mid - 6) + " L" + at(ex + 5) + " " +
           at(mid) + " L" + at(ex) + " " + at(mid + 6) + " L" + at(ex - 5) + " " + at(mid) +
           " Z\" fill=\"#ffffff\" stroke=\"" + kInk + "\" stroke-width=\"1.5\"><title>" +
           escape(c.label + ": " + e->text + " (" + year_text(e->at) + ")") + "</title></path>\n";
    const std::string shown = html::truncate(e->text, 28);
    const double width = text_width(shown, 10);
    const bool above = ex - 2 > free_above;
    if (!above && ex - 2 <= free_below) continue;  // both lanes taken: the tooltip still tells
    double& lane = above ? free_above : free_below;
    lane = ex + width + 6;
    const double ly = above ? y + TimelineLayout::kBarOffset - 4
                            : y + TimelineLayout::kBarOffset + TimelineLayout::kBarHeight + 11;
    out += label(ex - 2, ly, e->text, 28, {10, "start", "", kMutedInk, "class=\"event-label\""});
  }
  return out;
}

// ---- series ----

struct SeriesLayout {
  static constexpr double kPlotWidth = 200;
  static constexpr double kPlotHeight = 110;
  static constexpr double kLeft = 48;    // y tick labels
  static constexpr double kTop = 24;     // panel title
  static constexpr double kBottom = 22;  // x tick labels
  static constexpr double kRight = 18;
  static constexpr double kLegendLine = 14;
  static constexpr std::size_t kMaxLegendLines = 5;
  static constexpr std::size_t kColumns = 4;
  static constexpr double kHeader = 28;  // the chart's own legend

  std::size_t legend_lines = 0;
  double panel_width() const { return kLeft + kPlotWidth + kRight; }
  double panel_height() const {
    return kTop + kPlotHeight + kBottom + static_cast<double>(legend_lines) * kLegendLine + 14;
  }
};

// Council line colours (Tableau 10), distinct from one another; cases whose
// values are their own use the outcome's colour instead.
constexpr const char* kLinePalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
constexpr const char* kDashes[] = {"", "5 3", "2 2"};

struct LineStyle {
  std::string colour;
  std::string dash;
};

// Councils in the order they first appear across the chart, so a council
// keeps its colour in every panel.
std::map<std::string, LineStyle> council_styles(const std::vector<const Series*>& series) {
  std::map<std::string, LineStyle> styles;
  std::size_t n = 0;
  constexpr std::size_t kColours = std::size(kLinePalette);
  for (const Series* s : series) {
    for (const Series::Point& p : s->points) {
      if (p.council.empty() || styles.count(p.council) > 0) continue;
      styles[p.council] = {kLinePalette[n % kColours],
                           kDashes[(n / kColours) % std::size(kDashes)]};
      ++n;
    }
  }
  return styles;
}

// The points of one series split into lines: one per council, in order of
// first appearance; points without a council form the case's own line.
std::vector<std::pair<std::string, std::vector<const Series::Point*>>> lines_of(const Series& s) {
  std::vector<std::pair<std::string, std::vector<const Series::Point*>>> lines;
  for (const Series::Point& p : s.points) {
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&](const auto& l) { return l.first == p.council; });
    if (it == lines.end()) it = lines.insert(lines.end(), {p.council, {}});
    it->second.push_back(&p);
  }
  for (auto& l : lines) {
    std::stable_sort(l.second.begin(), l.second.end(),
                     [](const Series::Point* a, const Series::Point* b) { return a->at < b->at; });
  }
  return lines;
}

struct SeriesDomain {
  double x0 = 0, x1 = 1;
  double y0 = 0, y1 = 1, y_step = 1;
  bool any_point = false;
};

SeriesDomain series_domain(const std::vector<const Series*>& series) {
  Extent years, values;
  for (const Series* s : series) {
    for (const Series::Point& p : s->points) {
      if (!finite(p.at) || !finite(p.value)) continue;
      years.add(p.at);
      values.add(p.value);
    }
  }
  SeriesDomain d;
  if (!years.lo) return d;
  d.any_point = true;
  // The shaded years widen the axis by five years at most, so one odd date
  // cannot squash every line into a corner.
  const double first = *years.lo, last = *years.hi;
  for (const Series* s : series) {
    if (auto from = known(s->active_from)) years.add(std::clamp(*from, first - 5, last));
    if (auto to = known(s->active_to)) years.add(std::clamp(*to, first, last + 5));
  }
  std::tie(d.x0, d.x1) = year_domain(*years.lo, *years.hi);
  double lo = *values.lo, hi = *values.hi;
  if (hi <= lo) {
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
    lo -= pad, hi += pad;
  }
  // Counts and amounts are read against zero, unless starting at zero would
  // flatten their changes into a thin band at the top.
  if (lo >= 0 && lo < (hi - lo) * 0.5) lo = 0;
  d.y_step = nice_step(hi - lo, 4);
  d.y0 = std::floor(lo / d.y_step + 1e-9) * d.y_step;
  d.y1 = std::ceil(hi / d.y_step - 1e-9) * d.y_step;
  if (d.y1 <= d.y0) d.y1 = d.y0 + d.y_step;
  return d;
}

std::string panel_axes(const Scale& x, const Scale& y, const SeriesDomain& d) {
  const double left = SeriesLayout::kLeft, right = left + SeriesLayout::kPlotWidth;
  const double top = SeriesLayout::kTop, bottom = top + SeriesLayout::kPlotHeight;
  std::string out = "<g class=\"axes\">\n";
  for (double t : ticks(d.y0, d.y1, d.y_step)) {
    out += line(left, y(t), right, y(t), kGrid);
    out += line(left - 4, y(t), left, y(t), kAxis);
    out += label(left - 6, y(t) + 3.5, value_text(t, d.y_step), 9, {10, "end", "", kMutedInk, ""});
  }
  const double step = year_step(d.x1 - d.x0, 4);
  for (double t : ticks(d.x0, d.x1, step)) {
    out += line(x(t), bottom, x(t), bottom + 4, kAxis);
    out += label(x(t), bottom + 15, html::number(t, 0), 6, {10, "middle", "", kMutedInk, ""});
  }
  out += line(left, top, left, bottom, kAxis);
  out += line(left, bottom, right, bottom, kAxis);
  return out + "</g>\n";
}

std::string panel_shading(const Series& s, const Scale& x, const std::string& colour) {
  const auto from = known(s.active_from), to = known(s.active_to);
  if (!from && !to) return "";
  const double x0 = from ? x.clamped(*from) : x.clamped(x.lo());
  const double x1 = to ? x.clamped(*to) : x.clamped(x.hi());
  if (x1 <= x0) return "";
  const std::string when = (from ? year_text(*from) : std::string("?")) + " \xE2\x80\x93 " +
                           (to ? year_text(*to) : std::string("still running"));
  return "<rect class=\"active\" x=\"" + at(x0) + "\" y=\"" + at(SeriesLayout::kTop) +
         "\" width=\"" + at(x1 - x0) + "\" height=\"" + at(SeriesLayout::kPlotHeight) +
         "\" fill=\"" + colour + "\" fill-opacity=\"0.13\"><title>" +
         escape("Partnership active: " + when) + "</title></rect>\n";
}

std::string panel_line(const Series& s, const std::string& council,
                       const std::vector<const Series::Point*>& points, const Scale& x,
                       const Scale& y, const LineStyle& style) {
  std::string path;
  bool pen_down = false;
  std::string dots;
  for (const Series::Point* p : points) {
    if (!finite(p->at) || !finite(p->value)) {
      pen_down = false;  // a gap in the data is a gap in the line
      continue;
    }
    path += (pen_down ? " L" : (path.empty() ? "M" : " M")) + at(x(p->at)) + " " + at(y(p->value));
    pen_down = true;
    const std::string who = council.empty() ? s.case_label : s.case_label + " \xC2\xB7 " + council;
    dots += "<circle class=\"point\" cx=\"" + at(x(p->at)) + "\" cy=\"" + at(y(p->value)) +
            "\" r=\"2.6\" fill=\"" + style.colour + "\"><title>" +
            escape(who + " \xC2\xB7 " + year_text(p->at) + ": " + value_text(p->value)) +
            "</title></circle>\n";
  }
  std::string out;
  if (!path.empty()) {
    out += "<path class=\"line\" d=\"" + path + "\" fill=\"none\" stroke=\"" + style.colour +
           "\" stroke-width=\"1.8\" stroke-linejoin=\"round\"";
    if (!style.dash.empty()) out += " stroke-dasharray=\"" + style.dash + "\"";
    out += "/>\n";
  }
  return out + dots;
}

std::string panel_legend(const std::vector<std::string>& councils,
                         const std::map<std::string, LineStyle>& styles, double y) {
  std::string out;
  const std::size_t shown = std::min(councils.size(), SeriesLayout::kMaxLegendLines);
  for (std::size_t i = 0; i < shown; ++i) {
    const bool last_line = i + 1 == SeriesLayout::kMaxLegendLines && councils.size() > shown;
    const double ly = y + static_cast<double>(i) * SeriesLayout::kLegendLine;
    if (last_line) {
      out += label(SeriesLayout::kLeft, ly + 4,
                   "+" + std::to_string(councils.size() - shown + 1) + " more", 20,
                   {10, "start", "", kMutedInk, ""});
      break;
    }
    const LineStyle& style = styles.at(councils[i]);
    out += line(SeriesLayout::kLeft, ly, SeriesLayout::kLeft + 16, ly, style.colour,
                "stroke-width=\"2\"" +
                    (style.dash.empty() ? "" : " stroke-dasharray=\"" + style.dash + "\""));
    out += label(SeriesLayout::kLeft + 22, ly + 3.5, councils[i], 34,
                 {10, "start", "", kMutedInk, ""});
  }
  return out;
}

std::string series_panel(const Series& s, const SeriesDomain& d,
                         const std::map<std::string, LineStyle>& council_style,
                         const OutcomeColours& colours, double px, double py) {
  const Scale x(d.x0, d.x1, SeriesLayout::kLeft, SeriesLayout::kLeft + SeriesLayout::kPlotWidth);
  const Scale y(d.y0, d.y1, SeriesLayout::kTop + SeriesLayout::kPlotHeight, SeriesLayout::kTop);
  const std::string colour = colours.of(s.outcome);
  std::string out = "<g class=\"panel\" transform=\"translate(" + at(px) + "," + at(py) + ")\">\n";
  out += "<title>" + escape(s.case_label + " (" + s.outcome + "): " + s.metric) + "</title>\n";
  out += "<circle cx=\"" + at(SeriesLayout::kLeft + 4) + "\" cy=\"9\" r=\"4\" fill=\"" + colour +
         "\"/>\n";
  // Bold glyphs are wider: leave them a tenth more room.
  const std::size_t title_chars =
      chars_fitting(SeriesLayout::kPlotWidth + SeriesLayout::kRight - 13, 12 * 1.1);
  out +=
      label(SeriesLayout::kLeft + 13, 13, s.case_label, title_chars, {12, "start", "600", "", ""});
  out += panel_shading(s, x, colour);
  out += panel_axes(x, y, d);

  std::vector<std::string> councils;
  bool drew = false;
  for (const auto& [council, points] : lines_of(s)) {
    const LineStyle style = council.empty() ? LineStyle{colour, ""} : council_style.at(council);
    if (!council.empty()) councils.push_back(council);
    const std::string markup = panel_line(s, council, points, x, y, style);
    drew = drew || !markup.empty();
    out += markup;
  }
  if (!drew) {
    out += label(SeriesLayout::kLeft + SeriesLayout::kPlotWidth / 2,
                 SeriesLayout::kTop + SeriesLayout::kPlotHeight / 2, "no values", 20,
                 {11, "middle", "", kMutedInk, ""});
  }
  out += panel_legend(councils, council_style,
                      SeriesLayout::kTop + SeriesLayout::kPlotHeight + SeriesLayout::kBottom + 8);
  return out + "</g>\n";
}

std::size_t council_count(const Series& s) {
  std::size_t n = 0;
  for (const auto& l : lines_of(s)) n += l.first.empty() ? 0 : 1;
  return n;
}

}  // namespace

// ---- outcome colours ----

OutcomeColours::OutcomeColours(const std::vector<std::string>& outcomes) {
  // Okabe & Ito's colour-blind-safe palette, darkest first.
  static constexpr const char* kPalette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                             "#e69f00", "#56b4e9", "#8c6d31", "#404040"};
  for (const std::string& outcome : outcomes) {
    const bool seen = std::any_of(entries_.begin(), entries_.end(),
                                  [&](const auto& e) { return e.first == outcome; });
    if (seen) continue;
    entries_.emplace_back(outcome, kPalette[entries_.size() % std::size(kPalette)]);
  }
}

std::string OutcomeColours::of(const std::string& outcome) const {
  for (const auto& [name, colour] : entries_) {
    if (name == outcome) return colour;
  }
  return kUnknownOutcome;
}

std::vector<std::string> outcomes_in_order(const ReportModel& model) {
  std::vector<std::string> out;
  const auto add = [&out](const std::string& outcome) {
    if (std::find(out.begin(), out.end(), outcome) == out.end()) out.push_back(outcome);
  };
  for (const Heatmap::Group& g : model.heatmap.groups) add(g.label);
  for (const CaseLife& c : model.timeline) add(c.outcome);
  for (const Series& s : model.series) add(s.outcome);
  return out;
}

// ---- the charts ----

std::string heatmap_chart(const Heatmap& heatmap, const OutcomeColours& colours) {
  std::vector<std::string> cases;
  for (const Heatmap::Group& g : heatmap.groups)
    cases.insert(cases.end(), g.cases.begin(), g.cases.end());
  if (cases.empty() || heatmap.row_labels.empty()) {
    return no_data(
        "No codings by case to show yet: the heatmap needs coded sources linked to cases.");
  }
  const std::string prefix = "heatmap";
  const HeatmapLayout layout = layout_heatmap(heatmap);
  const ValueRange range = heatmap_range(heatmap, cases.size());
  const std::string title = heatmap.title.empty() ? "Codes by case" : heatmap.title;
  std::string out = svg_open(
      "heatmap", layout.width, layout.height, title,
      std::to_string(heatmap.row_labels.size()) + " codes by " + std::to_string(cases.size()) +
          " cases, grouped by outcome; darker cells have more " +
          (heatmap.value_label.empty() ? std::string("codings") : heatmap.value_label) + ".");
  out += heatmap_defs(prefix);
  out += heatmap_groups(heatmap, layout, colours);
  out += heatmap_labels(heatmap, cases, layout);
  out += heatmap_cells(heatmap, cases, layout, range, prefix);
  out += heatmap_legend(heatmap, layout, range, prefix);
  return out + "</svg>\n";
}

std::string timeline_chart(const std::vector<CaseLife>& cases, const OutcomeColours& colours) {
  const Extent extent = timeline_extent(cases);
  if (cases.empty() || !extent.lo) {
    return no_data("No case dates recorded yet: the timeline needs start or end dates of cases.");
  }
  const std::string prefix = "timeline";
  auto [from, to] = year_domain(*extent.lo, *extent.hi);
  if (extent.any_open) to += 1;  // room for running cases to point onwards

  std::size_t longest = 4;
  std::vector<std::string> outcomes;
  std::size_t groups = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    longest =
        std::max(longest, std::min(html::length(cases[i].label), TimelineLayout::kMaxCaseLabel));
    outcomes.push_back(cases[i].outcome);
    if (i == 0 || cases[i].outcome != cases[i - 1].outcome) ++groups;
  }
  TimelineLayout layout;
  layout.plot_left = std::clamp(static_cast<double>(longest) * 12 * kGlyphWidth + 24, 90.0, 220.0);
  layout.plot_right = TimelineLayout::kWidth - TimelineLayout::kArrow - 24;
  const Scale x(from, to, layout.plot_left, layout.plot_right);

  const double rows_top = TimelineLayout::kLegendHeight + TimelineLayout::kAxisHeight;
  const double rows_bottom = rows_top + static_cast<double>(groups) * TimelineLayout::kGroupHeight +
                             static_cast<double>(cases.size()) * TimelineLayout::kRowHeight;
  const double height = rows_bottom + TimelineLayout::kAxisHeight;

  std::string out = svg_open("timeline", TimelineLayout::kWidth, height, "Case life cycles",
                             std::to_string(cases.size()) + " cases from " + html::number(from, 0) +
                                 " to " + html::number(to, 0) +
                                 ": bars run from start to end, coloured by outcome; diamonds "
                                 "mark governance changes.");
  out += timeline_defs(cases, colours, prefix);
  out += outcome_legend(used_outcomes(colours, outcomes), layout.plot_left, 16,
                        TimelineLayout::kWidth);
  out += timeline_axis(x, rows_top, rows_bottom);

  double y = rows_top;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const CaseLife& c = cases[i];
    const std::string colour = colours.of(c.outcome);
    if (i == 0 || c.outcome != cases[i - 1].outcome) {
      if (i > 0) out += line(8, y, TimelineLayout::kWidth - 8, y, kAxis, "class=\"separator\"");
      out += "<g class=\"group\">\n<rect x=\"8\" y=\"" + at(y + 8) +
             "\" width=\"4\" height=\"14\" rx=\"1\" fill=\"" + colour + "\"/>\n";
      out +=
          label(18, y + 19, c.outcome, 60, {12, "start", "600", colour, "class=\"group-label\""});
      out += "</g>\n";
      y += TimelineLayout::kGroupHeight;
    }
    out += "<g class=\"case\">\n";
    out += label(layout.plot_left - 12, y + TimelineLayout::kBarOffset + 10, c.label,
                 TimelineLayout::kMaxCaseLabel, {12, "end", "", "", ""});
    out += timeline_bar(c, x, layout, y, colour, prefix);
    out += timeline_events(c, x, y);
    out += "</g>\n";
    y += TimelineLayout::kRowHeight;
  }
  return out + "</svg>\n";
}

std::vector<std::string> series_metrics(const std::vector<Series>& series) {
  std::vector<std::string> out;
  for (const Series& s : series) {
    if (std::find(out.begin(), out.end(), s.metric) == out.end()) out.push_back(s.metric);
  }
  return out;
}

std::string series_chart(const std::vector<Series>& series, const std::string& metric,
                         const OutcomeColours& colours) {
  std::vector<const Series*> chosen;
  for (const Series& s : series) {
    if (s.metric == metric) chosen.push_back(&s);
  }
  const SeriesDomain domain = series_domain(chosen);
  if (chosen.empty() || !domain.any_point) {
    return no_data("No values recorded for " +
                   (metric.empty() ? std::string("this metric") : metric) + " yet.");
  }
  SeriesLayout layout;
  for (const Series* s : chosen) {
    layout.legend_lines =
        std::max(layout.legend_lines, std::min(council_count(*s), SeriesLayout::kMaxLegendLines));
  }
  const std::size_t columns = std::min(chosen.size(), SeriesLayout::kColumns);
  const std::size_t rows = (chosen.size() + columns - 1) / columns;
  const double width = std::max(static_cast<double>(columns) * layout.panel_width(), 520.0);
  const double height = SeriesLayout::kHeader + static_cast<double>(rows) * layout.panel_height();

  std::string out =
      svg_open("series", width, height, metric + " by case",
               std::to_string(chosen.size()) + " small charts of " + metric +
                   ", one per case, on the same "
                   "scales; the shaded band marks the years the partnership was active.");
  out += "<g class=\"legend\">\n";
  out += "<rect x=\"" + at(SeriesLayout::kLeft) +
         "\" y=\"7\" width=\"16\" height=\"10\" fill=\"#52606d\" fill-opacity=\"0.18\"/>\n";
  out += label(SeriesLayout::kLeft + 22, 16, "partnership active", 30,
               {11, "start", "", kMutedInk, ""});
  std::vector<std::string> outcomes;
  for (const Series* s : chosen) outcomes.push_back(s->outcome);
  out += outcome_legend(used_outcomes(colours, outcomes), SeriesLayout::kLeft + 150, 16, width);
  out += "</g>\n";

  const std::map<std::string, LineStyle> styles = council_styles(chosen);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const double px = static_cast<double>(i % columns) * layout.panel_width();
    const double py =
        SeriesLayout::kHeader + static_cast<double>(i / columns) * layout.panel_height();
    out += series_panel(*chosen[i], domain, styles, colours, px, py);
  }
  return out + "</svg>\n";
}

}  // namespace casebook::report

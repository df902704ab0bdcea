#include "engine/agreement/table.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include "engine/cases/csv.hpp"
#include "engine/core/error.hpp"

namespace casebook::agreement {

namespace csv = casebook::cases::csv;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// `value` quoted for a one-line message, cut short if long.
std::string shown(std::string_view value) {
  std::string s(value.substr(0, 60));
  std::replace(s.begin(), s.end(), '\n', ' ');
  return "'" + s + (value.size() > 60 ? "...'" : "'");
}

// A plainly written decimal number: digits, sign, point, exponent. strtod
// alone would also take "inf", "nan" and hex, none of which is a coding.
std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  for (char ch : text) {
    if (!std::strchr("0123456789+-.eE", ch)) return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// Maps cell text to a category index (nominal, ordinal by labels).
class LabelMap {
 public:
  LabelMap(const std::vector<std::string>& order, std::size_t max_labels)
      : fixed_(!order.empty()), max_labels_(max_labels) {
    for (const std::string& label : order) {
      if (!index_.emplace(label, labels_.size()).second) {
        throw_usage("the label " + shown(label) + " is given twice in the label order",
                    "list each category once");
      }
      labels_.push_back(label);
    }
  }

  // The index of `label`, or nothing when the label order is fixed and does
  // not hold it. Data error past max_labels.
  std::optional<std::size_t> index(const std::string& label, const std::string& where) {
    const auto it = index_.find(label);
    if (it != index_.end()) return it->second;
    if (fixed_) return std::nullopt;
    if (labels_.size() >= max_labels_) {
      throw_data(where + ": more than " + std::to_string(max_labels_) + " different values",
                 "is this column really a category? Use interval level for measurements");
    }
    index_.emplace(label, labels_.size());
    labels_.push_back(label);
    return labels_.size() - 1;
  }

  std::size_t size() const { return labels_.size(); }
  std::vector<std::string> take() { return std::move(labels_); }

 private:
  bool fixed_;
  std::size_t max_labels_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Ordinal numbers become categories after the whole table is read: the
// distinct numbers in ascending order, each labelled as first written.
std::vector<std::string> rank_numbers(std::vector<double>& values,
                                      const std::unordered_map<double, std::string>& spelling) {
  std::vector<double> distinct;
  distinct.reserve(spelling.size());
  for (const auto& entry : spelling) distinct.push_back(entry.first);
  std::sort(distinct.begin(), distinct.end());
  for (double& v : values) {
    if (v != v) continue;
    v = static_cast<double>(std::lower_bound(distinct.begin(), distinct.end(), v) -
                            distinct.begin());
  }
  std::vector<std::string> labels;
  labels.reserve(distinct.size());
  for (double d : distinct) labels.push_back(spelling.at(d));
  return labels;
}

class TableParser {
 public:
  TableParser(std::string_view text, std::string_view what, const TableOptions& options)
      : what_(what),
        options_(options),
        reader_(text, csv::sniff_separator(text), what, limits(options)),
        labels_(uses_labels(options) ? options.label_order : std::vector<std::string>{},
                options.max_labels) {}

  ReliabilityData parse() {
    read_header();
    csv::Record record;
    while (reader_.next(record)) read_row(record);
    if (unit_ids_.empty()) {
      throw_data(what_ + " has a header but no units", "add one row per unit below the header");
    }
    std::vector<std::string> labels;
    if (options_.level == Level::Ordinal && options_.label_order.empty()) {
      labels = rank_numbers(values_, spelling_);
    } else if (uses_labels(options_)) {
      labels = labels_.take();
    }
    return ReliabilityData(options_.level, std::move(coders_), std::move(labels),
                           std::move(values_), std::move(unit_ids_));
  }

 private:
  static csv::Limits limits(const TableOptions& options) {
    csv::Limits l;
    l.max_fields = options.max_coders + 1;
    return l;
  }

  // Nominal always, ordinal when the order is given as labels.
  static bool uses_labels(const TableOptions& options) {
    return options.level == Level::Nominal ||
           (options.level == Level::Ordinal && !options.label_order.empty());
  }

  void read_header() {
    csv::Record header;
    if (!reader_.next(header)) {
      throw_data(what_ + " is empty",
                 "the first row names the unit column and one column per coder");
    }
    std::vector<std::string> names;
    for (const csv::Field& f : header.fields) names.push_back(f.value);
    while (names.size() > 1 && names.back().empty()) names.pop_back();  // trailing ",,"
    if (names.size() < 3) {
      throw_data(what_ + ", row " + std::to_string(header.line) + ": the header has " +
                     std::to_string(names.size() > 0 ? names.size() - 1 : 0) +
                     " coder column(s), but agreement needs at least two",
                 "the first column holds unit ids, then one column per coder");
    }
    for (std::size_t c = 1; c < names.size(); ++c) check_coder_name(names, c, header.line);
    coders_.assign(names.begin() + 1, names.end());
    reader_.name_columns(names);
  }

  void check_coder_name(const std::vector<std::string>& names, std::size_t c, int line) const {
    if (names[c].empty()) {
      throw_data(what_ + ", row " + std::to_string(line) + ", column " + std::to_string(c + 1) +
                     ": the coder column has no name",
                 "name every coder column in the header");
    }
    for (std::size_t k = 1; k < c; ++k) {
      if (names[k] == names[c]) {
        throw_data(what_ + ", row " + std::to_string(line) + ": coder " + shown(names[c]) +
                       " heads columns " + std::to_string(k + 1) + " and " + std::to_string(c + 1),
                   "give each coder one column");
      }
    }
  }

  void read_row(const csv::Record& record) {
    const std::size_t coders = coders_.size();
    for (std::size_t c = coders + 1; c < record.fields.size(); ++c) {
      if (!record.fields[c].value.empty()) {
        throw_data(what_ + ", " + reader_.where(record.line, c) + ": " +
                       shown(record.fields[c].value) + " is beyond the last coder column",
                   "add a header for that coder, or remove the stray value");
      }
    }
    read_unit_id(record);
    if ((unit_ids_.size()) * coders > options_.max_cells) {
      throw_data(what_ + " has more than " + std::to_string(options_.max_cells) +
                     " cells (units × coders)",
                 "split the table, or analyse a sample of units");
    }
    for (std::size_t c = 0; c < coders; ++c) {
      const std::size_t column = c + 1;
      values_.push_back(column < record.fields.size()
                            ? cell(record.fields[column].value, record.line, column)
                            : kMissing);
    }
  }

  void read_unit_id(const csv::Record& record) {
    const std::string& id = record.fields[0].value;
    if (id.empty()) {
      throw_data(what_ + ", " + reader_.where(record.line, 0) + ": the unit id is empty",
                 "give every row a unit id in the first column");
    }
    const auto [it, fresh] = unit_rows_.emplace(id, record.line);
    if (!fresh) {
      throw_data(what_ + ", " + reader_.where(record.line, 0) + ": unit " + shown(id) +
                     " already appeared on row " + std::to_string(it->second),
                 "give each unit one row, with one column per coder");
    }
    unit_ids_.push_back(id);
  }

  bool is_missing(const std::string& text) const {
    return text.empty() ||
           std::find(options_.missing_markers.begin(), options_.missing_markers.end(), text) !=
               options_.missing_markers.end();
  }

  double cell(const std::string& text, int line, std::size_t column) {
    if (is_missing(text)) return kMissing;
    if (uses_labels(options_)) return label_cell(text, line, column);
    const std::optional<double> v = parse_number(text);
    if (!v) {
      throw_data(
          what_ + ", " + reader_.where(line, column) + ": " + shown(text) + " is not a number",
          std::string("at ") + level_name(options_.level) +
              " level every value is a number; leave the cell empty if the coder did not code the "
              "unit" +
              (options_.level == Level::Ordinal ? ", or give the labels in order" : ""));
    }
    if (options_.level == Level::Ratio && *v < 0) {
      throw_data(what_ + ", " + reader_.where(line, column) + ": " + shown(text) +
                     " is negative, but ratio values start at zero",
                 "use interval level for values below zero");
    }
    if (options_.level == Level::Ordinal) {
      if (spelling_.size() >= options_.max_labels && !spelling_.count(*v)) {
        throw_data(what_ + ", " + reader_.where(line, column) + ": more than " +
                       std::to_string(options_.max_labels) + " different values",
                   "use interval level for measurements");
      }
      spelling_.emplace(*v, text);
    }
    return *v;
  }

  double label_cell(const std::string& text, int line, std::size_t column) {
    const std::string where = what_ + ", " + reader_.where(line, column);
    const std::optional<std::size_t> index = labels_.index(text, where);
    if (!index) {
      throw_data(where + ": " + shown(text) + " is not one of the " +
                     std::to_string(labels_.size()) + " labels given",
                 "add it to the label list, or correct the cell");
    }
    return static_cast<double>(*index);
  }

  std::string what_;
  const TableOptions& options_;
  csv::Reader reader_;
  LabelMap labels_;
  std::vector<std::string> coders_;
  std::vector<std::string> unit_ids_;
  std::unordered_map<std::string, int> unit_rows_;
  std::vector<double> values_;
  std::unordered_map<double, std::string> spelling_;  // ordinal numbers as first written
};

}  // namespace

ReliabilityData parse_reliability_table(std::string_view text, std::string_view what,
                                        const TableOptions& options) {
  // Spreadsheets often save "CSV UTF-8" with a byte-order mark; it is not
  // part of the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return TableParser(text, what, options).parse();
}

ReliabilityData read_reliability_table(const std::filesystem::path& path,
                                       const TableOptions& options) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw_io("cannot read " + path.string() + ": " + ec.message(), "check the path");
  if (size > options.max_file_bytes) {
    throw_data(path.string() + " is " + std::to_string(size) + " bytes, more than the limit of " +
                   std::to_string(options.max_file_bytes),
               "split the table into smaller files");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_io("cannot open " + path.string(), "check that it exists and is readable");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) {
    throw_io("cannot read all of " + path.string(), "check that it is not being written to");
  }
  return parse_reliability_table(text, path.string(), options);
}

}  // namespace casebook::agreement

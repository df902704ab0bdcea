#include "engine/cases/values.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <system_error>

#include "engine/text/ascii.hpp"

namespace casebook::cases::values {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

// Leading digits of `s`, removed from it.
std::string_view take_digits(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  std::string_view digits = s.substr(0, n);
  s.remove_prefix(n);
  return digits;
}

bool take_char(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

// Removes a leading '+' or '-'; true when it was '-'.
bool take_sign(std::string_view& s) {
  if (take_char(s, '-')) return true;
  take_char(s, '+');
  return false;
}

// ---- integers ----

std::optional<std::string> canonical_integer(std::string_view v) {
  const bool negative = take_sign(v);
  if (!all_digits(v)) return std::nullopt;
  while (v.size() > 1 && v.front() == '0') v.remove_prefix(1);
  if (v == "0") return std::string("0");  // also for "-0"
  std::string out = negative ? "-" + std::string(v) : std::string(v);
  // Attribute values are compared as 64-bit integers later on.
  std::int64_t parsed = 0;
  const auto result = std::from_chars(out.data(), out.data() + out.size(), parsed);
  if (result.ec != std::errc()) return std::nullopt;
  return out;
}

// Written the way canonical_integer() writes it: no '+', no leading zeros.
bool is_plain_integer(std::string_view v) {
  std::string_view digits = v;
  take_char(digits, '-');
  if (!all_digits(digits) || (digits.size() > 1 && digits.front() == '0')) return false;
  return canonical_integer(v).has_value();
}

// ---- decimals ----

// [+-] (digits [. digits] | . digits) [e [+-] digits]
bool is_decimal_syntax(std::string_view v) {
  take_sign(v);
  const std::string_view whole = take_digits(v);
  std::string_view fraction;
  if (take_char(v, '.')) fraction = take_digits(v);
  if (whole.empty() && fraction.empty()) return false;
  if (take_char(v, 'e') || take_char(v, 'E')) {
    take_sign(v);
    if (take_digits(v).empty()) return false;
  }
  return v.empty();
}

std::optional<std::string> canonical_decimal(std::string_view v) {
  if (!is_decimal_syntax(v)) return std::nullopt;
  if (v.front() == '+') v.remove_prefix(1);
  // Reject values a double cannot hold (1e999), which later sorting and
  // comparison could not use.
  double parsed = 0;
  const auto result = std::from_chars(v.data(), v.data() + v.size(), parsed);
  if (result.ec != std::errc()) return std::nullopt;
  return std::string(v);
}

// -?(0|[1-9][0-9]*).[0-9]+ : a decimal as people write it, no exponent.
bool is_plain_decimal(std::string_view v) {
  take_char(v, '-');
  const std::string_view whole = take_digits(v);
  if (whole.empty() || (whole.size() > 1 && whole.front() == '0')) return false;
  if (!take_char(v, '.')) return false;
  return !take_digits(v).empty() && v.empty();
}

// ---- dates ----

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::string two_digits(int n) {
  return std::string(1, char('0' + n / 10)) + char('0' + n % 10);
}

// yyyy, yyyy-m[m] or yyyy-m[m]-d[d]: the shape of an ISO date, ignoring
// whether the month and day exist. Month and day are 0 when absent.
struct DateShape {
  int year = 0;
  int month = 0;
  int day = 0;
};

std::optional<DateShape> date_shape(std::string_view v) {
  DateShape shape;
  const std::string_view year = take_digits(v);
  if (year.size() != 4) return std::nullopt;
  shape.year = to_int(year);
  if (v.empty()) return shape;
  const std::string_view month = take_char(v, '-') ? take_digits(v) : std::string_view();
  if (month.empty() || month.size() > 2) return std::nullopt;
  shape.month = to_int(month);
  if (v.empty()) return shape;
  const std::string_view day = take_char(v, '-') ? take_digits(v) : std::string_view();
  if (day.empty() || day.size() > 2 || !v.empty()) return std::nullopt;
  shape.day = to_int(day);
  return shape;
}

bool is_calendar_date(const DateShape& d) {
  if (d.month == 0) return d.day == 0;
  if (d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= days_in_month(d.year, d.month));
}

std::optional<std::string> canonical_date(std::string_view v) {
  const std::optional<DateShape> d = date_shape(v);
  if (!d || !is_calendar_date(*d)) return std::nullopt;
  std::string out(v.substr(0, 4));
  if (d->month != 0) out += "-" + two_digits(d->month);
  if (d->day != 0) out += "-" + two_digits(d->day);
  return out;
}

// ---- booleans ----

std::optional<std::string> canonical_boolean(std::string_view v) {
  const std::string lower = text::ascii_lower(v);
  if (lower == "true" || lower == "yes" || lower == "y" || lower == "1") return "true";
  if (lower == "false" || lower == "no" || lower == "n" || lower == "0") return "false";
  return std::nullopt;
}

// Inference leaves out y/n and 1/0: single letters and digits are more often
// codes or counts than yes/no answers.
bool is_plain_boolean(std::string_view v) {
  const std::string lower = text::ascii_lower(v);
  return lower == "true" || lower == "false" || lower == "yes" || lower == "no";
}

// ---- explanations ----

// Separators people put between groups of three digits: comma, space, no-break
// space, narrow no-break space (French), apostrophe (Swiss), underscore.
constexpr std::array<std::string_view, 6> kGroupSeparators = {",", " ", "\xC2\xA0", "\xE2\x80\xAF",
                                                              "'", "_"};

bool take_group_separator(std::string_view& s) {
  for (std::string_view sep : kGroupSeparators) {
    if (s.substr(0, sep.size()) == sep) {
      s.remove_prefix(sep.size());
      return true;
    }
  }
  return false;
}

// "1,234" or "-12 345 678.5": the number with its thousands separators
// removed, or nothing when `v` is not written that way.
std::optional<std::string> without_thousands_separators(std::string_view v) {
  std::string out;
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) out += v.front();
  take_sign(v);
  const std::string_view first = take_digits(v);
  if (first.empty() || first.size() > 3) return std::nullopt;
  out += first;
  int groups = 0;
  while (take_group_separator(v)) {
    const std::string_view group = take_digits(v);
    if (group.size() != 3) return std::nullopt;
    out += group;
    ++groups;
  }
  if (groups == 0) return std::nullopt;
  if (take_char(v, '.')) {
    const std::string_view fraction = take_digits(v);
    if (fraction.empty()) return std::nullopt;
    out += "." + std::string(fraction);
  }
  if (!v.empty()) return std::nullopt;
  return out;
}

// "declare the column as text with a header 'population:text'"
std::string declare_as(std::string_view type, std::string_view column) {
  return "declare the column as " + std::string(type) + " with a header '" + std::string(column) +
         ":" + std::string(type) + "'";
}

std::string as_text_hint(std::string_view column) {
  return declare_as("text", column);
}

Complaint explain_integer(std::string_view v, std::string_view column) {
  const std::string q = quote_for_message(v);
  std::string_view digits = v;
  take_sign(digits);
  if (all_digits(digits)) {
    return {q + " is too large for an integer",
            "integers go from -9223372036854775808 to 9223372036854775807; " +
                declare_as("decimal", column) + ", or text"};
  }
  if (const auto plain = without_thousands_separators(v);
      plain && plain->find('.') == plain->npos) {
    return {q + " has a thousands separator",
            "write whole numbers without separators (" + *plain + "), or " + as_text_hint(column)};
  }
  if (is_decimal_syntax(v)) {
    return {q + " is not a whole number", "fix the cell, or " + declare_as("decimal", column)};
  }
  return {q + " is not a whole number", "fix the cell, or " + as_text_hint(column)};
}

// "0,25" or "-3,5": a number with a comma where casebook wants a point.
bool has_decimal_comma(std::string_view v) {
  take_sign(v);
  if (take_digits(v).empty() || !take_char(v, ',')) return false;
  return !take_digits(v).empty() && v.empty();
}

Complaint explain_decimal(std::string_view v, std::string_view column) {
  const std::string q = quote_for_message(v);
  const auto plain = without_thousands_separators(v);
  if (has_decimal_comma(v)) {
    std::string pointed(v);
    pointed[pointed.find(',')] = '.';
    std::string hint = "write decimals with a point (" + pointed + ")";
    // "1,234" could be either; offer both readings.
    if (plain) hint += ", or without the thousands separator (" + *plain + ")";
    return {q + " has a decimal comma", hint + "; or " + as_text_hint(column)};
  }
  if (plain) {
    return {q + " has a thousands separator",
            "write numbers without separators (" + *plain + "), or " + as_text_hint(column)};
  }
  if (is_decimal_syntax(v)) {
    return {q + " is out of range for a decimal", "fix the cell, or " + as_text_hint(column)};
  }
  return {q + " is not a number", "fix the cell, or " + as_text_hint(column)};
}

// d/m/y, m/d/y, d.m.y and similar: a date, but in an order casebook cannot
// know for sure, so it is not converted.
bool is_local_date(std::string_view v) {
  int parts = 0;
  while (!v.empty()) {
    const std::string_view digits = take_digits(v);
    if (digits.empty() || digits.size() > 4) return false;
    ++parts;
    if (!v.empty() && !take_char(v, '/') && !take_char(v, '.') && !take_char(v, '-')) return false;
  }
  return parts == 3;
}

Complaint explain_date(std::string_view v, std::string_view column) {
  const std::string q = quote_for_message(v);
  const std::string formats = "dates are written yyyy-mm-dd, yyyy-mm or yyyy";
  if (date_shape(v)) return {q + " is not a calendar date", "fix the cell; " + formats};
  const std::size_t time = v.find_first_of("T ");
  if (time != v.npos && canonical_date(v.substr(0, time))) {
    return {q + " has a time of day",
            "write the date alone (" + *canonical_date(v.substr(0, time)) + ")"};
  }
  if (is_local_date(v)) {
    return {q + " is not an ISO date",
            formats +
                " (in the spreadsheet, format the column as yyyy-mm-dd before saving), "
                "or " +
                as_text_hint(column)};
  }
  return {q + " is not a date", formats + ", or " + as_text_hint(column)};
}

Complaint explain_boolean(std::string_view v, std::string_view column) {
  return {quote_for_message(v) + " is not a yes/no value",
          "use true/false, yes/no, y/n or 1/0, or " + as_text_hint(column)};
}

// Length of the UTF-8 sequence a lead byte starts (1 for anything unexpected,
// so the caller always moves forward).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string_view trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == s.npos) return {};
  const std::size_t last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::optional<std::string> canonical(AttributeType type, std::string_view value) {
  switch (type) {
    case AttributeType::Integer:
      return canonical_integer(value);
    case AttributeType::Decimal:
      return canonical_decimal(value);
    case AttributeType::Date:
      return canonical_date(value);
    case AttributeType::Boolean:
      return canonical_boolean(value);
    case AttributeType::Text:
      break;
  }
  return std::string(value);
}

void TypeInference::add(std::string_view v) {
  any_ = true;
  const bool integer = is_plain_integer(v);
  integers_ = integers_ && integer;
  numbers_ = numbers_ && (integer || is_plain_decimal(v));
  if (dates_) {
    const std::optional<DateShape> d = date_shape(v);
    dates_ = d && is_calendar_date(*d);
    finer_than_year_ = finer_than_year_ || (dates_ && d->month != 0);
  }
  booleans_ = booleans_ && is_plain_boolean(v);
}

AttributeType TypeInference::type() const {
  if (!any_) return AttributeType::Text;
  if (integers_) return AttributeType::Integer;
  if (numbers_) return AttributeType::Decimal;
  if (dates_ && finer_than_year_) return AttributeType::Date;
  if (booleans_) return AttributeType::Boolean;
  return AttributeType::Text;
}

Complaint explain(AttributeType type, std::string_view value, std::string_view column) {
  switch (type) {
    case AttributeType::Integer:
      return explain_integer(value, column);
    case AttributeType::Decimal:
      return explain_decimal(value, column);
    case AttributeType::Date:
      return explain_date(value, column);
    case AttributeType::Boolean:
      return explain_boolean(value, column);
    case AttributeType::Text:
      break;
  }
  return {quote_for_message(value) + " is not text", "fix the cell"};
}

std::string quote_for_message(std::string_view value) {
  constexpr std::size_t kMaxShown = 60;
  std::string out = "'";
  std::size_t i = 0;
  while (i < value.size()) {
    if (i >= kMaxShown) return out + "...'";
    const std::size_t n = sequence_length(static_cast<unsigned char>(value[i]));
    if (value[i] == '\n') {
      out += "\\n";
    } else {
      out.append(value.substr(i, n));
    }
    i += n;
  }
  return out + "'";
}

}  // namespace casebook::cases::values

#pragma once
// Typed attribute values of a case sheet (private to the cases module): how a
// cell is checked against a type, its canonical form, how a column's type is
// inferred, and what to tell the user when a cell does not fit.

#include <optional>
#include <string>
#include <string_view>

#include "engine/cases/case_sheet.hpp"

namespace casebook::cases::values {

// `s` without surrounding spaces, tabs and line breaks.
std::string_view trim(std::string_view s);

// The canonical form of a trimmed, non-empty `value` as `type`, or nothing
// when it is not a value of that type. Declared columns accept some spellings
// inference does not: integers with '+' or leading zeros ("+007" -> "7"),
// decimals with an exponent ("1.2E+07"), booleans y/n/1/0.
std::optional<std::string> canonical(AttributeType type, std::string_view value);

// Infers the type of an undeclared column from its trimmed non-empty values.
// Only plainly written values count, so that inference never changes what a
// cell says: integers without '+' or leading zeros (a column with "007" is a
// code, so text); decimals like -0.25 (no exponent); ISO dates; booleans
// true/false/yes/no. The first type that fits every value wins, in the order
// integer, decimal, date, boolean, text. So a column of bare years (2009,
// 2012) is an integer column (declare it ':date' to get dates), a column that
// also has a yyyy-mm or yyyy-mm-dd value is a date column, 1/0 is integer, and
// an empty column is text.
class TypeInference {
 public:
  void add(std::string_view value);
  AttributeType type() const;

 private:
  bool any_ = false;
  bool integers_ = true;
  bool numbers_ = true;
  bool dates_ = true;
  bool finer_than_year_ = false;  // some date has a month
  bool booleans_ = true;
};

// Why a trimmed `value` is not of `type`, and what to do, for a column whose
// attribute name is `column` (used to suggest a header such as 'x:text').
struct Complaint {
  std::string problem;  // e.g. "'abc' is not a whole number"
  std::string hint;
};
Complaint explain(AttributeType type, std::string_view value, std::string_view column);

// `value` quoted for a one-line message: line breaks shown as "\n", and long
// values shortened (on a character boundary) with "...".
std::string quote_for_message(std::string_view value);

}  // namespace casebook::cases::values

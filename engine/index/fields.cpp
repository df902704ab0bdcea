#include "engine/index/fields.hpp"

#include <algorithm>
#include <cctype>

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/text/normalize.hpp"

namespace casebook::index {
namespace {

// Xapian terms may be at most 245 bytes; leave room for the prefix.
constexpr std::size_t kMaxValueBytes = 200;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

const Field* find_field(std::string_view name) {
  for (const Field& f : kFields) {
    if (iequals(f.name, name)) return &f;
  }
  return nullptr;
}

std::string filter_term(const Field& field, std::string_view value) {
  std::string folded = text::fold_for_index(value);
  if (folded.size() > kMaxValueBytes) folded = "#" + sha256_hex(folded).substr(0, 32);
  return std::string(field.prefix) + ":" + folded;
}

std::string filter_term(std::string_view field_name, std::string_view value) {
  const Field* field = find_field(field_name);
  if (field == nullptr || field->kind != FieldKind::Filter) {
    throw_internal("no filter field named '" + std::string(field_name) + "'");
  }
  return filter_term(*field, value);
}

std::string passage_id_term(long long passage_id) {
  return "QP" + std::to_string(passage_id);
}
std::string source_id_term(long long source_id) {
  return "XSID" + std::to_string(source_id);
}

std::optional<int> date_to_number(std::string_view iso, DateEnd end) {
  // yyyy, yyyy-mm or yyyy-mm-dd
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return std::nullopt;
  auto part = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    std::string_view s = iso.substr(pos, len);
    if (!all_digits(s)) return std::nullopt;
    return std::stoi(std::string(s));
  };
  auto year = part(0, 4);
  if (!year || *year < 1) return std::nullopt;
  int month = end == DateEnd::Lower ? 1 : 12;
  if (iso.size() >= 7) {
    if (iso[4] != '-') return std::nullopt;
    auto m = part(5, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = *m;
  }
  int day = end == DateEnd::Lower ? 1 : days_in_month(*year, month);
  if (iso.size() == 10) {
    if (iso[7] != '-') return std::nullopt;
    auto d = part(8, 2);
    if (!d || *d < 1 || *d > days_in_month(*year, month)) return std::nullopt;
    day = *d;
  }
  return *year * 10000 + month * 100 + day;
}

}  // namespace casebook::index

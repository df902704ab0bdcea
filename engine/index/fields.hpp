#pragma once
// The index fields, declared once. Indexing, query parsing and the CLI's help
// text all read this table, so a field cannot be indexed one way and searched
// another.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace casebook::index {

enum class FieldKind {
  Filter,     // a boolean term per value: OR within the field, AND across fields
  DateRange,  // a value slot holding yyyymmdd; queried as field:FROM..TO
  // Not in the index at all: resolved through the store's codings at search
  // time (engine/search). Empty prefix; the indexer never writes these.
  Coding,
};

struct Field {
  std::string_view name;    // what users type before the colon: "case"
  std::string_view prefix;  // Xapian term prefix: "XCASE"
  FieldKind kind;
  std::string_view help;  // one line for --help
};

// Value slots.
inline constexpr unsigned kDateSlot = 0;  // sortable_serialise(yyyymmdd)

// Names of the two FieldKind::Coding fields, which the searcher resolves
// together (see engine/search/query.hpp, "Coding filters").
inline constexpr std::string_view kCodeField = "code";
inline constexpr std::string_view kCoderField = "coder";

inline constexpr std::array<Field, 9> kFields{{
    {"source", "XSRC", FieldKind::Filter, "source label, e.g. source:Int-7"},
    {"type", "XTYPE", FieldKind::Filter, "source type, e.g. type:interview"},
    {"case", "XCASE", FieldKind::Filter, "case id, e.g. case:B"},
    {"outcome", "XOUT", FieldKind::Filter, "case outcome, e.g. outcome:dissolved"},
    {"council", "XCNCL", FieldKind::Filter,
     "council or organisation, e.g. council:\"North Wold District Council\""},
    {"speaker", "XSPK", FieldKind::Filter, "speaker of a transcript turn, e.g. speaker:Int-7"},
    {"date", "", FieldKind::DateRange, "source date range, e.g. date:2010..2015 or date:2014-03"},
    {kCodeField, "", FieldKind::Coding,
     "coded with the code or one of its sub-codes (key or former key), e.g. code:expost"},
    {kCoderField, "", FieldKind::Coding,
     "coded by the coder; with code: the same coding, e.g. code:expost coder:alice"},
}};

// The field named `name` (case-insensitive), if any.
const Field* find_field(std::string_view name);

// The boolean term for `value` in a filter field: prefix + ":" + the value in
// NFKC_Casefold, so filters ignore case. Values too long for a Xapian term
// are replaced by a hash of themselves.
std::string filter_term(const Field& field, std::string_view value);
std::string filter_term(std::string_view field_name, std::string_view value);

// Unique id term of the document for passage `passage_id` of the store.
std::string passage_id_term(long long passage_id);
// Term shared by every passage of one source (used to delete a source).
std::string source_id_term(long long source_id);

// Dates: "2014", "2014-03" or "2014-03-02" to yyyymmdd. The first day of a
// partial date is used as its value; for the upper end of a range the last.
enum class DateEnd { Lower, Upper };
std::optional<int> date_to_number(std::string_view iso_date, DateEnd end = DateEnd::Lower);

}  // namespace casebook::index

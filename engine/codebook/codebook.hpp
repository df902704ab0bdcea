#pragma once
// The codebook as a value: codes in a hierarchy with their definitions,
// dimensions, propositions, indicative queries and exclusive groups. The
// codebook file (xml.hpp) and the store (store_sync.hpp) both convert to and
// from this one model, so a file loaded and exported again says the same.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::codebook {

enum class Origin { Deductive, Inductive };
enum class Level { Nominal, Ordinal, Interval, Ratio };
enum class Bearing { Supports, Counters };

struct DimensionValue {
  std::string value;  // "strong"
  std::string description;
};

struct Dimension {
  std::string name;  // "strength"
  Level level = Level::Nominal;
  std::string description;
  std::vector<DimensionValue> values;  // nominal / ordinal (ordinal: in rank order)
  std::optional<double> min, max;      // interval / ratio bounds
  int source_line = 0;                 // line in the file it came from (errors), 0 if none
};

struct CodeDimension {
  std::string dimension;
  bool required = false;
};

struct Code {
  std::string key;  // stable dotted id: "expost.standardisation"
  std::string parent;  // key of the parent code, empty at the top
  std::string name;
  std::string colour;  // "#rrggbb" or empty
  std::string definition, inclusion, exclusion, memo;
  std::vector<std::string> typical_examples, atypical_examples;
  std::vector<std::string> queries;     // indicative queries, search language
  std::vector<CodeDimension> dimensions;
  std::vector<std::string> formerly;    // earlier keys (renames)
  Origin origin = Origin::Deductive;
  int source_line = 0;                  // line in the file it came from (errors), 0 if none
};

struct PropositionLink {
  std::string code;  // code key
  std::string dimension, value;  // both empty, or a dimension value the link needs
  Bearing bearing = Bearing::Supports;
  std::string note;
  int source_line = 0;  // line of the <evidence> element (errors), 0 if none
};

struct Proposition {
  std::string key;     // "P3a"
  std::string parent;  // "P3" or empty
  std::string text;
  std::vector<PropositionLink> links;
  int source_line = 0;  // line in the file it came from (errors), 0 if none
};

struct ExclusiveGroup {
  std::string name;
  std::vector<std::string> codes;  // code keys
  int source_line = 0;             // line in the file it came from (errors), 0 if none
};

struct Codebook {
  std::string name;         // "Interdependence in shared services"
  std::string description;
  std::vector<Dimension> dimensions;
  std::vector<Code> codes;  // depth-first, parents before children, siblings in order
  std::vector<Proposition> propositions;  // in order, parents before children
  std::vector<ExclusiveGroup> exclusive_groups;

  const Code* find_code(const std::string& key) const;  // case-insensitive
  const Dimension* find_dimension(const std::string& name) const;
};

const char* to_string(Origin origin);
const char* to_string(Level level);
const char* to_string(Bearing bearing);

// Checks the rules a file's structure cannot: unique keys, known parents,
// dimensions, values and codes in links and groups, queries that parse.
// Throws casebook::Error (Data) naming the code or element (and its line
// when known) and what would fix it.
void validate(const Codebook& codebook);

// A number for an interval or ratio dimension ("3", "-0.5", "+2", "1e3"): the
// whole text must be one finite number, no surrounding spaces. nullopt if not.
std::optional<double> parse_number(std::string_view text);

// The shortest text that parse_number reads back as exactly `value` ("0.5", "10").
std::string format_number(double value);

}  // namespace casebook::codebook

// The codebook model's lookups and the rules a codebook must keep whatever it
// was read from (docs/codebook.md lists them for users).

#include "engine/codebook/codebook.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "engine/core/error.hpp"
#include "engine/search/query.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::codebook {

namespace {

// Keys, names and values compare ignoring ASCII case, as SQLite's NOCASE does
// in the store, so the file and the store never disagree about "the same".
bool same(std::string_view a, std::string_view b) {
  return text::ascii_iequals(a, b);
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// [A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*
bool is_key(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  char previous = '.';
  for (char c : key) {
    if (c == '.') {
      if (previous == '.') return false;
    } else if (!is_key_char(c)) {
      return false;
    }
    previous = c;
  }
  return true;
}

// A dimension name is one key part: no dots, so "strength=strong" and
// "code.dimension" style references stay unambiguous.
bool is_name_token(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!is_key_char(c)) return false;
  }
  return true;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_colour(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  for (char c : colour.substr(1)) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// "line 12: " when the line is known, so messages point into the file.
std::string at_line(int line) {
  return line > 0 ? "line " + std::to_string(line) + ": " : "";
}

std::string where(const Code& c) {
  return at_line(c.source_line) + "code " + quoted(c.key);
}
std::string where(const Dimension& d) {
  return at_line(d.source_line) + "dimension " + quoted(d.name);
}
std::string where(const Proposition& p) {
  return at_line(p.source_line) + "proposition " + quoted(p.key);
}
std::string where(const ExclusiveGroup& g) {
  return at_line(g.source_line) + "group " + quoted(g.name);
}
std::string where(const Proposition& p, const PropositionLink& l, std::size_t n) {
  return at_line(l.source_line > 0 ? l.source_line : p.source_line) + "proposition " +
         quoted(p.key) + ", evidence " + std::to_string(n) + " (code " + quoted(l.code) + ")";
}

std::string line_suffix(int line) {
  return line > 0 ? " (line " + std::to_string(line) + ")" : "";
}

const char* kKeyHint =
    "use letters, digits, '_' and '-', with single dots between parts, e.g. expost.housing";

// Every key and earlier key in the codebook, folded, with the code that holds it.
class KeyTable {
 public:
  explicit KeyTable(const std::vector<Code>& codes) {
    for (const Code& c : codes) add(c, c.key, true);
    for (const Code& c : codes) {
      for (const std::string& old : c.formerly) add(c, old, false);
    }
  }

  // The code whose current key is `key`, or null.
  const Code* current(const std::string& key) const {
    auto it = keys_.find(text::ascii_lower(key));
    return it != keys_.end() && it->second.is_id ? it->second.code : nullptr;
  }
  // The code that lists `key` as an earlier key, or null.
  const Code* former(const std::string& key) const {
    auto it = keys_.find(text::ascii_lower(key));
    return it != keys_.end() && !it->second.is_id ? it->second.code : nullptr;
  }

 private:
  struct Entry {
    const Code* code;
    bool is_id;  // the code's current key, not one of its earlier keys
  };

  void add(const Code& c, const std::string& key, bool is_id) {
    if (!is_key(key)) {
      if (is_id) {
        throw_data(where(c) + ": " + quoted(key) + " is not a valid code id", kKeyHint);
      }
      throw_data(where(c) + ": formerly " + quoted(key) + " is not a valid code id", kKeyHint);
    }
    auto [it, inserted] = keys_.emplace(text::ascii_lower(key), Entry{&c, is_id});
    if (inserted) return;
    const Code& other = *it->second.code;
    const std::string what = is_id ? "id" : "earlier id (formerly)";
    const std::string other_what = it->second.is_id ? "the id of" : "an earlier id (formerly) of";
    if (&other == &c) {
      throw_data(
          where(c) + ": " + what + " " + quoted(key) + " is also " + other_what + " the same code",
          "remove the repeated formerly; a code's own id is never an earlier id");
    }
    throw_data(where(c) + ": " + what + " " + quoted(key) + " is already " + other_what + " code " +
                   quoted(other.key) + line_suffix(other.source_line),
               "give each code its own id (ids ignore case); an earlier id may belong to one "
               "code only");
  }

  std::map<std::string, Entry> keys_;
};

// "x is an earlier id of y" as a hint for references that use an old key.
std::string unknown_code_hint(const KeyTable& keys, const std::string& key) {
  if (const Code* renamed = keys.former(key)) {
    return quoted(key) + " is an earlier id of " + quoted(renamed->key) + "; use " +
           quoted(renamed->key);
  }
  return "use the id of a code defined in <codes> (ids ignore case)";
}

std::string allowed_values(const Dimension& d) {
  std::string out;
  for (const DimensionValue& v : d.values) {
    out += (out.empty() ? "" : ", ") + v.value;
  }
  return out;
}

// "an ordinal", "a ratio": for messages.
std::string with_article(Level level) {
  const std::string name = to_string(level);
  return (name[0] == 'o' || name[0] == 'i' ? "an " : "a ") + name;
}

void validate_dimension(const Dimension& d) {
  if (!is_name_token(d.name)) {
    throw_data(at_line(d.source_line) + "dimension " + quoted(d.name) + ": not a valid name",
               "use letters, digits, '_' and '-' (no spaces or dots), e.g. strength");
  }
  const bool categorical = d.level == Level::Nominal || d.level == Level::Ordinal;
  if (categorical) {
    if (d.values.empty()) {
      throw_data(where(d) + ": " + with_article(d.level) + " dimension needs at least one <value>",
                 "list its values, e.g. <value name=\"weak\"/>, or make it interval or ratio");
    }
    if (d.min || d.max) {
      throw_data(where(d) + ": min and max apply to interval and ratio dimensions only",
                 "remove min/max, or set level=\"interval\" or \"ratio\"");
    }
    std::set<std::string> seen;
    for (const DimensionValue& v : d.values) {
      if (is_blank(v.value)) {
        throw_data(where(d) + ": a value has an empty name", "give every <value> a name");
      }
      if (!seen.insert(text::ascii_lower(v.value)).second) {
        throw_data(where(d) + ": value " + quoted(v.value) + " is listed twice",
                   "list each value once (values ignore case)");
      }
    }
    return;
  }
  if (!d.values.empty()) {
    throw_data(
        where(d) + ": " + with_article(d.level) + " dimension takes numbers, not a list of values",
        "remove its <value> elements (use min/max for bounds), or make it nominal or "
        "ordinal");
  }
  for (const auto& bound : {d.min, d.max}) {
    if (bound && !std::isfinite(*bound)) {
      throw_data(where(d) + ": min and max must be finite numbers", "e.g. min=\"0\" max=\"10\"");
    }
  }
  if (d.min && d.max && *d.min > *d.max) {
    throw_data(where(d) + ": min is greater than max", "swap min and max");
  }
}

void validate_dimensions(const std::vector<Dimension>& dimensions) {
  std::map<std::string, const Dimension*> seen;
  for (const Dimension& d : dimensions) {
    validate_dimension(d);
    auto [it, inserted] = seen.emplace(text::ascii_lower(d.name), &d);
    if (!inserted) {
      throw_data(where(d) + ": a dimension with this name is already defined" +
                     line_suffix(it->second->source_line),
                 "give each dimension its own name (names ignore case)");
    }
  }
}

// Walks up from `c`; a parent chain that comes back to a code is a cycle.
void check_no_cycle(const Codebook& book, const Code& c) {
  std::set<std::string> seen{text::ascii_lower(c.key)};
  std::string path = c.key;
  const Code* at = &c;
  while (!at->parent.empty()) {
    const Code* parent = book.find_code(at->parent);
    if (parent == nullptr) return;  // reported as an unknown parent
    path += " -> " + parent->key;
    if (!seen.insert(text::ascii_lower(parent->key)).second) {
      throw_data(where(c) + ": its parents form a cycle: " + path,
                 "a code cannot be its own ancestor; nest each code under one parent");
    }
    at = parent;
  }
}

void validate_code_text(const Code& c) {
  if (is_blank(c.name)) {
    throw_data(where(c) + ": the name is empty",
               "give the code a name, e.g. name=\"Veto players\"");
  }
  if (!c.colour.empty() && !is_colour(c.colour)) {
    throw_data(where(c) + ": colour " + quoted(c.colour) + " is not #rrggbb",
               "write six hexadecimal digits after '#', e.g. colour=\"#1f77b4\"");
  }
  for (const auto* list : {&c.typical_examples, &c.atypical_examples}) {
    for (const std::string& example : *list) {
      if (is_blank(example)) {
        throw_data(where(c) + ": an example is empty", "write the example or remove the element");
      }
    }
  }
}

void validate_code_dimensions(const Codebook& book, const Code& c) {
  std::set<std::string> taken;
  for (const CodeDimension& cd : c.dimensions) {
    if (book.find_dimension(cd.dimension) == nullptr) {
      throw_data(where(c) + ": takes unknown dimension " + quoted(cd.dimension),
                 "define it in <dimensions> or fix the name (names ignore case)");
    }
    if (!taken.insert(text::ascii_lower(cd.dimension)).second) {
      throw_data(where(c) + ": takes dimension " + quoted(cd.dimension) + " twice",
                 "list each dimension once per code");
    }
  }
}

void validate_queries(const Code& c) {
  for (std::size_t i = 0; i < c.queries.size(); ++i) {
    const std::string label = where(c) + ", query " + std::to_string(i + 1);
    if (is_blank(c.queries[i])) {
      throw_data(label + ": the query is empty", "write a query or remove the <query> element");
    }
    try {
      search::parse_query(c.queries[i]);
    } catch (const Error& e) {
      throw_data(label + " " + quoted(c.queries[i]) + ": " + e.what(),
                 e.hint().empty() ? "see `casebook search --help` for the query syntax" : e.hint());
    }
  }
}

void validate_codes(const Codebook& book, const KeyTable& keys) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < book.codes.size(); ++i)
    position[text::ascii_lower(book.codes[i].key)] = i;

  for (std::size_t i = 0; i < book.codes.size(); ++i) {
    const Code& c = book.codes[i];
    validate_code_text(c);
    if (!c.parent.empty()) {
      if (same(c.parent, c.key)) {
        throw_data(where(c) + ": the code is its own parent", "nest it under another code");
      }
      if (keys.current(c.parent) == nullptr) {
        throw_data(where(c) + ": parent " + quoted(c.parent) + " is not a code",
                   unknown_code_hint(keys, c.parent));
      }
      check_no_cycle(book, c);
      if (position.at(text::ascii_lower(c.parent)) > i) {
        throw_data(where(c) + ": its parent " + quoted(c.parent) + " comes after it",
                   "list parents before their children");
      }
    }
    validate_code_dimensions(book, c);
    validate_queries(c);
  }
}

void validate_link_value(const Codebook& book, const Code& code, const std::string& label,
                         const PropositionLink& l) {
  if (l.dimension.empty() != l.value.empty()) {
    throw_data(label + ": give both a dimension and a value, or neither",
               "e.g. dimension=\"strength\" value=\"strong\"");
  }
  if (l.dimension.empty()) return;
  const Dimension* d = book.find_dimension(l.dimension);
  if (d == nullptr) {
    throw_data(label + ": unknown dimension " + quoted(l.dimension),
               "define it in <dimensions> or fix the name");
  }
  const bool taken =
      std::any_of(code.dimensions.begin(), code.dimensions.end(),
                  [&](const CodeDimension& cd) { return same(cd.dimension, d->name); });
  if (!taken) {
    throw_data(label + ": code " + quoted(code.key) + " does not take dimension " + quoted(d->name),
               "add <takes dimension=\"" + d->name +
                   "\"/> to the code, or drop the dimension "
                   "from the evidence");
  }
  if (d->level == Level::Nominal || d->level == Level::Ordinal) {
    const bool allowed =
        std::any_of(d->values.begin(), d->values.end(),
                    [&](const DimensionValue& v) { return same(v.value, l.value); });
    if (!allowed) {
      throw_data(
          label + ": value " + quoted(l.value) + " is not a value of dimension " + quoted(d->name),
          "use one of: " + allowed_values(*d));
    }
    return;
  }
  const auto number = parse_number(l.value);
  if (!number) {
    throw_data(label + ": value " + quoted(l.value) + " is not a number, as the " +
                   to_string(d->level) + " dimension " + quoted(d->name) + " needs",
               "write a number, e.g. value=\"3\"");
  }
  if ((d->min && *number < *d->min) || (d->max && *number > *d->max)) {
    throw_data(label + ": value " + quoted(l.value) + " is outside the bounds of dimension " +
                   quoted(d->name),
               "use a number from " + (d->min ? format_number(*d->min) : "-infinity") + " to " +
                   (d->max ? format_number(*d->max) : "infinity"));
  }
}

void validate_propositions(const Codebook& book, const KeyTable& keys) {
  std::map<std::string, const Proposition*> seen;
  for (const Proposition& p : book.propositions) {
    if (!is_key(p.key)) {
      throw_data(
          at_line(p.source_line) + "proposition " + quoted(p.key) + ": not a valid proposition id",
          "use letters, digits, '_' and '-', e.g. P3a");
    }
    if (is_blank(p.text)) {
      throw_data(where(p) + ": the text is empty", "say what the proposition claims in <text>");
    }
    if (!p.parent.empty() && seen.count(text::ascii_lower(p.parent)) == 0) {
      throw_data(
          where(p) + ": parent proposition " + quoted(p.parent) + " is not defined before it",
          "define the parent first (nest the proposition inside it)");
    }
    auto [it, inserted] = seen.emplace(text::ascii_lower(p.key), &p);
    if (!inserted) {
      throw_data(where(p) + ": the id is already used" + line_suffix(it->second->source_line),
                 "give each proposition its own id (ids ignore case)");
    }
    for (std::size_t i = 0; i < p.links.size(); ++i) {
      const PropositionLink& l = p.links[i];
      const std::string label = where(p, l, i + 1);
      const Code* code = keys.current(l.code);
      if (code == nullptr) {
        throw_data(label + ": " + quoted(l.code) + " is not a code",
                   unknown_code_hint(keys, l.code));
      }
      validate_link_value(book, *code, label, l);
    }
  }
}

void validate_groups(const Codebook& book, const KeyTable& keys) {
  std::map<std::string, const ExclusiveGroup*> seen;
  for (const ExclusiveGroup& g : book.exclusive_groups) {
    if (is_blank(g.name)) {
      throw_data(at_line(g.source_line) + "exclusive group: the name is empty",
                 "give the group a name");
    }
    auto [it, inserted] = seen.emplace(text::ascii_lower(g.name), &g);
    if (!inserted) {
      throw_data(where(g) + ": a group with this name is already defined" +
                     line_suffix(it->second->source_line),
                 "give each group its own name (names ignore case)");
    }
    if (g.codes.size() < 2) {
      throw_data(where(g) + ": an exclusive group needs at least two member codes",
                 "add another <member code=\"...\"/> or remove the group");
    }
    std::set<std::string> members;
    for (const std::string& key : g.codes) {
      if (keys.current(key) == nullptr) {
        throw_data(where(g) + ": member " + quoted(key) + " is not a code",
                   unknown_code_hint(keys, key));
      }
      if (!members.insert(text::ascii_lower(key)).second) {
        throw_data(where(g) + ": member " + quoted(key) + " is listed twice",
                   "list each code once");
      }
    }
  }
}

}  // namespace

const Code* Codebook::find_code(const std::string& key) const {
  for (const Code& c : codes) {
    if (same(c.key, key)) return &c;
  }
  return nullptr;
}

const Dimension* Codebook::find_dimension(const std::string& dimension_name) const {
  for (const Dimension& d : dimensions) {
    if (same(d.name, dimension_name)) return &d;
  }
  return nullptr;
}

const char* to_string(Origin origin) {
  switch (origin) {
    case Origin::Deductive:
      return "deductive";
    case Origin::Inductive:
      return "inductive";
  }
  return "deductive";
}

const char* to_string(Level level) {
  switch (level) {
    case Level::Nominal:
      return "nominal";
    case Level::Ordinal:
      return "ordinal";
    case Level::Interval:
      return "interval";
    case Level::Ratio:
      return "ratio";
  }
  return "nominal";
}

const char* to_string(Bearing bearing) {
  switch (bearing) {
    case Bearing::Supports:
      return "supports";
    case Bearing::Counters:
      return "counters";
  }
  return "supports";
}

std::optional<double> parse_number(std::string_view text) {
  // from_chars takes no '+', which XML Schema's xs:double allows.
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string format_number(double value) {
  // Plain decimals ("1000000", "0.25") read best; exponents only for numbers
  // whose plain form would be long. Both are the shortest exact form.
  char buffer[400];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (result.ec != std::errc() || result.ptr - buffer > 24) {
    result = std::to_chars(buffer, buffer + sizeof buffer, value);
  }
  if (result.ec != std::errc()) throw_internal("cannot format the number " + std::to_string(value));
  return std::string(buffer, result.ptr);
}

void validate(const Codebook& codebook) {
  validate_dimensions(codebook.dimensions);
  const KeyTable keys(codebook.codes);  // also checks key syntax and uniqueness
  validate_codes(codebook, keys);
  validate_propositions(codebook, keys);
  validate_groups(codebook, keys);
}

}  // namespace casebook::codebook

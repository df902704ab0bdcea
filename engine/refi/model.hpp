#pragma once
// A plain C++ model of a REFI-QDA project (QDA-XML 1.0, urn:QDA-XML:project:1.0):
// only the parts casebook writes. from_project.hpp fills it from a store,
// writer.hpp turns it into project.qde, a .qdpx package or a .qdc codebook.
// Every GUID is already formatted (guid.hpp); every time is ISO 8601 with a
// zone, or empty when unknown (then the attribute is left out).

#include <cstdint>
#include <string>
#include <vector>

namespace casebook::refi {

struct User {
  std::string guid;
  std::string name;
};

struct Code {
  std::string guid;
  std::string name;
  std::string color;        // "#rrggbb" or empty
  std::string description;  // human text, then a "casebook:" block (block.hpp)
  bool codable = true;
  std::vector<std::string> note_refs;  // GUIDs of Notes about this code
  std::vector<Code> children;
};

// A named group of codes, sources and notes. casebook uses Sets for what
// REFI has no element for: dimensions, propositions, exclusive groups and
// memos on cases (see docs/refi-qda.md).
struct Set {
  std::string guid;
  std::string name;
  std::string description;
  std::vector<std::string> member_codes;
  std::vector<std::string> member_sources;
  std::vector<std::string> member_notes;
  bool in_codebook = false;  // also written to a .qdc (codebook sets: only their codes)
};

enum class VariableType { Text, Boolean, Integer, Float, Date, DateTime };
const char* to_string(VariableType type);

struct Variable {
  std::string guid;
  std::string name;
  VariableType type = VariableType::Text;
  std::string description;
};

struct VariableValue {
  std::string variable_guid;
  VariableType type = VariableType::Text;  // decides the value element (TextValue ...)
  std::string value;                       // in the lexical form of that XSD type
};

struct Case {
  std::string guid;
  std::string name;
  std::string description;
  std::vector<VariableValue> values;
  std::vector<std::string> source_refs;
};

struct Coding {
  std::string guid;
  std::string code_guid;
  std::string creating_user;  // user GUID
  std::string creation_time;
  std::vector<std::string> note_refs;
};

// A span of a text source in code points, half-open [start, end), as REFI counts them.
struct Selection {
  std::string guid;
  std::string name;
  std::string description;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::string creating_user;
  std::string creation_time;
  std::vector<Coding> codings;
};

struct TextSource {
  std::string guid;
  std::string name;
  std::string description;
  std::string text;  // canonical NFC text, written to sources/GUID.txt
  std::string creating_user;
  std::string creation_time;
  std::vector<Selection> selections;
  std::vector<std::string> note_refs;

  // Where the text lives inside the package, as REFI names internal files.
  std::string plain_text_path() const { return "internal://" + guid + ".txt"; }
  std::string package_entry() const { return "sources/" + guid + ".txt"; }
};

// A memo: REFI writes notes as text sources with their content inline.
struct Note {
  std::string guid;
  std::string name;
  std::string text;
  std::string creating_user;
  std::string creation_time;
};

struct Project {
  std::string name;
  std::string origin;  // "casebook 0.1.0"
  std::string creating_user;
  std::string creation_time;
  std::string description;
  std::vector<User> users;
  std::vector<Code> codes;  // top-level codes, children nested
  std::vector<Variable> variables;
  std::vector<Case> cases;
  std::vector<TextSource> sources;
  std::vector<Note> notes;
  std::vector<Set> sets;
  std::vector<std::string> note_refs;  // notes about the project as a whole
};

// Counts for reporting what an export holds.
struct Counts {
  std::size_t users = 0, codes = 0, sources = 0, selections = 0, codings = 0, cases = 0,
              variables = 0, notes = 0, sets = 0;
};
Counts count(const Project& project);

}  // namespace casebook::refi

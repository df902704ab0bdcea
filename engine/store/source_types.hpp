#pragma once
// Source types and what follows from them: the prefix of their labels
// (interviews are cited as Int-7, documents as Doc-12, as in published
// qualitative case studies) and their class for triangulation.

#include <string>
#include <string_view>
#include <vector>

namespace casebook::store {

enum class SourceClass { Interview, Document, Press };

struct SourceType {
  std::string name;          // "interview", "minutes", ...
  std::string label_prefix;  // "Int" or "Doc"
  SourceClass source_class;
  std::string description;
};

// The known types. Other type names are accepted as documents: researchers
// have their own vocabularies.
const std::vector<SourceType>& known_source_types();

// The type called `name` (case-insensitive, canonicalised as below); unknown
// names give a Document type with that name. Throws Error(Usage) for a
// malformed name.
SourceType source_type(std::string_view name);

// Lower-case, trimmed, spaces/underscores as hyphens: "Business case" ->
// "business-case". Throws Error(Usage) for an empty or malformed name.
std::string canonical_type_name(std::string_view name);

std::string_view class_name(SourceClass c);

}  // namespace casebook::store

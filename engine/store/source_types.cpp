#include "engine/store/source_types.hpp"

#include <cctype>

#include "engine/core/error.hpp"

namespace casebook::store {

const std::vector<SourceType>& known_source_types() {
  static const std::vector<SourceType> types = {
      {"interview", "Int", SourceClass::Interview, "interview transcript"},
      {"focus-group", "Int", SourceClass::Interview, "focus group transcript"},
      {"minutes", "Doc", SourceClass::Document, "minutes of a meeting"},
      {"agenda", "Doc", SourceClass::Document, "agenda or committee paper pack"},
      {"report", "Doc", SourceClass::Document, "committee or officer report"},
      {"options-paper", "Doc", SourceClass::Document, "discussion or options paper"},
      {"business-case", "Doc", SourceClass::Document, "business case"},
      {"performance-report", "Doc", SourceClass::Document, "performance report"},
      {"corporate-plan", "Doc", SourceClass::Document, "corporate plan or strategy"},
      {"external-review", "Doc", SourceClass::Document, "external review or audit"},
      {"web-page", "Doc", SourceClass::Document, "web page"},
      {"document", "Doc", SourceClass::Document, "any other document (default)"},
      {"press", "Doc", SourceClass::Press, "newspaper or press article"},
  };
  return types;
}

std::string canonical_type_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '_' || c == '-') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else {
      throw_usage("source type '" + std::string(name) + "' may contain only letters, digits, " +
                      "spaces and hyphens",
                  "for example --type minutes or --type \"business case\"");
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) throw_usage("source type is empty", "for example --type interview");
  return out;
}

SourceType source_type(std::string_view name) {
  const std::string canonical = canonical_type_name(name);
  for (const SourceType& t : known_source_types()) {
    if (t.name == canonical) return t;
  }
  return SourceType{canonical, "Doc", SourceClass::Document, "user-defined document type"};
}

std::string_view class_name(SourceClass c) {
  switch (c) {
    case SourceClass::Interview:
      return "interview";
    case SourceClass::Document:
      return "document";
    case SourceClass::Press:
      return "press";
  }
  return "document";
}

}  // namespace casebook::store

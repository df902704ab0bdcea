#pragma once
// Verifies that the store is sound and that store and index agree: every
// passage indexed exactly once, nothing orphaned in the index, offsets inside
// their text, originals present with their recorded hash. The deep check
// also compares every coding's quote with the canonical text it points at,
// and every index document with the one the store's passage would give now.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/project/project.hpp"

namespace casebook::project {

struct CheckFinding {
  enum class Severity { Error, Warning } severity;
  std::string message;
};

struct CheckReport {
  std::vector<CheckFinding> findings;
  std::int64_t sources = 0;
  std::int64_t passages = 0;
  std::int64_t sentences = 0;
  std::int64_t index_documents = 0;
  std::int64_t originals_verified = 0;
  std::int64_t codings_verified = 0;          // deep: quotes equal to their text
  std::int64_t index_documents_verified = 0;  // deep: terms, positions, filters, date
  bool ok() const;
};

struct CheckOptions {
  bool verify_originals = true;  // re-hash every stored original
  bool deep = false;             // codings against the text, index documents rebuilt
};

CheckReport check_project(Project& project, const CheckOptions& options = {});

}  // namespace casebook::project

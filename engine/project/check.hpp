#pragma once
// Verifies that the store is sound and that store and index agree: every
// passage indexed exactly once, nothing orphaned in the index, offsets inside
// their text, originals present with their recorded hash.

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
  bool ok() const;
};

struct CheckOptions {
  bool verify_originals = true;  // re-hash every stored original
};

CheckReport check_project(Project& project, const CheckOptions& options = {});

}  // namespace casebook::project

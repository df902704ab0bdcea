#pragma once
// A REFI-QDA project or codebook as read (reader.hpp) → a casebook project.
//
// Everything is checked and planned first, then written in one store
// transaction under the project's write lock, so a failed import leaves the
// project as it was. Sources go in as an import would put them (original
// bytes in the object store, canonical text, passages, sentences, queued for
// indexing; the index is brought up to date after the commit). Codes match
// existing ones by key (the casebook: block) or by name path; the rest
// become a new codebook (empty project) or inductive codes (a project with a
// codebook). Codings go in as their coders' (the Coding's creatingUser,
// else the selection's), with one audit entry `refi.import`. What cannot be
// carried is listed in the report's `skipped`.

#include <cstddef>
#include <string>
#include <vector>

#include "engine/project/project.hpp"
#include "engine/refi/reader.hpp"

namespace casebook::refi {

struct ImportReport {
  std::string file;
  std::size_t users = 0;
  std::size_t codes_matched = 0;  // already in the project
  std::size_t codes_created = 0;
  bool codebook_loaded = false;              // the project had no codebook: one was loaded
  std::vector<std::string> inductive_codes;  // keys added to an existing codebook
  std::size_t sources = 0;                   // new sources
  std::vector<std::string> source_labels;    // new or reused, in file order
  std::size_t selections = 0;                // selections carried
  std::size_t codings = 0;                   // codings inserted
  std::size_t cases = 0;
  std::size_t memos = 0;
  // Per source: how its positions were read ("Int-1: code points; 12 of 12
  // selections land on the text").
  std::vector<std::string> readings;
  std::vector<std::string> notes;    // other things worth saying (reused sources ...)
  std::vector<std::string> skipped;  // data not carried, and why
};

// Imports a whole project (.qdpx / .qde) as `coder`.
ImportReport import_project(project::Project& project, const ReadProject& refi,
                            const std::string& coder);

// Imports only the codes and codebook sets (a .qdc, or the codebook of a project).
ImportReport import_codebook(project::Project& project, const ReadProject& refi,
                             const std::string& coder);

}  // namespace casebook::refi

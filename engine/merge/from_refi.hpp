#pragma once
// `casebook merge FILE.qdpx`: another tool's project (NVivo, MAXQDA,
// ATLAS.ti, QualCoder...) merged like another coder's copy. The file is
// first imported, with the REFI-QDA importer and all its leniency, into a
// private scratch project; merge then reads that project as it reads any
// other copy, so sources match by content, codes by key or name path, and
// codings stay per coder (the REFI users). The scratch project is removed
// when this object goes; the user's project is never touched by the import.

#include <filesystem>
#include <string>

#include "engine/core/temp_dir.hpp"
#include "engine/refi/to_project.hpp"

namespace casebook::merge {

class RefiScratchProject {
 public:
  // Reads and imports `file` as `coder` (who is recorded in the scratch
  // project only). Throws what the REFI reader and importer throw, naming
  // the file.
  RefiScratchProject(const std::filesystem::path& file, const std::string& coder);

  // The scratch project's directory, to pass to OtherProject.
  const std::filesystem::path& dir() const { return dir_; }
  // What the import carried, how positions were read, and what it could not carry.
  const refi::ImportReport& report() const { return report_; }

 private:
  TempDirectory scratch_;
  std::filesystem::path dir_;
  refi::ImportReport report_;
};

}  // namespace casebook::merge

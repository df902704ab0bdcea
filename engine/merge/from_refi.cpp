#include "engine/merge/from_refi.hpp"

#include "engine/project/project.hpp"
#include "engine/refi/reader.hpp"

namespace casebook::merge {

RefiScratchProject::RefiScratchProject(const std::filesystem::path& file, const std::string& coder)
    : scratch_(TempDirectory::in_system_temp("merge", "merging " + file.string())),
      dir_(scratch_.path() / "project") {
  // Read first: a file that is not REFI-QDA fails before anything is made.
  const refi::ReadProject read = refi::read_refi_file(file);
  project::Project project = project::Project::init(dir_);
  report_ = refi::import_project(project, read, coder);
}

}  // namespace casebook::merge

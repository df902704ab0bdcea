#pragma once
// REFI-QDA files from the model (model.hpp): project.qde (QDA-XML project
// 1.0), the .qdpx package (a ZIP of project.qde and sources/GUID.txt) and
// the .qdc codebook (QDA-XML codebook 1.0). Output depends only on the
// model: no clock, fixed ZIP entry dates, so equal models give equal bytes.

#include <string>

#include "engine/refi/model.hpp"

namespace casebook::refi {

inline constexpr const char* kProjectNamespace = "urn:QDA-XML:project:1.0";
inline constexpr const char* kCodebookNamespace = "urn:QDA-XML:codebook:1.0";

// project.qde: the whole project, sources referring to their text files by
// plainTextPath="internal://GUID.txt".
std::string project_xml(const Project& project);

// The .qdpx package: project.qde, then sources/GUID.txt for each source in
// model order (UTF-8, no byte order mark).
std::string qdpx_package(const Project& project);

// The .qdc: the project's codes and its codebook sets. Error(Data) when the
// project has no codes (a codebook needs at least one).
std::string codebook_xml(const Project& project);

}  // namespace casebook::refi

#pragma once
// A manifest: a CSV sidecar listing a collection's files with their metadata,
// so 600 files gathered from council websites, information requests and
// local newspapers import in one command (`casebook import --manifest F`).
//
// Header (names case-insensitive, any order; only `path` is required):
//   path        the file, relative to the manifest's folder (or absolute)
//   label       label to cite it by (Doc-3); empty: assigned
//   type        source type (minutes, interview, report, ...)
//   case/cases  case label(s), several separated by ';', '|' or ','
//   council, date (yyyy[-mm[-dd]]), title, format, encoding
//   url, retrieved, provenance (free text), http_status, content_type
// Every other column becomes a source attribute named by its header.
// Errors name the manifest, the row and the column.

#include <filesystem>
#include <vector>

#include "engine/ingest/import_files.hpp"

namespace casebook::ingest {

// The rows of the manifest at `path` as import requests, in file order.
// Throws Error(Data) for a malformed manifest (no path column, a row with
// no path, a path listed twice, a file that does not exist).
std::vector<SourceRequest> read_manifest(const std::filesystem::path& path);

}  // namespace casebook::ingest

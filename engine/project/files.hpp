#pragma once
// Small file-system helpers with crash-safe semantics.

#include <filesystem>
#include <string>
#include <string_view>

namespace casebook::project {

// Writes `content` to a temporary file beside `path`, fsyncs it and renames
// it over `path`, so readers see the old or the new content, never a mix.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file; Error(Io) naming the file when that fails.
std::string read_small_file(const std::filesystem::path& path);

// Reads a file to import, refusing directories, special files and files
// larger than `max_bytes` with Error(Data) naming the file.
std::string read_input_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace casebook::project

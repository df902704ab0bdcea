#pragma once
// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp).
//
// What counts as a finding: the parsers promise to throw casebook::Error for
// bad input, so those are caught -- except kind Internal, which the engine
// throws for its own broken invariants (an importer producing passages
// outside its text, say) and is therefore a bug: it aborts like a crash.
// Any other exception escapes and aborts too.
//
// Package formats (DOCX, ODT, XLSX, .qdpx) take their parts in an "entry
// format", so the fuzzer mutates XML rather than compressed bytes: entries
// separated by NUL bytes, each "NAME\nCONTENT" (XML holds no NUL). Input that
// starts like a ZIP is used as the package itself.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/importer.hpp"
#include "importers/zip_fixtures.hpp"

namespace casebook::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Runs `parse`; an expected error is fine, an Internal one is a bug.
template <typename Parse>
void expect_errors(Parse&& parse) {
  try {
    parse();
  } catch (const casebook::Error& e) {
    if (e.kind() != casebook::ErrorKind::Internal) return;
    std::fprintf(stderr, "fuzz: internal error (a bug): %s\n", e.what());
    std::abort();
  }
}

// Imports `bytes` as `path` with the importer of `format` (every source of a
// multi-source file) and checks each result's invariants the way ingest does.
inline void import_as(std::string_view format, std::string_view bytes,
                      const std::filesystem::path& path, std::optional<bool> transcript = {}) {
  expect_errors([&] {
    importers::InputFile file;
    file.path = path;
    file.bytes = std::string(bytes);
    file.transcript = transcript;
    const auto importer = importers::format_named(format).make();
    for (const importers::ImportedSource& source : importer->import_all(file)) {
      importers::validate(source, path);
    }
  });
}

inline bool starts_like_zip(std::string_view bytes) {
  return bytes.substr(0, 2) == "PK";
}

// The entries of input in entry format; a single chunk without a newline-
// separated name becomes `default_name`.
inline std::vector<testing::ZipEntry> split_entries(std::string_view bytes,
                                                    const std::string& default_name) {
  std::vector<testing::ZipEntry> entries;
  if (bytes.find('\0') == std::string_view::npos) {
    entries.push_back({default_name, std::string(bytes), true});
    return entries;
  }
  std::size_t pos = 0;
  while (pos <= bytes.size()) {
    std::size_t end = bytes.find('\0', pos);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view chunk = bytes.substr(pos, end - pos);
    const std::size_t newline = chunk.find('\n');
    if (newline != std::string_view::npos && newline > 0) {
      entries.push_back(
          {std::string(chunk.substr(0, newline)), std::string(chunk.substr(newline + 1)), true});
    }
    pos = end + 1;
  }
  return entries;
}

// A stored (uncompressed) ZIP holding `entries`, or nullopt when libzip
// refuses a name (the harness's problem, not the parser's).
inline std::optional<std::string> package_of(const std::vector<testing::ZipEntry>& entries) {
  try {
    return testing::make_zip(entries);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

// The package to import: the input itself when it is a ZIP, else built from
// its entries (with `defaults` added for names the input does not give).
inline std::optional<std::string> package_input(std::string_view bytes,
                                                const std::string& default_name,
                                                const std::vector<testing::ZipEntry>& defaults) {
  if (starts_like_zip(bytes)) return std::string(bytes);
  std::vector<testing::ZipEntry> entries = split_entries(bytes, default_name);
  for (const testing::ZipEntry& d : defaults) {
    bool given = false;
    for (const testing::ZipEntry& e : entries) given = given || e.name == d.name;
    if (!given) entries.insert(entries.begin(), d);
  }
  return package_of(entries);
}

}  // namespace casebook::fuzz

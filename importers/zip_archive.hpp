#pragma once
// Private to importers/: read-only access to a ZIP archive held in memory
// (DOCX, ODT and XLSX are ZIP packages of XML parts), hardened against
// hostile archives. A crafted ZIP can claim a small size and inflate to
// gigabytes, hold millions of entries, or name entries "../../etc/passwd";
// ZipArchive refuses all of these with an error naming the file, so the
// importers built on it never crash, hang or run out of memory.
//
//   ZipArchive zip(file.path, file.bytes);
//   if (auto xml = zip.read_if_present("word/document.xml")) ...

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace casebook::importers {

// Hints for errors about a package, shared by the ZIP and XML layers.
inline constexpr const char* kDamagedPackageHint =
    "the file may be damaged or incomplete: open it in the application that made it, save it "
    "again and import the saved copy";
inline constexpr const char* kHostilePackageHint =
    "the file is not a normal office document; if you trust it, open it in its application, "
    "save it again and import the saved copy";

// What ZipArchive accepts. The defaults are far beyond any real office
// document; tests lower them to exercise the checks cheaply.
struct ZipLimits {
  std::size_t max_entries = 10000;
  std::uint64_t max_entry_size = 256ull << 20;  // declared uncompressed bytes of one entry
  std::uint64_t max_total_read = 1ull << 30;    // bytes read from all entries together
  // Entries larger than `ratio_applies_above` may not inflate more than
  // `max_ratio` times their compressed size: XML compresses about 10:1,
  // a zip bomb 1000:1.
  std::uint64_t ratio_applies_above = 16ull << 20;
  std::uint64_t max_ratio = 200;
};

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive) as a ZIP. Throws
  // casebook::Error(Data) naming `path` when it is not a readable ZIP or
  // breaks a limit (too many entries, unsafe or encrypted entries).
  ZipArchive(std::filesystem::path path, std::string_view bytes, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Entry names in archive order (directories included, ending in '/').
  const std::vector<std::string>& names() const { return names_; }
  bool contains(std::string_view name) const;

  // The whole content of entry `name`. Throws Error(Data) naming the file
  // and the entry when it is missing, damaged or breaks a size limit.
  std::string read(std::string_view name);
  // The same, or nullopt when there is no such entry.
  std::optional<std::string> read_if_present(std::string_view name);

  const std::filesystem::path& path() const { return path_; }

 private:
  struct Closer {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };

  void check_entries();
  std::string read_index(std::uint64_t index, const std::string& name);

  std::filesystem::path path_;
  ZipLimits limits_;
  std::unique_ptr<zip_t, Closer> archive_;
  std::vector<std::string> names_;
  std::uint64_t total_read_ = 0;
};

// For sniffs, which must not throw: the entry names of `bytes`, or empty
// when it is not a readable ZIP (or breaks a limit).
std::vector<std::string> zip_entry_names(std::string_view bytes) noexcept;

// For sniffs: the content of entry `name` when `bytes` is a readable ZIP
// holding it and it is at most `max_size` bytes, else nullopt.
std::optional<std::string> read_small_zip_entry(std::string_view bytes, std::string_view name,
                                                std::size_t max_size) noexcept;

// True when `bytes` starts like a ZIP archive (local file header), a cheap
// test before asking libzip.
bool has_zip_signature(std::string_view bytes) noexcept;

}  // namespace casebook::importers

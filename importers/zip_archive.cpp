// ZipArchive: libzip over an in-memory buffer, with the checks that make a
// hostile archive an error instead of a crash or an exhausted machine. The
// central directory's sizes are only claims, so reading also counts the bytes
// that really come out and stops one byte past the claimed size.

#include "importers/zip_archive.hpp"

#include <algorithm>
#include <utility>

#include "engine/core/error.hpp"

namespace casebook::importers {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, FileCloser>;

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

// Owns a zip_error_t, which may hold allocated text.
class ZipError {
 public:
  ZipError() { zip_error_init(&error_); }
  ~ZipError() { zip_error_fini(&error_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t* get() { return &error_; }
  std::string text() { return zip_error_strerror(&error_); }

 private:
  zip_error_t error_;
};

std::string mib(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

// Names an extractor could turn into a write outside its folder, or that no
// office application writes: we never extract, but such a name marks a
// crafted archive, and refusing it keeps every consumer safe.
bool is_unsafe_name(std::string_view name) {
  if (name.empty() || name.front() == '/') return true;
  if (name.find('\\') != std::string_view::npos) return true;
  if (name.find('\0') != std::string_view::npos) return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // "C:..." drive letter
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

bool has_zip_signature(std::string_view bytes) noexcept {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

ZipArchive::ZipArchive(std::filesystem::path path, std::string_view bytes, ZipLimits limits)
    : path_(std::move(path)), limits_(limits) {
  ZipError error;
  SourcePtr source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, error.get()));
  if (!source) {
    throw_data(path_.string() + ": cannot read the ZIP archive (" + error.text() + ")",
               kDamagedPackageHint);
  }
  zip_t* archive = zip_open_from_source(source.get(), ZIP_RDONLY, error.get());
  if (archive == nullptr) {
    throw_data(path_.string() + ": is not a readable ZIP archive (" + error.text() + ")",
               kDamagedPackageHint);
  }
  source.release();  // the archive owns it now
  archive_.reset(archive);
  check_entries();
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::check_entries() {
  const zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries) {
    throw_data(path_.string() + ": the ZIP archive has more than " +
                   std::to_string(limits_.max_entries) + " entries",
               kHostilePackageHint);
  }
  names_.reserve(static_cast<std::size_t>(count));
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME)) {
      throw_data(path_.string() + ": ZIP entry " + std::to_string(i) + " cannot be read (" +
                     zip_strerror(archive_.get()) + ")",
                 kDamagedPackageHint);
    }
    const std::string name = st.name;
    if (is_unsafe_name(name)) {
      throw_data(path_.string() + ": ZIP entry '" + name +
                     "' has an unsafe name (absolute, with '..' or a backslash)",
                 kHostilePackageHint);
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      throw_data(path_.string() + ": ZIP entry " + name + " is encrypted (password-protected)",
                 "remove the password in the application that made the file, save it again "
                 "and import the saved copy");
    }
    names_.push_back(name);
  }
}

bool ZipArchive::contains(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string ZipArchive::read(std::string_view name) {
  auto content = read_if_present(name);
  if (!content) {
    throw_data(path_.string() + ": the ZIP archive has no entry " + std::string(name),
               "the file is incomplete or not the format its name says; open it in its "
               "application, save it again and import the saved copy");
  }
  return std::move(*content);
}

std::optional<std::string> ZipArchive::read_if_present(std::string_view name) {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) return std::nullopt;
  return read_index(static_cast<std::uint64_t>(it - names_.begin()), *it);
}

std::string ZipArchive::read_index(std::uint64_t index, const std::string& name) {
  const std::string where = path_.string() + ": ZIP entry " + name;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.get(), index, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
    throw_data(where + " cannot be read (" + zip_strerror(archive_.get()) + ")",
               kDamagedPackageHint);
  }
  const std::uint64_t declared = st.size;
  if (declared > limits_.max_entry_size) {
    throw_data(where + " expands to more than " + mib(limits_.max_entry_size) + " (a zip bomb?)",
               kHostilePackageHint);
  }
  if (declared > limits_.ratio_applies_above && (st.valid & ZIP_STAT_COMP_SIZE) &&
      declared / std::max<std::uint64_t>(st.comp_size, 1) > limits_.max_ratio) {
    throw_data(where + " expands " +
                   std::to_string(declared / std::max<std::uint64_t>(st.comp_size, 1)) +
                   " times its compressed size (a zip bomb?)",
               kHostilePackageHint);
  }
  if (total_read_ + declared > limits_.max_total_read) {
    throw_data(path_.string() + ": the ZIP archive expands to more than " +
                   mib(limits_.max_total_read) + " in all (a zip bomb?)",
               kHostilePackageHint);
  }

  ZipFilePtr file(zip_fopen_index(archive_.get(), index, 0));
  if (!file) {
    throw_data(where + " cannot be opened (" + zip_strerror(archive_.get()) + ")",
               kDamagedPackageHint);
  }
  // Read at most one byte past the claim: more means the directory lied.
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(declared, 64ull << 20)));
  char chunk[kReadChunk];
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
    if (n < 0) {
      throw_data(where + " is damaged (" + zip_file_strerror(file.get()) + ")",
                 kDamagedPackageHint);
    }
    if (n == 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
    if (out.size() > declared) {
      throw_data(where + " holds more data than its declared size of " + std::to_string(declared) +
                     " bytes (a zip bomb?)",
                 kHostilePackageHint);
    }
  }
  if (out.size() != declared) {
    throw_data(where + " is shorter than its declared size (the archive is damaged)",
               kDamagedPackageHint);
  }
  total_read_ += out.size();
  return out;
}

std::vector<std::string> zip_entry_names(std::string_view bytes) noexcept {
  if (!has_zip_signature(bytes)) return {};
  try {
    ZipArchive zip("", bytes);
    return zip.names();
  } catch (...) {
    return {};
  }
}

std::optional<std::string> read_small_zip_entry(std::string_view bytes, std::string_view name,
                                                std::size_t max_size) noexcept {
  if (!has_zip_signature(bytes)) return std::nullopt;
  try {
    ZipLimits limits;
    limits.max_entry_size = max_size;
    ZipArchive zip("", bytes, limits);
    return zip.read_if_present(name);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace casebook::importers
